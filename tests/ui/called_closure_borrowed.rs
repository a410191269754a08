// A local closure called before an await and not used after it: syntax
// cannot tell a call that consumes the closure (`FnOnce`) from one that
// borrows it, and the machine takes it for a move, keeping nothing. This
// closure is `Fn` and owns a `String`, which rustc drops at the end of the
// scope, after the await: the compiler, asked about the call, stops the
// build there, saying to use the closure after the await.
use std::future::Future;
use std::pin::Pin;

use desugar::desugar;

async fn ready() {}

#[desugar]
async fn describe(name: String) -> usize {
    let len = move || name.len();
    let doubled = len() * 2;
    ready().await;
    doubled
}

fn main() {
    // The answer comes where the machine is compiled for a caller.
    let _: Pin<Box<dyn Future<Output = usize>>> = Box::pin(describe(String::new()));
}
