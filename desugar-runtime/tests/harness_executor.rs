//! The recording executor: completion, cancellation after k polls, stalls,
//! caught panics, polls after completion, waker bookkeeping.

// The harness needs `std` (the default feature).
#![cfg(feature = "std")]

mod harness_support;

use desugar_runtime::harness::{
    Event, Executor, Leaf, Outcome, Probe, catch_quietly, note, panic_message, run, run_polls,
};
use harness_support::{TwoSteps, two_steps};

fn fetch() -> desugar_runtime::harness::LeafFuture<u32> {
    Leaf::new("fetch").pending(1).ready(2)
}

#[test]
fn runs_to_completion_and_records_everything() {
    let run = Executor::new().run_with(|| two_steps(Probe::new("tag"), fetch));
    assert_eq!(run.outcome, Outcome::Ready(3));
    assert_eq!(run.polls, 2);
    assert_eq!(
        run.trace.lines(),
        [
            r#"new probe "tag""#,
            "poll 1",
            "leaf fetch: polled",
            "wake_by_ref",
            "leaf fetch: Pending",
            "=> Pending",
            "poll 2",
            "leaf fetch: polled",
            "leaf fetch: Ready(2)",
            "drop leaf fetch",
            r#"use probe "tag""#,
            r#"drop probe "tag""#,
            "=> Ready(3)",
            "drop future",
        ]
    );
    assert_eq!(run.size, size_of_val(&two_steps(Probe::new("x"), fetch)));
}

