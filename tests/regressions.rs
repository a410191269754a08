//! Regression tests: constructs the twin comparison once found wrong, each
//! compared with rustc's twin by the harness.

use std::future::Future;
use std::pin::Pin;

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

/// Where the twin is `Send`, the machine must be (DESIGN.md, promise 5).
fn assert_send<T: Send>(_: &T) {}

/// A panic inside the awaited future poisons the machine: the future, the
/// locals and the arguments drop while unwinding, as rustc drops them, and
/// the next poll says "`async fn` resumed after panicking".
mod panic_in_awaited_future {
    use super::*;

    #[desugar]
    async fn panicking_awaitee(p: Probe) -> u32 {
        let q = Probe::new("q");
        let v = Leaf::new("l").pending(1).panics::<u32>("boom").await;
        q.touch();
        p.touch();
        v
    }

    #[test]
    fn unwinds_like_rustc() {
        let report = assert_same(
            || panicking_awaitee(Probe::new("p")),
            || panicking_awaitee_rustc(Probe::new("p")),
        );
        assert!(report.outcome.contains("boom"), "{}", report.outcome);
    }
}

/// `assert!(x.await)` fails with the condition as written.
mod assert_message {
    use super::*;

    #[desugar]
    async fn asserting() -> u32 {
        assert!(Leaf::new("a").pending(1).ready(false).await);
        1
    }

    #[test]
    fn says_what_failed() {
        let report = assert_same(asserting, asserting_rustc);
        assert!(
            report
                .outcome
                .contains("assertion failed: Leaf::new(\"a\")"),
            "{}",
            report.outcome
        );
    }
    /// A local kept in place (`host`, borrowed across the await) is read
    /// through its home in the condition; the message still shows the
    /// condition as written.
    #[desugar]
    async fn asserting_on_a_kept_local(host: String) -> usize {
        let n = Leaf::new("resolve").pending(1).ready(host.len()).await;
        let seen = &host;
        Leaf::new("connect").pending(1).ready(()).await;
        assert!(seen.contains(':') && host.len() > 2);
        n
    }

    /// Conditions with indexing, generics, a macro and a closure, each
    /// failing for one `which`, on a local kept in place. (Tokens inside a
    /// macro in the condition print with the spacing they come back with
    /// from the expansion: `matches!(x, Some(& 9))`, see README.)
    #[desugar]
    async fn asserting_shapes(v: Vec<u32>, which: u32) -> usize {
        let n = Leaf::new("len").pending(1).ready(v.len()).await;
        let seen = &v;
        Leaf::new("more").pending(1).ready(()).await;
        assert!(which != 0 || seen[0] == 9);
        assert!(which != 1 || Vec::<u32>::is_empty(seen));
        assert!(which != 2 || matches!(seen.len(), 0 | 5));
        assert!(which != 3 || seen.iter().any(|x| *x > 100));
        n
    }

    #[test]
    fn says_each_shape_as_rustc_prints_it() {
        for which in 0..4 {
            let report = assert_same(
                || asserting_shapes(vec![1, 2], which),
                || asserting_shapes_rustc(vec![1, 2], which),
            );
            assert!(
                report.outcome.contains("assertion failed"),
                "{}",
                report.outcome
            );
        }
    }

    #[test]
    fn says_what_failed_in_the_users_words() {
        let report = assert_same(
            || asserting_on_a_kept_local("db".to_owned()),
            || asserting_on_a_kept_local_rustc("db".to_owned()),
        );
        assert!(
            report
                .outcome
                .contains("assertion failed: seen.contains(':') && host.len() > 2"),
            "{}",
            report.outcome
        );
    }
}

/// An `assert!` message that awaits runs only if the assertion fails, and a
/// `debug_assert!` only where debug assertions are on (as in this test
/// build: `cfg!(debug_assertions)` decides it, as it does for rustc). Both
/// awaited whatever the outcome before.
mod lazy_assertion_arguments {
    use super::*;

    fn name() -> desugar::harness::LeafFuture<String> {
        Leaf::new("name").pending(1).ready("n".to_string())
    }

    #[desugar]
    async fn asserting(a: u32, p: Probe) -> u32 {
        assert!(a > 0, "bad {} for {}", name().await, p.label());
        let b = Leaf::new("b").pending(1).ready(a + 1).await;
        debug_assert!(b > 1, "bad b {}", name().await);
        debug_assert_eq!(
            Leaf::new("check").pending(1).ready(b).await,
            a + 1,
            "b is {}",
            b
        );
        debug_assert_ne!(b, 0);
        p.touch();
        b
    }

    #[test]
    fn awaits_the_message_only_on_failure() {
        assert_send(&asserting(0, Probe::new("p")));
        for a in [0, 3] {
            let report = assert_same(
                || asserting(a, Probe::new("p")),
                || asserting_rustc(a, Probe::new("p")),
            );
            let expected = if a == 0 { "bad n for p" } else { "Ready(4)" };
            assert!(report.outcome.contains(expected), "{}", report.outcome);
        }
    }
}

/// `break 'outer value` from an inner loop ends the value loop.
mod labelled_break_value {
    use super::*;

    #[desugar]
    async fn find() -> u32 {
        let found = 'find: loop {
            for k in 0..5u32 {
                if Leaf::new("l").pending(1).ready(k).await == 3 {
                    break 'find k;
                }
            }
        };
        1 + found
    }

    #[test]
    fn breaks_out_with_the_value() {
        assert_eq!(assert_same(find, find_rustc).outcome, "Ready(4)");
    }
}

/// Items declared in the body are visible after an await too.
mod items_in_the_body {
    use super::*;

    #[desugar]
    async fn items_after_await() -> u32 {
        const OFFSET: u32 = 100;
        fn helper(x: u32) -> u32 {
            x + 1
        }
        let a = Leaf::new("a").pending(1).ready(1u32).await;
        helper(a) + OFFSET
    }

    #[test]
    fn are_declared_in_every_state() {
        assert_eq!(
            assert_same(items_after_await, items_after_await_rustc).outcome,
            "Ready(102)"
        );
    }
}

/// Recursion through a boxed trait object (a plain `Box::pin(f(..)).await`
/// is refused: `tests/ui/await_recursive_call.rs`).
mod recursion {
    use super::*;

