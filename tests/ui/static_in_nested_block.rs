// A `static` in a nested block, a closure or a `thread_local!` there: the
// machine writes that code once for each place it enters it, and each
// copy would be a `static` of its own (a counter bumped before the await
// read as zero after it). Declared at the top of the body, it builds.
use std::cell::Cell;
use std::sync::atomic::{AtomicU32, Ordering};

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

#[desugar]
async fn counted(k: u8) -> u32 {
    match k {
        0 => {
            static HITS: AtomicU32 = AtomicU32::new(0);
            HITS.fetch_add(1, Ordering::Relaxed);
            tick(()).await;
            HITS.load(Ordering::Relaxed)
        }
        _ => 7,
    }
}

#[desugar]
async fn traced(on: bool) -> u32 {
    if on {
        thread_local!(static DEPTH: Cell<u32> = const { Cell::new(0) });
        DEPTH.set(DEPTH.get() + 1);
        tick(()).await;
        DEPTH.get()
    } else {
        7
    }
}

#[desugar]
async fn ids(n: u32) -> u32 {
    let mut last = 0;
    for _ in 0..n {
        let next = || {
            static N: AtomicU32 = AtomicU32::new(0);
            N.fetch_add(1, Ordering::Relaxed) + 1
        };
        last = next();
        tick(()).await;
    }
    last
}

#[desugar]
async fn at_the_top(n: u32) -> u32 {
    static N: AtomicU32 = AtomicU32::new(0);
    let mut last = 0;
    for _ in 0..n {
        last = N.fetch_add(1, Ordering::Relaxed) + 1;
        tick(()).await;
    }
    last
}

fn main() {
    let _ = (counted(0), traced(true), ids(1), at_the_top(1));
}
