// A `let` chain keeps the temporaries of its `let`s to the end of the
// `then` block, across the awaits there. Those of the first part, which
// runs whenever the `if` does, are kept; a later `let` runs only if the
// parts before it hold, and its temporaries cannot be named ahead: an
// error, where the machine would drop them at the first await.
use desugar::desugar;

async fn ready() {}

fn names() -> Vec<String> {
    vec!["a".into()]
}

#[desugar]
async fn later(flag: bool) -> usize {
    if flag && let Some(first) = names().first() {
        ready().await;
        first.len()
    } else {
        0
    }
}

fn main() {}