    #[desugar]
    async fn recurse(n: u32) -> u32 {
        if n == 0 {
            return Leaf::new("bottom").pending(1).ready(0).await;
        }
        (Box::pin(recurse(n - 1)) as Pin<Box<dyn Future<Output = u32>>>).await + 1
    }

    #[test]
    fn matches_rustc() {
        assert_eq!(
            assert_same(|| recurse(2), || recurse_rustc(2)).outcome,
            "Ready(2)"
        );
    }
}

/// A `for` loop over a borrowed local, then a mutable use of it: the loop's
/// borrow lives in the state, but ends with the loop.
mod loop_borrow_then_use {
    use super::*;

    #[desugar]
    async fn push_after_loop() -> usize {
        let mut v = vec![1u32];
        for x in &v {
            Leaf::new("a").pending(1).ready(*x).await;
        }
        v.push(2);
        let mut w = vec![1u32, 2];
        for x in w.iter_mut() {
            *x += Leaf::new("b").pending(1).ready(1u32).await;
        }
        v.len() + w.len() + w[1] as usize
    }

    #[test]
    fn compiles_and_matches() {
        assert_eq!(
            assert_same(push_after_loop, push_after_loop_rustc).outcome,
            "Ready(7)"
        );
    }
}

/// `ref` bindings borrow what they are bound from, across awaits.
mod ref_bindings {
    use super::*;

    #[desugar]
    async fn ref_in_let() -> usize {
        let pair = (Probe::new("l"), Probe::new("r"));
        let (ref left, ref right) = pair;
        Leaf::new("l").pending(1).ready(()).await;
        left.touch();
        right.touch();
        left.label().len()
    }

    #[desugar]
    #[allow(clippy::toplevel_ref_arg)] // the `ref` pattern is what is tested
    async fn ref_parameter(ref borrowed: Probe) -> usize {
        Leaf::new("l").pending(1).ready(()).await;
        borrowed.touch();
        borrowed.label().len()
    }

    #[test]
    fn in_a_let() {
        assert_eq!(
            assert_same(ref_in_let, ref_in_let_rustc).outcome,
            "Ready(1)"
        );
    }

    #[test]
    fn in_a_parameter() {
        let report = assert_same(
            || ref_parameter(Probe::new("p")),
            || ref_parameter_rustc(Probe::new("p")),
        );
        assert_eq!(report.outcome, "Ready(1)");
    }
}

/// A local moved on some paths only keeps rustc's drop flag: it drops at the
/// end of its scope when it was not moved (`if c { drop(m) }`), as does a
/// local given a value on some paths only.
mod drop_flags {
    use super::*;

    #[desugar]
    async fn conditional_move(c: bool) -> u32 {
        let m = Probe::new("m");
        let kept = Probe::new("kept");
        if c {
            drop(m);
        }
        Leaf::new("l").pending(1).ready(()).await;
        kept.touch();
        1
    }

    #[desugar]
    async fn conditional_init(c: bool) -> u32 {
        let maybe;
        if c {
            maybe = Probe::new("maybe");
            maybe.touch();
        }
        Leaf::new("l").pending(1).ready(()).await;
        2
    }

    #[test]
    fn a_conditional_move() {
        for c in [false, true] {
            assert_eq!(
                assert_same(|| conditional_move(c), || conditional_move_rustc(c)).outcome,
                "Ready(1)"
            );
        }
    }

    #[test]
    fn a_conditional_initialisation() {
        for c in [false, true] {
            assert_eq!(
                assert_same(|| conditional_init(c), || conditional_init_rustc(c)).outcome,
                "Ready(2)"
            );
        }
    }
}

/// Awaiting a value that is not `Copy` inside a loop: the resumed iteration
/// moves it once, which rustc cannot see through the loop.
mod owned_value_in_a_loop {
    use super::*;

    #[desugar]
    async fn collect_words(count: usize) -> usize {
        let mut total = 0;
        for n in 0..count {
            let word = Leaf::new("word").pending(1).ready(format!("w{n}")).await;
            total += word.len();
            total += Leaf::new("again")
                .pending(1)
                .ready(String::from("xy"))
                .await
                .len();
        }
        let mut rounds = 0;
        while rounds < 2 {
            let kept: Vec<Probe> = Leaf::new("probes")
                .pending(1)
                .ready(vec![Probe::new("p")])
                .await;
            rounds += kept.len();
        }
        total + rounds
    }

    #[test]
    fn compiles_and_matches() {
        assert_eq!(
            assert_same(|| collect_words(3), || collect_words_rustc(3)).outcome,
            "Ready(14)"
        );
    }
}

/// Values borrowed across awaits in scopes that are never alive together
/// share their home, as rustc lets them share bytes.
mod shared_homes {
    use super::*;

    async fn fill(buffer: &mut [u8]) -> usize {
        buffer[0] = 1;
        Leaf::new("fill").pending(1).ready(buffer.len()).await
    }

    #[desugar]
    async fn sequential_buffers(tag: Probe) -> usize {
        let first = {
            let mut buffer = [0u8; 1024];
            fill(&mut buffer).await + buffer[0] as usize
        };
        let second = {
            let mut other = [0u8; 1024];
            fill(&mut other).await
        };
        tag.touch();
        first + second
    }

    #[desugar]
    async fn branch_buffers(left: bool) -> usize {
        if left {
            let mut buffer = [0u8; 1024];
            fill(&mut buffer).await
        } else {
            let mut other = [0u8; 1024];
            fill(&mut other).await + 1
        }
    }

    #[test]
    fn match_rustc_and_take_no_more_room() {
        let report = assert_same(
            || sequential_buffers(Probe::new("tag")),
            || sequential_buffers_rustc(Probe::new("tag")),
        );
        assert_eq!(report.outcome, "Ready(2049)");
        assert!(
            report.left_size <= report.right_size,
            "{} > {}",
            report.left_size,
            report.right_size
        );
        for left in [true, false] {
            let report = assert_same(|| branch_buffers(left), || branch_buffers_rustc(left));
            assert!(
                report.left_size <= report.right_size,
                "{} > {}",
                report.left_size,
                report.right_size
            );
        }
    }
}

/// Findings of the differential fuzzer (desugar-fuzz/FINDINGS.md).
mod fuzz_findings {
    use super::*;

    async fn touch_later(p: &Probe, wait: desugar::harness::LeafFuture<u32>) -> u32 {
        let v = wait.await;
        p.touch();
        v
    }

