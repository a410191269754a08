// An item in the body named like one of the machine's types would hide it.
use desugar::desugar;

async fn ready() -> u32 {
    1
}

#[desugar]
async fn item_named_like_machine() -> u32 {
    let n = ready().await;
    struct __State;
    let _ = __State;
    n
}

fn main() {}
