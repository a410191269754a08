// A pattern that skips parts with `..` beside a part it moves out, on a
// value kept across an await that follows (dogE1, build 3): rustc leaves
// the skipped parts in the value and drops them at the end of its scope;
// the machine binds skipped parts apart only where it sees how many there
// are (`_`). The compiler, asked whether the part moves, stops the build at
// the `..`, saying to write `_` for each part, on a temporary, on a local,
// in an `if let`, in a `for` loop and in a struct named by one segment
// (`Some(Frame { payload, .. })`, fixY build_7, where rustc said only
// E0382), and on a local read before it; where the part is `Copy`, nothing moves and the fn builds
// (`tests/skipped_temporary_parts.rs`).
use desugar::desugar;

async fn ready() {}

pub enum Pk {
    Pair(String, String),
    One(String),
    Named { a: String, b: String },
}

fn mk(k: u8) -> Pk {
    match k {
        0 => Pk::Pair(String::new(), String::new()),
        _ => Pk::One(String::new()),
    }
}

#[desugar]
async fn temporary(k: u8) -> usize {
    match mk(k) {
        Pk::Pair(a, ..) => {
            ready().await;
            a.len()
        }
        _ => 2,
    }
}

#[desugar]
async fn local(k: u8) -> usize {
    let pk = mk(k);
    match pk {
        Pk::Named { a, .. } => {
            ready().await;
            a.len()
        }
        _ => 2,
    }
}

#[desugar]
async fn if_let(mut q: Vec<(String, String)>) -> usize {
    if let Some((a, ..)) = q.pop() {
        ready().await;
        return a.len();
    }
    0
}

#[desugar]
async fn looped(pairs: Vec<(String, u8, String)>) -> usize {
    let mut n = 0;
    for (a, ..) in pairs {
        ready().await;
        n += a.len();
    }
    n
}

pub struct Frame {
    pub kind: u8,
    pub payload: String,
    pub trailer: String,
}

fn frame(k: u8) -> Option<Frame> {
    (k > 0).then(|| Frame {
        kind: k,
        payload: String::new(),
        trailer: String::new(),
    })
}

#[desugar]
async fn struct_by_name(k: u8) -> usize {
    match frame(k) {
        Some(Frame { payload, .. }) => {
            ready().await;
            payload.len()
        }
        None => 0,
    }
}

/// A field read in the `if` around the pattern (dogK1 build_3, where
/// rustc said only E0507).
#[desugar]
async fn read_in_condition(k: u8) -> usize {
    let f = Frame {
        kind: k,
        payload: String::new(),
        trailer: String::new(),
    };
    if f.kind == 0 {
        let Frame { payload, .. } = f;
        ready().await;
        payload.len()
    } else {
        0
    }
}

fn main() {}
