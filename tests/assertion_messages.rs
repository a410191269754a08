//! The message of a failing `assert!` whose condition the expansion
//! rewrites (an await, a `?`), and awaits beside the standard macros that
//! give constants (`line!()`, `concat!(..)`).
//!
//! rustc's `assert!(cond)` says "assertion failed: <cond>", with `cond`
//! printed from the tokens the macro is given. The machine gives it the
//! condition with its await (and `?`) replaced, so it says the user's
//! condition explicitly, spaced and broken over lines as rustc prints an
//! expression: the harness compares the panic messages of the machine and
//! the twin.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), and must be no
//! larger, and `Send` where the twin is.

use desugar::desugar;
use desugar::harness::{Leaf, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger; returns the outcome.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

async fn fetch(v: u32) -> u32 {
    Leaf::new("fetch").pending(1).ready(v).await
}

async fn get(v: u32) -> Result<u32, String> {
    Leaf::new("get").pending(1).ready(Ok(v)).await
}

async fn find(v: u32) -> Option<u32> {
    Leaf::new("find").pending(1).ready(Some(v)).await
}

/// Compares the machine with its twin (see `same_and_no_larger`), and
/// checks that both failed an assertion.
fn fails(report: Report) {
    let outcome = same_and_no_larger(report);
    assert!(outcome.contains("assertion failed"), "{outcome}");
}

/// A `?` in the condition: the message said the expansion of the `?`
/// (`match ::desugar::__private::Branch::branch(..) { .. }`).
mod tried_condition {
    use super::*;
    use std::any::Any;
    use std::panic::{self, AssertUnwindSafe};
    use std::pin::pin;
    use std::task::{Context, Waker};

    #[desugar]
    async fn checked(v: u32) -> Result<u32, String> {
        assert!(get(v).await? > 3);
        Ok(v)
    }

    #[desugar]
    async fn found(v: u32) -> Option<u32> {
        debug_assert!(find(v).await? > 3);
        Some(v)
    }

    /// No await in the assertion's statement: the `?` is rewritten all the
    /// same, as is `self`.
    #[desugar]
    async fn parsed(s: String) -> Result<u32, std::num::ParseIntError> {
        let n = get(1).await.unwrap_or(0);
        assert!(s.parse::<u32>()? > n);
        Ok(n)
    }

    struct Gauge {
        level: u32,
    }

    impl Gauge {
        #[desugar]
        async fn read(&self) -> u32 {
            let n = fetch(self.level).await;
            assert!(self.level > 3);
            n
        }
    }

    #[test]
    fn says_the_condition_as_written() {
        both_send(&checked(1), &checked_rustc(1));
        fails(assert_same(|| checked(1), || checked_rustc(1)));
        same_and_no_larger(assert_same(|| checked(5), || checked_rustc(5)));
        both_send(&found(1), &found_rustc(1));
        fails(assert_same(|| found(1), || found_rustc(1)));
    }

    /// The message panics with a `&'static str`, as rustc's `assert!`
    /// does: said as a format string without arguments.
    #[test]
    fn panics_with_a_static_str() {
        fn payload(future: impl Future) -> Box<dyn Any + Send> {
            let mut future = pin!(future);
            let mut cx = Context::from_waker(Waker::noop());
            panic::catch_unwind(AssertUnwindSafe(|| {
                while future.as_mut().poll(&mut cx).is_pending() {}
            }))
            .expect_err("the assertion fails")
        }
        let machine = payload(checked(1));
        let twin = payload(checked_rustc(1));
        assert_eq!(
            machine.downcast_ref::<&'static str>(),
            twin.downcast_ref::<&'static str>()
        );
        assert!(twin.is::<&'static str>());
    }

    #[test]
    fn says_the_condition_as_written_beside_no_await() {
        fails(assert_same(
            || parsed("0".into()),
            || parsed_rustc("0".into()),
        ));
        let gauge = Gauge { level: 1 };
        both_send(&gauge.read(), &gauge.read_rustc());
        fails(assert_same(|| gauge.read(), || gauge.read_rustc()));
    }
}

/// Shapes the condition's text was spaced unlike rustc's in.
// A `match` is one of the shapes: the `matches!` clippy suggests is not.
#[allow(clippy::match_like_matches_macro)]
mod spacing {
    use super::*;

    #[derive(PartialEq)]
    struct Pt {
        x: u32,
        y: u32,
    }

    #[desugar]
    async fn struct_literal(x: u32) {
        assert!(
            Pt {
                x: fetch(x).await,
                y: 0
            } == Pt { x: 1, y: 0 }
        );
    }

    #[desugar]
    async fn group_after_operator(x: u32, which: u32) {
        assert!(which != 0 || (fetch(x).await, x) == (1, 1));
        assert!(which != 1 || fetch(x).await == [1, 2][0]);
        assert!(which != 2 || fetch(x).await == (1));
        assert!(which != 3 || fetch(x).await + (x) * [2][0] == 0);
    }

    #[desugar]
    async fn ranges(x: u32, which: u32) {
        assert!(which != 0 || (1..=3).contains(&fetch(x).await));
        assert!(which != 1 || (x + 1..x + 2).contains(&fetch(x).await));
        assert!(which != 2 || (..=1).contains(&fetch(x).await));
    }

    #[desugar]
    async fn qualified(x: u32) {
        assert!(<u32 as Into<u64>>::into(fetch(x).await) == 9);
    }

    #[desugar]
    async fn generic(x: u32) {
        assert!(Vec::<Option<u32>>::with_capacity(fetch(x).await as usize).capacity() > 100);
    }

    #[desugar]
    async fn matched(x: u32) {
        assert!(match fetch(x).await {
            1 => true,
            _ => false,
        });
    }

    /// Written on one line, without a comma after the last arm, which
    /// rustc prints.
    #[rustfmt::skip]
    #[desugar]
    async fn matched_on_one_line(x: u32) {
        assert!(match fetch(x).await { 1 => true, _ => false });
    }

    #[desugar]
    async fn matched_with_block_arm(x: u32) {
        assert!(match fetch(x).await {
            1 => true,
            n => {
                n == 0
            }
        });
    }

    #[test]
    fn struct_literal_fields() {
        both_send(&struct_literal(2), &struct_literal_rustc(2));
        fails(assert_same(
            || struct_literal(2),
            || struct_literal_rustc(2),
        ));
    }

    #[test]
    fn a_group_after_a_binary_operator() {
        for which in 0..4 {
            fails(assert_same(
                || group_after_operator(2, which),
                || group_after_operator_rustc(2, which),
            ));
        }
    }

    #[test]
    fn ranges_of_every_kind() {
        for which in 0..3 {
            fails(assert_same(|| ranges(9, which), || ranges_rustc(9, which)));
        }
    }

    #[test]
    fn qualified_paths_and_generics() {
        fails(assert_same(|| qualified(2), || qualified_rustc(2)));
        fails(assert_same(|| generic(2), || generic_rustc(2)));
    }

    #[test]
    fn a_match_with_its_arms() {
        fails(assert_same(|| matched(2), || matched_rustc(2)));
        fails(assert_same(
            || matched_on_one_line(2),
            || matched_on_one_line_rustc(2),
        ));
        fails(assert_same(
            || matched_with_block_arm(2),
            || matched_with_block_arm_rustc(2),
        ));
    }
}

/// Closures, labels and prefix operators: the message said `|&n |`,
/// `|n: u32|-> bool`, `&&! n`, `move | k: u32 |`, `break'b` and `as &
/// dyn`.
// Written as the shapes came, unspaced: rustfmt would space them.
#[rustfmt::skip]
#[allow(
    clippy::redundant_closure_call,
    clippy::nonminimal_bool,
    clippy::op_ref,
    clippy::suspicious_map
)]
mod closures_labels_and_prefixes {
    use super::*;

