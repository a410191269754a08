// The `if` inside the condition awaits after `fold` has run, and the
// expansion runs the part before it ahead of the first await: what it
// computed is read again where the awaited expression may change it. The
// message has no name for that value the user would know, so it says what
// it is.
use desugar::desugar;

async fn ready<T>(value: T) -> T {
    value
}

async fn len_later(text: &str, first: impl std::future::Future<Output = ()>) -> u32 {
    first.await;
    text.len() as u32
}

#[desugar]
async fn case(x: u32, s: String) -> u32 {
    let v = vec![6u32, 5];
    if !(v.iter().fold(1u32, |a, b| a ^ b)
        >= if ready(x).await != len_later(&format!("{x}"), ready(())).await {
            ready(4u32).await
        } else {
            s.len() as u32
        })
    {
        return 1;
    }
    0
}

fn main() {}
