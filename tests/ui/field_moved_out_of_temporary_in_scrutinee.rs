// A field that is not `Copy` moved out of a call's result by a `match` or
// `if let` whose arms await (`match pair().a { a => .. }`): rustc keeps
// the rest of the value (`b`) to the end of the construct, which the
// machine, keeping the value whole, cannot do once the field is moved out.
// The build stops at the scrutinee, saying to bind the field with `let`
// first (`tests/temporary_fields.rs` has the `Copy` fields, which build).
use desugar::desugar;
use desugar::harness::Probe;

async fn ready() {}

async fn look(_: &Probe) {}

pub struct Pair {
    pub a: Probe,
    pub b: Probe,
}

fn pair() -> Pair {
    Pair { a: Probe::new("a"), b: Probe::new("b") }
}

#[desugar]
async fn matched() -> usize {
    match pair().a {
        a => {
            ready().await;
            a.label().len()
        }
    }
}

#[desugar]
async fn if_let() {
    if let a = pair().a {
        look(&a).await
    }
}

fn main() {}
