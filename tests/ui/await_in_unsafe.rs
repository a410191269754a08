use desugar::desugar;

async fn ready() -> u32 {
    1
}

#[desugar]
async fn in_unsafe() -> u32 {
    // SAFETY: nothing here is unsafe; the block is the construct under
    // test, an await inside `unsafe`, which #[desugar] rejects.
    unsafe {
        let n = ready().await;
        n
    }
}

fn main() {}
