// A local closure called before an await and not used after it: syntax
// cannot tell a call that consumes the closure (`FnOnce`) from one that
// borrows it, and the machine takes it for a move, keeping nothing. This
// closure is `Fn` and owns a `String`, which rustc drops at the end of the
// scope, after the await: the compiler, asked about the call, stops the
// build there, saying to use the closure after the await. So when the call
// is given a variant or a constant (`Level::Info`, `u32::MAX`), or a value
// a `?` gives, whose types the compiler settles as it settles the call's,
// and when the closure is called in parentheses, `(len)()`. So too where
// the call's future is awaited, `fetch().await`: a closure written without
// `async` cannot lend from itself, so the future holds no borrow of it,
// and the machine does not keep it (an `FnOnce` one, `move || async move
// { .. }` owning what it captured, builds: `tests/futures_as_values.rs`).
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

#[derive(Debug)]
enum Level {
    Info,
}

#[desugar]
async fn logged(name: String, raw: &str) -> Result<usize, std::num::ParseIntError> {
    let log = move |level: Level, n: usize| format!("{name} {level:?} {n}").len();
    log(Level::Info, usize::MAX);
    log(Level::Info, raw.parse()?);
    ready().await;
    Ok(0)
}

#[desugar]
async fn in_parentheses(name: String) -> usize {
    let len = move || name.len();
    let n: usize = (len)();
    ready().await;
    n
}

#[desugar]
async fn awaited_call(name: String) -> usize {
    let fetch = move || {
        let n = name.len();
        async move { n }
    };
    fetch().await
}

fn main() {
    // The answer comes where the machine is compiled for a caller.
    let _: Pin<Box<dyn Future<Output = usize>>> = Box::pin(describe(String::new()));
    let _: Pin<Box<dyn Future<Output = Result<usize, std::num::ParseIntError>>>> =
        Box::pin(logged(String::new(), "1"));
    let _: Pin<Box<dyn Future<Output = usize>>> = Box::pin(in_parentheses(String::new()));
    let _: Pin<Box<dyn Future<Output = usize>>> = Box::pin(awaited_call(String::new()));
}
