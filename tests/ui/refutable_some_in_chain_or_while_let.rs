// `Some(Msg::Text(body))` fails on a `Some(Msg::Other(..))` too, which
// rustc keeps whole, to drop at the end of its scope, after the await. In a
// `let` chain or a `while let`, the machine cannot keep the local with a
// drop flag (a chain's later operand may fail after the pattern moved
// `body` out; a `while let` matches again), and the build stops rather
// than drop it early: match once, with `if let` or `match` outside the
// chain or the loop (`if let Some(Msg::Text(body)) = m { if flag { .. } }`),
// or match on a reference (`while let Some(Msg::Text(body)) = &m`).
// `tests/refutable_inside_some.rs` has those rewrites.
use desugar::desugar;

async fn ready() {}

pub enum Msg {
    Text(String),
    Other(String),
}

#[desugar]
async fn in_a_chain(m: Option<Msg>, flag: bool) -> usize {
    if let Some(Msg::Text(body)) = m
        && flag
    {
        drop(body);
    }
    ready().await;
    1
}

#[desugar]
async fn in_a_while_let(m: Option<Msg>) -> usize {
    while let Some(Msg::Text(body)) = m {
        drop(body);
        break;
    }
    ready().await;
    2
}

fn main() {}
