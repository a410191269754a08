//! What the body may hold besides awaits: `async` blocks (awaited at once,
//! awaited later, `async move`, never awaited), non-async closures (called
//! with awaited arguments, returning futures that are then awaited), async
//! closures, nested items, and awaited `#[desugar]` fns and twins.
//! Items used after an await, and recursion through a boxed trait object,
//! are `tests/regressions.rs`'s; a plain `Box::pin(f(..)).await` of the fn
//! itself is a compile error giving that cast
//! (`tests/ui/await_recursive_call.rs`; README.md, "Known differences
//! from rustc").

use desugar::desugar;
use desugar::harness::{Probe, assert_same};

use super::support::{assert_send, leaf};

#[desugar]
async fn async_blocks(p: Probe) -> u32 {
    let q = Probe::new("q");
    let now = async {
        let inner = Probe::new("block_local");
        let v = leaf("in_block", 1, 1u32).await;
        inner.touch();
        v
    }
    .await;
    let owned = Probe::new("moved_into_block");
    let later = async move {
        let v = leaf("later", 2, 10u32).await;
        owned.touch();
        v
    };
    let never = async {
        leaf("never_polled", 0, ()).await;
    };
    let first = leaf("between", 1, 100u32).await;
    let later = later.await;
    drop(never);
    q.touch();
    p.touch();
    now + later + first
}

