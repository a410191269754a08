// A `move` closure, or an `async move` block, reading a field of a local
// that is a smart pointer whose type does not show (`let me =
// shared.clone();`) captures the pointer whole, where the expansion takes
// the capture for one of the field alone and keeps the local across the
// await: the compiler, asked about the local's type, stops the build at
// the field, saying to write the type (then the machine moves the pointer,
// `tests/pointer_captures.rs`) or copy the field out first.
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use desugar::desugar;

async fn ready() {}

pub struct Service {
    hits: u32,
}

#[desugar]
async fn in_a_closure(shared: Arc<Service>) -> u32 {
    let me = shared.clone();
    let f = move || me.hits;
    ready().await;
    f()
}

#[desugar]
async fn in_an_async_block(shared: Arc<Service>) -> u32 {
    let me = shared.clone();
    let later = async move { me.hits + 1 };
    ready().await;
    later.await
}

fn main() {
    let _: Pin<Box<dyn Future<Output = u32>>> =
        Box::pin(in_a_closure(Arc::new(Service { hits: 1 })));
    let _: Pin<Box<dyn Future<Output = u32>>> =
        Box::pin(in_an_async_block(Arc::new(Service { hits: 1 })));
}
