//! Values borrowed across exactly one await live in that await's variant,
//! as rustc keeps them, instead of in the homes area beside the state enum:
//! the machine enters the state before it suspends there, makes the value
//! in its slot, and writes the awaited future in beside it.
//!
//! Each machine is compared with rustc's twin on every cancellation point,
//! with and without extra `Pending`s, and on size.

use desugar::Inspect;
use desugar::desugar;
use desugar::harness::{Comparison, Leaf, LeafFuture, Probe};
use desugar::inspect::FieldKind;

/// Waits, then gives the length of the probe's label, borrowing the probe
/// the whole time.
async fn label_len(probe: &Probe, pendings: usize) -> u64 {
    Leaf::new(format!("label {}", probe.label()))
        .pending(pendings)
        .ready(())
        .await;
    probe.label().len() as u64
}

/// Waits with both probes borrowed.
async fn both_labels(first: &Probe, second: &Probe) -> u64 {
    Leaf::new("both").pending(1).ready(()).await;
    (first.label().len() + second.label().len()) as u64
}

/// Panics before it returns a future, with the probe borrowed.
fn label_or_panic(probe: &Probe, panic: bool) -> LeafFuture<u64> {
    assert!(!panic, "no label for {}", probe.label());
    Leaf::new("label")
        .pending(1)
        .ready(probe.label().len() as u64)
}

/// Compares behaviour (plain and with extra `Pending`s) and size; returns
/// the outcome.
fn compare<A, B, FA, FB>(left: FA, right: FB) -> String
where
    FA: Fn() -> A,
    FB: Fn() -> B,
    A: Future,
    B: Future<Output = A::Output>,
    A::Output: std::fmt::Debug + PartialEq,
{
    let _ = Comparison::new()
        .interleave_pending()
        .check_size()
        .run(&left, &right)
        .unwrap_or_else(|mismatch| panic!("{mismatch}"));
    Comparison::new()
        .check_size()
        .run(left, right)
        .unwrap_or_else(|mismatch| panic!("{mismatch}"))
        .outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine with values kept in place must be too (DESIGN.md promise 5).
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// The names of the fields a machine keeps in place, over all its states (a
/// temporary's is the code that made it).
fn in_place_fields(machine: &impl Inspect) -> Vec<&'static str> {
    machine
        .info()
        .states()
        .flat_map(|state| state.fields())
        .filter(|field| field.kind == FieldKind::InPlace)
        .map(|field| field.name)
        .collect()
}

/// Waits, then sums what it borrows.
async fn sum_of(values: &[u64]) -> u64 {
    Leaf::new("sum").pending(2).ready(()).await;
    values.iter().sum()
}

/// The temporary array lives across the first await only; the second state
/// is the largest. rustc overlaps the array with it; kept beside the state
/// enum, it made the machine larger than rustc's (by the array's 64 bytes).
#[desugar]
async fn temporary_then_a_larger_state(n: u64) -> u64 {
    let first = sum_of(&[n; 8]).await;
    let second = Leaf::new("large").pending(1).ready([n; 16]).await;
    first + second[15]
}

#[test]
fn a_temporary_of_one_await_is_kept_in_its_variant() {
    assert_eq!(
        compare(
            || temporary_then_a_larger_state(3),
            || temporary_then_a_larger_state_rustc(3)
        ),
        "Ready(27)"
    );
    let machine = temporary_then_a_larger_state(3);
    both_send(&machine, &temporary_then_a_larger_state_rustc(3));
    assert_eq!(in_place_fields(&machine), ["[n; 8]"]);
    assert_eq!(machine.layout().homes, 0, "{}", machine.layout());
}

/// A `let` whose scope holds one await, and a reassignment after it: the
/// new value goes into the same slot, while the machine is still in that
/// state.
#[desugar]
async fn local_reassigned_after_its_await(n: u64) -> u64 {
    let total = {
        let mut probe = Probe::new("first");
        let length = label_len(&probe, 1).await;
        probe = Probe::new("second");
        probe.touch();
        length + probe.label().len() as u64
    };
    let large = Leaf::new("large").pending(1).ready([n; 16]).await;
    total + large[0]
}

#[test]
fn a_local_of_one_await_is_kept_in_its_variant() {
    assert_eq!(
        compare(
            || local_reassigned_after_its_await(1),
            || local_reassigned_after_its_await_rustc(1)
        ),
        "Ready(12)"
    );
    assert_eq!(
        in_place_fields(&local_reassigned_after_its_await(1)),
        ["probe"]
    );
}

/// Two temporaries at one await, in a loop: every pass enters the state
/// again (or finds it still there) and reuses its slots.
#[desugar]
async fn temporaries_in_a_loop(rounds: u64) -> u64 {
    let mut total = 0;
    for round in 0..rounds {
        total += both_labels(&Probe::new(format!("a{round}")), &Probe::new("b")).await;
    }
    total
}

