//! One line of a [`Trace`](super::Trace): something observable that happened
//! while the harness drove a future.

use core::fmt;
use core::task::Poll;
use std::string::String;

/// Something observable that happened while a future was driven.
///
/// Two futures behave the same (DESIGN.md section 5) when they produce the same
/// sequence of events. Events are printed one per line: the executor's own
/// events at the left margin, everything that happens inside a poll or a drop
/// indented by two spaces.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// The executor starts outer poll number `n` (counting from 1).
    /// Printed `poll 1`.
    PollStarted(usize),
    /// The outer poll returned `Pending`, or `Ready` with the output's `Debug`
    /// string. Printed `=> Pending` / `=> Ready(42)`.
    PollEnded(Poll<String>),
    /// The executor drops the future (after completion, a cancellation, a
    /// stall or a panic). The drops it causes follow, indented.
    /// Printed `drop future`.
    FutureDropped,
    /// A panic was caught, with its message. Printed `=> panic: boom`.
    Panicked(String),
    /// The future returned `Pending` and nothing can wake it: no wake since
    /// the poll began, no thread about to wake it, no armed
    /// [`WakeHandle`](super::WakeHandle). Printed
    /// `stall: Pending with no wake outstanding`.
    Stalled,
    /// A [`Leaf`](super::Leaf) was polled. `foreign_waker` is true when the
    /// waker it received is not the one the harness passed to the outer poll
    /// (something in between wrapped or replaced it). Printed
    /// `  leaf fetch: polled` (`… polled with a foreign waker`).
    LeafPolled {
        /// The leaf's name.
        leaf: String,
        /// The leaf did not receive the executor's waker.
        foreign_waker: bool,
    },
    /// A leaf returned. Printed `  leaf fetch: Pending` / `  leaf fetch: Ready(3)`.
    LeafReturned {
        /// The leaf's name.
        leaf: String,
        /// `Pending`, or `Ready` with the value's `Debug` string.
        poll: Poll<String>,
    },
    /// A leaf was dropped. Printed `  drop leaf fetch`.
    LeafDropped(String),
    /// A [`Probe`](super::Probe) was created. Printed `  new probe "a"`.
    ProbeCreated(String),
    /// [`Probe::touch`](super::Probe::touch) was called. Printed `  use probe "a"`.
    ProbeUsed(String),
    /// A probe was dropped. Printed `  drop probe "a"`.
    ProbeDropped(String),
    /// The harness waker (or a clone) was consumed by `Waker::wake`.
    /// Printed `  wake`.
    Wake,
    /// `Waker::wake_by_ref` was called on the harness waker or a clone.
    /// Printed `  wake_by_ref`.
    WakeByRef,
    /// The harness waker was cloned. Printed `  waker clone`.
    WakerCloned,
    /// A clone of the harness waker was dropped. Printed `  waker drop`.
    WakerDropped,
    /// A free-form mark left by [`note`](super::note). Printed `  note: …`.
    Note(String),
}

impl Event {
    /// Whether the executor itself logs this event (printed at the margin)
    /// rather than the future or something it owns (printed indented).
    pub fn is_executor_event(&self) -> bool {
        matches!(
            self,
            Event::PollStarted(_)
                | Event::PollEnded(_)
                | Event::FutureDropped
                | Event::Panicked(_)
                | Event::Stalled
        )
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.is_executor_event() {
            f.write_str("  ")?;
        }
        match self {
            Event::PollStarted(n) => write!(f, "poll {n}"),
            Event::PollEnded(Poll::Pending) => f.write_str("=> Pending"),
            Event::PollEnded(Poll::Ready(out)) => write!(f, "=> Ready({out})"),
            Event::FutureDropped => f.write_str("drop future"),
            Event::Panicked(msg) => write!(f, "=> panic: {msg}"),
            Event::Stalled => f.write_str("stall: Pending with no wake outstanding"),
            Event::LeafPolled {
                leaf,
                foreign_waker: false,
            } => write!(f, "leaf {leaf}: polled"),
            Event::LeafPolled {
                leaf,
                foreign_waker: true,
            } => {
                write!(f, "leaf {leaf}: polled with a foreign waker")
            }
            Event::LeafReturned {
                leaf,
                poll: Poll::Pending,
            } => write!(f, "leaf {leaf}: Pending"),
            Event::LeafReturned {
                leaf,
                poll: Poll::Ready(v),
            } => {
                write!(f, "leaf {leaf}: Ready({v})")
            }
            Event::LeafDropped(leaf) => write!(f, "drop leaf {leaf}"),
            Event::ProbeCreated(label) => write!(f, "new probe {label:?}"),
            Event::ProbeUsed(label) => write!(f, "use probe {label:?}"),
            Event::ProbeDropped(label) => write!(f, "drop probe {label:?}"),
            Event::Wake => f.write_str("wake"),
            Event::WakeByRef => f.write_str("wake_by_ref"),
            Event::WakerCloned => f.write_str("waker clone"),
            Event::WakerDropped => f.write_str("waker drop"),
            Event::Note(text) => write!(f, "note: {text}"),
        }
    }
}
