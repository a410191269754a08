//! Locals matched by patterns that may move them, on some paths or in
//! part: what is left of them drops where rustc drops it, at the end of
//! their scope, after the awaits that follow (desugar-fuzz/FINDINGS.md,
//! entry 74). Each is compared with rustc's twin by the harness, on every
//! path, dropped at every suspension.

use desugar::desugar;
use desugar::harness::{Comparison, Leaf, Probe, assert_same};

/// `Ok(p)` beside `Err(_)`, an arm whose guard fails, an `if let` that
/// does not match: the value is taken on one path and left whole on the
/// other. Kept with a drop flag, the machine matches the flag's place.
mod taken_on_some_paths {
    use super::*;

    #[desugar]
    async fn guard_fails(take: bool) -> u32 {
        let o = Some(Probe::new("o"));
        let n = match o {
            Some(p) if take => {
                drop(p);
                1
            }
            _ => 0,
        };
        Leaf::new("after").pending(1).ready(()).await;
        n
    }

    #[desugar]
    async fn err_beside_ok(ok: bool) -> u32 {
        let r: Result<Probe, Probe> = if ok {
            Ok(Probe::new("ok"))
        } else {
            Err(Probe::new("err"))
        };
        if let Ok(p) = r {
            p.touch();
        }
        Leaf::new("after").pending(1).ready(2u32).await
    }

    /// The same, matched by a `match` and an `if let` whose arms await, on
    /// parameters.
    #[desugar]
    async fn arms_that_await(r: Result<Probe, Probe>, again: Result<Probe, u32>) -> u32 {
        let n = match r {
            Ok(p) => {
                Leaf::new("ok")
                    .pending(1)
                    .ready(p.label().len() as u32)
                    .await
            }
            Err(_) => Leaf::new("err").pending(1).ready(0u32).await,
        };
        if let Ok(q) = again {
            Leaf::new("again").pending(1).ready(()).await;
            q.touch();
        }
        Leaf::new("after").pending(1).ready(n).await
    }

    /// Taken on every path through the `if let`, but the `if let` itself
    /// runs on one path only.
    #[desugar]
    async fn taken_in_a_branch(c: bool) -> u32 {
        let o: Result<Probe, Probe> = Err(Probe::new("o"));
        if c {
            match o {
                Ok(p) | Err(p) => p.touch(),
            }
        }
        Leaf::new("after").pending(1).ready(3u32).await
    }

    /// An `else if let` on the same local: it runs only where the pattern
    /// before it did not match, so both match the flag's place (it was a
    /// use after the first match, and did not build: E0507). The second
    /// `if` awaits in its branch.
    #[desugar]
    async fn else_if_let(r: Result<Probe, Probe>) -> u32 {
        if let Ok(p) = r {
            p.touch();
        } else if let Err(e) = r {
            Leaf::new("err").pending(1).ready(()).await;
            e.touch();
        }
        Leaf::new("after").pending(1).ready(1u32).await
    }

    /// A local declared `mut` is kept in place where it needs a flag, and a
    /// pattern cannot move out of it there
    /// (`tests/ui/mutable_local_taken_on_some_paths.rs`); rebound without
    /// `mut`, as that error's test says, it is kept with a flag.
    #[desugar]
    async fn rebound_without_mut(r: Result<Probe, Probe>) -> u32 {
        let mut r = r;
        if let Err(e) = &mut r {
            e.touch();
        }
        let r = r;
        if let Ok(p) = r {
            p.touch();
        }
        Leaf::new("after").pending(1).ready(1u32).await
    }

    /// A pattern that copies, followed by a use of the local: the match
    /// reads the local in place, its flag untouched (fuzz seed 743, cases
    /// 47 and 217, where it cleared the flag and the use read it empty).
    #[desugar]
    async fn copied_then_used(c: bool, v: Vec<u32>) -> u32 {
        let n = v[0];
        let mut total = 0;
        if c {
            total += std::convert::identity(n);
        }
        let m = if c {
            0
        } else {
            match n {
                0 => 1,
                k => k ^ n,
            }
        };
        Leaf::new("after").pending(1).ready(total + m).await
    }

    /// A pattern that copies, in a loop: matched again, it must find the
    /// value (`n` in a loop of the statement, `m` in one that awaits).
    #[desugar]
    async fn copied_in_loops(c: bool, v: Vec<u32>) -> u32 {
        let (n, m) = (v[0], v[1]);
        let mut total = 0;
        if c {
            total += std::convert::identity(n) + std::convert::identity(m);
        } else {
            for _ in 0..2 {
                match n {
                    0 => total += 100,
                    k => total += k,
                }
            }
            for _ in 0..2 {
                match m {
                    0 => total += 100,
                    k => total += k,
                }
                Leaf::new("loop").pending(1).ready(()).await;
            }
        }
        Leaf::new("after").pending(1).ready(total).await
    }

