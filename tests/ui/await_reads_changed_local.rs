// `self.n` is the receiver of a method called after an await in its
// statement, and the awaited expression changes it: syntax cannot tell a
// receiver the method borrows (read after the await, where it must not
// have changed) from one it copies. (Read as a value, `add(self.n,
// bump(&mut self.n).await)`, it is read ahead of the await, as rustc
// reads it: `tests/earlier_parts.rs`.)
use desugar::desugar;

async fn bump(x: &mut u32) -> u32 {
    *x += 1;
    *x
}

struct Counter {
    n: u32,
}

impl Counter {
    // The receiver is named as the user wrote it, `self`.
    #[desugar]
    async fn method(&mut self) -> u32 {
        self.n.max(bump(&mut self.n).await)
    }
}

// A `Copy` local: binding only the awaited value would read `n` after
// `bump` changed it; the message says to copy it first.
#[desugar]
async fn power(mut n: u32) -> u32 {
    n.pow(bump(&mut n).await)
}

fn main() {}
