// `self.n` is read before the await and changed by the awaited expression:
// evaluating it after the suspension would read the new value. (A local
// given by value there, `add(x, bump(&mut x).await)`, is moved ahead of
// the await, as rustc moves it: `tests/earlier_parts.rs`.)
use desugar::desugar;

async fn bump(x: &mut u32) -> u32 {
    *x += 1;
    *x
}

fn add(a: u32, b: u32) -> u32 {
    a + b
}

struct Counter {
    n: u32,
}

impl Counter {
    // The receiver is named as the user wrote it, `self`.
    #[desugar]
    async fn method(&mut self) -> u32 {
        add(self.n, bump(&mut self.n).await)
    }
}

fn main() {}