#[test]
fn temporaries_in_a_loop_reuse_their_slots() {
    assert_eq!(
        compare(
            || temporaries_in_a_loop(3),
            || temporaries_in_a_loop_rustc(3)
        ),
        "Ready(9)"
    );
}

/// Kept in place in two states, one after the other, and in a branch that
/// may not reach its await. The largest state keeps `p` in place and two
/// numbers written in at the suspension: flat fields beside it, so no tag or
/// padding of their own (written in as one `enum` value, they made this
/// machine 168 bytes against rustc's 160).
#[desugar]
async fn one_state_after_another(skip: bool) -> u64 {
    let first = label_len(&Probe::new("first"), 1).await;
    let second = if skip {
        0
    } else {
        label_len(&Probe::new("second"), 2).await
    };
    let p = Probe::new("local");
    let third = label_len(&p, 1).await;
    first + second + third
}

#[test]
fn values_in_place_in_successive_states() {
    for skip in [false, true] {
        let _ = compare(
            || one_state_after_another(skip),
            || one_state_after_another_rustc(skip),
        );
    }
    let in_place = in_place_fields(&one_state_after_another(false));
    assert_eq!(in_place.len(), 3, "{in_place:?}");
    assert_eq!(in_place.last(), Some(&"p"));
}

/// The call that makes the awaited future panics after the temporary is
/// in its slot: the temporary drops while unwinding, and the machine is
/// poisoned.
#[desugar]
async fn panics_before_it_suspends(panic: bool) -> u64 {
    let kept = Probe::new("kept");
    let length = label_or_panic(&Probe::new("temporary"), panic).await;
    kept.touch();
    length
}

#[desugar]
async fn panics_while_polled() -> u64 {
    let kept = Probe::new("kept");
    let length = awaits_panicking(&Probe::new("temporary")).await;
    kept.touch();
    length
}

async fn awaits_panicking(probe: &Probe) -> u64 {
    probe.touch();
    Leaf::new("fails").pending(1).panics::<u64>("failed").await
}

#[test]
fn panics_drop_what_is_kept_in_place() {
    for panic in [false, true] {
        let _ = compare(
            || panics_before_it_suspends(panic),
            || panics_before_it_suspends_rustc(panic),
        );
    }
    let _ = compare(panics_while_polled, panics_while_polled_rustc);
    assert_eq!(
        in_place_fields(&panics_while_polled()),
        ["Probe::new(\"temporary\")"]
    );
}

/// A temporary that lives across two awaits of its statement stays in the
/// homes area: no one variant can hold it.
#[desugar]
async fn temporary_of_two_awaits() -> u64 {
    label_len(&Probe::new("temporary"), 1).await + Leaf::new("second").pending(1).ready(2u64).await
}

#[test]
fn a_value_of_two_awaits_stays_in_the_homes_area() {
    assert_eq!(
        compare(temporary_of_two_awaits, temporary_of_two_awaits_rustc),
        "Ready(11)"
    );
    let machine = temporary_of_two_awaits();
    assert!(in_place_fields(&machine).is_empty());
    assert!(machine.layout().homes > 0, "{}", machine.layout());
}

/// The local outside the loop, its one await inside: the machine suspends
/// in that state again on every pass, writing the future in anew.
#[desugar]
async fn local_outside_a_loop(rounds: u64) -> u64 {
    let probe = Probe::new("outside");
    let mut total = 0;
    for _ in 0..rounds {
        total += label_len(&probe, 1).await;
    }
    total
}

/// A local declared in the loop body, used after its await: restored on
/// resuming inside the loop.
#[desugar]
async fn local_inside_a_loop(rounds: u64) -> u64 {
    let mut total = 0;
    for round in 0..rounds {
        let probe = Probe::new(format!("inside {round}"));
        total += label_len(&probe, 1).await;
        probe.touch();
    }
    total
}

/// The machine enters the state when the value is made, then leaves the
/// body without suspending there: by `return`, by `?`, or by a `match` arm
/// that does not await.
#[desugar]
async fn leaves_before_its_await(way: u8) -> Option<u64> {
    let length = {
        let probe = Probe::new("made");
        if way == 0 {
            return Some(0);
        }
        (way != 1).then_some(())?;
        match way {
            2 => 2,
            _ => label_len(&probe, 1).await,
        }
    };
    Some(length + Leaf::new("after").pending(1).ready(1).await)
}

#[test]
fn loops_and_early_exits() {
    assert_eq!(
        compare(|| local_outside_a_loop(3), || local_outside_a_loop_rustc(3)),
        "Ready(21)" // 3 × "outside".len()
    );
    assert_eq!(
        compare(|| local_inside_a_loop(2), || local_inside_a_loop_rustc(2)),
        "Ready(16)" // "inside 0".len() + "inside 1".len()
    );
    for way in 0..4 {
        let _ = compare(
            || leaves_before_its_await(way),
            || leaves_before_its_await_rustc(way),
        );
    }
    both_send(&local_outside_a_loop(1), &local_outside_a_loop_rustc(1));
    both_send(&local_inside_a_loop(1), &local_inside_a_loop_rustc(1));
    assert_eq!(in_place_fields(&local_outside_a_loop(1)), ["probe"]);
    assert_eq!(in_place_fields(&local_inside_a_loop(1)), ["probe"]);
    assert_eq!(in_place_fields(&leaves_before_its_await(3)), ["probe"]);
}

