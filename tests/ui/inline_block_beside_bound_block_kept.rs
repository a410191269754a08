// An inline `async` block beside a bound one in a value made in a loop
// (`Race { a: Box::pin(job), b: Box::pin(async { .. }) }`): the value is a
// type of its own in each copy of the loop's body. Awaited at once it is
// wrapped whole (`tests/futures_through_second_locals.rs`); kept across
// another await it cannot be, and the message says so at the local. Bound
// with `let` too, the inline block is wrapped where it is made, as the
// other, and the value has one type.
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};
use desugar::desugar;

struct Race<A, B> {
    a: A,
    b: B,
}

impl<A: Future + Unpin, B: Future<Output = A::Output> + Unpin> Future for Race<A, B> {
    type Output = A::Output;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<A::Output> {
        if let Poll::Ready(v) = Pin::new(&mut self.a).poll(cx) {
            return Poll::Ready(v);
        }
        Pin::new(&mut self.b).poll(cx)
    }
}

async fn ready() {}

#[desugar]
async fn raced_later(n: u32) -> u32 {
    let mut hits = 0;
    for i in 0..n {
        let job = async move { i };
        let race = Race {
            a: Box::pin(job),
            b: Box::pin(async { 99 }),
        };
        ready().await;
        hits += race.await;
    }
    hits
}

fn main() {}
