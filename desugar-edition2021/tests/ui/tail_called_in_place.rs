// A value made in place and called at once (`handler(p)(7)`): `Fn::call`
// borrows the callee, a temporary, which Rust 2021 drops after the locals
// of the block whose tail the call is, or at the end of the statement when
// the block is inside an awaited call or runs before the await (across
// it). The machine would drop it before. Each builds once the value is
// bound with `let` (`let n = handler(p)(7); n`).
#![allow(unused_braces)]

use desugar::desugar;

async fn ready<T>(value: T) -> T {
    value
}

fn handler(tag: String) -> impl Fn(u32) -> u32 {
    move |x| x + tag.len() as u32
}

fn boxed(tag: String) -> Box<dyn Fn(u32) -> u32 + Send + Sync> {
    Box::new(move |x| x + tag.len() as u32)
}

fn async_handler(tag: String) -> impl Fn(u32) -> std::future::Ready<u32> {
    move |x| std::future::ready(x + tag.len() as u32)
}

struct Config(String);

impl Config {
    fn handler(&self) -> impl Fn(u32) -> u32 + '_ {
        move |x| x + self.0.len() as u32
    }
}

#[desugar]
async fn returned(tag: String) -> u32 {
    ready(()).await;
    handler(tag)(7)
}

#[desugar]
async fn of_a_method(cfg: Config) -> u32 {
    ready(()).await;
    cfg.handler()(7)
}

#[desugar]
async fn in_parens(tag: String) -> u32 {
    ready(()).await;
    (handler(tag))(7)
}

#[desugar]
async fn a_box(tag: String) -> u32 {
    ready(()).await;
    boxed(tag)(1)
}

#[desugar]
async fn awaited(tag: String) -> u32 {
    ready(()).await;
    async_handler(tag)(7).await
}

#[desugar]
async fn in_a_branch(go: bool) -> u32 {
    if go {
        let tag = String::from("branch");
        ready(()).await;
        handler(tag.clone())(7)
    } else {
        0
    }
}

#[desugar]
async fn in_an_arm(n: u32) -> u32 {
    match n {
        0 => {
            let tag = String::from("arm");
            ready(()).await;
            handler(tag.clone())(7)
        }
        _ => 1,
    }
}

#[desugar]
async fn in_braces_in_an_awaited_call() -> u32 {
    ready({ handler(String::from("closure"))(1) }).await
}

#[desugar]
async fn in_braces_before_the_await() -> u32 {
    let n = { handler(String::from("closure"))(1) } + ready(1).await;
    n
}

fn main() {}
