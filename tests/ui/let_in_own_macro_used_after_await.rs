// A `let` a macro of your own declares in statement position is not seen:
// the machine cannot keep its local across an await, and the code after
// it would not find it (rustc's bare E0425). Where a name the macro is
// given as a declaration would be (`bind!(conn = ..)`, `guard!(g, ..)`)
// is used as a value after an await of the block, and no local has it,
// the build stops there saying to write the `let` out.
use desugar::desugar;

async fn ready() {}

macro_rules! bind {
    ($name:ident = $value:expr) => {
        let $name = $value;
    };
}

macro_rules! guard {
    ($name:ident, $label:expr) => {
        let $name = String::from($label);
    };
}

#[desugar]
async fn session() -> usize {
    bind!(conn = String::from("conn"));
    ready().await;
    conn.len()
}

#[desugar]
async fn guarded() -> usize {
    guard!(g, "g");
    let n = g.len();
    ready().await;
    n + g.len()
}

// Used before the await only, it is where the macro put it: this builds.
#[desugar]
async fn used_before_the_await() -> usize {
    bind!(conn = String::from("conn"));
    let n = conn.len();
    ready().await;
    n
}

fn main() {}
