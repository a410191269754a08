//! The poll harness: run a desugared future and rustc's side by side and
//! diff what they do.
//!
//! `#[desugar]` promises (DESIGN.md section 5) that its future behaves like
//! the one rustc builds for the same `async fn`: same output, same polls of
//! the futures it awaits, same `Pending`/`Ready` per poll, same wakes, same
//! drops in the same order — on completion, on cancellation after any number
//! of polls, while unwinding — and the same panics when polled too often.
//! This module checks those promises by *observing* both futures.
//!
//! # The pieces
//!
//! - **Leaves** ([`Leaf`]) stand in for the futures an async fn awaits. Each
//!   follows a script (`Leaf::new("fetch").pending(2).ready(7)`) and logs
//!   its polls, results and drop.
//! - **Probes** ([`Probe`]) stand in for values an async fn holds, and log
//!   their creation and drop. Pass them as arguments, keep them in locals.
//! - **The recording executor** ([`run`], [`run_polls`], [`Executor`])
//!   polls a future with an instrumented waker and records every event in a
//!   [`Trace`]: each poll, what the leaves and probes did inside it, every
//!   wake and waker clone, panics (caught, with their message) and stalls.
//! - **The comparison** ([`compare`], [`assert_same()`], [`Comparison`]) runs
//!   two futures through the same runs — to completion; cancelled after
//!   0, 1, … polls; polled once more after completion — and fails with a
//!   [`Mismatch`] naming the phase and the first differing event.
//! - **The stepper** ([`Stepper`], [`assert_pending!`], [`assert_ready!`])
//!   polls one future by hand; for a desugared future, [`StateName`] shows
//!   the state it is in.
//!
//! Leaves and probes log to a thread-local "current trace" that the harness
//! sets while it polls or drops a future, so they work at any depth inside
//! the future and do nothing outside the harness. The harness only polls:
//! leaves from any runtime (tokio's or `futures`' channels) work too, they
//! just do not log.
//!
//! # Example
//!
//! Two hand-written async fns that do the same thing in different words —
//! as a `#[desugar]` fn and its `_rustc` twin should:
//!
//! ```
//! use desugar_runtime::harness::{Leaf, Probe, assert_same, compare};
//!
//! async fn a(tag: Probe) -> usize {
//!     let len = Leaf::new("fetch").pending(1).ready(3).await;
//!     tag.touch();
//!     len * 2
//! }
//!
//! async fn b(tag: Probe) -> usize {
//!     let doubled = 2 * Leaf::new("fetch").pending(1).ready(3).await;
//!     tag.touch();
//!     doubled
//! }
//!
//! // Factories: every run builds fresh futures (and fresh probes).
//! let report = assert_same(|| a(Probe::new("tag")), || b(Probe::new("tag")));
//! assert_eq!(report.outcome, "Ready(6)");
//! assert_eq!(report.polls, 2);
//! println!("{report}"); // same behaviour in … pairs of runs; Ready(6) after 2 polls; size: …
//!
//! // What both did, as one trace:
//! assert_eq!(
//!     report.trace.to_string(),
//!     r#"  new probe "tag"
//! poll 1
//!   leaf fetch: polled
//!   wake_by_ref
//!   leaf fetch: Pending
//! => Pending
//! poll 2
//!   leaf fetch: polled
//!   leaf fetch: Ready(3)
//!   drop leaf fetch
//!   use probe "tag"
//!   drop probe "tag"
//! => Ready(6)
//! drop future
//! "#
//! );
//!
//! // A future that drops its parameter before the await is caught:
//! async fn c(tag: Probe) -> usize {
//!     drop(tag);
//!     Leaf::new("fetch").pending(1).ready(3).await * 2
//! }
//! let mismatch = compare(|| a(Probe::new("tag")), || c(Probe::new("tag"))).unwrap_err();
//! assert!(mismatch.to_string().contains(r#"left `leaf fetch: polled`, right `drop probe "tag"`"#));
//! ```
//!
//! A failing comparison prints the phase and the traces side by side:
//!
//! ```text
//! left and right futures behave differently
//!   phase:    completion (polled until it ended, then dropped)
//!   schedule: plain
//!   first difference at event #2: left `leaf fetch: polled`, right `drop probe "tag"`
//!
//!      #  left                   | right
//!      0    new probe "tag"      |   new probe "tag"
//!      1  poll 1                 | poll 1
//! >    2    leaf fetch: polled   ≠   drop probe "tag"
//!      …
//! ```
//!
//! # Reading a trace
//!
//! Executor events sit at the margin (`poll 1`, `=> Pending`,
//! `=> Ready(6)`, `=> panic: …`, `drop future`, `stall: …`); what happens
//! inside a poll or a drop is indented: leaf polls and results, probe
//! creations, uses and drops, `wake` / `wake_by_ref`, `waker clone` /
//! `waker drop`. A leaf polled with a waker other than the executor's says
//! so (`polled with a foreign waker`): the `Context` did not reach it
//! unchanged.
//!
//! # Determinism
//!
//! Traces must be equal run after run, so nothing depends on timing: wakes
//! are counted, not awaited; a leaf that wakes from another thread starts
//! that thread only after the outer poll has returned, and the executor
//! waits for it. Events from other threads reach the trace only through the
//! waker (which carries its own link to the trace); a probe dropped on
//! another thread is not recorded.

mod compare;
mod diff;
mod event;
mod executor;
mod join;
mod leaf;
mod macros;
mod probe;
mod quiet_panic;
mod recorder;
mod state_name;
mod stepper;
mod trace;
mod waker;

pub use self::compare::{Comparison, Mismatch, Phase, Report, Schedule, assert_same, compare};
pub use self::diff::TraceDiff;
pub use self::event::Event;
pub use self::executor::{Executor, Outcome, Run, run, run_polls};
pub use self::join::join2;
pub use self::leaf::{Leaf, LeafFuture, WakeHandle};
pub use self::probe::Probe;
pub use self::quiet_panic::{catch_quietly, panic_message};
pub use self::recorder::note;
pub use self::state_name::StateName;
pub use self::stepper::{Stepper, TracedPoll};
pub use self::trace::Trace;

#[doc(inline)]
pub use crate::__harness_assert_pending as assert_pending;
#[doc(inline)]
pub use crate::__harness_assert_ready as assert_ready;
#[doc(inline)]
pub use crate::__harness_assert_same as assert_same;