    /// A local declared without a value and kept in place (an `async` block
    /// borrows it), matched after a resumption: read through its home, as
    /// its other uses are (fuzz seed 745, case 915, where the match named a
    /// reference the resumed code does not bind: E0425).
    #[allow(clippy::needless_late_init)] // the late initialisation is under test
    #[desugar]
    async fn deferred_in_place(c: bool) -> u32 {
        let x;
        if c {
            x = 1u32;
        } else {
            x = 2;
        }
        Leaf::new("first").pending(1).ready(()).await;
        let n = match x {
            0 => 5,
            k => k,
        };
        let later = async { x + 1 };
        Leaf::new("second").pending(1).ready(()).await;
        n + later.await
    }

    /// Unwinding from a guard of a match in the flag's place, or from a
    /// taking arm after it cleared the flag: the value is dropped once,
    /// where rustc drops it (in the flag, or as the arm's binding).
    #[desugar]
    async fn unwinding(r: Result<Probe, Probe>, in_guard: bool) -> u32 {
        let later = Probe::new("later");
        let n = match r {
            Ok(p) if panics_if(in_guard) => {
                p.touch();
                panics_if(true);
                1
            }
            _ => 0,
        };
        Leaf::new("after").pending(1).ready(()).await;
        later.touch();
        n
    }

    fn panics_if(panics: bool) -> bool {
        assert!(!panics, "a panic in the match");
        true
    }

    fn result(ok: bool, label: &'static str) -> Result<Probe, Probe> {
        if ok {
            Ok(Probe::new(label))
        } else {
            Err(Probe::new(label))
        }
    }

    #[test]
    fn what_is_left_drops_at_the_end_of_its_scope() {
        for c in [true, false] {
            let reports = [
                assert_same(|| guard_fails(c), || guard_fails_rustc(c)),
                assert_same(|| err_beside_ok(c), || err_beside_ok_rustc(c)),
                assert_same(|| taken_in_a_branch(c), || taken_in_a_branch_rustc(c)),
                assert_same(
                    || copied_then_used(c, vec![5]),
                    || copied_then_used_rustc(c, vec![5]),
                ),
                assert_same(
                    || copied_in_loops(c, vec![5, 6]),
                    || copied_in_loops_rustc(c, vec![5, 6]),
                ),
                assert_same(|| deferred_in_place(c), || deferred_in_place_rustc(c)),
            ];
            for report in reports {
                assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
            }
            for d in [true, false] {
                let report = assert_same(
                    || unwinding(result(c, "r"), d),
                    || unwinding_rustc(result(c, "r"), d),
                );
                let expected = if c { "panic" } else { "Ready(0)" };
                assert!(report.outcome.contains(expected), "{}", report.outcome);
                let again = || if d { Ok(Probe::new("again")) } else { Err(7) };
                let reports = [
                    assert_same(
                        || arms_that_await(result(c, "r"), again()),
                        || arms_that_await_rustc(result(c, "r"), again()),
                    ),
                    assert_same(
                        || else_if_let(result(d, "r")),
                        || else_if_let_rustc(result(d, "r")),
                    ),
                    assert_same(
                        || rebound_without_mut(result(d, "r")),
                        || rebound_without_mut_rustc(result(d, "r")),
                    ),
                ];
                for report in reports {
                    assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
                }
            }
        }
    }

    #[test]
    fn the_flag_costs_no_more_than_rustcs() {
        let _ = Comparison::new()
            .check_size()
            .run(|| err_beside_ok(false), || err_beside_ok_rustc(false))
            .unwrap_or_else(|mismatch| panic!("{mismatch}"));
    }
}

/// A pattern that binds a part and leaves the rest (`(n, _)`, `S { n, .. }`):
/// what it binds is copied here, and the local stays whole, to be dropped
/// at the end of its scope.
mod a_part_copied_out {
    use super::*;

    enum Event {
        Key {
            code: u32,
            #[allow(dead_code)]
            probe: Probe,
        },
        #[allow(dead_code)]
        Closed,
    }

    #[desugar]
    async fn copied_parts() -> u32 {
        let pair = (3u32, Probe::new("pair"));
        let (n, _) = pair;
        let event = Event::Key {
            code: 4,
            probe: Probe::new("event"),
        };
        let m = match event {
            Event::Key { code, .. } => Leaf::new("arm").pending(1).ready(code).await,
            Event::Closed => 0,
        };
        let t = (Probe::new("matched"), 1u32);
        let seen = matches!(t, (_, 1));
        Leaf::new("after")
            .pending(1)
            .ready(n + m + u32::from(seen))
            .await
    }

    #[test]
    fn the_local_stays_whole() {
        let report = assert_same(copied_parts, copied_parts_rustc);
        assert_eq!(report.outcome, "Ready(8)");
    }
}

