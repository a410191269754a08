// An array of values with a destructor, kept across an await and taken
// apart after it by a slice pattern that moves its elements out: rustc
// drops what is left of the array, where the future is dropped at that
// await or a poll there unwinds, element by element in an order of its own
// (last first here), the machine whole, first to last. The compiler, asked
// whether each element bound moves, stops the build at it, saying to take
// the array apart before the await or to use a tuple: on a local, a
// parameter matched in a `match`, a `for` loop's element, an `if let` and
// a field of a local. Where the elements are `Copy` or reached through a
// reference, nothing moves and the fn builds
// (`tests/arrays_destructured_after_await.rs`).
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn local() -> usize {
    let pair = [String::from("a"), String::from("b")];
    ready().await;
    let [a, b] = pair;
    ready().await;
    a.len() + b.len()
}

#[desugar]
async fn parameter(args: [String; 3], quick: bool) -> usize {
    ready().await;
    match args {
        [cmd, ..] if quick => cmd.len(),
        [cmd, key, _] => {
            ready().await;
            cmd.len() + key.len()
        }
    }
}

#[desugar]
async fn looped(pairs: Vec<[String; 2]>) -> usize {
    let mut n = 0;
    for pair in pairs {
        ready().await;
        let [k, v] = pair;
        ready().await;
        n += k.len() + v.len();
    }
    n
}

#[desugar]
async fn if_let(pair: [Option<String>; 2]) -> usize {
    ready().await;
    if let [Some(a), _] = pair {
        ready().await;
        return a.len();
    }
    0
}

pub struct Entry {
    pub pair: [String; 2],
}

#[desugar]
async fn field(entry: Entry) -> usize {
    ready().await;
    let [a, b] = entry.pair;
    ready().await;
    a.len() + b.len()
}

fn main() {}
