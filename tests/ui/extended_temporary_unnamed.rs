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

// In a `let … else`, a value extended after a part with an effect would
// be made in place, and might not be made before the `else` drops it.
#[desugar]
async fn let_else(values: Vec<u32>) -> usize {
    let (Some(first), label) = (values.first().copied(), &String::from("first")) else {
        return 0;
    };
    ready().await;
    first as usize + label.len()
}

// The same where the `else` awaits, with no await after the `let`.
#[desugar]
async fn awaiting_else(values: Vec<u32>) -> usize {
    let (Some(first), label) = (values.first().copied(), &String::from("first")) else {
        ready().await;
        return 0;
    };
    first as usize + label.len()
}

fn main() {}
