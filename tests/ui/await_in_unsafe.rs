use desugar::desugar;

async fn ready() -> u32 {
    1
}

#[desugar]
async fn in_unsafe() -> u32 {
    unsafe {
        let n = ready().await;
        n
    }
}

fn main() {}
