//! Items a macro declares in the body: `thread_local!`, and a
//! `macro_rules!` defined in the body whose rules expand to items, used
//! after an `.await`. rustc makes an item visible in its whole block; the
//! machine declared a written item (`fn`, `static`, `struct`) once, where
//! every state's code sees it, but left the macro's statement in the code
//! of one state, so a use after the await found nothing (E0425, dogN2
//! 3.1). Each is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), no larger, and
//! `Send` where the twin is.

mod common;

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU32, Ordering};

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn fetch(v: u32) -> LeafFuture<u32> {
    Leaf::new("fetch").pending(1).ready(v)
}

/// Counted before and after the await: one thread-local, not one per
/// state (a copy in each state's code would count from 0 again).
#[desugar]
async fn counted(n: u32) -> u32 {
    thread_local! {
        static CALLS: Cell<u32> = const { Cell::new(0) };
    }
    CALLS.with(|c| c.set(1));
    let v = fetch(n).await;
    CALLS.with(|c| c.set(c.get() + 1));
    v + CALLS.with(Cell::get)
}

/// By its path, with a value made lazily (not `const`), used in a loop's
/// body on both sides of its await (one in a nested block is refused:
/// `tests/ui/static_in_nested_block.rs`).
#[desugar]
async fn in_a_loop(n: u32) -> usize {
    std::thread_local!(static SEEN: RefCell<String> = RefCell::new(String::from("seen")));
    SEEN.with(|s| s.borrow_mut().clear());
    let mut total = 0;
    for i in 0..n {
        SEEN.with(|s| s.borrow_mut().push('?'));
        let p = Probe::new("p");
        total += fetch(i).await as usize;
        SEEN.with(|s| s.borrow_mut().push('!'));
        drop(p);
    }
    total + SEEN.with(|s| s.borrow().len())
}

/// A macro of the body whose rule makes a `fn`.
#[desugar]
async fn own_fn(n: u32) -> u32 {
    macro_rules! helper {
        ($name:ident, $k:expr) => {
            fn $name(v: u32) -> u32 {
                v * $k
            }
        };
    }
    let p = Probe::new("p");
    helper!(triple, 3);
    let v = fetch(n).await;
    drop(p);
    triple(v)
}

/// Rules making a type with an `impl`, and statics by repetition.
#[desugar]
async fn own_types(n: u32) -> u32 {
    macro_rules! newtype {
        ($name:ident) => {
            #[derive(Debug, Clone, Copy)]
            struct $name(u32);
            impl $name {
                fn get(self) -> u32 {
                    self.0
                }
            }
        };
    }
    macro_rules! counters {
        ($($name:ident),* $(,)?) => {
            $(static $name: AtomicU32 = AtomicU32::new(0);)*
        };
    }
    newtype!(Meters);
    counters!(FIRST, SECOND);
    FIRST.store(1, Ordering::Relaxed);
    let m = Meters(fetch(n).await);
    SECOND.store(2, Ordering::Relaxed);
    m.get() + FIRST.load(Ordering::Relaxed) + SECOND.load(Ordering::Relaxed)
}

#[test]
fn a_thread_local_used_after_an_await() {
    both_send(&counted(1), &counted_rustc(1));
    assert_eq!(
        same_and_no_larger(|| counted(5), || counted_rustc(5)),
        "Ready(7)"
    );
    both_send(&in_a_loop(2), &in_a_loop_rustc(2));
    same_and_no_larger(|| in_a_loop(3), || in_a_loop_rustc(3));
}

#[test]
fn items_of_a_macro_of_the_body_used_after_an_await() {
    both_send(&own_fn(1), &own_fn_rustc(1));
    same_and_no_larger(|| own_fn(4), || own_fn_rustc(4));
    both_send(&own_types(1), &own_types_rustc(1));
    same_and_no_larger(|| own_types(4), || own_types_rustc(4));
}