#[test]
fn cancellation_after_every_number_of_polls() {
    let dropped = |k| run_polls(TwoSteps::new(Probe::new("tag"), fetch), k);
    // Dropped unpolled: only the parameter.
    let zero = dropped(0);
    assert_eq!(zero.polls, 0);
    assert_eq!(zero.outcome, Outcome::Pending);
    assert_eq!(zero.trace.lines(), ["drop future", r#"drop probe "tag""#]);
    // Dropped while suspended: the awaitee, then the parameter.
    let one = dropped(1);
    assert_eq!(one.outcome, Outcome::Pending);
    assert_eq!(
        one.trace.lines()[4..],
        [
            "=> Pending",
            "drop future",
            "drop leaf fetch",
            r#"drop probe "tag""#
        ]
    );
    // A limit past completion changes nothing.
    assert_eq!(dropped(2).trace, dropped(10).trace);
}

#[test]
fn a_stall_is_recorded_instead_of_hanging() {
    let run = run(Leaf::new("stuck").pending(1).never_wake().ready(()));
    assert!(run.is_stalled());
    assert_eq!(run.polls, 1);
    assert_eq!(
        run.trace.lines(),
        [
            "poll 1",
            "leaf stuck: polled",
            "leaf stuck: Pending",
            "=> Pending",
            "stall: Pending with no wake outstanding",
            "drop future",
            "drop leaf stuck",
        ]
    );
}

#[test]
fn a_dropped_wake_handle_means_a_stall() {
    let (leaf, handle) = Leaf::new("h").pending(1).with_handle();
    drop(handle);
    assert!(run(leaf.ready(1)).is_stalled());
}

#[test]
fn an_armed_wake_handle_is_waited_for() {
    let (leaf, handle) = Leaf::new("h").pending(1).with_handle();
    let waker_thread = std::thread::spawn(move || {
        while !handle.wake() {
            std::thread::yield_now();
        }
    });
    let run = run(leaf.ready(1));
    waker_thread.join().unwrap();
    assert_eq!(run.outcome, Outcome::Ready(1));
    assert!(run.trace.contains(&Event::Wake));
}

#[test]
fn panics_are_caught_with_their_message_and_unwinding_drops() {
    let run = run(async {
        let _p = Probe::new("p");
        Leaf::new("x").ready(()).await;
        panic!("boom {}", 1)
    });
    assert_eq!(run.panic_message(), Some("boom 1"));
    let lines = run.trace.lines();
    assert_eq!(
        lines[lines.len() - 3..],
        [r#"drop probe "p""#, "=> panic: boom 1", "drop future"]
    );
}

#[test]
fn poll_after_completion_captures_rustcs_panic() {
    let run = Executor::new()
        .poll_after_end()
        .run_with(|| two_steps(Probe::new("tag"), fetch));
    assert_eq!(run.outcome, Outcome::Ready(3));
    assert_eq!(run.polls, 2);
    assert_eq!(
        run.after_end_panic(),
        Some("`async fn` resumed after completion")
    );
    let lines = run.trace.lines();
    assert_eq!(
        lines[lines.len() - 3..],
        [
            "poll 3",
            "=> panic: `async fn` resumed after completion",
            "drop future"
        ]
    );
}

#[test]
fn poll_after_a_panic_captures_the_poison_message() {
    let run = Executor::new().poll_after_end().run(async {
        Leaf::new("x").ready(()).await;
        panic!("first")
    });
    assert_eq!(run.panic_message(), Some("first"));
    assert_eq!(
        run.after_end_panic(),
        Some("`async fn` resumed after panicking")
    );
}

#[test]
fn no_poll_after_a_stall() {
    let run = Executor::new()
        .poll_after_end()
        .run(Leaf::new("x").pending(1).never_wake().ready(()));
    assert!(run.is_stalled());
    assert_eq!(run.after_end, None);
}

#[test]
fn interleaving_suspends_at_every_leaf() {
    let plain = Executor::new().run(two_steps(Probe::new("t"), || Leaf::new("x").ready(1)));
    let interleaved = Executor::new()
        .interleave_pending()
        .run(two_steps(Probe::new("t"), || Leaf::new("x").ready(1)));
    assert_eq!((plain.polls, interleaved.polls), (1, 2));
    assert_eq!(interleaved.outcome, Outcome::Ready(2));
}

#[test]
fn waker_clones_wakes_and_drops_are_recorded() {
    let (leaf, handle) = Leaf::new("h").pending(2).with_handle();
    let run = Executor::new().max_polls(2).run(async move {
        std::thread::spawn(move || {
            // Keeps the handle alive (armed) without waking: the executor
            // waits for it only while it can still fire.
            std::thread::sleep(std::time::Duration::from_millis(1));
            drop(handle);
        });
        leaf.ready(()).await
    });
    let waker_events: Vec<_> = run
        .trace
        .iter()
        .filter(|e| {
            matches!(
                e,
                Event::WakerCloned | Event::WakerDropped | Event::Wake | Event::WakeByRef
            )
        })
        .cloned()
        .collect();
    // The leaf stores one clone; the handle's drop drops it.
    assert_eq!(waker_events, [Event::WakerCloned, Event::WakerDropped]);
    assert!(run.is_stalled());
}

#[test]
fn notes_mark_places_in_the_trace() {
    let run = run(async {
        note("before");
        Leaf::new("x").ready(()).await;
        note("after");
    });
    assert_eq!(run.trace.lines()[1], "note: before");
    assert_eq!(run.trace.lines()[5], "note: after");
}

#[test]
fn catch_quietly_returns_the_message() {
    assert_eq!(catch_quietly(|| 5), Ok(5));
    assert_eq!(
        catch_quietly(|| panic!("static")),
        Err::<(), _>("static".to_string())
    );
    assert_eq!(
        catch_quietly(|| panic!("{}", 42)),
        Err::<(), _>("42".to_string())
    );
    let payload = std::panic::catch_unwind(|| std::panic::panic_any(7u8)).unwrap_err();
    assert_eq!(panic_message(&*payload), "<non-string panic payload>");
}

#[test]
fn events_outside_a_run_are_not_recorded() {
    let probe = Probe::new("outside");
    let run = run(async move { probe.touch() });
    // The creation happened before the run; the use and drop inside it.
    assert_eq!(run.trace.probe_drops(), ["outside"]);
    assert!(!run.trace.contains(&Event::ProbeCreated("outside".into())));
}
