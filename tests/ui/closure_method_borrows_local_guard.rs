// `map_or` and `is_some_and`, given a closure, reach the `Option` inside a
// local `MutexGuard` through its `Deref`, copying it out: the guard itself
// is only borrowed, and rustc holds the lock to the end of its scope,
// across the await. The expansion takes the call for a move of the guard,
// so it asks the compiler whether the method borrows it, closure and all.
// Written as a borrow (`(*g).map_or(0, |x| x * 3)`), the guard is kept.
use desugar::desugar;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

async fn ready() {}

#[desugar]
async fn mapped(m: Arc<Mutex<Option<u32>>>) -> u32 {
    let g = m.lock().unwrap();
    let n = g.map_or(0, |x| x * 3);
    ready().await;
    n
}

#[desugar]
async fn tested(m: Arc<Mutex<Option<u32>>>) -> bool {
    let g = m.lock().unwrap();
    let b = g.is_some_and(|x| x > 1);
    ready().await;
    b
}

fn main() {
    let m = Arc::new(Mutex::new(None));
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(mapped(m.clone()));
    let _: Pin<Box<dyn Future<Output = bool>>> = Box::pin(tested(m));
}
