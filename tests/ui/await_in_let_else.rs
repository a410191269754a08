use desugar::desugar;

async fn ready() -> Option<u32> {
    None
}

// A pattern that binds by reference (`ref`) would borrow the value past the
// block the `else` is lowered into (an `else` that awaits is lowered as a
// `match`: tests/constructs/statements_and_lets.rs): still an error.
#[desugar]
async fn let_else(value: Option<String>) -> usize {
    let Some(ref n) = value else {
        return ready().await.unwrap_or(0) as usize;
    };
    n.len()
}

fn main() {}