    #[desugar]
    async fn all_even(v: u32) {
        assert!(fetch(v).await.to_le_bytes().iter().all(|&n| n % 2 == 0));
    }

    #[desugar]
    async fn returns_typed(v: u32) {
        assert!((|n: u32| -> bool { n > 5 })(fetch(v).await));
        assert!((|n|->bool { n > 5 })(fetch(v).await));
    }

    #[desugar]
    async fn unspaced(v: u32, b: bool) {
        assert!(fetch(v).await == 1&&!b);
        assert!(fetch(v).await == 1||!b&&&b == &true);
    }

    #[desugar]
    async fn moving(v: u32) {
        assert!((0..fetch(v).await).map(|n| move |k: u32| k + n).count() > 5);
    }

    #[desugar]
    async fn labelled(v: u32) {
        assert!('b: { if fetch(v).await == 1 { break 'b false; } true });
    }

    #[desugar]
    async fn as_dyn(v: u32) {
        assert!(std::mem::size_of_val(&fetch(v).await as &dyn std::fmt::Debug) == 0);
        assert!((fetch(v).await, "").1 as &'static str == "x");
    }

    #[test]
    fn spaced_as_rustc_prints_them() {
        both_send(&all_even(1), &all_even_rustc(1));
        fails(assert_same(|| all_even(1), || all_even_rustc(1)));
        fails(assert_same(|| returns_typed(1), || returns_typed_rustc(1)));
        fails(assert_same(|| unspaced(1, true), || unspaced_rustc(1, true)));
        fails(assert_same(|| moving(1), || moving_rustc(1)));
        fails(assert_same(|| labelled(1), || labelled_rustc(1)));
        fails(assert_same(|| as_dyn(1), || as_dyn_rustc(1)));
    }
}

