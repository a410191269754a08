//! Arguments that move a local through a consuming call (`name.into()`,
//! `letters.into_iter().collect()`, a `move` closure called) beside a
//! receiver whose method the expansion asks the compiler about: a local
//! with a method named like the standard library's that take `self`, and a
//! value made for a method syntax does not know. The check reads the
//! arguments apart from the receiver: where the method takes `self`, as
//! here, the machine moves the receiver as rustc does; where it borrows,
//! the build stops (`tests/ui/std_named_method_borrows_local.rs`,
//! `tests/ui/unknown_method_borrows_scrutinee_receiver.rs`).

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

fn assert_send<T: Send>(_: &T) {}

/// Named like `Iterator::count`, and takes `self` like it; given bytes,
/// which a `String` converts into.
pub struct Bag(Probe);

impl Bag {
    pub fn new(label: &str) -> Bag {
        Bag(Probe::new(label))
    }

    pub fn count(self, label: Vec<u8>) -> usize {
        self.0.touch();
        label.len()
    }

    /// Takes `self`, with a name syntax does not know.
    pub fn fetch(self, label: Vec<u8>) -> desugar::harness::LeafFuture<usize> {
        self.0.touch();
        Leaf::new("fetch").pending(1).ready(label.len())
    }

    pub fn rows(self, label: Vec<u8>) -> Vec<usize> {
        self.0.touch();
        vec![label.len(), 1]
    }
}

#[desugar]
async fn local_consumed(name: String, letters: Vec<u8>) -> usize {
    let first = Bag::new("first");
    let n = first.count(name.into());
    let second = Bag::new("second");
    let m = second.count(letters.into_iter().collect());
    let third = Bag::new("third");
    let owned = String::from("owned");
    let make = move || owned.into_bytes();
    let k = third.count(make());
    Leaf::new("after").pending(1).ready(()).await;
    n + m + k
}

#[desugar]
async fn temporary_consumed(name: String, other: String, rows: String) -> usize {
    let fetched = Bag::new("fetched").fetch(name.into()).await;
    let matched = match Bag::new("matched").count(other.into()) {
        0 => 0,
        n => Leaf::new("arm").pending(1).ready(n).await,
    };
    let mut looped = 0;
    for n in Bag::new("looped").rows(rows.into()) {
        looped += Leaf::new("row").pending(1).ready(n).await;
    }
    fetched + matched + looped
}

#[test]
fn a_local_consumed_beside_a_converted_argument_is_moved_as_in_rustc() {
    let report = assert_same(
        || local_consumed("ab".into(), vec![b'c']),
        || local_consumed_rustc("ab".into(), vec![b'c']),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    assert_send(&local_consumed(String::new(), vec![]));
}

#[test]
fn a_temporary_consumed_beside_a_converted_argument_is_moved_as_in_rustc() {
    let report = assert_same(
        || temporary_consumed("a".into(), "bc".into(), "def".into()),
        || temporary_consumed_rustc("a".into(), "bc".into(), "def".into()),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    assert_send(&temporary_consumed(
        String::new(),
        String::new(),
        String::new(),
    ));
}
