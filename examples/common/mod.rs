//! What each seed example prints for one call of a seed fn.

use std::fmt::Debug;
use std::future::Future;

use desugar::harness::assert_same;

/// Runs the future `ours` builds (the `#[desugar]` fn's) and the one `rustc`
/// builds (its `_rustc` twin's) through every run of the harness, panicking
/// with a diff if they behave differently, then prints the run to
/// completion, the output and both sizes.
pub fn run_both<FA, A, FB, B>(call: &str, ours: FA, rustc: FB)
where
    FA: Fn() -> A,
    FB: Fn() -> B,
    A: Future,
    B: Future<Output = A::Output>,
    A::Output: Debug + PartialEq,
{
    let report = assert_same(ours, rustc);
    println!("{call}");
    for line in report.trace.to_string().lines() {
        println!("    {line}");
    }
    let polls = match report.polls {
        1 => "1 poll".to_string(),
        n => format!("{n} polls"),
    };
    println!("  output:  {} after {polls}", report.outcome);
    println!(
        "  size:    {} bytes (rustc's twin: {} bytes)",
        report.left_size, report.right_size
    );
    println!(
        "  harness: same behaviour as the twin in {} pairs of runs\n",
        report.runs
    );
}