/// A condition longer than rustc's margin (78 columns): rustc breaks it
/// over lines (`.. > 1000000000 &&\n    ..`); the message said it on one.
/// Each shape at lengths either side of the margin.
// Every fn takes the same two parameters, which not every shape reads.
#[allow(clippy::nonminimal_bool, clippy::len_zero, unused_variables)]
mod long_conditions {
    use super::*;

    #[derive(PartialEq)]
    struct Pt {
        x: u32,
        y: u32,
    }

    fn check(_: u32, _: u32, _: u32, _: (u32, u32), _: usize) -> bool {
        false
    }

    #[desugar]
    async fn sum_77(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxxxxxxx = x;
        assert!(fetch(x).await + spent_so_far + budget_xxxxxxxxxxxxxxxxxxxxxxxxx > 1000000000);
    }

    #[desugar]
    async fn sum_78(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxxxxxxxx = x;
        assert!(fetch(x).await + spent_so_far + budget_xxxxxxxxxxxxxxxxxxxxxxxxxx > 1000000000);
    }

    #[desugar]
    async fn sum_79(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxxxxxxxxx = x;
        assert!(fetch(x).await + spent_so_far + budget_xxxxxxxxxxxxxxxxxxxxxxxxxxx > 1000000000);
    }

    #[desugar]
    async fn sum_80(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxxxxxxxxxx = x;
        assert!(fetch(x).await + spent_so_far + budget_xxxxxxxxxxxxxxxxxxxxxxxxxxxx > 1000000000);
    }

    #[desugar]
    async fn sum_96(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = x;
        assert!(
            fetch(x).await + spent_so_far + budget_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
                > 1000000000
        );
    }

    #[desugar]
    async fn chain_77(x: u32, spent_so_far: u32) {
        let budget_ = "abcdefghijklmnop".to_string();
        assert!(
            (0..fetch(x).await)
                .map(|n| n * 2)
                .filter(|&n| n > 3)
                .count()
                > budget_.len()
        );
    }

    #[desugar]
    async fn chain_78(x: u32, spent_so_far: u32) {
        let budget_x = "abcdefghijklmnop".to_string();
        assert!(
            (0..fetch(x).await)
                .map(|n| n * 2)
                .filter(|&n| n > 3)
                .count()
                > budget_x.len()
        );
    }

    #[desugar]
    async fn chain_79(x: u32, spent_so_far: u32) {
        let budget_xx = "abcdefghijklmnop".to_string();
        assert!(
            (0..fetch(x).await)
                .map(|n| n * 2)
                .filter(|&n| n > 3)
                .count()
                > budget_xx.len()
        );
    }

