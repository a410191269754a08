// `build` takes `self`, but syntax cannot tell it from a `&self` method
// whose result borrows the value (`label(&self) -> &str`): what `build`
// gives is read further in the scrutinee (`.len()`), so rustc keeps it to
// the end of the `match`, and the value it was called on too if `build`
// borrows it. The machine keeps that value in place across the arm's
// await, from where `build(self)` cannot move it: the build stops at the
// value saying to write the call with the value as its argument,
// `Builder::build(Builder::new())` (`tests/scrutinee_receivers.rs`). A
// method syntax does not know that gives the scrutinee's own value
// (`match Builder::new().send(n)`) leaves it unnamed, and builds.
use desugar::desugar;

async fn ready() {}

struct Builder(String);

impl Builder {
    fn new() -> Builder {
        Builder(String::from("b"))
    }

    fn build(self) -> Vec<u8> {
        self.0.into_bytes()
    }
}

#[desugar]
async fn built() -> usize {
    match Builder::new().build().len() {
        1 => {
            ready().await;
            1
        }
        n => n,
    }
}

fn main() {}
