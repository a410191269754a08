//! A local closure (or a closure parameter) called before an await, given
//! a closure, a `vec![..]` of a local or a function path: the expansion
//! asks the compiler whether the call borrows the closure whatever the
//! arguments are, as for any other call (`tests/kept_values.rs`,
//! `tests/ui/called_closure_given_closure.rs`). Consumed (`FnOnce`), the
//! closure is not kept, as rustc; borrowed and used after the await, it is
//! kept to the end of its scope, as rustc.

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same, note};

fn assert_send<T: Send>(_: &T) {}

/// Consumed by each call: the copy the check makes of the call builds
/// with arguments whose types only the closure's signature gives (a
/// parameter typed by the closure given to it, `apply(|| 3)`).
#[desugar]
async fn consumed_given_closures(p: Probe, q: Probe, r: Probe, name: String) -> usize {
    let log = move |msg: &dyn Fn() -> String| {
        let n = msg().len() + p.label().len();
        drop(p);
        n
    };
    let record = move |names: Vec<String>| {
        drop(q);
        names.len()
    };
    let apply = move |f| {
        drop(r);
        f
    };
    let convert = |f: fn(u32) -> u64| f(4) as usize;
    let n = log(&|| "start".to_string()) + record(vec![name]) + apply(|| 3)() + convert(u64::from);
    Leaf::new("work").pending(1).ready(()).await;
    note("after the await");
    n
}

#[test]
fn a_closure_consumed_by_a_call_given_a_closure_is_not_kept() {
    let probes = || (Probe::new("p"), Probe::new("q"), Probe::new("r"));
    let report = assert_same(
        || {
            let (p, q, r) = probes();
            consumed_given_closures(p, q, r, "a".into())
        },
        || {
            let (p, q, r) = probes();
            consumed_given_closures_rustc(p, q, r, "a".into())
        },
    );
    assert!(report.left_size <= report.right_size, "{report}");
    let (p, q, r) = probes();
    assert_send(&consumed_given_closures(p, q, r, "a".into()));
}

/// Borrowed by each call and used after the await, as the compile error
/// for these calls says to write: kept to the end of its scope.
#[desugar]
async fn borrowed_given_closures(p: Probe, q: Probe, name: String) -> u32 {
    let log = move |msg: &dyn Fn() -> String| {
        p.touch();
        let _ = msg();
    };
    let record = move |f: fn(u32) -> u64, names: Vec<String>| {
        q.touch();
        f(names.len() as u32)
    };
    log(&|| "start".to_string());
    record(u64::from, vec![name]);
    let n = Leaf::new("work").pending(1).ready(2).await;
    drop(log);
    drop(record);
    n
}

#[test]
fn a_closure_borrowed_by_a_call_given_a_closure_is_kept() {
    let report = assert_same(
        || borrowed_given_closures(Probe::new("p"), Probe::new("q"), "a".into()),
        || borrowed_given_closures_rustc(Probe::new("p"), Probe::new("q"), "a".into()),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    assert_send(&borrowed_given_closures(
        Probe::new("p"),
        Probe::new("q"),
        "a".into(),
    ));
}

/// A closure parameter, consumed by a call given a closure: its type's
/// bound gives the argument's type.
#[desugar]
async fn consumed_parameter<F: FnOnce(&dyn Fn() -> u32) -> u32>(f: F) -> u32 {
    note(f(&|| 2).to_string());
    Leaf::new("work").pending(1).ready(1).await
}

#[test]
fn a_closure_parameter_consumed_by_a_call_given_a_closure_is_not_kept() {
    let make = || {
        let p = Probe::new("f");
        move |g: &dyn Fn() -> u32| {
            p.touch();
            drop(p);
            g()
        }
    };
    let report = assert_same(
        || consumed_parameter(make()),
        || consumed_parameter_rustc(make()),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    assert_send(&consumed_parameter(make()));
}