    #[desugar]
    async fn chain_80(x: u32, spent_so_far: u32) {
        let budget_xxx = "abcdefghijklmnop".to_string();
        assert!(
            (0..fetch(x).await)
                .map(|n| n * 2)
                .filter(|&n| n > 3)
                .count()
                > budget_xxx.len()
        );
    }

    #[desugar]
    async fn chain_96(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxx = "abcdefghijklmnop".to_string();
        assert!(
            (0..fetch(x).await)
                .map(|n| n * 2)
                .filter(|&n| n > 3)
                .count()
                > budget_xxxxxxxxxxxxxxxxxxx.len()
        );
    }

    #[desugar]
    async fn call_77(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxx = x;
        assert!(check(
            fetch(x).await,
            budget_xxxxxxxxx,
            spent_so_far,
            (1, 2),
            [0u8; 2].len()
        ));
    }

    #[desugar]
    async fn call_78(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxx = x;
        assert!(check(
            fetch(x).await,
            budget_xxxxxxxxxx,
            spent_so_far,
            (1, 2),
            [0u8; 2].len()
        ));
    }

    #[desugar]
    async fn call_79(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxx = x;
        assert!(check(
            fetch(x).await,
            budget_xxxxxxxxxxx,
            spent_so_far,
            (1, 2),
            [0u8; 2].len()
        ));
    }

    #[desugar]
    async fn call_80(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxx = x;
        assert!(check(
            fetch(x).await,
            budget_xxxxxxxxxxxx,
            spent_so_far,
            (1, 2),
            [0u8; 2].len()
        ));
    }

    #[desugar]
    async fn call_96(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxxxxxxxxxx = x;
        assert!(check(
            fetch(x).await,
            budget_xxxxxxxxxxxxxxxxxxxxxxxxxxxx,
            spent_so_far,
            (1, 2),
            [0u8; 2].len()
        ));
    }

    #[desugar]
    async fn literal_77(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxx = x;
        assert!(
            Pt {
                x: fetch(x).await,
                y: budget_xxxxxxxxxxxxxxxxxxxx
            } == Pt { x: 1, y: 2 }
        );
    }

    #[desugar]
    async fn literal_78(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxxx = x;
        assert!(
            Pt {
                x: fetch(x).await,
                y: budget_xxxxxxxxxxxxxxxxxxxxx
            } == Pt { x: 1, y: 2 }
        );
    }

    #[desugar]
    async fn literal_79(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxxxx = x;
        assert!(
            Pt {
                x: fetch(x).await,
                y: budget_xxxxxxxxxxxxxxxxxxxxxx
            } == Pt { x: 1, y: 2 }
        );
    }

    #[desugar]
    async fn literal_80(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxxxxx = x;
        assert!(
            Pt {
                x: fetch(x).await,
                y: budget_xxxxxxxxxxxxxxxxxxxxxxx
            } == Pt { x: 1, y: 2 }
        );
    }

    #[desugar]
    async fn literal_96(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = x;
        assert!(
            Pt {
                x: fetch(x).await,
                y: budget_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            } == Pt { x: 1, y: 2 }
        );
    }

    #[desugar]
    async fn closure_77(x: u32, spent_so_far: u32) {
        let budget_ = 100u8;
        assert!((0..fetch(x).await).any(move |value: u32| -> bool { value > budget_ as u32 }));
    }

    #[desugar]
    async fn closure_78(x: u32, spent_so_far: u32) {
        let budget_x = 100u8;
        assert!((0..fetch(x).await).any(move |value: u32| -> bool { value > budget_x as u32 }));
    }

    #[desugar]
    async fn closure_79(x: u32, spent_so_far: u32) {
        let budget_xx = 100u8;
        assert!((0..fetch(x).await).any(move |value: u32| -> bool { value > budget_xx as u32 }));
    }

    #[desugar]
    async fn closure_80(x: u32, spent_so_far: u32) {
        let budget_xxx = 100u8;
        assert!((0..fetch(x).await).any(move |value: u32| -> bool { value > budget_xxx as u32 }));
    }

    #[desugar]
    async fn closure_96(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxx = 100u8;
        assert!(
            (0..fetch(x).await)
                .any(move |value: u32| -> bool { value > budget_xxxxxxxxxxxxxxxxxxx as u32 })
        );
    }

