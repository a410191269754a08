use desugar::desugar;

async fn ready() -> u32 {
    1
}

#[desugar]
async fn value_if(flag: bool) -> u32 {
    let n = 1 + if flag { ready().await } else { 0 };
    n
}

fn main() {}