/// A `move` closure or `async` block that names a field captures that field
/// alone (Rust 2021's precise captures): the rest of the local stays, to be
/// dropped at the end of its scope. Taken for a move of the whole, it
/// dropped at the suspension.
mod a_field_captured {
    use super::*;

    struct Pair {
        name: &'static str,
        count: usize,
        #[allow(dead_code)]
        probe: Probe,
    }

    fn pair(label: &'static str) -> Pair {
        Pair {
            name: "ab",
            count: 1,
            probe: Probe::new(label),
        }
    }

    #[desugar]
    async fn captured_fields() -> usize {
        let first = pair("closure");
        let second = pair("async block");
        let f = move || first.name.len() + first.count;
        let g = async move { second.count };
        Leaf::new("after").pending(1).ready(()).await;
        f() + g.await
    }

    #[test]
    fn the_rest_of_the_local_stays() {
        let report = assert_same(captured_fields, captured_fields_rustc);
        assert_eq!(report.outcome, "Ready(4)");
    }
}

/// A type with a `Drop` impl cannot have a field moved out: a pattern
/// binding its fields by value copies them, and the value stays, to be
/// dropped at the end of its scope. Syntax cannot tell it from a move
/// (`tests/ui/destructured_drop_type.rs` is the compile error the
/// expansion then asks the compiler for); bound by reference or copied out,
/// as the error says, it is kept as in rustc. A type without one is
/// destructured, and moved, as before.
mod a_drop_type_destructured {
    use super::*;

    struct Token {
        id: u32,
    }

    impl Drop for Token {
        fn drop(&mut self) {
            drop(Probe::new("token dropped"));
        }
    }

    struct Plain {
        id: u32,
        probe: Probe,
    }

    #[desugar]
    async fn as_the_error_says() -> u32 {
        let token = Token { id: 3 };
        let Token { ref id } = token;
        let other = Token { id: 4 };
        let copied = other.id;
        let plain = Plain {
            id: 5,
            probe: Probe::new("plain"),
        };
        let Plain { id: n, probe } = plain;
        probe.touch();
        Leaf::new("after").pending(1).ready(*id + copied + n).await
    }

    #[test]
    fn the_value_stays() {
        let report = assert_same(as_the_error_says, as_the_error_says_rustc);
        assert_eq!(report.outcome, "Ready(12)");
    }

    struct Wrap(Token);

    /// Nested inside a tuple, an `Option` or a struct without a `Drop` impl
    /// of its own: a `Drop` type bound by reference stays, the others are
    /// moved out, whole or destructured.
    #[desugar]
    async fn nested(maybe: Option<Plain>, wrap: Wrap) -> u32 {
        let pair = (Token { id: 1 }, 0u32);
        let (Token { ref id }, zero) = pair;
        let Wrap(token) = wrap;
        let n = match maybe {
            Some(Plain { id, probe }) => {
                probe.touch();
                id
            }
            None => 0,
        };
        let moved = (
            Plain {
                id: 2,
                probe: Probe::new("moved"),
            },
            3u32,
        );
        let (Plain { id: m, probe: _ }, k) = moved;
        Leaf::new("after")
            .pending(1)
            .ready(*id + zero + token.id + n + m + k)
            .await
    }

    #[test]
    fn nested_values_stay_or_move_as_in_rustc() {
        let args = || {
            let plain = Plain {
                id: 10,
                probe: Probe::new("maybe"),
            };
            (Some(plain), Wrap(Token { id: 20 }))
        };
        let report = assert_same(
            move || {
                let (maybe, wrap) = args();
                nested(maybe, wrap)
            },
            move || {
                let (maybe, wrap) = args();
                nested_rustc(maybe, wrap)
            },
        );
        assert_eq!(report.outcome, "Ready(36)");
    }
}

/// A value taken out of a field (`Option::take`, `Cell::replace`) borrows
/// nothing of the local, which an awaited value kept across an await then
/// does not pin in place: another field can still be moved out of it after
/// (dogC3, build 1: E0507 "cannot move out of `pend.done` which is behind a
/// mutable reference" before).
mod taken_out_of_a_field {
    use super::*;
    use std::cell::Cell;

    pub struct Pending {
        slot: Option<Probe>,
        count: Cell<u32>,
        done: Vec<u32>,
    }

    #[desugar]
    async fn flush(mut pend: Pending) -> (bool, u32, Vec<u32>) {
        let taken = pend.slot.take();
        let old = pend.count.replace(0);
        let seen = Leaf::new("w").pending(1).ready(taken).await.is_some();
        (seen, old, pend.done)
    }

    #[test]
    fn another_field_moves_out_after_the_await() {
        let pending = |slot: bool| Pending {
            slot: slot.then(|| Probe::new("slot")),
            count: Cell::new(3),
            done: vec![2],
        };
        for slot in [true, false] {
            let report = assert_same(|| flush(pending(slot)), || flush_rustc(pending(slot)));
            assert!(report.left_size <= report.right_size, "{report}");
        }
    }
}
