//! Arrays taken apart by a slice pattern (`let [a, b] = pair;`) in the
//! shapes that keep building: where nothing moves out of an array kept
//! across an await (`Copy` elements, an array reached through a
//! reference), where the array is taken apart before any await, or made
//! after the last one before the pattern; and a tuple in the array's
//! place, which drops in field order in both. Where the pattern moves
//! elements out of an array kept across an await, rustc drops what is
//! left of it in an order of its own, and the build stops at the element
//! (`tests/ui/array_destructured_after_await.rs`).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), and must be no
//! larger and `Send` as the twin is.

use desugar::desugar;
use desugar::harness::{Leaf, Probe, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger.
fn same_and_no_larger(report: Report) {
    assert!(report.left_size <= report.right_size, "{report}");
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// `Copy` elements, as a parser splits a word: nothing moves, the array
/// stays whole in both.
#[desugar]
async fn bytes_split_later(word: u16) -> u32 {
    let bytes: [u8; 2] = word.to_be_bytes();
    let guard = Probe::new("guard");
    Leaf::new("read").pending(1).ready(()).await;
    let [hi, lo] = bytes;
    Leaf::new("write").pending(1).ready(()).await;
    guard.touch();
    u32::from(hi) * 256 + u32::from(lo)
}

#[test]
fn copy_elements() {
    same_and_no_larger(assert_same(
        || bytes_split_later(0x1234),
        || bytes_split_later_rustc(0x1234),
    ));
    both_send(&bytes_split_later(1), &bytes_split_later_rustc(1));
}

/// A `Copy` array parameter matched in a `match` after an await, an await
/// in the arm.
#[desugar]
async fn header(raw: [u8; 3], probe: Probe) -> usize {
    Leaf::new("auth").pending(1).ready(()).await;
    match raw {
        [0, len, _] => usize::from(len),
        [kind, rest @ ..] => {
            Leaf::new("store").pending(1).ready(()).await;
            probe.touch();
            usize::from(kind) + rest.len()
        }
    }
}

#[test]
fn copy_parameter() {
    for raw in [[0, 4, 1], [7, 1, 2]] {
        same_and_no_larger(assert_same(
            || header(raw, Probe::new("p")),
            || header_rustc(raw, Probe::new("p")),
        ));
    }
    both_send(
        &header([0; 3], Probe::new("p")),
        &header_rustc([0; 3], Probe::new("p")),
    );
}

/// An array reached through a shared reference: the pattern binds `&Probe`s,
/// which are `Copy`.
#[desugar]
async fn through_shared(pair: [Probe; 2]) -> usize {
    let seen = &pair;
    Leaf::new("first").pending(1).ready(()).await;
    let [a, b] = seen;
    Leaf::new("second").pending(1).ready(()).await;
    a.label().len() + b.label().len()
}

/// Through a `&mut`: the pattern binds `&mut Probe`s, which move nothing
/// out of the array.
#[desugar]
async fn through_mut(mut pair: [Probe; 2]) -> usize {
    let slots = &mut pair;
    Leaf::new("first").pending(1).ready(()).await;
    let [a, b] = slots;
    Leaf::new("second").pending(1).ready(()).await;
    a.touch();
    b.label().len()
}

#[test]
fn through_references() {
    let pair = || [Probe::new("q1"), Probe::new("q2")];
    same_and_no_larger(assert_same(
        || through_shared(pair()),
        || through_shared_rustc(pair()),
    ));
    same_and_no_larger(assert_same(
        || through_mut(pair()),
        || through_mut_rustc(pair()),
    ));
    both_send(&through_shared(pair()), &through_shared_rustc(pair()));
    both_send(&through_mut(pair()), &through_mut_rustc(pair()));
}

/// Taken apart before any await: only the elements are kept, as in rustc.
#[desugar]
async fn split_first(pair: [Probe; 2]) -> usize {
    let [a, b] = pair;
    Leaf::new("first").pending(1).ready(()).await;
    a.touch();
    Leaf::new("second").pending(1).ready(()).await;
    b.label().len()
}

/// Made after an await and taken apart before the next: never kept whole
/// across one.
#[desugar]
async fn made_after(fail: bool) -> usize {
    Leaf::new("first").pending(1).ready(()).await;
    let pair = [Probe::new("q1"), Probe::new("q2")];
    let [a, b] = pair;
    if fail {
        Leaf::new("second")
            .pending(1)
            .panics::<()>("second failed")
            .await;
    }
    a.touch();
    b.label().len()
}

/// Each element of a loop's arrays taken apart before the iteration's
/// await.
#[desugar]
async fn store_pairs(pairs: Vec<[Probe; 2]>) -> usize {
    let mut n = 0;
    for pair in pairs {
        let [k, v] = pair;
        Leaf::new("write").pending(1).ready(()).await;
        n += k.label().len() + v.label().len();
    }
    n
}

#[test]
fn not_kept_across_an_await() {
    let pair = || [Probe::new("q1"), Probe::new("q2")];
    same_and_no_larger(assert_same(
        || split_first(pair()),
        || split_first_rustc(pair()),
    ));
    for fail in [false, true] {
        same_and_no_larger(assert_same(|| made_after(fail), || made_after_rustc(fail)));
    }
    let pairs = || vec![pair(), [Probe::new("k"), Probe::new("v")]];
    same_and_no_larger(assert_same(
        || store_pairs(pairs()),
        || store_pairs_rustc(pairs()),
    ));
    both_send(&split_first(pair()), &split_first_rustc(pair()));
    both_send(&made_after(false), &made_after_rustc(false));
    both_send(&store_pairs(pairs()), &store_pairs_rustc(pairs()));
}

/// What the rejection says to write instead: a tuple, which drops in
/// field order in the machine as in rustc, whether the future is dropped at
/// the first await or a poll there unwinds.
#[desugar]
async fn tuple_split_later(fail: bool) -> usize {
    let pair = (Probe::new("q1"), Probe::new("q2"));
    if fail {
        Leaf::new("first")
            .pending(1)
            .panics::<()>("first failed")
            .await;
    }
    Leaf::new("first").pending(1).ready(()).await;
    let (a, b) = pair;
    Leaf::new("second").pending(1).ready(()).await;
    a.touch();
    b.label().len()
}

#[test]
fn tuple_instead() {
    for fail in [false, true] {
        same_and_no_larger(assert_same(
            || tuple_split_later(fail),
            || tuple_split_later_rustc(fail),
        ));
    }
    both_send(&tuple_split_later(false), &tuple_split_later_rustc(false));
}
