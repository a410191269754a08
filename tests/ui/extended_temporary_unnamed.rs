use desugar::desugar;

async fn ready() {}

// `Some(&String::new())` extends the string to the end of the block,
// across the await; `#[desugar]` cannot tell `Some` from a fn call.
#[desugar]
async fn constructor() -> bool {
    let found = Some(&String::new());
    ready().await;
    found.is_some()
}

// In a `let … else`, rustc drops the extended value before the `else`.
#[desugar]
async fn let_else(values: Vec<u32>) -> u32 {
    let Some(first) = &values.first().copied() else {
        return 0;
    };
    ready().await;
    *first
}

fn main() {}
