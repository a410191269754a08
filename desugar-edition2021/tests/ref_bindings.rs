//! A `ref` binding beside a part the same pattern moves, in an arm that
//! awaits, stops the build in Rust 2021 (`tests/ui/ref_bound_apart.rs`):
//! the value may be a reference there, whose parts the pattern binds by
//! reference already. The way out the message gives, every part bound by
//! value and borrowed in the arm, builds and behaves as rustc's twin,
//! whether the value is a reference (`it.next()` of a `v.iter()`) or owned
//! (`v.pop()`).

use desugar::desugar;
use desugar::harness::{assert_same, Leaf, Probe};

#[desugar]
async fn from_a_reference(v: Vec<(Probe, u32)>) -> usize {
    let mut it = v.iter();
    let n = match it.next() {
        Some((a, b)) => {
            Leaf::new("wait").pending(1).ready(()).await;
            let len = a.label().len();
            len + *b as usize
        }
        None => 0,
    };
    n
}

#[desugar]
async fn from_a_value(mut v: Vec<(Probe, Probe)>) -> usize {
    let n = match v.pop() {
        Some((a, b)) => {
            let a = &a;
            Leaf::new("wait").pending(1).ready(()).await;
            b.touch();
            let len = a.label().len();
            len
        }
        None => 0,
    };
    n
}

#[test]
fn parts_bound_by_value_and_borrowed_in_the_arm() {
    let make = || vec![(Probe::new("a"), 3), (Probe::new("b"), 4)];
    let report = assert_same(
        || from_a_reference(make()),
        || from_a_reference_rustc(make()),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    let report = assert_same(
        || from_a_reference(Vec::new()),
        || from_a_reference_rustc(Vec::new()),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    let pairs = || vec![(Probe::new("a"), Probe::new("b"))];
    let report = assert_same(|| from_a_value(pairs()), || from_a_value_rustc(pairs()));
    assert!(report.left_size <= report.right_size, "{report}");
}
