//! Every async fn of the seed documents (`shared/seeds/`), as written in
//! `examples/seeds/`: the `#[desugar]` future must behave like rustc's (the
//! `_rustc` twin) in every run of the harness, be `Send` when the twin is
//! (all of these twins are), and be no larger than the twin's future
//! (DESIGN.md section 5, promises 1-6). Each test prints the two sizes
//! (`cargo test --test seeds -- --nocapture`).
//!
//! Every seed fn is lowered. One is allowed a state tag more than its
//! twin: seed 002's `measure`, whose `join!` is awaited through an inner
//! `async` block (README.md, "Known differences from rustc").

#[path = "../examples/seeds"]
mod seeds {
    pub mod seed_000;
    pub mod seed_001;
    pub mod seed_002;
    pub mod seed_003;
    pub mod seed_004;
}

use std::fmt::Debug;
use std::future::Future;

use desugar::harness::assert_same;
use seeds::seed_002::{boxing, large, nested, real_sizes, self_reference, transformation};
use seeds::{seed_000, seed_001, seed_003, seed_004};

fn assert_send<T: Send>(_: &T) {}

/// Compares the future `ours` builds with the one `rustc` builds in every
/// run of the harness (plain and with an extra `Pending` before every leaf
/// step: `assert_same` is `Comparison::new().interleave_pending()`), checks
/// the size promise and returns how the run to completion ended.
#[track_caller]
fn same<FA, A, FB, B>(call: &str, ours: FA, rustc: FB) -> String
where
    FA: Fn() -> A,
    FB: Fn() -> B,
    A: Future,
    B: Future<Output = A::Output>,
    A::Output: Debug + PartialEq,
{
    same_within(call, ours, rustc, 0)
}

/// [`same`], allowing the desugared future `slack` bytes more than rustc's.
#[track_caller]
fn same_within<FA, A, FB, B>(call: &str, ours: FA, rustc: FB, slack: usize) -> String
where
    FA: Fn() -> A,
    FB: Fn() -> B,
    A: Future,
    B: Future<Output = A::Output>,
    A::Output: Debug + PartialEq,
{
    let report = assert_same(ours, rustc);
    println!(
        "{call}: {} bytes, rustc {} bytes",
        report.left_size, report.right_size
    );
    assert!(
        report.left_size <= report.right_size + slack,
        "{call}: the desugared future is larger than rustc's: {} bytes against {} (allowed: {slack} more)",
        report.left_size,
        report.right_size
    );
    report.outcome
}