    #[desugar]
    async fn turbofish_96(x: u32, spent_so_far: u32) {
        let bb = 0u32;
        assert!(
            std::collections::HashMap::<String, u32>::new()
                .get("k")
                .copied()
                .unwrap_or(bb)
                > fetch(x).await
        );
    }

    /// README, "Known differences": a macro call's arguments are printed
    /// on one line, where rustc may break inside them.
    #[desugar]
    async fn macro_inside(x: u32, spent_so_far: u32) {
        let budget_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = spent_so_far;
        assert!(
            fetch(x).await == 0
                || matches!(Some(spent_so_far), Some(n) if n > budget_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
        );
    }

    #[test]
    fn a_macro_call_inside_breaks_elsewhere() {
        let mismatch =
            desugar::harness::compare(|| macro_inside(1, 2), || macro_inside_rustc(1, 2))
                .expect_err("rustc breaks the line inside `matches!`");
        let text = format!("{mismatch:?}");
        assert!(text.contains("assertion failed"), "{text}");
    }

    #[test]
    fn broken_over_lines_as_rustc_breaks_them() {
        both_send(&sum_79(1, 2), &sum_79_rustc(1, 2));
        fails(assert_same(|| sum_77(1, 2), || sum_77_rustc(1, 2)));
        fails(assert_same(|| sum_78(1, 2), || sum_78_rustc(1, 2)));
        fails(assert_same(|| sum_79(1, 2), || sum_79_rustc(1, 2)));
        fails(assert_same(|| sum_80(1, 2), || sum_80_rustc(1, 2)));
        fails(assert_same(|| sum_96(1, 2), || sum_96_rustc(1, 2)));
        fails(assert_same(|| chain_77(1, 2), || chain_77_rustc(1, 2)));
        fails(assert_same(|| chain_78(1, 2), || chain_78_rustc(1, 2)));
        fails(assert_same(|| chain_79(1, 2), || chain_79_rustc(1, 2)));
        fails(assert_same(|| chain_80(1, 2), || chain_80_rustc(1, 2)));
        fails(assert_same(|| chain_96(1, 2), || chain_96_rustc(1, 2)));
        fails(assert_same(|| call_77(1, 2), || call_77_rustc(1, 2)));
        fails(assert_same(|| call_78(1, 2), || call_78_rustc(1, 2)));
        fails(assert_same(|| call_79(1, 2), || call_79_rustc(1, 2)));
        fails(assert_same(|| call_80(1, 2), || call_80_rustc(1, 2)));
        fails(assert_same(|| call_96(1, 2), || call_96_rustc(1, 2)));
        fails(assert_same(|| literal_77(1, 2), || literal_77_rustc(1, 2)));
        fails(assert_same(|| literal_78(1, 2), || literal_78_rustc(1, 2)));
        fails(assert_same(|| literal_79(1, 2), || literal_79_rustc(1, 2)));
        fails(assert_same(|| literal_80(1, 2), || literal_80_rustc(1, 2)));
        fails(assert_same(|| literal_96(1, 2), || literal_96_rustc(1, 2)));
        fails(assert_same(|| closure_77(1, 2), || closure_77_rustc(1, 2)));
        fails(assert_same(|| closure_78(1, 2), || closure_78_rustc(1, 2)));
        fails(assert_same(|| closure_79(1, 2), || closure_79_rustc(1, 2)));
        fails(assert_same(|| closure_80(1, 2), || closure_80_rustc(1, 2)));
        fails(assert_same(|| closure_96(1, 2), || closure_96_rustc(1, 2)));
        fails(assert_same(
            || turbofish_96(1, 2),
            || turbofish_96_rustc(1, 2),
        ));
    }
}

/// The standard macros that give a constant make no temporary: before an
/// await in the same statement they were rejected as if they might.
mod constant_macros {
    use super::*;

    #[desugar]
    async fn located(n: u32) -> String {
        format!("{}:{} got {}", file!(), line!(), fetch(n).await)
    }

    #[desugar]
    async fn facts(n: u32) -> (bool, &'static str, u32, &'static str, u32) {
        (
            cfg!(test),
            module_path!(),
            column!(),
            stringify!(n + 1),
            fetch(n).await,
        )
    }

