//! Cursors: a local bound to a shared reference (`let mut cur =
//! &data[..];`, `let mut cur: &[u8] = ..;`) that an awaited reader moves on
//! through `&mut cur`. What a method, a field or a reborrow of such a local
//! borrows is the referent (`tests/kept_values.rs`), but `&mut cur` borrows
//! the local itself: the reader's future holds that borrow while it is
//! pending, so rustc keeps `cur` where it is across the await, and the
//! machine keeps it in place, with the data it points into.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), and must be no
//! larger.

use desugar::desugar;
use desugar::harness::{Leaf, Probe, Report, assert_same};

/// Waits, then reads one byte off the front of the cursor and moves it on.
async fn read_u8(cur: &mut &[u8]) -> Option<u8> {
    Leaf::new("read_u8").pending(1).ready(()).await;
    let (&b, rest) = cur.split_first()?;
    *cur = rest;
    Some(b)
}

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger; returns the outcome.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// The cursor made by borrowing (`&data[..]`), read to its end in a
/// `while let` whose condition awaits. The machine kept `cur` by value in
/// the await's variant while the reader's future borrowed it (E0716,
/// E0503, E0597 in the expansion).
#[desugar]
async fn sum(data: Vec<u8>) -> u32 {
    let mut cur = &data[..];
    let mut total = 0;
    while let Some(b) = read_u8(&mut cur).await {
        total += b as u32;
    }
    total
}

/// The cursor's type written (`let mut cur: &[u8] = ..;`), and read after
/// the reader moved it on; a probe to see what drops when.
#[desugar]
async fn first_two(data: Vec<u8>, p: Probe) -> (u32, usize) {
    let mut cur: &[u8] = &data;
    let a = read_u8(&mut cur).await.unwrap_or(0);
    p.touch();
    let b = read_u8(&mut cur).await.unwrap_or(0);
    (a as u32 + b as u32, cur.len())
}

#[test]
fn a_cursor_moved_on_by_an_awaited_reader_stays_in_place() {
    let sums = [vec![], vec![1, 2, 3]].map(|data| {
        same_and_no_larger(assert_same(
            || sum(data.clone()),
            || sum_rustc(data.clone()),
        ))
    });
    assert_eq!(sums, ["Ready(0)", "Ready(6)"]);
    both_send(&sum(vec![1]), &sum_rustc(vec![1]));
    let pairs = [vec![4], vec![4, 5, 6]].map(|data| {
        same_and_no_larger(assert_same(
            || first_two(data.clone(), Probe::new("p")),
            || first_two_rustc(data.clone(), Probe::new("p")),
        ))
    });
    assert_eq!(pairs, ["Ready((4, 0))", "Ready((9, 1))"]);
}

pub struct Reader {
    buf: Vec<u8>,
    pos: usize,
}

#[desugar]
impl Reader {
    /// A cursor over a field of `self`, whose position goes back into
    /// `self` after the reads.
    async fn sum_rest(&mut self) -> u32 {
        let mut cur: &[u8] = &self.buf[self.pos..];
        let mut total = 0;
        while let Some(b) = read_u8(&mut cur).await {
            total += b as u32;
        }
        self.pos = self.buf.len() - cur.len();
        total
    }
}

#[test]
fn a_cursor_over_a_field_in_a_method() {
    let reader = || Reader {
        buf: vec![1, 2, 3],
        pos: 1,
    };
    let report = assert_same(
        || async {
            let mut r = reader();
            (r.sum_rest().await, r.pos)
        },
        || async {
            let mut r = reader();
            (r.sum_rest_rustc().await, r.pos)
        },
    );
    assert_eq!(same_and_no_larger(report), "Ready((5, 3))");
}

/// A reader as a method of the cursor itself, taking `&mut self` on
/// `&[u8]` (as `AsyncRead` for `&[u8]` does).
trait ReadByte {
    fn read_byte(&mut self) -> impl Future<Output = Option<u8>>;
}

impl ReadByte for &[u8] {
    fn read_byte(&mut self) -> impl Future<Output = Option<u8>> {
        read_u8(self)
    }
}

/// `cur.read_byte()` borrows `cur` itself by autoref, which syntax cannot
/// tell from `cur.len()` borrowing what it points to (README, "Known
/// differences": it does not build, E0503 and E0597 at `cur`). Written
/// out, `(&mut cur).read_byte()` keeps `cur` in place.
#[desugar]
async fn read_by_method(data: Vec<u8>) -> u32 {
    let mut cur = &data[..];
    let mut total = 0;
    while let Some(b) = (&mut cur).read_byte().await {
        total += b as u32;
    }
    total
}

#[test]
fn a_cursor_borrowed_for_its_own_method_when_written_out() {
    let report = assert_same(
        || read_by_method(vec![2, 3]),
        || read_by_method_rustc(vec![2, 3]),
    );
    assert_eq!(same_and_no_larger(report), "Ready(5)");
}
