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

fn main() {}
