use desugar::desugar;

async fn ready() -> u32 {
    1
}

fn make() -> Option<u32> {
    Some(2)
}

#[desugar]
async fn value_match() -> u32 {
    2 * match make() {
        Some(0) => ready().await,
        other => other.unwrap_or(0),
    }
}

fn main() {}
