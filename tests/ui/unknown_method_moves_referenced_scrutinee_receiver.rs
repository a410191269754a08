// `kind` takes `self`, but syntax cannot tell it from a `&self` method
// whose result borrows the value (`label(&self) -> &str`): the arms match
// a string, so the scrutinee's own value holds a reference, which most
// likely borrows the value the method is called on, and rustc keeps that
// value to the end of the `match` if so. The machine keeps it in place
// across the arm's await, from where `kind(self)` cannot move it: the
// build stops at the value saying to write the call with the value as its
// argument, `Builder::kind(Builder::new())`, as for a result read further
// (`tests/ui/unknown_method_moves_kept_scrutinee_receiver.rs`). With
// `label(&self) -> &str` it builds (`tests/lifted_round_bm.rs`); without
// a pattern showing a reference (`match Builder::new().send(n)`), the
// value is left unnamed, and a builder builds.
use desugar::desugar;

async fn ready() {}

struct Builder(String);

impl Builder {
    fn new() -> Builder {
        Builder(String::from("b"))
    }

    fn kind(self) -> &'static str {
        if self.0.is_empty() { "empty" } else { "full" }
    }
}

#[desugar]
async fn kind() -> usize {
    match Builder::new().kind() {
        "full" => {
            ready().await;
            1
        }
        _ => 0,
    }
}

fn main() {}
