//! `a.await?` beside a later await of its statement: rustc runs the `?` as
//! the await ends, and keeps the value it gives, a temporary of the
//! statement, to the statement's end, across the later await, where it is
//! borrowed (`look(&fetch().await?, ..)`, `fetch().await?.len()`, a field
//! read). The machine names that value and keeps it the same way; moved
//! (`take(fetch().await?, ..)`, a method taking `self`), nothing of it is
//! left to keep. `assert_same` drops every case at each suspension, and
//! each runs with the `?` taking the error path too.

// The statements under test are `let`s: returned directly, their values
// would be a block's tail, which drops them in another order.
#![allow(clippy::let_and_return)]

mod common;

use common::{Counter, assert_send, number, take};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};

/// A counter after one `Pending`, or an error where `ok` is false.
fn fetch(label: &'static str, ok: bool) -> LeafFuture<Result<Counter, String>> {
    let value = if ok {
        Ok(Counter::new(label))
    } else {
        Err(format!("{label} failed"))
    };
    Leaf::new(label).pending(1).ready(value)
}

/// Probes after one `Pending`, or an error where `ok` is false.
fn rows(label: &'static str, ok: bool) -> LeafFuture<Result<Vec<Probe>, String>> {
    let value = if ok {
        Ok(vec![Probe::new(label), Probe::new(label)])
    } else {
        Err(format!("{label} failed"))
    };
    Leaf::new(label).pending(1).ready(value)
}

/// A count beside what holds it, after one `Pending`.
fn page(ok: bool) -> LeafFuture<Result<(usize, Probe), String>> {
    let value = if ok {
        Ok((3, Probe::new("page")))
    } else {
        Err("page failed".to_owned())
    };
    Leaf::new("page").pending(1).ready(value)
}

fn look(counter: &Counter, n: u32) -> u32 {
    counter.add(n)
}

fn both(a: usize, b: u32) -> u32 {
    a as u32 * 10 + b
}

impl Counter {
    /// Takes `self` and finishes after one `Pending`, like a response's
    /// `json(self)`.
    fn json(self) -> LeafFuture<Result<u32, String>> {
        self.0.touch();
        Leaf::new("json").pending(1).ready(Ok(5))
    }
}

#[desugar]
async fn borrowed(ok: bool) -> Result<u32, String> {
    let n = look(&fetch("response", ok).await?, number(1).await);
    Ok(n)
}

#[desugar]
async fn borrowed_by_its_method(ok: bool) -> Result<u32, String> {
    let n = both(rows("rows", ok).await?.len(), number(2).await);
    Ok(n)
}

#[desugar]
async fn moved(ok: bool) -> Result<u32, String> {
    let n = take(fetch("response", ok).await?, number(1).await);
    Ok(n)
}

#[desugar]
async fn fields(first: bool, second: bool) -> Result<usize, String> {
    let n = rows("a", first).await?.len() + page(second).await?.0;
    Ok(n)
}

#[desugar]
async fn awaited_method_taking_self(ok: bool) -> Result<u32, String> {
    let n = fetch("response", ok).await?.json().await?;
    Ok(n)
}

#[test]
fn a_tried_value_borrowed_is_kept_to_the_end_of_its_statement() {
    for ok in [true, false] {
        let _ = assert_same(|| borrowed(ok), || borrowed_rustc(ok));
        let _ = assert_same(
            || borrowed_by_its_method(ok),
            || borrowed_by_its_method_rustc(ok),
        );
    }
    let report = assert_same(|| borrowed(true), || borrowed_rustc(true));
    assert_eq!(report.outcome, "Ready(Ok(2))");
    let report = assert_same(
        || borrowed_by_its_method(true),
        || borrowed_by_its_method_rustc(true),
    );
    assert_eq!(report.outcome, "Ready(Ok(22))");
    assert_send(&borrowed(true));
    assert_send(&borrowed_by_its_method(true));
}

#[test]
fn a_tried_value_moved_leaves_nothing_to_keep() {
    for ok in [true, false] {
        let _ = assert_same(|| moved(ok), || moved_rustc(ok));
        let _ = assert_same(
            || awaited_method_taking_self(ok),
            || awaited_method_taking_self_rustc(ok),
        );
    }
    assert_send(&moved(true));
    assert_send(&awaited_method_taking_self(true));
}

/// The first value, borrowed by its method, is dropped with the
/// statement, after the second, a field of which is read; also where the
/// second `?` returns.
#[test]
fn a_later_question_mark_returns_with_the_earlier_value_kept() {
    for first in [true, false] {
        for second in [true, false] {
            let _ = assert_same(|| fields(first, second), || fields_rustc(first, second));
        }
    }
    assert_send(&fields(true, true));
}

/// Rows of a stream, after one `Pending` each, the last one failing where
/// `fails` is set.
struct Rows {
    left: Vec<Result<u32, String>>,
}

impl Rows {
    fn next(&mut self) -> LeafFuture<Option<Result<u32, String>>> {
        Leaf::new("next").pending(1).ready(self.left.pop())
    }
}

/// `transpose` and `inspect_err` take `self`, as the other `Option` and
/// `Result` methods the expansion knows: the awaited value is moved, not
/// kept across the loop body's await.
#[desugar]
async fn stream_rows(mut rows: Rows, probe: Probe) -> Result<u32, String> {
    let mut total = 0;
    while let Some(row) = rows
        .next()
        .await
        .transpose()
        .inspect_err(|_| probe.touch())?
    {
        total += Leaf::new("process").pending(1).ready(row).await;
    }
    Ok(total)
}

#[test]
fn a_stream_read_through_transpose_matches_rustc() {
    for fails in [false, true] {
        let rows = || Rows {
            left: if fails {
                vec![Err("bad row".to_owned()), Ok(1)]
            } else {
                vec![Ok(2), Ok(1)]
            },
        };
        let _ = assert_same(
            || stream_rows(rows(), Probe::new("probe")),
            || stream_rows_rustc(rows(), Probe::new("probe")),
        );
    }
    assert_send(&stream_rows(Rows { left: Vec::new() }, Probe::new("probe")));
}

/// An error that records where it was raised, as snafu's `Location` and
/// error-stack's `Report` do: `?` passes its own location to a
/// `#[track_caller]` `From` (dogD8, silent 8: every `?` of the machine
/// reported `#[desugar]`'s line before).
#[derive(Debug, PartialEq)]
pub struct Located {
    code: u32,
    line: u32,
    column: u32,
}

impl From<u32> for Located {
    #[track_caller]
    fn from(code: u32) -> Self {
        let at = std::panic::Location::caller();
        Located {
            code,
            line: at.line(),
            column: at.column(),
        }
    }
}

#[desugar]
async fn located(x: Result<u32, u32>, y: Result<u32, u32>) -> Result<u32, Located> {
    let v = Leaf::new("io").pending(1).ready(x).await?;
    let w = y?;
    Ok(v + w)
}

#[test]
fn a_track_caller_conversion_sees_the_question_mark() {
    for (x, y) in [(Ok(1), Ok(2)), (Err(3), Ok(2)), (Ok(1), Err(4))] {
        let _ = assert_same(|| located(x, y), || located_rustc(x, y));
    }
}
