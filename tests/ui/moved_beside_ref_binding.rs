// A part moved out of a `match`'s or `if let`'s own value beside a `ref`
// binding into it, with an await in the construct, where the expansion
// cannot move the borrowed parts out apart (fixT, beside build_2/5, which
// build: `tests/ref_bindings_on_temporaries.rs`): a value that makes other
// temporaries (a lock's guard), a `while let`, a guarded arm binding `ref
// mut`, a pattern with `..`. The machine keeps the value in place, where
// nothing can move out of it; the compiler, asked whether the part moves,
// stops the build at it, saying to bind by value and borrow in the arm.
// A `Copy` part only copies, and builds.
use std::sync::Mutex;

use desugar::desugar;

async fn ready() {}

#[desugar]
async fn guarded_pool(m: &Mutex<Vec<String>>) -> usize {
    match m.lock().unwrap().pop() {
        Some(ref p) if p.is_empty() => {
            ready().await;
            p.len()
        }
        Some(p) => p.len(),
        None => 0,
    }
}

#[desugar]
async fn looped(mut v: Vec<(u32, String)>) -> u32 {
    let mut total = 0;
    while let Some((ref n, s)) = v.pop() {
        ready().await;
        total += *n + s.len() as u32;
    }
    total
}

#[desugar]
async fn ref_mut_guarded(mut v: Vec<String>) -> usize {
    match v.pop() {
        Some(ref mut p) if p.is_empty() => {
            ready().await;
            p.push('!');
            p.len()
        }
        Some(p) => p.len(),
        None => 0,
    }
}

#[desugar]
async fn rest(mut v: Vec<(u32, String, String)>) -> u32 {
    if let Some((ref n, s, ..)) = v.pop() {
        ready().await;
        *n + s.len() as u32
    } else {
        0
    }
}

/// The part copied: builds.
#[desugar]
async fn copied(m: &Mutex<Vec<(String, u32)>>) -> usize {
    match m.lock().unwrap().pop() {
        Some((ref s, n)) => {
            ready().await;
            s.len() + n as usize
        }
        None => 0,
    }
}

fn main() {}