    /// `let _ = x;` neither moves nor borrows `x`, also when `x` is kept in
    /// place (it once freed it: a use after free).
    #[desugar]
    async fn let_underscore(p: Probe, v: Vec<u32>) -> u32 {
        let _ = p;
        let _ = v;
        let _ = v;
        touch_later(&p, Leaf::new("L").pending(1).ready(v.len() as u32)).await
    }

    #[test]
    fn let_underscore_keeps_the_value() {
        let report = assert_same(
            || let_underscore(Probe::new("p"), vec![1, 2, 3]),
            || let_underscore_rustc(Probe::new("p"), vec![1, 2, 3]),
        );
        assert_eq!(report.outcome, "Ready(3)");
    }

    /// A local shadowed by another, both kept across an await.
    #[desugar]
    #[allow(unused_variables)] // the shadowed parameter is what is tested
    async fn shadowed(s: String, p: Probe) -> u32 {
        let s = s.len() as u32 + 3;
        let p = Probe::new("local");
        Leaf::new("L").pending(1).ready(()).await;
        p.touch();
        s
    }

    #[desugar]
    async fn shadowed_closure() -> u32 {
        let f = |a: u32| a + 1;
        let f = vec![f(1)];
        Leaf::new("L").pending(1).ready(()).await;
        f.len() as u32
    }

    #[test]
    fn shadowed_locals_keep_their_own_values() {
        let report = assert_same(
            || shadowed(String::from("param"), Probe::new("param")),
            || shadowed_rustc(String::from("param"), Probe::new("param")),
        );
        assert_eq!(report.outcome, "Ready(8)");
        assert_eq!(
            assert_same(shadowed_closure, shadowed_closure_rustc).outcome,
            "Ready(1)"
        );
    }

    /// A reference or closure kept across an await (for the drop order)
    /// while unused after it: what it borrows stays in place.
    #[desugar]
    #[allow(unused_variables)] // locals unused after the await are the point
    async fn unused_borrows(p: Probe) -> u32 {
        let x = 3u32;
        let r = &p;
        let f = |a: u32| a ^ x;
        Leaf::new("L").pending(1).ready(4u32).await
    }

    #[test]
    fn borrows_kept_for_their_drop_keep_their_referent() {
        assert_eq!(
            assert_same(
                || unused_borrows(Probe::new("p")),
                || unused_borrows_rustc(Probe::new("p"))
            )
            .outcome,
            "Ready(4)"
        );
    }
}

/// More findings of the differential fuzzer.
mod fuzz_findings_2 {
    use super::*;

    /// `?` inside the arguments of `format!` finishes the future.
    #[desugar]
    async fn try_in_format(o: Option<u32>) -> Option<u32> {
        let s = format!("{}", o?);
        Leaf::new("L").pending(1).ready(()).await;
        Some(s.len() as u32)
    }

    /// A local given its value from an await after an earlier await.
    #[desugar]
    #[allow(clippy::needless_late_init)] // the late initialisation is the case
    async fn deferred_across_awaits() -> u32 {
        let x: u32;
        Leaf::new("A").pending(1).ready(()).await;
        x = Leaf::new("B").pending(2).ready(6u32).await;
        let y = {
            Leaf::new("C").pending(1).ready(()).await;
            Leaf::new("D").pending(1).ready(1u32).await
        };
        x + y
    }

    /// Inline format captures of a local borrowed across an await, in a
    /// closure and in an async block.
    #[desugar]
    async fn inline_captures() -> u32 {
        let x = 1u32;
        let f = || format!("{x}").len() as u32;
        Leaf::new("L").pending(1).ready(()).await;
        let n = async { format!("{x}-{x:?}").len() as u32 }.await;
        f() + n
    }

    /// `for` over an awaited value, with no await in the body; a leading
    /// await under a turbofish naming types the operand also names.
    #[desugar]
    #[allow(clippy::unnecessary_cast)] // the cast names a type the prefix names too
    async fn for_over_awaited() -> Result<u32, u32> {
        let mut sum = 0;
        for x in Leaf::new("L").pending(1).ready(vec![1u32, 2]).await {
            sum += x;
        }
        let r = Ok::<u32, u32>(Leaf::new("M").pending(1).ready(5 as u32).await);
        Ok(sum + r?)
    }

    #[test]
    fn all_match_rustc() {
        for (o, expected) in [(Some(3), "Ready(Some(1))"), (None, "Ready(None)")] {
            assert_eq!(
                assert_same(|| try_in_format(o), || try_in_format_rustc(o)).outcome,
                expected
            );
        }
        assert_eq!(
            assert_same(deferred_across_awaits, deferred_across_awaits_rustc).outcome,
            "Ready(7)"
        );
        assert_eq!(
            assert_same(inline_captures, inline_captures_rustc).outcome,
            "Ready(4)"
        );
        assert_eq!(
            assert_same(for_over_awaited, for_over_awaited_rustc).outcome,
            "Ready(Ok(8))"
        );
    }
}

/// A local named with a raw identifier (it once made the macro panic).
mod raw_identifiers {
    use super::*;

    #[desugar]
    async fn raw(r#in: u32) -> u32 {
        let r#type = Leaf::new("L").pending(1).ready(r#in + 1).await;
        Leaf::new("M").pending(1).ready(()).await;
        r#type
    }

    #[test]
    fn matches_rustc() {
        assert_eq!(assert_same(|| raw(1), || raw_rustc(1)).outcome, "Ready(2)");
    }
}

/// The machine's type names are free in scopes of their own: a nested fn
/// and a closure may declare a `__State` without hiding the machine's.
mod machine_type_names_in_nested_scopes {
    use super::*;

    #[desugar]
    async fn nested_state() -> u32 {
        fn helper() -> u32 {
            struct __State(u32);
            __State(2).0
        }
        let from_closure = || {
            struct __Homes(u32);
            __Homes(3).0
        };
        let v = Leaf::new("l").pending(1).ready(5u32).await;
        v + helper() + from_closure()
    }

    #[test]
    fn builds_and_runs_like_rustc() {
        let report = assert_same(nested_state, nested_state_rustc);
        assert!(report.outcome.contains("10"), "{}", report.outcome);
    }
}

