//! Shapes of valid code that a dogfood run found not to build, each
//! compared with rustc's twin (`assert_same`: every cancellation point,
//! with and without extra `Pending`s), no larger, and `Send` where the twin
//! is.
//!
//! - A local named by a `macro_rules!` of the fn, called in a closure that
//!   `map` runs before an await, its result kept across the await in a
//!   `let` whose written type holds no borrow (`let out: Vec<u32> = ..`):
//!   the written type did not count for a standard container, and the
//!   local was kept in place, where the macro could not be given it
//!   (dogI3, build 10).

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::Leaf;

#[desugar]
async fn adjusted(items: Vec<u32>) -> Vec<u32> {
    let bias = 3;
    macro_rules! adj {
        ($v:expr) => {
            $v + bias
        };
    }
    let out: Vec<u32> = items.iter().map(|&i| adj!(i)).collect();
    Leaf::new("k").pending(1).ready(()).await;
    out
}

#[test]
fn values_of_containers_typed_as_owning() {
    same_and_no_larger(|| adjusted(vec![1, 2]), || adjusted_rustc(vec![1, 2]));
    both_send(&adjusted(vec![1]), &adjusted_rustc(vec![1]));
}