    #[desugar]
    async fn texts(
        n: u32,
    ) -> (
        &'static str,
        Option<&'static str>,
        &'static str,
        &'static [u8],
        u32,
    ) {
        (
            concat!("a", 1),
            option_env!("DESUGAR_NOT_SET"),
            env!("CARGO_PKG_NAME"),
            include_bytes!("assertion_messages.rs"),
            fetch(n).await,
        )
    }

    /// A format string `concat!` gives cannot be bound with `let`, which the
    /// error said to do.
    #[desugar]
    async fn tagged(n: u32) -> String {
        format!(concat!("[tag] ", "{}"), fetch(n).await)
    }

    #[test]
    fn stay_in_place_before_an_await() {
        both_send(&located(1), &located_rustc(1));
        same_and_no_larger(assert_same(|| located(1), || located_rustc(1)));
        same_and_no_larger(assert_same(|| facts(1), || facts_rustc(1)));
        same_and_no_larger(assert_same(|| texts(1), || texts_rustc(1)));
        both_send(&tagged(1), &tagged_rustc(1));
        same_and_no_larger(assert_same(|| tagged(1), || tagged_rustc(1)));
    }
}

/// A `loop`, `while`, `for` or `async` block too long for one line in a
/// condition the expansion rewrites: rustc breaks it over lines as it
/// breaks a plain block (one statement a line, `}` on its own); the
/// message said it on one line (dogN2 1.1).
// Written as the shapes came, on one line: rustfmt would break them.
#[rustfmt::skip]
#[allow(clippy::never_loop, clippy::while_let_loop, unused_labels)]
mod loop_and_async_blocks {
    use super::*;

    #[desugar]
    async fn in_loop() {
        assert!(loop { let first = fetch(1).await; let second = fetch(2).await; break first + second == 100; });
    }

    #[desugar]
    async fn in_labeled_loop() {
        assert!('outer: loop { let first = fetch(1).await; let second = fetch(2).await; break 'outer first + second == 100; });
    }

    #[desugar]
    async fn in_while(limit: u32) {
        assert!({ let mut n = 0; while n < limit { n += fetch(1).await; n += fetch(2).await; n += 1; } n } == 100);
    }

    #[desugar]
    async fn in_while_let(limit: u32) {
        assert!({ let mut n = 0; while let Some(step) = limit.checked_sub(n) { n += fetch(step.min(1)).await; n += 1; } n } == 100);
    }

    #[desugar]
    async fn in_for(limit: u32) {
        assert!({ let mut total = 0; for i in 0..limit { total += fetch(i).await; total += i * 2; } total } == 100);
    }

    #[desugar]
    async fn in_async_block() {
        assert!(async { let first = fetch(1).await; let second = fetch(2).await; first + second }.await == 100);
    }

    #[desugar]
    async fn in_async_move_block(base: u32) {
        assert!(async move { let first = fetch(base).await; let second = fetch(2).await; first + second }.await == 100);
    }

    /// The await beside the block, not in it.
    #[desugar]
    async fn beside_the_await(limit: u32) {
        assert!(loop { let mut n = limit; n += 1; n *= 2; if n > 10 { break n == 3; } n -= 1; break n == 0; } || fetch(1).await == 3);
    }

    #[test]
    fn broken_as_rustc_breaks_a_block() {
        both_send(&in_loop(), &in_loop_rustc());
        both_send(&in_async_move_block(1), &in_async_move_block_rustc(1));
        fails(assert_same(in_loop, in_loop_rustc));
        fails(assert_same(in_labeled_loop, in_labeled_loop_rustc));
        fails(assert_same(|| in_while(2), || in_while_rustc(2)));
        fails(assert_same(|| in_while_let(2), || in_while_let_rustc(2)));
        fails(assert_same(|| in_for(2), || in_for_rustc(2)));
        fails(assert_same(in_async_block, in_async_block_rustc));
        fails(assert_same(
            || in_async_move_block(1),
            || in_async_move_block_rustc(1),
        ));
        fails(assert_same(|| beside_the_await(1), || beside_the_await_rustc(1)));
    }
}
