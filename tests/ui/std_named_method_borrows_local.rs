// `count` and `map` are named like the standard library's methods that
// take `self`, so the expansion takes `bag.count()` for a move of `bag`
// and keeps it no further, where these take `&self` and `&mut self`: rustc
// keeps `bag` to the end of its scope, across the await, where the machine
// would drop it at the await. The expansion asks the compiler whether the
// method borrows its receiver; it answers when the machine is compiled for
// a caller (here `main`), as the compiler's `const` checks do, so `cargo
// check` does not show this error. Written as a borrow (`Bag::count(&bag)`),
// the call keeps `bag` as rustc does.
use desugar::desugar;
use std::future::Future;
use std::pin::Pin;

async fn ready() {}

struct Bag(String);

impl Bag {
    fn count(&self) -> u32 {
        self.0.len() as u32
    }

    fn map(&mut self, k: u32) -> u32 {
        self.0.len() as u32 + k
    }

    fn zip(&self, other: String) -> u32 {
        (self.0.len() + other.len()) as u32
    }
}

#[desugar]
async fn counted() -> u32 {
    let bag = Bag(String::from("b"));
    let n = bag.count();
    ready().await;
    n
}

#[desugar]
async fn mapped(k: u32) -> u32 {
    let mut bag = Bag(String::from("b"));
    let n = bag.map(k);
    ready().await;
    n
}

/// The argument moved into the call does not hide that `zip` borrows.
#[desugar]
async fn zipped() -> u32 {
    let bag = Bag(String::from("b"));
    let other = String::from("o");
    let n = bag.zip(other);
    ready().await;
    n
}

/// Nor does one moved in otherwise than by its name (`Some(other)`).
#[desugar]
async fn zipped_inside() -> u32 {
    let bag = Bag(String::from("b"));
    let other = String::from("o");
    let n = bag.zip(Some(other).unwrap_or_default());
    ready().await;
    n
}

/// Nor one moved in through a consuming call (`other.into()`, a `move`
/// closure called): the check reads the call's arguments apart from its
/// receiver.
#[desugar]
async fn zipped_converted() -> u32 {
    let bag = Bag(String::from("b"));
    let other = String::from("o");
    let n = bag.zip(other.into());
    ready().await;
    n
}

#[desugar]
async fn zipped_collected() -> u32 {
    let bag = Bag(String::from("b"));
    let letters = vec!['o'];
    let n = bag.zip(letters.into_iter().collect());
    ready().await;
    n
}

/// A `count` whose answer holds nothing of its argument (a `zip`'s might
/// hold what `make()` borrows of `make`, which the machine then keeps).
struct Labels(String);

impl Labels {
    fn count(&self, label: String) -> u32 {
        (self.0.len() + label.len()) as u32
    }
}

#[desugar]
async fn counted_made() -> u32 {
    let labels = Labels(String::from("t"));
    let other = String::from("o");
    let make = move || other;
    let n = labels.count(make());
    ready().await;
    n
}

/// Given an argument that awaits, the local is moved ahead of the await,
/// as rustc moves a receiver the method takes by value into the pending
/// call; so asked about wherever it is used after.
async fn label() -> String {
    String::from("l")
}

#[desugar]
async fn counted_awaited() -> u32 {
    let labels = Labels(String::from("t"));
    labels.count(label().await)
}

/// A trait of the user's gives `Option` a `count` that borrows: the local's
/// type alone does not tell.
trait Tally {
    fn count(&self) -> u32;
}

impl<T> Tally for Option<T> {
    fn count(&self) -> u32 {
        u32::from(self.is_some())
    }
}

#[desugar]
async fn counted_option(maybe: Option<Bag>) -> u32 {
    let n = maybe.count();
    ready().await;
    n
}

#[desugar]
async fn borrowed_outright() -> u32 {
    let bag = Bag(String::from("b"));
    let n = Bag::count(&bag);
    ready().await;
    n
}

#[desugar]
async fn kept_after() -> u32 {
    let bag = Bag(String::from("b"));
    let n = bag.count();
    ready().await;
    n + bag.count()
}

fn main() {
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(counted());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(mapped(1));
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(counted_option(None));
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(zipped());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(zipped_inside());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(zipped_converted());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(zipped_collected());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(counted_made());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(counted_awaited());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(borrowed_outright());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(kept_after());
}
