//! Shapes dogfood runs found (desugar-fuzz/FINDINGS.md, entry 139), each
//! compared with rustc's twin (`assert_same`: every cancellation point,
//! with and without extra `Pending`s), no larger, and `Send` where the twin
//! is.
//!
//! - A path to a function given as a value in a statement that awaits
//!   (`.await.map_err(AppError::from)?`, `unwrap_or_else(Vec::new)`,
//!   `map_err(Into::<Wrapped>::into)`) was checked as a named constant
//!   of a type with a `Drop` impl, in code that could not type a generic
//!   function's path: E0283, E0282, E0790.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

// ---- Paths to functions given as values ----

#[derive(Debug, PartialEq)]
pub struct IoErr(u32);

#[derive(Debug, PartialEq)]
pub enum AppError {
    Io(IoErr),
    Parse(String),
}

impl From<IoErr> for AppError {
    fn from(e: IoErr) -> Self {
        AppError::Io(e)
    }
}

impl From<std::num::ParseIntError> for AppError {
    fn from(e: std::num::ParseIntError) -> Self {
        AppError::Parse(e.to_string())
    }
}

#[desugar]
async fn mapped_by_from(x: Result<u32, u32>) -> Result<u32, AppError> {
    let v = Leaf::new("io")
        .pending(1)
        .ready(x.map_err(IoErr))
        .await
        .map_err(AppError::from)?;
    Ok(v)
}

#[desugar]
async fn defaulted_by_new(v: Option<Vec<Probe>>) -> usize {
    let list = Leaf::new("names")
        .pending(1)
        .ready(v)
        .await
        .unwrap_or_else(Vec::new);
    list.len()
}

#[desugar]
async fn mapped_by_into(s: &'static str) -> Result<u32, AppError> {
    let n = Leaf::new("text")
        .pending(1)
        .ready(s)
        .await
        .parse::<u32>()
        .map_err(Into::<AppError>::into)?;
    Ok(n)
}

/// A generic variant's constructor given as a function.
#[desugar]
async fn wrapped_by_variant(x: u32) -> Option<Option<u32>> {
    Leaf::new("x").pending(1).ready(Some(x)).await.map(Some)
}

#[test]
fn paths_to_functions_given_as_values_build() {
    for x in [Ok(1), Err(2)] {
        same_and_no_larger(|| mapped_by_from(x), || mapped_by_from_rustc(x));
    }
    both_send(&mapped_by_from(Ok(1)), &mapped_by_from_rustc(Ok(1)));
    for some in [false, true] {
        let list = || some.then(|| vec![Probe::new("p")]);
        same_and_no_larger(
            || defaulted_by_new(list()),
            || defaulted_by_new_rustc(list()),
        );
    }
    both_send(&defaulted_by_new(None), &defaulted_by_new_rustc(None));
    for s in ["1", "x"] {
        same_and_no_larger(|| mapped_by_into(s), || mapped_by_into_rustc(s));
    }
    both_send(&mapped_by_into("1"), &mapped_by_into_rustc("1"));
    same_and_no_larger(|| wrapped_by_variant(3), || wrapped_by_variant_rustc(3));
    both_send(&wrapped_by_variant(3), &wrapped_by_variant_rustc(3));
}
