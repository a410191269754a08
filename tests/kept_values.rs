//! Which values a suspension keeps, checked where it is observable: probes
//! whose drops the harness records, compared with rustc's twin.
//!
//! Syntax cannot tell a method that borrows its receiver (`p.touch()`) from
//! one that consumes it, so `#[desugar]` keeps the receiver unless the
//! method is one the standard library defines to take `self`
//! (`opt.unwrap()`); a value kept by mistake is a compile error, never an
//! early drop.

use desugar::Inspect;
use desugar::desugar;
use desugar::harness::{Comparison, Leaf, Probe, assert_same, note};
use desugar::inspect::FieldKind;

fn assert_send<T: Send>(_: &T) {}

/// The size of the field `name` in each state that keeps it.
fn sizes(layout: &desugar::inspect::Layout, name: &str) -> Vec<(&'static str, usize)> {
    layout
        .fields()
        .filter(|(_, field, _)| field.name == name)
        .map(|(state, _, value)| (state.name, value.size))
        .collect()
}

#[desugar]
async fn receiver_used_before(p: Probe) -> u32 {
    let local = Probe::new("local");
    local.touch();
    p.touch();
    Leaf::new("wait").pending(1).ready(()).await;
    7
}

#[test]
fn a_borrowed_receiver_lives_to_the_end_of_its_scope() {
    let report = assert_same(
        || receiver_used_before(Probe::new("p")),
        || receiver_used_before_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(7)");
    assert_send(&receiver_used_before(Probe::new("p")));
}

#[desugar]
async fn consumed_by_a_std_method(p: Option<Probe>) -> bool {
    let taken = p.unwrap();
    let label_len = taken.label().len();
    Leaf::new("wait").pending(1).ready(()).await;
    label_len > 0
}

#[test]
fn a_value_consumed_by_a_std_method_is_not_kept() {
    let report = assert_same(
        || consumed_by_a_std_method(Some(Probe::new("p"))),
        || consumed_by_a_std_method_rustc(Some(Probe::new("p"))),
    );
    assert_eq!(report.outcome, "Ready(true)");
}

/// A value of the user's, with a conversion that consumes it.
#[derive(Debug)]
struct Tally(Probe, u32);

impl Tally {
    fn into_total(self, extra: u32) -> u32 {
        self.0.touch();
        self.1 + extra
    }
}

/// A method named `into_…` takes `self`, as the Rust API guidelines name
/// conversions that consume their receiver: a local it consumes is not
/// kept across the next await, and neither is an awaited value it consumes
/// in a `match` scrutinee whose arms await (both E0382 before: kept as if
/// borrowed).
#[desugar]
async fn consumed_by_an_into_method(t: Tally) -> u32 {
    let total = t.into_total(1);
    Leaf::new("wait").pending(1).ready(()).await;
    let tally = Leaf::new("tally")
        .pending(1)
        .ready(Tally(Probe::new("awaited"), 2));
    match tally
        .await
        .into_total(Leaf::new("extra").pending(1).ready(3).await)
    {
        5 => total + Leaf::new("arm").pending(1).ready(10).await,
        n => n,
    }
}

#[test]
fn a_value_consumed_by_an_into_method_is_not_kept() {
    let report = assert_same(
        || consumed_by_an_into_method(Tally(Probe::new("t"), 4)),
        || consumed_by_an_into_method_rustc(Tally(Probe::new("t"), 4)),
    );
    assert_eq!(report.outcome, "Ready(15)");
}

struct Holder {
    count: u32,
    _probe: Probe,
}

#[desugar]
async fn copy_field_read(h: Holder) -> u32 {
    let count = h.count;
    Leaf::new("wait").pending(2).ready(()).await;
    count + 1
}

#[test]
fn reading_a_copy_field_keeps_the_whole_value() {
    let make = || Holder {
        count: 2,
        _probe: Probe::new("holder"),
    };
    let report = assert_same(|| copy_field_read(make()), || copy_field_read_rustc(make()));
    assert_eq!(report.outcome, "Ready(3)");
}

enum Message {
    Text(String),
    Ping(u32),
}

#[desugar]
async fn match_moves_out(message: Message, p: Probe) -> usize {
    match message {
        Message::Text(text) => {
            let echoed = Leaf::new("echo").pending(1).ready(text).await;
            p.touch();
            echoed.len()
        }
        Message::Ping(n) => Leaf::new("pong").pending(1).ready(n as usize).await,
    }
}

#[test]
fn a_scrutinee_moved_out_by_its_arm_is_not_kept() {
    let text = || Message::Text(String::from("hi"));
    let report = assert_same(
        || match_moves_out(text(), Probe::new("p")),
        || match_moves_out_rustc(text(), Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(2)");
    let ping = || Message::Ping(3);
    let report = assert_same(
        || match_moves_out(ping(), Probe::new("p")),
        || match_moves_out_rustc(ping(), Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

#[desugar]
async fn guard_across_awaits(lock: std::sync::Arc<std::sync::Mutex<Vec<u32>>>) -> usize {
    let values = Leaf::new("load").pending(1).ready(vec![1, 2]).await;
    lock.lock().unwrap().extend(values);
    Leaf::new("flush").pending(1).ready(()).await;
    lock.lock().unwrap().len()
}

#[test]
fn interleaved_pendings_find_no_difference() {
    let shared = || std::sync::Arc::new(std::sync::Mutex::new(vec![0]));
    let report = Comparison::new()
        .interleave_pending()
        .check_size()
        .run(
            || guard_across_awaits(shared()),
            || guard_across_awaits_rustc(shared()),
        )
        .unwrap_or_else(|mismatch| panic!("{mismatch}"));
    assert_eq!(report.outcome, "Ready(3)");
}

/// A closure whose captures are all visibly `Copy` (`&self`, numbers) holds
/// nothing to drop: not used after the await, it is not kept, as rustc does
/// not keep it (the machine was larger than rustc's).
mod closure_of_copies {
    use desugar::desugar;
    use desugar::harness::{Comparison, Leaf, Probe};

    struct Holder {
        n: u32,
        p: Probe,
    }

    impl Holder {
        #[desugar]
        async fn unused_closure(&self) -> u32 {
            let f = |a: u32| {
                self.p.touch();
                a.rotate_left(3)
            };
            let n = Leaf::new("l").pending(2).ready(self.n).await;
            n + f(1) - 8
        }

        #[desugar]
        async fn closure_not_used_after(&self) -> u32 {
            let _f = |a: u32| a + self.n;
            Leaf::new("l").pending(2).ready(self.n).await
        }
    }

    #[test]
    fn is_not_kept_and_no_larger_than_rustc() {
        let holder = Holder {
            n: 4,
            p: Probe::new("p"),
        };
        let report = Comparison::new()
            .check_size()
            .run(|| holder.unused_closure(), || holder.unused_closure_rustc())
            .unwrap();
        assert_eq!(report.outcome, "Ready(4)");
        let report = Comparison::new()
            .check_size()
            .run(
                || holder.closure_not_used_after(),
                || holder.closure_not_used_after_rustc(),
            )
            .unwrap();
        assert_eq!(report.outcome, "Ready(4)");
    }
}

/// Locals kept across awaits only to drop at the end of their scope: a
/// `Copy` one (whose type only the compiler knows here) is not stored, as
/// rustc does not store it; one with something to drop still drops where
/// rustc drops it.
mod kept_only_to_drop {
    use desugar::desugar;
    use desugar::harness::{Comparison, Leaf, Probe};

    #[desugar]
    async fn unused_number(p: Probe) -> u32 {
        let _n = Leaf::new("a").pending(1).ready(7u32).await;
        let _probe = Leaf::new("b").pending(1).ready(Probe::new("kept")).await;
        p.touch();
        Leaf::new("c").pending(1).ready(3u32).await
    }

    /// The same without the number.
    #[desugar]
    async fn no_number(p: Probe) -> u32 {
        Leaf::new("a").pending(1).ready(7u32).await;
        let _probe = Leaf::new("b").pending(1).ready(Probe::new("kept")).await;
        p.touch();
        Leaf::new("c").pending(1).ready(3u32).await
    }

    #[test]
    fn a_number_costs_nothing_and_the_rest_drops_as_in_rustc() {
        let report = Comparison::new()
            .interleave_pending()
            .check_size()
            .run(
                || unused_number(Probe::new("p")),
                || unused_number_rustc(Probe::new("p")),
            )
            .unwrap();
        assert_eq!(report.outcome, "Ready(3)");
        let trace = report.trace.to_string();
        let kept = trace.find("drop probe \"kept\"").expect("the probe drops");
        let c = trace.find("leaf c: polled").expect("c is polled");
        assert!(
            c < kept,
            "the probe drops at the end of its scope:\n{trace}"
        );
        assert_eq!(
            size_of_val(&unused_number(Probe::new("p"))),
            size_of_val(&no_number(Probe::new("p")))
        );
    }
}

/// A `&mut` has nothing to drop: not used after an await, it is not kept,
/// so the local it borrows need not be kept in place either (the machine
/// was larger than rustc's; seed 2, case 87).
mod unused_mut_reference {
    use desugar::desugar;
    use desugar::harness::{Comparison, Leaf};

    #[desugar]
    async fn in_a_loop() -> u32 {
        let mut total = 0u32;
        for round in 0..2u32 {
            let mut x = round;
            let m = &mut x;
            *m += 1;
            total += Leaf::new("l").pending(1).ready(round).await;
        }
        total
    }

    #[test]
    fn is_not_kept() {
        let report = Comparison::new()
            .check_size()
            .run(in_a_loop, in_a_loop_rustc)
            .unwrap();
        assert_eq!(report.outcome, "Ready(1)");
    }
}

/// A number's own methods answer with a number (or an `Option` of one): a
/// closure capturing such a value holds nothing to drop and is not kept
/// when not used after (seed 3, case 87).
mod numbers_from_number_methods {
    use desugar::desugar;
    use desugar::harness::{Comparison, Leaf};

    #[allow(clippy::question_mark)]
    #[desugar]
    async fn closure_of_a_checked_difference() -> Option<u32> {
        let Some(n) = 9u32.checked_sub(4) else {
            return None;
        };
        let _f = |a: u32| a ^ n;
        Leaf::new("l").pending(1).ready(Some(n)).await
    }

    #[test]
    fn no_larger_than_rustc() {
        let report = Comparison::new()
            .check_size()
            .run(
                closure_of_a_checked_difference,
                closure_of_a_checked_difference_rustc,
            )
            .unwrap();
        assert_eq!(report.outcome, "Ready(Some(5))");
    }
}

/// A borrow handed on: moved out of the local that took it into another
/// (`let x = r.unwrap();`), or assigned to a local declared earlier
/// (`x = &v[1];`). The borrowed local is kept in place while the new
/// holder lives across an await (both were compile errors, E0505).
mod borrow_handed_on {
    use super::*;

    #[desugar]
    async fn moved_into_another_local(p: Probe) -> usize {
        let v = vec![Probe::new("a"), Probe::new("b")];
        let r = v.first();
        let x = r.unwrap();
        Leaf::new("wait").pending(1).ready(()).await;
        x.touch();
        p.touch();
        v.len()
    }

    #[desugar]
    async fn assigned_to_an_earlier_local(p: Probe) -> usize {
        let v = vec![Probe::new("a"), Probe::new("b")];
        let w = Probe::new("w");
        let mut x = &w;
        x.touch();
        x = &v[1];
        Leaf::new("wait").pending(1).ready(()).await;
        x.touch();
        p.touch();
        v.len()
    }

    #[desugar]
    async fn assigned_in_a_block(p: Probe) -> usize {
        let v = vec![Probe::new("a"), Probe::new("b")];
        let x;
        {
            let r = v.last();
            x = r.unwrap();
        }
        Leaf::new("wait").pending(1).ready(()).await;
        x.touch();
        p.touch();
        v.len()
    }

    #[test]
    fn the_borrowed_local_stays_put() {
        let report = assert_same(
            || moved_into_another_local(Probe::new("p")),
            || moved_into_another_local_rustc(Probe::new("p")),
        );
        assert_eq!(report.outcome, "Ready(2)");
        let report = assert_same(
            || assigned_to_an_earlier_local(Probe::new("p")),
            || assigned_to_an_earlier_local_rustc(Probe::new("p")),
        );
        assert_eq!(report.outcome, "Ready(2)");
        let report = assert_same(
            || assigned_in_a_block(Probe::new("p")),
            || assigned_in_a_block_rustc(Probe::new("p")),
        );
        assert_eq!(report.outcome, "Ready(2)");
    }
}

/// `Iterator::count`, `max`, `min` and `Cow::into_owned` take their
/// receiver: a local iterator they consume is not kept (E0382/E0507
/// before), nor is the receiver of `count` in a `match` scrutinee named as
/// a temporary to keep through the arms (E0382).
mod consumed_by_iterator_methods {
    use super::*;

    #[desugar]
    async fn consumed_locals(p: Probe) -> u32 {
        let v = vec![1u32, 2, 3];
        let it = v.iter().map(|x| x + 1);
        let n = it.count();
        Leaf::new("a").pending(1).ready(()).await;
        let largest = v.iter();
        let m = largest.max();
        Leaf::new("b").pending(1).ready(()).await;
        let c = std::borrow::Cow::Borrowed("xy");
        let o = c.into_owned();
        Leaf::new("c").pending(1).ready(()).await;
        p.touch();
        n as u32 + o.len() as u32 + m.copied().unwrap_or(0)
    }

    #[desugar]
    async fn counted_scrutinee(p: Probe) -> u32 {
        let v = vec![Probe::new("a"), Probe::new("b")];
        match v
            .iter()
            .filter(|x| {
                x.touch();
                true
            })
            .count()
        {
            2 => {
                Leaf::new("arm").pending(1).ready(()).await;
                p.touch();
                2
            }
            _ => 0,
        }
    }

    #[test]
    fn the_consumed_value_is_not_kept() {
        let report = Comparison::new()
            .interleave_pending()
            .check_size()
            .run(
                || consumed_locals(Probe::new("p")),
                || consumed_locals_rustc(Probe::new("p")),
            )
            .unwrap_or_else(|mismatch| panic!("{mismatch}"));
        assert_eq!(report.outcome, "Ready(8)");
        let report = assert_same(
            || counted_scrutinee(Probe::new("p")),
            || counted_scrutinee_rustc(Probe::new("p")),
        );
        assert_eq!(report.outcome, "Ready(2)");
    }
}

/// Values rustc does not store, which the machine stored too: a borrow of
/// a constant (`&[1; 32]`, promoted to a `static`) iterated by a `for` loop
/// that awaits, and an awaited number whose own method (`checked_sub`)
/// takes a later awaited value (it was kept in place until the end of the
/// block).
mod not_stored_by_rustc {
    use super::*;

    #[desugar]
    async fn promoted_iterable(p: Probe) -> u64 {
        let mut total = 0;
        for &x in &[1u64; 32] {
            total += Leaf::new("x").pending(1).ready(x).await;
        }
        p.touch();
        total
    }

    #[desugar]
    async fn number_method_between_awaits(p: Probe) -> u32 {
        let left = Leaf::new("a")
            .pending(1)
            .ready(5u32)
            .await
            .checked_sub(Leaf::new("b").pending(1).ready(2u32).await);
        let v = Leaf::new("c").pending(1).ready(vec![1u32]).await;
        p.touch();
        left.unwrap_or(0) + v[0]
    }

    #[test]
    fn the_machine_is_no_larger_than_rustc_s() {
        let compare = || Comparison::new().interleave_pending().check_size();
        let report = compare()
            .run(
                || promoted_iterable(Probe::new("p")),
                || promoted_iterable_rustc(Probe::new("p")),
            )
            .unwrap_or_else(|mismatch| panic!("{mismatch}"));
        assert_eq!(report.outcome, "Ready(32)");
        let report = compare()
            .run(
                || number_method_between_awaits(Probe::new("p")),
                || number_method_between_awaits_rustc(Probe::new("p")),
            )
            .unwrap_or_else(|mismatch| panic!("{mismatch}"));
        assert_eq!(report.outcome, "Ready(4)");
    }

    #[test]
    fn an_awaited_number_is_not_kept_in_place() {
        let machine = number_method_between_awaits(Probe::new("p"));
        let kept_in_place = machine
            .info()
            .states()
            .flat_map(|state| state.fields())
            .filter(|field| matches!(field.kind, FieldKind::Homed | FieldKind::InPlace))
            .count();
        assert_eq!(kept_in_place, 0, "{:#?}", machine.info());
    }
}

/// `other` is read in the `else` branch only: after the `then` branch's
/// await it is never used, so rustc does not keep it there, and neither
/// does the machine (a use later in the source, in the other branch, is
/// not a use after the await). The `then` branch's state is the largest,
/// so keeping `other` there would make the machine larger than rustc's.
#[desugar]
async fn read_in_the_other_branch(take_then: bool) -> u64 {
    let other = [7u64; 8];
    if take_then {
        Leaf::new("then").pending(1).ready([1u64; 16]).await[0]
    } else {
        let n = Leaf::new("else").pending(1).ready(2u64).await;
        other[0] + n
    }
}

#[test]
fn a_local_read_in_the_other_branch_is_not_kept() {
    for take_then in [true, false] {
        let _ = Comparison::new()
            .interleave_pending()
            .check_size()
            .run(
                || read_in_the_other_branch(take_then),
                || read_in_the_other_branch_rustc(take_then),
            )
            .unwrap_or_else(|mismatch| panic!("{mismatch}"));
    }
    let machine = read_in_the_other_branch(true);
    let then = machine
        .info()
        .states()
        .find(|state| {
            state
                .awaits
                .is_some_and(|awaits| awaits.contains("\"then\""))
        })
        .expect("the `then` branch's state");
    assert!(
        then.fields().all(|field| field.name != "other"),
        "{:#?}",
        machine.info()
    );
}

/// A local kept across an await while a later one of the same name is in
/// scope cannot be named there by its own name: it gets a hidden one when
/// it is bound, and is kept like any other local. The matched `n` is kept
/// only to be dropped, and has nothing to drop, so rustc does not keep it
/// at all; it was homed beside the state enum instead (8 bytes, in every
/// state), which made machines larger than rustc's where the enum needs a
/// tag of its own.
#[desugar]
async fn shadowed_number(n: u64) -> u64 {
    match Leaf::new("first").pending(1).ready(Some(n)).await {
        Some(n) => {
            let n = u64::from(n.count_ones()) + 1;
            let first = Leaf::new("second").pending(1).ready(n).await;
            let large = Leaf::new("large").pending(1).ready([first; 16]).await;
            large[15]
        }
        None => 0,
    }
}

/// Shadowed probes, kept to be dropped and to be used again once the inner
/// scope ends: each drops where rustc drops it, on every cancellation point.
#[desugar]
async fn shadowed_probes() -> usize {
    let kept = Probe::new("kept for its drop");
    kept.touch();
    let kept = Probe::new("shadows it");
    let used = Probe::new("used again");
    let inner = {
        let used = Probe::new("inner");
        Leaf::new("wait").pending(1).ready(()).await;
        used.label().len()
    };
    kept.touch();
    used.label().len() + inner
}

#[test]
fn a_shadowed_local_is_kept_under_a_hidden_name() {
    let report = assert_same(shadowed_probes, shadowed_probes_rustc);
    assert_eq!(report.outcome, "Ready(15)");
    assert_send(&shadowed_probes());
    let _ = Comparison::new()
        .interleave_pending()
        .check_size()
        .run(|| shadowed_number(4), || shadowed_number_rustc(4))
        .unwrap_or_else(|mismatch| panic!("{mismatch}"));
    let machine = shadowed_number(4);
    assert_eq!(machine.layout().homes, 0, "{}", machine.layout());
    assert!(
        machine
            .info()
            .states()
            .flat_map(|state| state.fields())
            .all(|field| field.kind != FieldKind::Homed),
        "{:#?}",
        machine.info()
    );
}

/// A local that a branch may have moved away before an await it is kept
/// across only to be dropped: rustc keeps it with a drop flag and drops
/// what is left at the end of its scope. The machine keeps it as a
/// `Flagged` (its own drop flag); a `Copy` value needs no flag, and where
/// it is kept only to be dropped, it is not kept at all, as in rustc.
#[desugar]
async fn maybe_moved(give: bool, n: u64) -> u64 {
    let probe = Probe::new("maybe moved");
    // A number syntax cannot see to be one: kept only to be dropped where
    // it is not used after, as nothing (`DropOnly`).
    let number = std::convert::identity(n);
    let mut total = 0;
    if give {
        total += consume(probe) + number;
    } else {
        probe.touch();
    }
    let first = Leaf::new("first").pending(1).ready(total).await + u64::from(number > 1);
    let large = Leaf::new("large").pending(1).ready([first; 16]).await;
    large[15]
}

fn consume(probe: Probe) -> u64 {
    probe.label().len() as u64
}

#[test]
fn a_maybe_moved_local_is_kept_with_a_drop_flag() {
    for give in [true, false] {
        let report = assert_same(|| maybe_moved(give, 2), || maybe_moved_rustc(give, 2));
        assert_eq!(report.outcome, if give { "Ready(14)" } else { "Ready(1)" });
        let _ = Comparison::new()
            .interleave_pending()
            .check_size()
            .run(|| maybe_moved(give, 2), || maybe_moved_rustc(give, 2))
            .unwrap_or_else(|mismatch| panic!("{mismatch}"));
    }
    assert_send(&maybe_moved(true, 2));
    let layout = maybe_moved(true, 2).layout();
    assert_eq!(layout.homes, 0, "{layout}");
    assert_eq!(
        sizes(&layout, "number"),
        [("Suspend0", 8), ("Suspend1", 0)],
        "{layout}"
    );
}

/// `number` is used after the first await and not after the second, where
/// rustc keeps nothing for it (it has nothing to drop) and the largest
/// state is. The machine kept its value there too, its field being of the
/// same type in every state; it now has a parameter of its own in the
/// states that keep it only to drop it.
#[desugar]
async fn used_then_only_dropped(n: u64) -> u64 {
    let number = Leaf::new("number").pending(1).ready(n).await;
    let first = Leaf::new("first").pending(1).ready(2u64).await + u64::from(number > 3);
    let large = Leaf::new("large").pending(1).ready([first; 16]).await;
    large[15]
}

#[test]
fn a_local_is_kept_only_where_it_is_used_after() {
    let _ = Comparison::new()
        .interleave_pending()
        .check_size()
        .run(
            || used_then_only_dropped(1),
            || used_then_only_dropped_rustc(1),
        )
        .unwrap_or_else(|mismatch| panic!("{mismatch}"));
    let layout = used_then_only_dropped(1).layout();
    assert_eq!(
        sizes(&layout, "number"),
        [("Suspend1", 8), ("Suspend2", 0)],
        "{layout}"
    );
}

/// A local declared `mut` that a branch may move stays homed (its guard is
/// its flag): kept as a `Flagged`, each use borrowed the `Flagged` afresh,
/// and the two borrows a `format!` takes here (one through `&mut`, as for
/// any use of a mutable local) did not build (E0502; fuzz seed 515, case
/// 8683).
#[desugar]
async fn mutable_and_maybe_moved(give: bool) -> usize {
    let mut word = Leaf::new("word").pending(1).ready(String::from("ab")).await;
    word.push('c');
    let text = format!("{}-{word}", word);
    if give {
        drop(word);
    }
    Leaf::new("after").pending(1).ready(()).await;
    text.len()
}

#[test]
fn a_mutable_maybe_moved_local_is_read_twice_in_one_format() {
    for give in [true, false] {
        let report = assert_same(
            || mutable_and_maybe_moved(give),
            || mutable_and_maybe_moved_rustc(give),
        );
        assert_eq!(report.outcome, "Ready(7)");
    }
}

/// A panic while a flagged local and a renamed one are kept: both drop
/// while unwinding, as rustc drops them, and so does whatever is left of
/// the flagged one.
#[desugar]
async fn kept_while_panicking(give: bool) -> u32 {
    let shadowed = Probe::new("shadowed");
    shadowed.touch();
    let shadowed = Probe::new("shadowing");
    let maybe = Probe::new("maybe moved");
    if give {
        drop(maybe);
    }
    let n = Leaf::new("panics").pending(1).panics::<u32>("boom").await;
    shadowed.touch();
    n
}

#[test]
fn flagged_and_renamed_locals_drop_while_unwinding() {
    for give in [true, false] {
        let report = assert_same(
            || kept_while_panicking(give),
            || kept_while_panicking_rustc(give),
        );
        assert!(report.outcome.contains("boom"), "{}", report.outcome);
    }
    let suspended = kept_while_panicking(true)
        .info()
        .state(1)
        .expect("Suspend0");
    let kinds: Vec<(&str, FieldKind)> = suspended
        .fields()
        .map(|field| (field.name, field.kind))
        .collect();
    assert!(
        kinds.iter().all(|(_, kind)| *kind != FieldKind::Homed),
        "{kinds:?}"
    );
}

async fn take(probe: Probe, n: u64) -> u64 {
    Leaf::new("take").pending(1).ready(()).await;
    probe.label().len() as u64 + n
}

/// A value moved by the awaited scrutinee of a `match` whose arms await is
/// moved on every path: not kept (with a drop flag, as a value some branch
/// may have moved) at the awaits after the `match`. (It was: seed 526, case
/// 424, 240 bytes against rustc's 224.)
#[desugar]
async fn moved_by_an_awaited_scrutinee(n: u64) -> u64 {
    let probe = Leaf::new("made")
        .pending(1)
        .ready(Probe::new("moved"))
        .await;
    let total = match take(probe, n).await {
        0 => 0,
        m => m + Leaf::new("arm").pending(1).ready(1).await,
    };
    total + Leaf::new("after").pending(1).ready(1).await
}

#[test]
fn a_value_the_scrutinee_moves_is_not_kept_after_the_match() {
    for n in [0, 3] {
        let _ = Comparison::new()
            .interleave_pending()
            .check_size()
            .run(
                || moved_by_an_awaited_scrutinee(n),
                || moved_by_an_awaited_scrutinee_rustc(n),
            )
            .unwrap_or_else(|mismatch| panic!("{mismatch}"));
    }
    let machine = moved_by_an_awaited_scrutinee(3);
    assert_eq!(sizes(&machine.layout(), "probe"), []);
}

/// A local matched by a `match` without `ref` bindings, in code after an
/// await, takes no borrow of the local: it is not kept in place (it was,
/// for a `match` whose statement also assigns a local used at a later
/// await, making the machine a word larger than rustc's: seed 716, case
/// 2547).
mod matched_without_ref {
    use super::*;

    // The late initialization is the shape under test.
    #[allow(clippy::needless_late_init)]
    #[desugar]
    async fn matched() -> u32 {
        let Some(x) = Leaf::new("a").pending(1).ready(Some(3u32)).await else {
            return 1;
        };
        let y;
        if Leaf::new("b").pending(1).ready(x).await > 2 {
            match x {
                3 => {}
                _other => {}
            }
            y = 4u32;
        } else {
            y = 2u32;
        }
        Leaf::new("c").pending(1).ready(y).await
    }

    #[test]
    fn is_not_kept_in_place_and_no_larger_than_rustc() {
        let report = Comparison::new()
            .interleave_pending()
            .check_size()
            .run(matched, matched_rustc)
            .unwrap_or_else(|mismatch| panic!("{mismatch}"));
        assert_eq!(report.outcome, "Ready(4)");
    }
}

/// A local used as the receiver of a method named like the standard
/// library's that take `self` is taken for moved there; the expansion asks
/// the compiler whether the method borrows it instead, and stops the build
/// if so (`tests/ui/std_named_method_borrows_local.rs`). What builds keeps
/// and drops as rustc's does.
mod std_named_methods {
    use super::*;

    struct Bag(Probe);

    impl Bag {
        fn count(&self) -> u32 {
            self.0.label().len() as u32
        }

        fn map(self, f: impl FnOnce(u32) -> u32) -> u32 {
            f(self.0.label().len() as u32)
        }
    }

    /// Written as a borrow, the call keeps the bag to the end of its scope.
    #[desugar]
    async fn borrowed_outright() -> u32 {
        let bag = Bag(Probe::new("bag"));
        let n = Bag::count(&bag);
        let after = Probe::new("after");
        Leaf::new("wait").pending(1).ready(()).await;
        after.touch();
        n
    }

    /// A borrowing call where the bag is kept for a later use anyway.
    #[desugar]
    async fn kept_for_a_later_use() -> u32 {
        let bag = Bag(Probe::new("bag"));
        let n = bag.count();
        Leaf::new("wait").pending(1).ready(()).await;
        n + bag.count()
    }

    /// A method of that name that takes `self`, with a closure that moves
    /// what it captures.
    #[desugar]
    async fn consumed(k: u32) -> u32 {
        let bag = Bag(Probe::new("bag"));
        let extra = Probe::new("extra");
        let n = bag.map(move |len| len + k + extra.label().len() as u32);
        Leaf::new("wait").pending(1).ready(()).await;
        n
    }

    /// The standard library's own, whose results' types come from where
    /// they go (`into`, `collect`, `sum`), and one kept in place.
    #[desugar]
    async fn standard(items: Vec<u32>, name: Option<Probe>, n: u32) -> u64 {
        let total: u64 = n.into();
        let text = String::from("ab");
        let boxed: Box<str> = text.into();
        let mapped = items.into_iter().map(|i| i * 2);
        let doubled: Vec<u32> = mapped.collect();
        let numbers = doubled.iter().copied();
        let sum: u32 = numbers.sum();
        let named = name.map(|p| p.label().len()).unwrap_or_default();
        let kept = Some(Probe::new("kept"));
        let held = &kept;
        Leaf::new("wait").pending(1).ready(()).await;
        held.iter().for_each(Probe::touch);
        let label = kept.map(|p| p.label().len()).unwrap_or(0);
        total + u64::from(sum) + (named + label + boxed.len()) as u64
    }

    /// A closure's return type, or a generic function's, may come from
    /// what follows the call (`collect` into a `Vec<u32>`): such a call
    /// goes unchecked, and builds.
    #[desugar]
    async fn typed_by_what_follows(line: String) -> usize {
        let parts = line.split(',');
        let numbers: Vec<u32> = parts.map(|p| p.parse().unwrap()).collect();
        let names = vec!["a", "bc"].into_iter();
        let owned: Vec<String> = names.map(Into::into).collect();
        Leaf::new("wait").pending(1).ready(()).await;
        numbers.len() + owned.len()
    }

    #[test]
    fn a_call_typed_by_what_follows_builds() {
        let report = assert_same(
            || typed_by_what_follows(String::from("1,2,3")),
            || typed_by_what_follows_rustc(String::from("1,2,3")),
        );
        assert_eq!(report.outcome, "Ready(5)");
    }

    struct Response(Probe);

    impl Response {
        /// As an HTTP client's: the caller chooses what it decodes to.
        fn json<T: From<u32>>(self) -> desugar::harness::LeafFuture<T> {
            self.0.touch();
            Leaf::new("json").pending(1).ready(T::from(7))
        }
    }

    struct Raw(Probe);

    impl Raw {
        fn into_model<T: From<u32>>(self) -> T {
            self.0.touch();
            T::from(5)
        }
    }

    /// The result of `json`, like `collect`'s or an `into_…` method's, has
    /// the type the code after the call gives it, which the check's copy of
    /// the call is given too.
    #[desugar]
    async fn decoded(n: u64) -> u64 {
        let response = Response(Probe::new("response"));
        let data: u64 = response.json().await;
        let raw = Raw(Probe::new("raw"));
        let model: u64 = raw.into_model();
        Leaf::new("wait").pending(1).ready(()).await;
        data + model + n
    }

    #[test]
    fn a_result_typed_by_its_caller_builds() {
        let report = assert_same(|| decoded(1), || decoded_rustc(1));
        assert_eq!(report.outcome, "Ready(13)");
    }

    /// A macro that prints its arguments' text gets no check inside them:
    /// the failed assertion says what rustc's says.
    #[desugar]
    async fn asserted(limit: usize) -> usize {
        let named = Some(Probe::new("named"));
        assert!(named.map(|p| p.label().len()).unwrap_or(0) > limit);
        Leaf::new("wait").pending(1).ready(limit).await
    }

    #[test]
    fn an_assertion_prints_the_call_as_written() {
        let report = assert_same(|| asserted(1), || asserted_rustc(1));
        assert_eq!(report.outcome, "Ready(1)");
        let report = assert_same(|| asserted(9), || asserted_rustc(9));
        assert!(report.outcome.contains("named.map"), "{}", report.outcome);
    }

    #[test]
    fn what_builds_drops_as_in_rustc() {
        let report = assert_same(borrowed_outright, borrowed_outright_rustc);
        assert_eq!(report.outcome, "Ready(3)");
        let report = assert_same(kept_for_a_later_use, kept_for_a_later_use_rustc);
        assert_eq!(report.outcome, "Ready(6)");
        let report = assert_same(|| consumed(1), || consumed_rustc(1));
        assert_eq!(report.outcome, "Ready(9)");
        let report = assert_same(
            || standard(vec![1, 2], Some(Probe::new("name")), 4),
            || standard_rustc(vec![1, 2], Some(Probe::new("name")), 4),
        );
        assert_eq!(report.outcome, "Ready(20)");
    }
}

/// A local closure called before an await and not after: the machine takes
/// the call for a move (`FnOnce`), and keeps nothing. Where the closure is
/// only borrowed by the call and has nothing to drop (it captures by
/// reference), that is what rustc does too; where it is consumed, it is
/// gone; where it is used after the await, it is kept. One borrowed by the
/// call with something to drop is a compile error
/// (`tests/ui/called_closure_borrowed.rs`): the machine would drop it at
/// the await.
#[desugar]
async fn called_closures(p: Probe, q: Probe, r: Probe) -> usize {
    let consumed = move || {
        let n = p.label().len();
        drop(p);
        n
    };
    let by_reference = || q.label().len();
    let mut count = 0;
    let mut used_after = move |k: usize| {
        count += k;
        count + r.label().len()
    };
    let n = consumed() * 2 + by_reference() + used_after(1);
    Leaf::new("wait").pending(1).ready(()).await;
    q.touch();
    n + used_after(2)
}

#[test]
fn a_called_closure_is_kept_as_rustc_keeps_it() {
    let probes = || (Probe::new("p"), Probe::new("q"), Probe::new("r"));
    assert_send(&called_closures(
        Probe::new("p"),
        Probe::new("q"),
        Probe::new("r"),
    ));
    let report = assert_same(
        || {
            let (p, q, r) = probes();
            called_closures(p, q, r)
        },
        || {
            let (p, q, r) = probes();
            called_closures_rustc(p, q, r)
        },
    );
    assert_eq!(report.outcome, "Ready(9)");
}

#[derive(Debug, Clone, Copy)]
enum Level {
    Info,
}

/// A consumed closure given a variant, a constant and a value a `?` gives:
/// the compiler, asked about the call as for any other argument, answers
/// that it moves the closure, and the machine keeps nothing, as rustc.
#[desugar]
async fn consumed_with_a_variant_and_a_try(p: Probe, raw: &str) -> Result<usize, String> {
    let log = move |level: Level, limit: usize, n: usize| {
        let len = format!("{} {level:?} {n}", p.label()).len().min(limit);
        drop(p);
        len
    };
    let parsed: Result<usize, String> = raw.parse().map_err(|_| "nan".to_owned());
    note(log(Level::Info, usize::MAX, parsed?).to_string());
    Leaf::new("wait").pending(1).ready(()).await;
    Ok(1)
}

#[test]
fn a_consumed_closure_given_a_variant_or_a_try_is_not_kept() {
    for raw in ["12", "x"] {
        let report = assert_same(
            || consumed_with_a_variant_and_a_try(Probe::new("p"), raw),
            || consumed_with_a_variant_and_a_try_rustc(Probe::new("p"), raw),
        );
        let expected = if raw == "x" {
            r#"Ready(Err("nan"))"#
        } else {
            "Ready(Ok(1))"
        };
        assert_eq!(report.outcome, expected);
    }
}

/// A closure called inside `assert!`, which prints the call's text and so
/// gets no check: taken for a borrow, it is kept to the end of its scope,
/// as rustc keeps it.
#[desugar]
async fn called_in_an_assertion(p: Probe) -> u32 {
    let positive = move |n: u32| {
        p.touch();
        n > 0
    };
    assert!(positive(1));
    let n = Leaf::new("wait").pending(1).ready(2).await;
    note("end of body");
    n
}

#[test]
fn a_closure_called_in_an_assertion_is_kept() {
    let report = assert_same(
        || called_in_an_assertion(Probe::new("p")),
        || called_in_an_assertion_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(2)");
    assert_send(&called_in_an_assertion(Probe::new("p")));
}

fn commit(p: Probe) -> usize {
    p.touch();
    1
}

fn rollback(p: Probe) -> usize {
    drop(p);
    0
}

/// A local every branch of an `if … else` or every arm of a `match` moves
/// is moved on every path: nothing of it is kept across the await after,
/// as in rustc. It was kept with a drop flag, which made the machine not
/// `Send` where the local's type is not (a `MutexGuard`).
#[desugar]
#[allow(clippy::await_holding_lock)] // dropped on every path before it; clippy does not see it
async fn moved_in_every_branch(ok: bool, guard_of: &std::sync::Mutex<u32>) -> usize {
    let p = Probe::new("p");
    let n = if ok { commit(p) } else { rollback(p) };
    let q = Probe::new("q");
    let m = match n {
        0 => rollback(q),
        _ => commit(q),
    };
    let guard = guard_of.lock().unwrap();
    let g = if ok {
        let value = *guard;
        drop(guard);
        value
    } else {
        drop(guard);
        0
    } as usize;
    Leaf::new("flush").pending(1).ready(()).await;
    n + m + g
}

/// A branch that moves a local and gives it a new value leaves it there:
/// kept to the end of its scope, as rustc keeps it.
#[desugar]
#[allow(unused_assignments)] // the new value is kept only to be dropped
async fn moved_and_given_again(ok: bool) -> usize {
    let mut p = Probe::new("first");
    let n = if ok {
        commit(p);
        p = Probe::new("again");
        1
    } else {
        rollback(p);
        p = Probe::new("other");
        0
    };
    Leaf::new("flush").pending(1).ready(()).await;
    n
}

#[test]
fn a_local_moved_in_every_branch_is_not_kept() {
    let m = std::sync::Mutex::new(3);
    for ok in [true, false] {
        let report = assert_same(
            || moved_in_every_branch(ok, &m),
            || moved_in_every_branch_rustc(ok, &m),
        );
        assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
        let report = assert_same(
            || moved_and_given_again(ok),
            || moved_and_given_again_rustc(ok),
        );
        assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
    }
    let m = std::sync::Mutex::new(3);
    assert_send(&moved_in_every_branch(true, &m));
}

pub struct Counter {
    next_id: std::cell::Cell<u32>,
    names: Vec<String>,
}

/// A local bound to a shared reference lends its referent: a value made
/// through it (`ids.get()`, `names.first()`) borrows the referent, not the
/// local, which is not kept in place for it. The machine kept `ids` (a
/// `&Cell`) in place, and was not `Send` where the twin is. What the value
/// made through it borrows from a local of the fn (`list.first()` with
/// `list = &v`) is still kept in place.
#[desugar]
async fn through_a_reference(counter: &mut Counter) -> usize {
    let ids = &counter.next_id;
    let id = ids.get();
    let v = vec![String::from("x"), String::from("yz")];
    let list = &v;
    let first = list.first();
    let names = &counter.names;
    let count = names.iter().filter(|n| !n.is_empty()).count();
    Leaf::new("send").pending(1).ready(()).await;
    id as usize + first.map_or(0, |s| s.len()) + count
}

#[test]
fn a_reference_hands_on_what_it_lends() {
    let counter = || Counter {
        next_id: std::cell::Cell::new(3),
        names: vec!["a".into()],
    };
    let mut c = counter();
    assert_send(&through_a_reference(&mut c));
    let report = assert_same(
        || async {
            let mut c = counter();
            through_a_reference(&mut c).await
        },
        || async {
            let mut c = counter();
            through_a_reference_rustc(&mut c).await
        },
    );
    assert_eq!(report.outcome, "Ready(5)");
}

pub struct Session {
    label: Probe,
}

impl Session {
    /// `let this = *self;` in a `self: Box<Self>` method moves the value out
    /// of the box, and the box with it: nothing of it is kept across the
    /// await after. The machine kept the box (E0382).
    #[desugar]
    async fn finish(self: Box<Self>) -> usize {
        let this = *self;
        Leaf::new("flush").pending(1).ready(()).await;
        this.label.label().len()
    }
}

#[desugar]
async fn unboxed(boxed: Box<(Probe, u32)>, other: Probe) -> u32 {
    let local = Box::new(other);
    let (p, n) = *boxed;
    let q = *local;
    Leaf::new("use").pending(1).ready(()).await;
    p.touch();
    q.touch();
    n
}

#[test]
fn a_value_moved_out_of_a_box_takes_the_box() {
    let session = || {
        Box::new(Session {
            label: Probe::new("session"),
        })
    };
    assert_send(&session().finish());
    let report = assert_same(|| session().finish(), || session().finish_rustc());
    assert_eq!(report.outcome, "Ready(7)");
    let report = assert_same(
        || unboxed(Box::new((Probe::new("p"), 3)), Probe::new("o")),
        || unboxed_rustc(Box::new((Probe::new("p"), 3)), Probe::new("o")),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// `*b` of a `Box` of a `Copy` value only copies it, and the box stays for
/// the uses after: where the box is kept in place (borrowed across an
/// await), it is read there, never moved out of its home and freed (which
/// the reference kept across the second await would then read).
#[desugar]
async fn copied_out_of_a_kept_box(k: u32) -> u32 {
    let b = Box::new(k);
    let r = &b;
    Leaf::new("first").pending(1).ready(()).await;
    let n = *b;
    Leaf::new("second").pending(1).ready(()).await;
    **r + n + *b
}

#[test]
fn a_copy_out_of_a_kept_box_leaves_it() {
    let report = assert_same(
        || copied_out_of_a_kept_box(4),
        || copied_out_of_a_kept_box_rustc(4),
    );
    assert_eq!(report.outcome, "Ready(12)");
}
