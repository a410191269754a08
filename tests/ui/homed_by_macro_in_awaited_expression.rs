use desugar::desugar;

async fn double(n: usize) -> usize {
    n * 2
}

macro_rules! length {
    ($s:expr) => {
        $s.len()
    };
}

// The macro's expansion could lend `data` to the future; `#[desugar]`
// cannot see it, so it keeps `data` in place and cannot rewrite the macro.
#[desugar]
async fn macro_in_awaited_expression() -> usize {
    let data = String::from("text");
    double(length!(data)).await + data.len()
}

fn main() {}
