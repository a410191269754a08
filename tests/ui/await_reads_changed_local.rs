// `x` is read before the await and changed by the awaited expression:
// evaluating it after the suspension would read the new value.
use desugar::desugar;

async fn bump(x: &mut u32) -> u32 {
    *x += 1;
    *x
}

fn add(a: u32, b: u32) -> u32 {
    a + b
}

#[desugar]
async fn named_operand() -> u32 {
    let mut x = 1;
    add(x, bump(&mut x).await)
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
