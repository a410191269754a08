use desugar::desugar;

async fn ready() -> bool {
    true
}

#[desugar]
async fn in_guard(n: u32) -> u32 {
    match n {
        0 if ready().await => 1,
        _ => 2,
    }
}

fn main() {}