/// The temporary of the first await lives to the end of its `let`, after
/// `lengths` is bound, and `lengths` is borrowed across the second await
/// only: kept in place, each in its own state, making `lengths` would move
/// the machine to the second state while the temporary still lived in the
/// first (a double free: seed 507, case 1033). Such values stay in the homes
/// area.
#[desugar]
async fn local_bound_while_a_temporary_lives() -> u64 {
    let lengths = vec![label_len(&Probe::new("temporary"), 1).await, 2];
    let view = lengths.as_slice();
    view[0] + sum_of(&[3, 4]).await
}

#[test]
fn values_alive_together_are_not_kept_in_different_states() {
    assert_eq!(
        compare(
            local_bound_while_a_temporary_lives,
            local_bound_while_a_temporary_lives_rustc
        ),
        "Ready(16)" // "temporary".len() + 3 + 4
    );
    let machine = local_bound_while_a_temporary_lives();
    let in_place = in_place_fields(&machine);
    assert!(!in_place.contains(&"lengths"), "{in_place:?}");
}

/// The temporary the awaited call borrows is dropped where the `format!`
/// around it ends, inside its statement; the later awaits do not keep it.
/// Its slot outlived it until the end of the block, across the second
/// await, which made the machine larger than rustc's by the array's 64 bytes.
#[desugar]
async fn temporary_in_format_arguments(n: u64) -> u64 {
    let text = format!("{}", sum_of(&[n; 8]).await);
    let large = Leaf::new("large").pending(1).ready([n; 16]).await;
    text.len() as u64 + large[15]
}

/// The same for the temporary of an `if` condition: it drops before the
/// branch runs.
#[desugar]
async fn temporary_in_a_condition(n: u64) -> u64 {
    let probe = Probe::new("kept");
    let mut total = 0;
    if label_len(&Probe::new("condition"), 1).await > 3 {
        total = Leaf::new("large").pending(1).ready([n; 16]).await[15];
    }
    total + label_len(&probe, 1).await
}

#[test]
fn a_temporary_dropped_inside_its_statement_is_not_kept_after_it() {
    assert_eq!(
        compare(
            || temporary_in_format_arguments(3),
            || temporary_in_format_arguments_rustc(3)
        ),
        "Ready(5)"
    );
    let machine = temporary_in_format_arguments(3);
    both_send(&machine, &temporary_in_format_arguments_rustc(3));
    assert_eq!(in_place_fields(&machine), ["[n; 8]"]);
    assert_eq!(machine.layout().homes, 0, "{}", machine.layout());

    assert_eq!(
        compare(
            || temporary_in_a_condition(3),
            || temporary_in_a_condition_rustc(3)
        ),
        "Ready(7)"
    );
    let machine = temporary_in_a_condition(3);
    assert!(
        machine.layout().homes < std::mem::size_of::<Probe>() * 2,
        "{}",
        machine.layout()
    );
}

/// A temporary made in place by the awaited call (after an argument that
/// runs code first) and a `let x;` assigned before its one await: their
/// slots are in the variant from their `let` on, empty until assigned. In
/// the homes area they made the machine larger than rustc's.
#[desugar]
async fn declared_without_a_value(n: u64, panic: bool) -> u64 {
    let first = label_len_after(Probe::new("owned"), &Probe::new("borrowed")).await;
    {
        let kept;
        if n > 1 {
            kept = Probe::new("assigned");
            label_or_panic(&kept, panic).await;
        }
    }
    let large = Leaf::new("large").pending(1).ready([n; 16]).await;
    first + large[0]
}

/// Waits with `borrowed` borrowed, after `owned` was made.
async fn label_len_after(owned: Probe, borrowed: &Probe) -> u64 {
    Leaf::new("after").pending(1).ready(()).await;
    (owned.label().len() + borrowed.label().len()) as u64
}

#[test]
fn locals_declared_without_a_value_are_kept_in_their_variant() {
    for n in [1, 3] {
        assert_eq!(
            compare(
                || declared_without_a_value(n, false),
                || declared_without_a_value_rustc(n, false)
            ),
            format!("Ready({})", 13 + n)
        );
    }
    let _ = Comparison::new()
        .run(
            || declared_without_a_value(3, true),
            || declared_without_a_value_rustc(3, true),
        )
        .unwrap_or_else(|mismatch| panic!("{mismatch}"));
    let machine = declared_without_a_value(3, false);
    both_send(&machine, &declared_without_a_value_rustc(3, false));
    assert_eq!(
        in_place_fields(&machine),
        ["Probe::new(\"borrowed\")", "kept"]
    );
    assert_eq!(machine.layout().homes, 0, "{}", machine.layout());
}
