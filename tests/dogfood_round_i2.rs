//! Shapes a dogfood run found that the plain `async fn` builds and the
//! machine did not, each compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), no larger, and
//! `Send` where the twin is.
//!
//! - A guard that reads the matched local (`if pair.1 > 3`) on an arm
//!   whose pattern takes all of it and awaits, beside an arm that skips a
//!   part with `_`, an await after the `match`: the local was kept across
//!   the later await but not across the arm's, and the machine named the
//!   parameter itself there (E0373, a regression of 7b65e50). Its parts
//!   may only have been copied: it is kept across the arm's await too.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::Leaf;

#[desugar]
async fn guard_reads_matched(pair: (Option<u32>, u32)) -> u32 {
    let k = match pair {
        (Some(a), b) if pair.1 > 3 => Leaf::new("pa").pending(1).ready(a).await + b,
        (Some(a), _) => a,
        _ => 0,
    };
    Leaf::new("after").pending(1).ready(k).await
}

#[test]
fn a_guard_reading_a_local_an_arm_takes_all_of_beside_a_skipped_part() {
    for pair in [(Some(1), 1), (Some(2), 5), (None, 4)] {
        same_and_no_larger(
            move || guard_reads_matched(pair),
            move || guard_reads_matched_rustc(pair),
        );
    }
    both_send(
        &guard_reads_matched((None, 1)),
        &guard_reads_matched_rustc((None, 1)),
    );
}
