//! Raw pointers to a local, kept across an await and read after it: rustc's
//! coroutine never moves its locals, so the pointer stays good. The machine
//! keeps a local a raw borrow points to in place (homed) for the same
//! reason: `addr_of!(x)` was not seen as a borrow of `x`, nor `&raw const
//! t` of a local taken for a shared reference (`let t = s.trim();`, a
//! `for` variable over `v.iter()`), which the machine then moved, leaving
//! the pointer dangling (dogD12, silent 1 to 4).
//!
//! Each fn compares the pointer with the local's address after the await:
//! the same in rustc, so a machine that moved the local differs from its
//! twin whatever the dead memory holds.

mod common;
use common::same_and_no_larger;
use desugar::desugar;
use desugar::harness::Leaf;

async fn tick() {
    Leaf::new("tick").pending(1).ready(()).await
}

#[desugar]
async fn through_addr_of(n: u64) -> (bool, u64) {
    let x = n + 1;
    let ptr = std::ptr::addr_of!(x);
    tick().await;
    // SAFETY: `x` is alive and never moved (the machine keeps it in place,
    // as the twin's coroutine does), so `ptr` still points to it.
    (ptr == std::ptr::addr_of!(x), unsafe { *ptr })
}

#[desugar]
async fn through_addr_of_mut(n: u64) -> u64 {
    let mut x = n;
    let ptr = std::ptr::addr_of_mut!(x);
    tick().await;
    // SAFETY: as above; nothing else borrows `x` while it is written.
    unsafe { *ptr += 1 };
    x
}

#[desugar]
async fn to_a_shared_reference(s: String, v: Vec<String>) -> (bool, usize) {
    let t = s.trim();
    let ptr = &raw const t;
    tick().await;
    let same = ptr == &raw const t;
    // SAFETY: `t` is alive and kept in place, so `ptr` points to it.
    let mut len = unsafe { *ptr }.len();
    for w in v.iter() {
        let at = &raw const w;
        tick().await;
        // SAFETY: `w` is alive for the iteration and kept in place.
        len += unsafe { *at }.len() + usize::from(at == &raw const w);
    }
    (same, len)
}

#[test]
fn raw_pointers_to_locals_stay_good_across_awaits() {
    same_and_no_larger(|| through_addr_of(41), || through_addr_of_rustc(41));
    same_and_no_larger(|| through_addr_of_mut(1), || through_addr_of_mut_rustc(1));
    let v = || vec!["ab".to_owned(), "c".to_owned()];
    same_and_no_larger(
        || to_a_shared_reference(" xy ".to_owned(), v()),
        || to_a_shared_reference_rustc(" xy ".to_owned(), v()),
    );
}