#[test]
fn async_blocks_in_the_body() {
    assert_send(&async_blocks(Probe::new("p")));
    let report = assert_same(
        || async_blocks(Probe::new("p")),
        || async_blocks_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(111)");
}

#[desugar]
async fn closures(p: Probe) -> u32 {
    let scale = 3u32;
    let times = |x: u32| x * scale;
    let a = times(leaf("arg", 1, 2u32).await);
    let make = |n: u32| leaf("made", 1, n + 1);
    let b = make(a).await;
    let held = Probe::new("held");
    let future = make(b);
    let c = leaf("before_made", 1, 0u32).await + future.await;
    held.touch();
    p.touch();
    a + b + c
}

#[test]
fn non_async_closures_in_the_body() {
    assert_send(&closures(Probe::new("p")));
    let report = assert_same(
        || closures(Probe::new("p")),
        || closures_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(21)");
}

fn get_or_compute(cached: Option<u32>, compute: impl FnOnce() -> u32) -> u32 {
    cached.unwrap_or_else(compute)
}

async fn run(f: impl FnOnce() -> u32) -> u32 {
    leaf("run", 1, f()).await
}

/// A closure assigning a local (`computed = true`) the machine keeps in
/// place, as the closure borrows it: in a `let`'s value kept across an
/// await, and in an awaited call.
#[desugar]
async fn closures_assigning_locals(cached: Option<u32>) -> (u32, bool, u32) {
    let mut computed = false;
    let v = get_or_compute(cached, || {
        computed = true;
        7
    });
    let mut n = 0;
    let r = run(|| {
        n = 100;
        1
    })
    .await;
    leaf("after", 1, ()).await;
    (v + r, computed, n)
}

#[test]
fn closures_assigning_kept_locals() {
    assert_send(&closures_assigning_locals(None));
    for cached in [None, Some(3)] {
        let report = assert_same(
            || closures_assigning_locals(cached),
            || closures_assigning_locals_rustc(cached),
        );
        let computed = cached.is_none();
        let v = cached.unwrap_or(7);
        assert_eq!(
            report.outcome,
            format!("Ready(({}, {computed}, 100))", v + 1)
        );
    }
}

#[desugar]
async fn inner(n: u32, p: Probe) -> u32 {
    let v = leaf("inner", 1, n).await;
    p.touch();
    v * 2
}

#[desugar]
async fn nested_items_and_desugared_callees(p: Probe) -> u32 {
    fn helper(x: u32) -> u32 {
        x + 1
    }
    let q = Probe::new("q");
    let a = inner(helper(1), Probe::new("callee_param")).await;
    let b = inner_rustc(leaf("arg", 1, 3u32).await, Probe::new("twin_param")).await;
    q.touch();
    p.touch();
    a + b
}

#[test]
fn nested_items_and_awaited_desugared_fns() {
    assert_send(&nested_items_and_desugared_callees(Probe::new("p")));
    let report = assert_same(
        || nested_items_and_desugared_callees(Probe::new("p")),
        || nested_items_and_desugared_callees_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(10)");
}

#[desugar]
async fn async_closure(p: Probe) -> u32 {
    let base = leaf("base", 1, 1u32).await;
    let add = async |x: u32| {
        let inner = Probe::new("closure_local");
        let v = leaf("in_closure", 1, x).await + base;
        inner.touch();
        v
    };
    let held = Probe::new("held");
    let v = add(2).await + add(3).await;
    held.touch();
    p.touch();
    v
}

#[test]
fn async_closures_in_the_body() {
    assert_send(&async_closure(Probe::new("p")));
    let report = assert_same(
        || async_closure(Probe::new("p")),
        || async_closure_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(7)");
}

type BoxedTask = core::pin::Pin<Box<dyn core::future::Future<Output = u32> + Send>>;

/// An `async` block made in a loop whose body is written twice, kept
/// across an await: each copy is a type of its own, but boxed as a trait
/// object whose type is written out (by the `let`, or by a cast) every copy
/// has that type.
#[desugar]
async fn boxed_tasks_in_a_loop(n: u32, p: Probe) -> u32 {
    let mut tasks: Vec<BoxedTask> = Vec::new();
    for i in 0..n {
        let task: BoxedTask = Box::pin(async move { leaf("task", 1, i).await });
        let cast = Box::pin(async move { i * 10 }) as BoxedTask;
        let k = leaf("between", 1, i + 100).await;
        tasks.push(task);
        tasks.push(cast);
        tasks.push(Box::pin(async move { k }));
    }
    let mut sum = 0;
    for task in tasks {
        sum += task.await;
    }
    p.touch();
    sum
}

#[test]
fn boxed_async_blocks_kept_across_awaits_in_a_loop() {
    assert_send(&boxed_tasks_in_a_loop(2, Probe::new("p")));
    let report = assert_same(
        || boxed_tasks_in_a_loop(2, Probe::new("p")),
        || boxed_tasks_in_a_loop_rustc(2, Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(212)");
}

/// A local moved into an `async move` block whose own loop borrows it
/// across the block's awaits: the block takes it when it is made, however
/// its body runs (it was taken for moved on some paths only, and rejected).
#[desugar]
async fn moved_into_a_looping_block(p: Probe) -> u32 {
    let q = Probe::new("q");
    let task = async move {
        let mut n = 0;
        for round in 0..2u32 {
            n += leaf("round", 1, round + q.label().len() as u32).await;
        }
        n
    };
    let first = leaf("first", 1, 5u32).await;
    p.touch();
    first + task.await
}

#[test]
fn a_block_moving_a_local_it_uses_in_a_loop() {
    assert_send(&moved_into_a_looping_block(Probe::new("p")));
    let report = assert_same(
        || moved_into_a_looping_block(Probe::new("p")),
        || moved_into_a_looping_block_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(8)");
}

/// A `move` closure and an `async move` block holding a probe, never used
/// after the await: kept to be dropped at the end of their scope, as in
/// rustc (whether such a value is `Copy` cannot be asked where the machine
/// would ask it: E0277 before).
#[desugar]
async fn closures_kept_to_drop() -> usize {
    let p = Probe::new("p");
    let q = Probe::new("q");
    let _by_closure = move || p.label().len();
    let _by_block = async move { q.label().len() };
    let n = leaf("between", 1, 1usize).await;
    let _r = Probe::new("r");
    n
}

#[test]
fn closures_kept_only_to_be_dropped() {
    assert_send(&closures_kept_to_drop());
    let report = assert_same(closures_kept_to_drop, closures_kept_to_drop_rustc);
    assert_eq!(report.outcome, "Ready(1)");
}

/// An async closure kept in a local and called: its future borrows the
/// closure (E0597 before: the call was taken for a move); a `FnOnce`
/// closure called before an await is moved by the call as before.
#[desugar]
async fn async_closure_called(p: Probe) -> usize {
    let q = Probe::new("q");
    let lengths = async move |n: usize| {
        leaf("inside", 1, ()).await;
        n + q.label().len()
    };
    let first = lengths(1).await;
    let second = lengths(2).await;
    let r = Probe::new("r");
    let once = move || r.label().len();
    let third = once();
    let last = leaf("last", 1, 4usize).await;
    p.touch();
    first + second + third + last
}

#[test]
fn async_closures_kept_and_called() {
    assert_send(&async_closure_called(Probe::new("p")));
    let report = assert_same(
        || async_closure_called(Probe::new("p")),
        || async_closure_called_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(10)");
}
