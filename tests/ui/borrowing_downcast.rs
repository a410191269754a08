// `downcast` is named like the standard library's `downcast(self)` (of
// `Box<dyn Any>`, `Rc<dyn Any>`, `Arc<dyn Any + Send + Sync>` and
// `Box<dyn Error>`), which moves its receiver, but a binding crate's (pyo3's
// `Bound::downcast(&self)`) borrows it. Taken for a move, the local would be
// kept no further than the call, and a value made for it dropped when the
// call ends, where rustc keeps them across the await; the expansion asks the
// compiler, which stops the build at the receiver saying to write the
// borrow (`Handle::downcast(&h)`) or to bind the value with `let`.
use desugar::desugar;
use std::future::Future;
use std::pin::Pin;

async fn ready() {}

struct Handle(String);

impl Handle {
    fn downcast(&self) -> Option<u32> {
        Some(self.0.len() as u32)
    }
}

#[desugar]
async fn on_a_local() -> u32 {
    let h = Handle(String::from("h"));
    let n = h.downcast();
    ready().await;
    n.unwrap_or(0)
}

#[desugar]
async fn on_a_made_value() -> u32 {
    match Handle(String::from("m")).downcast() {
        Some(n) => {
            ready().await;
            n
        }
        None => 0,
    }
}

fn main() {
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(on_a_local());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(on_a_made_value());
}