#[test]
fn fetch_and_parse() {
    use seed_000::{fetch_and_parse, fetch_and_parse_rustc};
    assert_send(&fetch_and_parse("/answer"));
    assert_send(&fetch_and_parse_rustc("/answer"));
    let call = |url| {
        same(
            &format!("fetch_and_parse({url:?})"),
            || fetch_and_parse(url),
            || fetch_and_parse_rustc(url),
        )
    };
    assert_eq!(call("/answer"), "Ready(Ok(Data(42)))");
    assert_eq!(call("/greeting"), r#"Ready(Err(Parse("hello")))"#);
    assert_eq!(call("/missing"), r#"Ready(Err(NotFound("/missing")))"#);
}

#[test]
fn fetch_two() {
    use seed_001::{fetch_two, fetch_two_rustc};
    assert_send(&fetch_two("a", "b"));
    assert_send(&fetch_two_rustc("a", "b"));
    let call = |a, b| {
        same(
            &format!("fetch_two({a:?}, {b:?})"),
            || fetch_two(a, b),
            || fetch_two_rustc(a, b),
        )
    };
    assert_eq!(call("a", "bc"), "Ready(Ok(([97], [98, 99])))");
    assert_eq!(call("", "bc"), "Ready(Err(EmptyUrl))");
    assert_eq!(call("a", ""), "Ready(Err(EmptyUrl))");
}

#[test]
fn process() {
    use transformation::{process, process_rustc};
    assert_send(&process(String::new()));
    assert_send(&process_rustc(String::new()));
    let call = |input: &str| {
        same(
            &format!("process({input:?})"),
            || process(input.to_string()),
            || process_rustc(input.to_string()),
        )
    };
    assert_eq!(call(" hello "), "Ready(10)");
    assert_eq!(call(""), "Ready(0)");
}

#[test]
fn large_future() {
    assert_send(&large::large_future());
    assert_send(&large::large_future_rustc());
    let outcome = same(
        "large_future",
        large::large_future,
        large::large_future_rustc,
    );
    assert_eq!(outcome, "Ready(())");
}

#[test]
fn also_large() {
    assert_send(&large::also_large());
    assert_send(&large::also_large_rustc());
    let outcome = same("also_large", large::also_large, large::also_large_rustc);
    assert_eq!(outcome, "Ready(())");
}

#[test]
fn self_ref_example() {
    use self_reference::{self_ref_example, self_ref_example_rustc};
    assert_send(&self_ref_example());
    assert_send(&self_ref_example_rustc());
    let outcome = same("self_ref_example", self_ref_example, self_ref_example_rustc);
    assert_eq!(outcome, "Ready(())");
}

#[test]
fn small_future() {
    use real_sizes::{small_future, small_future_rustc};
    assert_send(&small_future());
    assert_send(&small_future_rustc());
    assert_eq!(
        same("small_future", small_future, small_future_rustc),
        "Ready(42)"
    );
}

#[test]
fn larger_future() {
    use real_sizes::{larger_future, larger_future_rustc};
    assert_send(&larger_future());
    assert_send(&larger_future_rustc());
    let outcome = same("larger_future", larger_future, larger_future_rustc);
    assert_eq!(outcome, format!("Ready({:?})", vec![0u8; 100]));
}

#[test]
fn inner() {
    assert_send(&nested::inner());
    assert_send(&nested::inner_rustc());
    assert_eq!(
        same("inner", nested::inner, nested::inner_rustc),
        "Ready(42)"
    );
}

#[test]
fn outer() {
    assert_send(&nested::outer());
    assert_send(&nested::outer_rustc());
    assert_eq!(
        same("outer", nested::outer, nested::outer_rustc),
        "Ready(43)"
    );
}

#[test]
fn large_caller() {
    assert_send(&boxing::large_caller());
    assert_send(&boxing::large_caller_rustc());
    let outcome = same(
        "large_caller",
        boxing::large_caller,
        boxing::large_caller_rustc,
    );
    assert_eq!(outcome, "Ready(())");
}

#[test]
fn measure() {
    use real_sizes::{measure, measure_rustc};
    assert_send(&measure());
    assert_send(&measure_rustc());
    // `tokio::join!` awaits in its own expansion, so the machine awaits it
    // through an inner `async` block: one state tag more than rustc's, which
    // inlines the macro (README, "Known differences").
    let tag = std::mem::align_of::<u64>();
    assert_eq!(
        same_within("measure", measure, measure_rustc, tag),
        "Ready(())"
    );
}

#[test]
fn large_async_fn() {
    assert_send(&boxing::large_async_fn());
    assert_send(&boxing::large_async_fn_rustc());
    assert_eq!(
        same(
            "large_async_fn",
            boxing::large_async_fn,
            boxing::large_async_fn_rustc
        ),
        "Ready([])"
    );
}

#[test]
fn countdown() {
    use seed_003::{countdown, countdown_rustc};
    assert_send(&countdown());
    assert_send(&countdown_rustc());
    assert_eq!(same("countdown", countdown, countdown_rustc), "Ready(())");
}

#[test]
fn delay() {
    use seed_003::{delay, delay_rustc};
    assert_send(&delay());
    assert_send(&delay_rustc());
    assert_eq!(same("delay", delay, delay_rustc), "Ready(())");
}

#[test]
fn delayed_values() {
    use seed_003::{delayed_values, delayed_values_rustc};
    assert_send(&delayed_values());
    assert_send(&delayed_values_rustc());
    let outcome = same("delayed_values", delayed_values, delayed_values_rustc);
    assert_eq!(outcome, "Ready(())");
}

#[test]
fn database_query() {
    use seed_003::{database_query, database_query_rustc};
    assert_send(&database_query());
    assert_send(&database_query_rustc());
    let outcome = same("database_query", database_query, database_query_rustc);
    assert_eq!(outcome, "Ready(())");
}

#[test]
fn my_async_fn() {
    use seed_004::{my_async_fn, my_async_fn_rustc};
    assert_send(&my_async_fn());
    assert_send(&my_async_fn_rustc());
    assert_eq!(
        same("my_async_fn", my_async_fn, my_async_fn_rustc),
        "Ready(())"
    );
}
