// `format!(..).trim()` borrows a temporary that rustc keeps to the end of
// the `match`, across the arms' awaits, so the machine names it ahead of
// the scrutinee, and names the receiver `Request::new()` before it, which
// runs first. Syntax cannot tell whether `send` takes `self` or `&self`,
// so the receiver is kept in place in case the call borrows it (dropped
// early otherwise, where rustc keeps it); a call that moves it does not
// build, and the error points at the receiver. Write the move explicitly
// (`Request::send(Request::new(), ..)`), and nothing is kept.
use desugar::desugar;

async fn ready() {}

struct Request;

impl Request {
    fn new() -> Self {
        Request
    }

    fn retried(self) -> Self {
        self
    }

    async fn send(self, len: usize) -> usize {
        len
    }
}

#[desugar]
async fn fetch(name: &str) -> usize {
    match Request::new().send(format!("/{name}").trim().len()).await {
        0 => {
            ready().await;
            0
        }
        n => n,
    }
}

/// The same in an `if let … else`, for a receiver built by a chain.
#[desugar]
async fn fetch_if_let(name: &str) -> usize {
    if let Some(n) = 9usize.checked_sub(Request::new().retried().send(format!("/{name}").trim().len()).await) {
        n
    } else {
        ready().await;
        1
    }
}

#[desugar]
async fn fetch_moved_explicitly(name: &str) -> usize {
    match Request::send(Request::new(), format!("/{name}").trim().len()).await {
        0 => {
            ready().await;
            0
        }
        n => n,
    }
}

fn main() {}