/// Resumed inside a labeled block, a `break 'label` before the block's next
/// await leaves the block: what follows it runs, instead of the machine
/// polling itself in its poisoned state.
mod break_labeled_block_after_resume {
    use super::*;

    #[desugar]
    async fn labeled(p: Probe) -> u32 {
        let v = 'b: {
            if Leaf::new("a").pending(1).ready(true).await {
                break 'b 1;
            }
            Leaf::new("b").pending(1).ready(2u32).await
        };
        p.touch();
        v + Leaf::new("c").pending(1).ready(9u32).await
    }

    #[desugar]
    async fn nested(p: Probe) -> u32 {
        let v = 'outer: {
            {
                let w = Leaf::new("a").pending(1).ready(3u32).await;
                if w > 2 {
                    break 'outer w;
                }
                Leaf::new("b").pending(1).ready(2u32).await;
            }
            5
        };
        p.touch();
        v + Leaf::new("c").pending(1).ready(9u32).await
    }

    #[test]
    fn continues_after_the_block() {
        let report = assert_same(
            || labeled(Probe::new("p")),
            || labeled_rustc(Probe::new("p")),
        );
        assert!(report.outcome.contains("10"), "{}", report.outcome);
        let report = assert_same(|| nested(Probe::new("p")), || nested_rustc(Probe::new("p")));
        assert!(report.outcome.contains("12"), "{}", report.outcome);
    }
}

/// A `&mut` reference passed to an awaited call is reborrowed, not moved:
/// it stays usable after the await (FINDINGS.md #3).
mod mut_reference_passed_on {
    use super::*;

    async fn bump(m: &mut u32, by: desugar::harness::LeafFuture<u32>) -> u32 {
        *m += by.await;
        *m
    }

    fn leaf(value: u32) -> desugar::harness::LeafFuture<u32> {
        Leaf::new("by").pending(1).ready(value)
    }

    #[desugar]
    async fn reborrowed(mut x: u32) -> u32 {
        let m = &mut x;
        bump(m, leaf(2)).await;
        *m *= 10;
        bump(m, leaf(1)).await
    }

    #[desugar]
    async fn parameter(m: &mut u32) -> u32 {
        bump(m, leaf(2)).await;
        *m += 1;
        *m
    }

    #[test]
    fn stays_usable_after_the_await() {
        let report = assert_same(|| reborrowed(1), || reborrowed_rustc(1));
        assert_eq!(report.outcome, "Ready(31)");
        // Each run gets a number of its own to borrow.
        let report = assert_same(
            || async {
                let mut n = 4;
                parameter(&mut n).await
            },
            || async {
                let mut n = 4;
                parameter_rustc(&mut n).await
            },
        );
        assert_eq!(report.outcome, "Ready(7)");
    }
}

/// In a `&mut self` method, a field borrowed mutably across an await: the
/// machine reaches `self` mutably (FINDINGS.md #6).
mod mut_self_field_borrowed {
    use super::*;

    struct Holder {
        n: u32,
        v: Vec<u32>,
    }

    async fn push_later(v: &mut Vec<u32>, value: desugar::harness::LeafFuture<u32>) -> u32 {
        v.push(value.await);
        v.len() as u32
    }

    impl Holder {
        #[desugar]
        async fn field(&mut self) -> u32 {
            let m = &mut self.n;
            Leaf::new("l").pending(1).ready(()).await;
            *m += 1;
            self.n
        }

        #[desugar]
        async fn assigned_then_borrowed(&mut self) -> u32 {
            self.v = Leaf::new("a").pending(0).ready(vec![9, 1]).await;
            let Some(x) = self.v.pop() else { return 1 };
            push_later(&mut self.v, Leaf::new("b").pending(1).ready(x)).await
        }
    }

    fn holder() -> Holder {
        Holder { n: 3, v: vec![] }
    }

    // Each run gets a holder of its own to borrow.
    #[test]
    fn borrows_self_mutably() {
        let report = assert_same(
            || async { holder().field().await },
            || async { holder().field_rustc().await },
        );
        assert_eq!(report.outcome, "Ready(4)");
        let report = assert_same(
            || async { holder().assigned_then_borrowed().await },
            || async { holder().assigned_then_borrowed_rustc().await },
        );
        assert_eq!(report.outcome, "Ready(2)");
    }
}

/// A local borrowed by a reference that is then moved into the awaited
/// future is kept in place, also when it shadows a parameter that is kept
/// too (FINDINGS.md #7).
#[allow(unused_variables)]
mod borrow_moved_into_the_awaitee {
    use super::*;

    async fn borrow_len(v: &[u32], wait: desugar::harness::LeafFuture<()>) -> u32 {
        wait.await;
        v.len() as u32
    }

    #[desugar]
    async fn shadowing(s: Probe) -> u32 {
        let s = vec![1u32, 2];
        let r = &s;
        borrow_len(r, Leaf::new("l").pending(1).ready(())).await
    }

    #[test]
    fn keeps_the_borrowed_local_in_place() {
        let report = assert_same(
            || shadowing(Probe::new("param")),
            || shadowing_rustc(Probe::new("param")),
        );
        assert_eq!(report.outcome, "Ready(2)");
    }
}

/// The value of a `loop` or labelled block given by a `break` that awaits
/// (FINDINGS.md #5): unused (the other arms cannot infer its type), a
/// `break 'b` from a value loop to an enclosing labelled block, and a value
/// moved into the awaited `break` value, which ends the loop.
#[allow(clippy::never_loop, clippy::let_and_return)]
mod loop_and_block_values {
    use super::*;

    async fn take_probe(p: Probe, wait: desugar::harness::LeafFuture<u32>) -> u32 {
        p.touch();
        wait.await
    }

    #[desugar]
    async fn unused_loop_value(c: bool) -> u32 {
        let _x = loop {
            if c {
                break Leaf::new("a").pending(1).ready(2u32).await;
            }
            Leaf::new("b").pending(1).ready(()).await;
        };
        1
    }

