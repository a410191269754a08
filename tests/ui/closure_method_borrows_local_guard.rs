// `map_or` and `is_some_and`, given a closure, reach the `Option` inside a
// local `MutexGuard` through its `Deref`, copying it out: the guard itself
// is only borrowed, and rustc holds the lock to the end of its scope,
// across the await. Made by a fn of the user's, the guard does not show
// (`let g = m.lock().unwrap();` does, and builds), so the expansion takes
// the call for a move of it and asks the compiler whether the method
// borrows it, closure and all. Written as a deref (`(*g).map_or(0, |x| x
// * 3)`), the guard is kept.
use desugar::desugar;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};

async fn ready() {}

fn locked(m: &Mutex<Option<u32>>) -> MutexGuard<'_, Option<u32>> {
    m.lock().unwrap()
}

#[desugar]
async fn mapped(m: Arc<Mutex<Option<u32>>>) -> u32 {
    let g = locked(&m);
    let n = g.map_or(0, |x| x * 3);
    ready().await;
    n
}

#[desugar]
async fn tested(m: Arc<Mutex<Option<u32>>>) -> bool {
    let g = locked(&m);
    let b = g.is_some_and(|x| x > 1);
    ready().await;
    b
}

fn main() {
    let m = Arc::new(Mutex::new(None));
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(mapped(m.clone()));
    let _: Pin<Box<dyn Future<Output = bool>>> = Box::pin(tested(m));
}
