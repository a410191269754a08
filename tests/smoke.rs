use desugar::desugar;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn fetch_length(s: &str) -> usize {
    s.len()
}
async fn log_result(_x: usize) {}

#[desugar]
async fn process(input: String) -> usize {
    let trimmed = input.trim().to_string();
    let result = fetch_length(&trimmed).await;
    let doubled = result * 2;
    log_result(doubled).await;
    doubled
}

fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

#[test]
fn process_matches() {
    assert_eq!(
        block_on(process(" hi ".into())),
        block_on(process_rustc(" hi ".into()))
    );
}