    #[desugar]
    async fn unused_block_value() -> u32 {
        let _r = 'b: {
            if Leaf::new("a").pending(1).ready(8u32).await
                > Leaf::new("b").pending(1).ready(2u32).await
            {
                break 'b 3u32;
            }
            1u32
        };
        0
    }

    #[desugar]
    async fn break_to_the_block(c: bool) -> u32 {
        let x = 'b: {
            let y = loop {
                if c {
                    break 1u32;
                }
                break 'b Leaf::new("a").pending(0).ready(2u32).await;
            };
            Leaf::new("b").pending(0).ready(y).await
        };
        x
    }

    #[desugar]
    async fn moved_into_the_break(p: Probe) -> u32 {
        let mut i = 0u32;
        let x = loop {
            if i >= 3 {
                break take_probe(p, Leaf::new("l").pending(1).ready(2u32)).await;
            }
            i += 1;
        };
        x + i
    }

    #[test]
    fn build_and_behave_like_rustc() {
        let report = assert_same(|| unused_loop_value(true), || unused_loop_value_rustc(true));
        assert_eq!(report.outcome, "Ready(1)");
        for c in [true, false] {
            let report = assert_same(|| break_to_the_block(c), || break_to_the_block_rustc(c));
            assert_eq!(report.outcome, if c { "Ready(1)" } else { "Ready(2)" });
        }
        let report = assert_same(unused_block_value, unused_block_value_rustc);
        assert_eq!(report.outcome, "Ready(0)");
        let report = assert_same(
            || moved_into_the_break(Probe::new("p")),
            || moved_into_the_break_rustc(Probe::new("p")),
        );
        assert_eq!(report.outcome, "Ready(5)");
    }
}

/// A local made by a method that consumes its closure (`fold`, `sum` after
/// `map`) holds no closure: kept across an await inside a loop, it is one
/// type in every copy of the code (FINDINGS.md #4; nested in the value,
/// seed 714's most frequent rejection).
mod closure_consumed_by_fold {
    use super::*;

    #[desugar]
    async fn folded(v: Vec<u32>) -> u32 {
        let mut total = 0;
        for round in 0..2u32 {
            let k = v.iter().fold(round, |a, b| a ^ b);
            if k > 0 {
                Leaf::new("l").pending(1).ready(()).await;
            }
            total += k;
        }
        total
    }

    /// The consuming call anywhere in the value: an operand, an argument,
    /// the receiver of another method.
    #[desugar]
    async fn nested(v: Vec<u32>) -> u32 {
        let mut total = 0;
        for round in 0..2u32 {
            let n = round + v.iter().map(|x| x * 2).sum::<u32>();
            let m = Some(v.iter().any(|&x| x > round));
            let k = v.iter().fold(0, |a, b| a ^ b).max(round);
            total += Leaf::new("l").pending(1).ready(1u32).await;
            total += n + k + u32::from(m == Some(true));
        }
        total
    }

    /// Other standard methods that run their closure and return what it
    /// made, or a borrow: `get_or_insert_with`, `or_insert_with`,
    /// `ok_or_else`, sorting by a key.
    #[desugar]
    async fn made_by_closures(words: Vec<&'static str>) -> usize {
        let mut current: Option<Vec<String>> = None;
        let mut counts = std::collections::BTreeMap::new();
        let mut total = 0;
        for w in words {
            let batch = current.get_or_insert_with(|| Vec::with_capacity(2));
            batch.push(w.to_string());
            let count = counts.entry(w.len()).or_insert_with(|| 0);
            *count += 1;
            let first = w.chars().next().ok_or_else(|| "empty".to_string());
            Leaf::new("l").pending(1).ready(()).await;
            total += batch.len() + usize::from(first.is_ok());
        }
        let mut lens: Vec<usize> = counts.into_values().collect();
        lens.sort_by_key(|n| std::cmp::Reverse(*n));
        total + lens.len()
    }

    /// `?` on a `Result`'s `map_err`, `or_else` or `inspect_err`: what `?`
    /// gives is the receiver's own value, never the closure (dogD1, build
    /// 2: "cannot keep this closure" before).
    #[desugar]
    async fn errors_mapped(lines: Vec<Result<String, u8>>) -> Result<usize, String> {
        let mut total = 0;
        for line in lines {
            let line = line.map_err(|e| format!("bad byte {e}"))?;
            let parsed = line.parse::<usize>().or_else(|e| match line.len() {
                0 => Err(e.to_string()),
                n => Ok(n),
            })?;
            let checked = Some(parsed)
                .ok_or(0u8)
                .inspect_err(|e| assert_eq!(*e, 0))
                .map_err(|_| "none".to_string())?;
            total += Leaf::new("sink").pending(1).ready(line.len()).await + checked;
        }
        Ok(total)
    }

    #[test]
    fn builds_and_behaves_like_rustc() {
        for lines in [
            || vec![Ok("12".to_string()), Ok("ab".to_string())],
            || vec![Ok("7".to_string()), Err(3u8), Ok("x".to_string())],
        ] {
            let _ = assert_same(|| errors_mapped(lines()), || errors_mapped_rustc(lines()));
        }
        let report = assert_same(|| folded(vec![1, 2]), || folded_rustc(vec![1, 2]));
        assert_eq!(report.outcome, "Ready(5)");
        let report = assert_same(|| nested(vec![1, 2]), || nested_rustc(vec![1, 2]));
        assert_eq!(report.outcome, "Ready(23)");
        let _ = assert_same(
            || made_by_closures(vec!["a", "bb", "c"]),
            || made_by_closures_rustc(vec!["a", "bb", "c"]),
        );
    }
}

/// `place op= value.await` where the awaited value uses the place's local:
/// on numbers rustc runs the value first and reads the place after, as the
/// machine does (seed 200, cases 28 and 430, were rejected).
mod compound_assignment_after_the_await {
    use super::*;

    async fn bump(m: &mut u32, by: desugar::harness::LeafFuture<u32>) -> u32 {
        *m += by.await;
        *m
    }

    struct Counter {
        n: u32,
        v: Vec<u32>,
    }

    impl Counter {
        #[desugar]
        async fn mix(&mut self) -> u32 {
            self.n ^= Leaf::new("a")
                .pending(1)
                .ready(7u32)
                .await
                .min(self.v.len() as u32);
            self.v.push(self.n);
            self.n += bump(&mut self.n, Leaf::new("b").pending(1).ready(2)).await;
            self.n
        }
    }

    #[desugar]
    async fn local(mut x: u32) -> u32 {
        x *= bump(&mut x, Leaf::new("c").pending(1).ready(3)).await;
        x
    }

