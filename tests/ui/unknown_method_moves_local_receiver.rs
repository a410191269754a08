// A local given by value to a method syntax does not know (`combine(self,
// ..)`, a trait's `merge(self, ..)`, a builder's `with_body(self, ..)`)
// in a call whose arguments await: rustc moves the local into the pending
// call before the await and, if the future is dropped there or the awaited
// future panics, drops it before the other locals. The machine cannot tell
// such a method from one that borrows (`v.push(f().await)`, which is far
// more common), so it keeps the local in place, and asks the compiler
// whether the method moves it: where it does, and the local has something
// to drop, the build stops at the receiver. The answer comes when the
// machine is compiled for a caller (here `main`), as the compiler's `const`
// checks do, so `cargo check` does not show this error. Written as a call
// (`Money::combine(a, ..)`), or with the awaited value bound first, the
// move is lowered as rustc makes it (`tests/moved_receivers.rs`).
use desugar::desugar;
use std::future::Future;
use std::pin::Pin;

async fn number(n: u32) -> u32 {
    n
}

pub struct Money(String);

impl Money {
    fn combine(self, o: u32) -> u32 {
        self.0.len() as u32 + o
    }
}

#[desugar]
async fn combined(a: Money, other: String) -> u32 {
    let n = a.combine(number(1).await);
    n + other.len() as u32
}

pub trait Merge {
    fn merge(self, o: u32) -> u32;
}

impl Merge for Money {
    fn merge(self, o: u32) -> u32 {
        self.0.len() as u32 + o
    }
}

/// A trait's method on a type parameter: the answer comes for each type
/// the fn is compiled for.
#[desugar]
async fn merged<T: Merge>(a: T) -> u32 {
    a.merge(number(1).await)
}

pub struct Request(String);

impl Request {
    fn with_body(self, body: u32) -> u32 {
        self.0.len() as u32 + body
    }

    #[desugar]
    async fn send(self) -> u32 {
        self.with_body(number(2).await)
    }
}

/// What the message says to write builds: the call form, and the awaited
/// value bound first.
#[desugar]
async fn written_out(a: Money, b: Money) -> u32 {
    let n = Money::combine(a, number(1).await);
    let m = number(2).await;
    n + b.combine(m)
}

/// A method that borrows its receiver builds, as does a receiver with
/// nothing to drop.
pub struct Count(u32);

impl Count {
    fn plus(self, o: u32) -> u32 {
        self.0 + o
    }
}

impl Merge for Count {
    fn merge(self, o: u32) -> u32 {
        self.0 + o
    }
}

#[desugar]
async fn borrowed(mut v: Vec<String>, c: Count) -> u32 {
    v.push(String::from("x"));
    v.extend(Some(number(1).await.to_string()));
    c.plus(number(3).await) + v.len() as u32
}

fn main() {
    let _: Pin<Box<dyn Future<Output = u32>>> =
        Box::pin(combined(Money(String::new()), String::new()));
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(merged(Money(String::new())));
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(merged(Count(1)));
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(Request(String::new()).send());
    let _: Pin<Box<dyn Future<Output = u32>>> =
        Box::pin(written_out(Money(String::new()), Money(String::new())));
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(borrowed(Vec::new(), Count(1)));
}
