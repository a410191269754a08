//! Traces: one event per line, and a side-by-side diff that names the first
//! differing event.

// The harness needs `std` (the default feature).
#![cfg(feature = "std")]

use core::task::Poll;

use desugar_runtime::harness::{Event, Trace};

fn trace(events: &[Event]) -> Trace {
    Trace::from(events.to_vec())
}

fn sample() -> Trace {
    trace(&[
        Event::PollStarted(1),
        Event::LeafPolled {
            leaf: "fetch".into(),
            foreign_waker: false,
        },
        Event::LeafReturned {
            leaf: "fetch".into(),
            poll: Poll::Pending,
        },
        Event::PollEnded(Poll::Pending),
        Event::FutureDropped,
        Event::ProbeDropped("a".into()),
    ])
}

#[test]
fn display_prints_one_event_per_line_indented_under_the_executor() {
    assert_eq!(
        sample().to_string(),
        "poll 1\n  leaf fetch: polled\n  leaf fetch: Pending\n=> Pending\ndrop future\n  drop probe \"a\"\n"
    );
}

#[test]
fn every_event_has_a_line() {
    let lines: Vec<String> = [
        Event::PollEnded(Poll::Ready("7".into())),
        Event::Panicked("boom".into()),
        Event::Stalled,
        Event::LeafPolled {
            leaf: "x".into(),
            foreign_waker: true,
        },
        Event::LeafReturned {
            leaf: "x".into(),
            poll: Poll::Ready("1".into()),
        },
        Event::LeafDropped("x".into()),
        Event::ProbeCreated("p".into()),
        Event::ProbeUsed("p".into()),
        Event::Wake,
        Event::WakeByRef,
        Event::WakerCloned,
        Event::WakerDropped,
        Event::Note("here".into()),
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(
        lines,
        [
            "=> Ready(7)",
            "=> panic: boom",
            "stall: Pending with no wake outstanding",
            "  leaf x: polled with a foreign waker",
            "  leaf x: Ready(1)",
            "  drop leaf x",
            "  new probe \"p\"",
            "  use probe \"p\"",
            "  wake",
            "  wake_by_ref",
            "  waker clone",
            "  waker drop",
            "  note: here",
        ]
    );
}

#[test]
fn diff_names_the_first_differing_event() {
    let left = sample();
    let mut right = sample();
    right.events[5] = Event::ProbeDropped("b".into());
    assert_eq!(left.first_difference(&right), Some(5));
    let diff = left.diff(&right).unwrap();
    assert_eq!(
        diff.summary(),
        r#"first difference at event #5: left `drop probe "a"`, right `drop probe "b"`"#
    );
    let table = diff.to_string();
    assert!(
        table.contains(">    5    drop probe \"a\"      ≠   drop probe \"b\""),
        "{table}"
    );
    assert!(
        table.contains("     0  poll 1                | poll 1"),
        "{table}"
    );
}

#[test]
fn a_trace_that_stops_early_differs_where_it_ends() {
    let left = sample();
    let right = trace(&left.events[..3]);
    assert_eq!(left.first_difference(&right), Some(3));
    assert!(
        left.diff(&right)
            .unwrap()
            .summary()
            .ends_with("left `=> Pending`, right `(end)`")
    );
    assert_eq!(left.diff(&left), None);
}

#[test]
fn long_traces_elide_the_common_prefix() {
    let events: Vec<Event> = (1..=40).map(Event::PollStarted).collect();
    let left = Trace::from(events.clone());
    let mut right = Trace::from(events);
    right.events[30] = Event::Stalled;
    let table = left.diff(&right).unwrap().to_string();
    assert!(table.contains("… 18 equal events …"), "{table}");
    assert!(table.contains("… 3 more events …"), "{table}");
}

#[test]
fn helpers_pick_out_drops_and_leaf_polls() {
    let t = sample();
    assert_eq!(t.probe_drops(), ["a"]);
    assert_eq!(t.leaf_polls(), ["fetch"]);
    assert_eq!(t.len(), 6);
}