    #[test]
    fn reads_the_place_after_the_value() {
        let counter = || Counter {
            n: 1,
            v: vec![1, 2],
        };
        // Each run gets a counter of its own to borrow.
        let report = assert_same(
            || async { counter().mix().await },
            || async { counter().mix_rustc().await },
        );
        assert_eq!(report.outcome, "Ready(10)");
        let report = assert_same(|| local(2), || local_rustc(2));
        assert_eq!(report.outcome, "Ready(25)");
    }
}

/// FINDINGS.md entry 40 (seed 508, case 6271): an await whose statement
/// breaks out of its loop, in a labelled block. Which loops it leaves was
/// not worked out inside a labelled block, so the loop was taken to run
/// again and use `p` after the await, where `p` was moved into it (E0382).
mod break_out_of_a_loop_in_a_labelled_block {
    use super::*;

    async fn pass_probe(p: Probe, wait: desugar::harness::LeafFuture<()>) -> Probe {
        wait.await;
        p
    }

    #[desugar]
    async fn moved_by_the_break(rounds: u32) -> u32 {
        'outer: {
            let p = Probe::new("p");
            if rounds > 100 {
                break 'outer 0;
            }
            let mut round = 0u32;
            let back = 'rounds: loop {
                if round >= rounds {
                    break 'rounds pass_probe(p, Leaf::new("pass").pending(1).ready(())).await;
                }
                round += 1;
            };
            back.touch();
            round
        }
    }

    /// A `break` to the block's label after the await leaves the loop
    /// too, but by a jump the analysis does not follow: the machine keeps
    /// what the loop could still use, and behaves the same.
    #[desugar]
    async fn left_by_the_block_s_label(leave: bool) -> u32 {
        'outer: {
            let kept = Probe::new("kept");
            let mut n = 0u32;
            loop {
                n += Leaf::new("n").pending(1).ready(1u32).await;
                if leave {
                    break 'outer n;
                }
                kept.touch();
                if n > 2 {
                    break;
                }
            }
            n + 10
        }
    }

    #[test]
    fn the_loop_is_left_as_rustc_leaves_it() {
        let report = assert_same(|| moved_by_the_break(2), || moved_by_the_break_rustc(2));
        assert_eq!(report.outcome, "Ready(2)");
        for leave in [true, false] {
            let report = assert_same(
                || left_by_the_block_s_label(leave),
                || left_by_the_block_s_label_rustc(leave),
            );
            assert_eq!(report.outcome, if leave { "Ready(1)" } else { "Ready(13)" });
        }
    }
}

/// A homed local moved by a struct literal's shorthand field (`W { p }`):
/// the shorthand printed its member only, so the move out of the home was
/// lost and the field took the local's reference to its home instead; the
/// probe then dropped at the end of its scope, not with the struct.
mod shorthand_field_of_a_homed_local {
    use super::*;

    struct Wrapper<T> {
        inner: T,
    }

    async fn label_len(p: &Probe) -> u32 {
        Leaf::new("borrowing").pending(1).ready(()).await;
        p.label().len() as u32
    }

    #[desugar]
    async fn moved_by_shorthand() -> u32 {
        let inner = Probe::new("inner");
        let n = label_len(&inner).await;
        let wrapper = Wrapper { inner };
        wrapper.inner.touch();
        drop(wrapper);
        Leaf::new("after").pending(1).ready(n).await
    }

    #[test]
    fn the_field_takes_the_value() {
        let report = assert_same(moved_by_shorthand, moved_by_shorthand_rustc);
        assert_eq!(report.outcome, "Ready(5)");
    }
}

/// rustc drops the temporaries of a `let … else` initializer before its
/// `else` block runs. An awaited value kept across a later await of the
/// initializer (`n.await.wrapping_add(a.await.add(b.await))`) dropped after
/// the statement, which a diverging `else` never reaches: after the `else`
/// block's code instead (fuzz seed 516, case 1458).
mod let_else_temporaries {
    use super::*;

    #[derive(Debug)]
    struct Tally(Probe);

    impl Tally {
        fn add(&self, n: u32) -> u32 {
            self.0.touch();
            n + 1
        }
    }

    #[desugar]
    async fn drops_before_else(p: Probe, limit: u32) -> u32 {
        let Some(x) = Leaf::new("n")
            .pending(1)
            .ready(1u32)
            .await
            .wrapping_add(
                Leaf::new("a")
                    .pending(1)
                    .ready(Tally(Probe::new("tally")))
                    .await
                    .add(Leaf::new("b").pending(1).ready(2u32).await),
            )
            .checked_sub(limit)
        else {
            p.touch();
            return 0;
        };
        p.touch();
        x
    }

    #[test]
    fn the_initializer_s_temporaries_drop_first() {
        for (limit, outcome) in [(10, "Ready(0)"), (1, "Ready(3)")] {
            let report = assert_same(
                || drops_before_else(Probe::new("p"), limit),
                || drops_before_else_rustc(Probe::new("p"), limit),
            );
            assert_eq!(report.outcome, outcome);
        }
    }
}

/// A local of the user's named like the expansion's temporaries, dropped
/// with the same `::core::mem::drop` the expansion writes and assigned
/// again: it is the user's, and lives on across the await.
mod local_named_like_a_temporary {
    use super::*;

    #[desugar]
    #[allow(non_snake_case, unused_assignments)]
    async fn dropped_and_assigned_again() -> usize {
        let mut __temporary1 = Probe::new("first");
        ::core::mem::drop(__temporary1);
        __temporary1 = Probe::new("second");
        let n = Leaf::new("l").pending(1).ready(2usize).await;
        n + __temporary1.label().len()
    }

    #[test]
    fn is_kept_across_the_await() {
        let report = assert_same(dropped_and_assigned_again, dropped_and_assigned_again_rustc);
        assert_eq!(report.outcome, "Ready(8)");
    }
}

/// A local declared without a value, kept in place, captured by reference
/// by a closure or an `async` block: the closure captured the local's guard,
/// which moves into the state at the next await (E0505, FINDINGS.md entry
/// 37; seed 718, case 580, with an awaited `async` block). It captures a
/// reference taken from the guard before its statement now.
mod deferred_local_captured {
    use super::*;

    // A local declared without a value is the shape under test.
    #[allow(clippy::needless_late_init)]
    #[desugar]
    async fn by_a_closure(flag: bool) -> u32 {
        let x;
        if flag {
            x = 3;
        } else {
            x = 4;
        }
        let f = |a: u32| a ^ x;
        let mut total = 0;
        for round in [1u32, 2] {
            total += f(Leaf::new("b").pending(1).ready(round).await) + x;
        }
        total
    }

    #[allow(clippy::needless_late_init)]
    #[desugar]
    async fn by_an_async_block(flag: bool) -> usize {
        let x;
        if flag {
            x = Leaf::new("a").pending(1).ready(3u32).await;
        } else {
            x = 4;
        }
        async { format!("{}/{}", Leaf::new("b").pending(1).ready(9u32).await, x).len() }.await
    }

    /// Named inside the format string (`{x}`), which the closure captures
    /// as well: it captured the guard (E0505; seed 729, case 473).
    #[allow(clippy::needless_late_init)]
    #[desugar]
    async fn inline_in_an_async_block(flag: bool) -> usize {
        let x;
        if flag {
            x = Leaf::new("a").pending(1).ready(3u32).await;
        } else {
            x = 4;
        }
        async { format!("{}/{x}", Leaf::new("b").pending(1).ready(9u32).await).len() }.await
    }

    #[test]
    fn builds_and_behaves_like_rustc() {
        for flag in [true, false] {
            let report = assert_same(|| by_a_closure(flag), || by_a_closure_rustc(flag));
            assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
            let report = assert_same(|| by_an_async_block(flag), || by_an_async_block_rustc(flag));
            assert_eq!(report.outcome, "Ready(3)");
            let report = assert_same(
                || inline_in_an_async_block(flag),
                || inline_in_an_async_block_rustc(flag),
            );
            assert_eq!(report.outcome, "Ready(3)");
        }
    }
}

/// A local moved in a `let … else`'s `else` block, which runs only when
/// the pattern fails (and diverges): on the way past the `let` the local
/// lives on, across the await. The move counted as made on every path, and
/// the local dropped at the suspension.
mod moved_in_let_else {
    use super::*;

    #[desugar]
    async fn moved_if_the_pattern_fails(value: Option<u32>) -> Option<u32> {
        let p = Probe::new("p");
        let Some(x) = value else {
            drop(p);
            return None;
        };
        Leaf::new("after").pending(1).ready(()).await;
        Some(x)
    }

    #[test]
    fn lives_on_past_the_let() {
        for value in [Some(3), None] {
            let report = assert_same(
                || moved_if_the_pattern_fails(value),
                || moved_if_the_pattern_fails_rustc(value),
            );
            assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
        }
    }
}

/// A local moved in a labeled block after a `break` out of it: the move
/// does not run on the path that breaks, where the local lives on across
/// the await after the block. Counted as made on every path, the local
/// dropped at the suspension (a simple statement, and a block that awaits).
mod moved_after_a_break {
    use super::*;

    #[desugar]
    async fn in_a_plain_block(skip: bool) -> u32 {
        let p = Probe::new("p");
        'moving: {
            if skip {
                break 'moving;
            }
            drop(p);
        }
        Leaf::new("after").pending(1).ready(1).await
    }

    #[desugar]
    async fn in_a_block_that_awaits(skip: bool) -> u32 {
        let p = Probe::new("p");
        'moving: {
            if skip {
                break 'moving;
            }
            Leaf::new("inside").pending(1).ready(()).await;
            drop(p);
        }
        Leaf::new("after").pending(1).ready(1).await
    }

    #[test]
    fn lives_on_when_the_block_breaks() {
        for skip in [true, false] {
            let report = assert_same(|| in_a_plain_block(skip), || in_a_plain_block_rustc(skip));
            assert_eq!(report.outcome, "Ready(1)");
            let report = assert_same(
                || in_a_block_that_awaits(skip),
                || in_a_block_that_awaits_rustc(skip),
            );
            assert_eq!(report.outcome, "Ready(1)");
        }
    }
}

/// An `if let` whose pattern binds by reference into the scrutinee's own
/// value (`if let Some(ref p) = make()`): rustc keeps that value to the end
/// of the `if let` (its `else` in Rust 2024). Only the scrutinee's inner
/// temporaries were named, so the value dropped at the first suspension in
/// the body, or failed to build (E0716) where the binding was used after.
mod if_let_bound_by_reference {
    use super::*;

    #[desugar]
    async fn body_awaits(found: bool) -> u32 {
        if let Some(ref p) = Some(Probe::new("scrutinee")).filter(|_| found) {
            p.touch();
            Leaf::new("then").pending(1).ready(()).await;
            p.touch();
            1
        } else {
            Leaf::new("else").pending(1).ready(()).await;
            0
        }
    }

    #[test]
    fn keeps_the_scrutinee_to_the_end_of_the_if_let() {
        for found in [true, false] {
            let report = assert_same(|| body_awaits(found), || body_awaits_rustc(found));
            assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
        }
    }
}

/// A wrapper that awaits a call of its own name on something else
/// (`self.inner.get(k)`, `backend::fetch(n)`) was rejected as recursion.
mod wrapper_of_the_same_name {
    use super::*;

    mod backend {
        use desugar::harness::{Leaf, LeafFuture};

        pub fn fetch(n: u32) -> LeafFuture<u32> {
            Leaf::new("backend").pending(1).ready(n * 2)
        }
    }

    struct Inner;

    impl Inner {
        fn get(&self, key: u32) -> desugar::harness::LeafFuture<u32> {
            Leaf::new("inner").pending(1).ready(key + 1)
        }
    }

    struct Outer {
        inner: Inner,
        tag: Probe,
    }

    impl Outer {
        #[desugar]
        async fn get(&self, key: u32) -> u32 {
            let v = self.inner.get(key).await;
            self.tag.touch();
            v
        }
    }

    #[desugar]
    async fn fetch(n: u32) -> u32 {
        backend::fetch(n).await + 1
    }

    #[test]
    fn builds_and_behaves_like_rustc() {
        assert_send(&fetch(3));
        let outer = Outer {
            inner: Inner,
            tag: Probe::new("tag"),
        };
        let report = assert_same(|| outer.get(4), || outer.get_rustc(4));
        assert_eq!(report.outcome, "Ready(5)");
        let report = assert_same(|| fetch(3), || fetch_rustc(3));
        assert_eq!(report.outcome, "Ready(7)");
    }
}

/// A value read from a borrow before an await, into a local whose type
/// says it is a number, holds no borrow: the local it read stays
/// movable after the await. It was kept in place for that `let`, where
/// the move after the await then failed (E0507).
mod number_read_from_a_borrow {
    use super::*;

    #[desugar]
    async fn label_length(o: Option<Probe>) -> usize {
        let n: usize = o.as_ref().map(|p| p.label().len()).unwrap_or(0);
        let v = Leaf::new("a").pending(1).ready(n).await;
        if let Some(p) = o {
            drop(p);
        }
        let _q = Probe::new("q");
        v
    }

    #[test]
    fn builds_and_behaves_like_rustc() {
        assert_send(&label_length(None));
        let report = assert_same(
            || label_length(Some(Probe::new("p"))),
            || label_length_rustc(Some(Probe::new("p"))),
        );
        assert_eq!(report.outcome, "Ready(1)");
        let report = assert_same(|| label_length(None), || label_length_rustc(None));
        assert_eq!(report.outcome, "Ready(0)");
    }
}

/// `matches!` gives a `bool`, which holds no borrow of what it matched: a
/// guarded `matches!` (whose arguments `#[desugar]` does not read) on a
/// local, kept across an await, left the local movable. It was kept in
/// place for the `bool`, and the macro's use of it could not be rewritten.
mod matches_gives_a_bool {
    use super::*;

    #[desugar]
    async fn guarded(v: Option<Probe>) -> (bool, usize) {
        let named_a = matches!(v, Some(ref p) if p.label() == "a");
        let n = Leaf::new("between").pending(1).ready(1usize).await;
        let rest = v.map_or(0, |p| p.label().len());
        (named_a, n + rest)
    }

    #[test]
    fn builds_and_behaves_like_rustc() {
        assert_send(&guarded(None));
        for label in ["a", "bc"] {
            let report = assert_same(
                move || guarded(Some(Probe::new(label))),
                move || guarded_rustc(Some(Probe::new(label))),
            );
            let expected = if label == "a" {
                "Ready((true, 2))"
            } else {
                "Ready((false, 3))"
            };
            assert_eq!(report.outcome, expected);
        }
    }
}

/// An `Option`'s `map` runs its closure at once: `o.map(|q| ..).unwrap_or(0)`
/// is a number, not a closure. In a loop that awaits (code the expansion
/// writes twice), it was rejected as a closure kept across an await (fuzz
/// seed 901, case 188).
mod option_map_unwrap_or_holds_no_closure {
    use super::*;

    #[desugar]
    async fn in_a_loop(p: Option<Probe>) -> u32 {
        let mut total = 0;
        for i in 0..2u32 {
            let n = p.as_ref().map(|q| q.label().len() as u32).unwrap_or(0);
            total += n.max(Leaf::new("max").pending(1).ready(i).await);
        }
        total
    }

    #[test]
    fn builds_and_behaves_like_rustc() {
        assert_send(&in_a_loop(None));
        let report = assert_same(
            || in_a_loop(Some(Probe::new("abc"))),
            || in_a_loop_rustc(Some(Probe::new("abc"))),
        );
        assert_eq!(report.outcome, "Ready(6)");
    }
}

/// Items declared in the body (a `struct`, an `enum`, a `fn`, a `use`),
/// values of which live across awaits, also in a loop: each arm of the
/// machine had a copy of them, each a type of its own (E0308, "expected
/// `Mode`, found a different `Mode`"). They are written once now, before
/// the machine.
mod items_in_the_body_kept_across_awaits {
    use super::*;

    #[desugar]
    async fn tally(fast: bool) -> u32 {
        use std::fmt::Write as _;
        #[derive(Clone, Copy)]
        enum Mode {
            Fast,
            Slow,
        }
        struct Tally {
            count: u32,
            _held: Probe,
        }
        fn weight(mode: Mode) -> u32 {
            match mode {
                Mode::Fast => 2,
                Mode::Slow => 1,
            }
        }
        let mode = if fast { Mode::Fast } else { Mode::Slow };
        let mut tally = Tally {
            count: 0,
            _held: Probe::new("tally"),
        };
        let mut log = String::new();
        for i in 0..2u32 {
            tally.count += Leaf::new("tick").pending(1).ready(i).await * weight(mode);
            let _ = write!(log, "{i}");
        }
        tally.count + log.len() as u32
    }

    #[test]
    fn builds_and_behaves_like_rustc() {
        assert_send(&tally(true));
        for fast in [true, false] {
            let report = assert_same(move || tally(fast), move || tally_rustc(fast));
            assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
        }
    }
}

/// A `match` (or `if let`) on a local, whose arm awaits, beside the same
/// local borrowed by a formatting macro earlier in its arguments: taken
/// for a change of the local, which the borrow read before it, and
/// refused (dogN2 3.3). A pattern that binds nothing changes nothing.
mod matched_beside_its_formatted_scrutinee {
    use super::*;

    async fn fetch(v: u32) -> u32 {
        Leaf::new("fetch").pending(1).ready(v).await
    }

    #[desugar]
    async fn formatted(k: u32) -> String {
        format!(
            "{}{}",
            k,
            match k {
                0 => fetch(1).await,
                _ => 2,
            }
        )
    }

    #[desugar]
    async fn asserted(k: u32) -> u32 {
        assert_eq!(
            k,
            match k {
                0 => fetch(0).await,
                n => n,
            }
        );
        k
    }

    #[desugar]
    async fn printed(k: u32, p: Probe) -> u32 {
        let name = String::from("k");
        println!("{name}={}{}", k, if let 0 = k { fetch(1).await } else { 2 });
        drop(p);
        k
    }

    #[test]
    fn same_as_rustc() {
        assert_send(&formatted(0));
        assert_send(&asserted(0));
        for k in [0, 1] {
            let report = assert_same(|| formatted(k), || formatted_rustc(k));
            assert!(report.left_size <= report.right_size, "{report}");
            let report = assert_same(|| asserted(k), || asserted_rustc(k));
            assert!(report.left_size <= report.right_size, "{report}");
            let report = assert_same(
                || printed(k, Probe::new("p")),
                || printed_rustc(k, Probe::new("p")),
            );
            assert!(report.left_size <= report.right_size, "{report}");
        }
    }
}
