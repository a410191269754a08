//! The newcomer's tour: every async fn of the seed documents
//! (`shared/seeds/`), lowered by `#[desugar]` and run beside rustc's own
//! version of it, the `_rustc` twin the attribute keeps.
//!
//! ```sh
//! cargo run --example tour
//! ```
//!
//! For each fn it prints its states (what each keeps, and the await it
//! stands for), the transitions between them (`--mermaid` prints the full
//! Mermaid diagrams), one line per poll of the desugared future (what the
//! futures it awaits returned and what it printed, then the poll's result),
//! its size beside the twin's, and the verdict of the poll harness, which
//! runs both futures to completion, cancels them after every poll, polls
//! them once more after the end, and does it all again with an extra
//! `Pending` before every step of every awaited future.
//!
//! The seeds' undefined helpers (`http_get`, tokio's `sleep`, ...) are
//! scripted harness leaves (see `examples/seeds/`), so the tour needs no
//! network and prints the same thing on every run. The seed examples
//! (`cargo run --example seed_002_transformation`, ...) show the full traces.

mod seeds {
    pub mod seed_000;
    pub mod seed_001;
    pub mod seed_002;
    pub mod seed_003;
    pub mod seed_004;
}

use std::fmt::Debug;
use std::future::Future;
use std::process::ExitCode;
use std::task::Poll;

use desugar::Inspect;
use desugar::harness::{Comparison, Event, Stepper, run};
use desugar::inspect::{FieldInfo, FieldKind};
use seeds::{seed_000, seed_001, seed_002, seed_003, seed_004};

/// Counts the fns shown and those whose future behaved unlike the twin's.
#[derive(Default)]
struct Tour {
    shown: usize,
    differ: usize,
    /// Print each machine's full Mermaid diagram (`--mermaid`).
    mermaid: bool,
}

impl Tour {
    /// Prints a seed document's heading.
    fn seed(&self, heading: &str) {
        println!("\n== {heading}");
    }

    /// Runs `ours` (the desugared fn's future) and prints its polls, then its
    /// size beside that of the future `rustc` builds, and whether the two
    /// behave the same in every run of the harness.
    fn show<FA, A, FB, B>(&mut self, call: &str, ours: FA, rustc: FB)
    where
        FA: Fn() -> A,
        FB: Fn() -> B,
        A: Future + Inspect,
        B: Future<Output = A::Output>,
        A::Output: Debug + PartialEq,
    {
        self.shown += 1;
        println!("{call}");
        let info = ours().info();
        for state in info.states() {
            let fields: Vec<String> = state.fields().map(field_label).collect();
            let at = state
                .awaits
                .map(|a| format!(" at `{a}`"))
                .unwrap_or_default();
            println!(
                "  {:<10}{at}: {}",
                state.name,
                if fields.is_empty() {
                    "-".to_owned()
                } else {
                    fields.join(", ")
                }
            );
        }
        if self.mermaid {
            for line in info.mermaid().lines() {
                println!("    {line}");
            }
        } else {
            println!("  {}", transitions(info.mermaid()));
        }
        let states = state_changes(ours());
        let ours_run = run(ours());
        for (index, line) in poll_lines(&ours_run.trace.events).into_iter().enumerate() {
            match states.get(index) {
                Some(change) => println!("  {line}  [{change}]"),
                None => println!("  {line}"),
            }
        }
        let verdict = match Comparison::new().interleave_pending().run(&ours, &rustc) {
            Ok(report) => format!("same behaviour as rustc's in {} pairs of runs", report.runs),
            Err(mismatch) => {
                self.differ += 1;
                format!(
                    "DIFFERS from rustc's ({}): {}",
                    mismatch.phase, mismatch.detail
                )
            }
        };
        println!(
            "  {} bytes (rustc's: {}); {verdict}",
            ours_run.size,
            size_of_val(&rustc())
        );
    }
}

/// `data (homed)`, `t (in place)`, `__awaitee (future)`, or just the name.
fn field_label(field: FieldInfo) -> String {
    // A temporary has no name: it is the code that made it.
    let name = if field.temporary {
        format!("temporary `{}`", field.name)
    } else {
        field.name.to_owned()
    };
    match field.kind {
        FieldKind::Homed => format!("{name} (homed)"),
        FieldKind::InPlace => format!("{name} (in place)"),
        FieldKind::Awaitee => format!("{name} (future)"),
        FieldKind::Argument | FieldKind::Carried => name,
    }
}

/// The diagram's transitions on one line: `Unresumed -> Suspend0 -> Returned`
/// with each await on its arrow, leaving out the `Pending` loops.
fn transitions(mermaid: &str) -> String {
    let arrows: Vec<String> = mermaid
        .lines()
        .filter_map(|line| {
            let (from_to, label) = line.trim().split_once(": ").unwrap_or((line.trim(), ""));
            let (from, to) = from_to.split_once(" --> ")?;
            if from == "[*]" || to == "[*]" || label == "Pending" {
                return None;
            }
            Some(if label.is_empty() || label == "return" {
                format!("{from} -> {to}")
            } else {
                format!("{from} -({label})-> {to}")
            })
        })
        .collect();
    format!("transitions: {}", arrows.join("; "))
}

/// The state before and after each poll of a run: `Unresumed -> Suspend0`.
fn state_changes<F: Future + Inspect>(future: F) -> Vec<String>
where
    F::Output: Debug,
{
    let mut stepper = Stepper::new(future);
    let mut changes = Vec::new();
    for _ in 0..64 {
        let traced = stepper.poll_traced();
        changes.push(format!("{} -> {}", traced.from, traced.to));
        if traced.poll.is_ready() {
            break;
        }
    }
    changes
}

/// One line per poll: `poll 2: fetch_length Ready(5), log_result Pending => Pending`.
/// Leaf polls, wakes and drops are left out; the seed examples show them.
fn poll_lines(events: &[Event]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut poll_number = 0;
    let mut inside: Vec<String> = Vec::new();
    for event in events {
        match event {
            Event::PollStarted(n) => {
                poll_number = *n;
                inside.clear();
            }
            Event::LeafReturned { leaf, poll } => inside.push(match poll {
                Poll::Pending => format!("{leaf} Pending"),
                Poll::Ready(value) => format!("{leaf} Ready({})", shorten(value)),
            }),
            Event::Note(text) => inside.push(format!("prints \"{}\"", text.trim())),
            Event::PollEnded(poll) => {
                let result = match poll {
                    Poll::Pending => "Pending".to_string(),
                    Poll::Ready(out) => format!("Ready({})", shorten(out)),
                };
                lines.push(match inside.as_slice() {
                    [] => format!("poll {poll_number}: => {result}"),
                    _ => format!("poll {poll_number}: {} => {result}", inside.join(", ")),
                });
            }
            Event::Panicked(msg) => lines.push(format!("panic: {msg}")),
            Event::Stalled => lines.push("stalled: Pending, and nothing will wake it".into()),
            _ => {}
        }
    }
    lines
}

/// A `Debug` string cut to a readable length.
fn shorten(text: &str) -> String {
    const MAX: usize = 32;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

fn main() -> ExitCode {
    println!("The seeds' async fns, lowered by #[desugar] and run beside rustc's version.");
    println!("Per fn: its states (what each keeps, and the await it stands for), the");
    println!("transitions, each poll of the desugared future (what the futures it awaits");
    println!("returned, what it printed => the poll's result [the state change]),");
    println!("then its size beside rustc's and the harness's verdict.");
    let mut tour = Tour {
        mermaid: std::env::args().any(|a| a == "--mermaid"),
        ..Tour::default()
    };

    tour.seed("seed 000, \"Async Internals\"");
    for url in ["/answer", "/missing"] {
        tour.show(
            &format!("fetch_and_parse({url:?})"),
            || seed_000::fetch_and_parse(url),
            || seed_000::fetch_and_parse_rustc(url),
        );
    }

    tour.seed("seed 001, \"Async, illustrated\"");
    tour.show(
        r#"fetch_two("a", "bc")"#,
        || seed_001::fetch_two("a", "bc"),
        || seed_001::fetch_two_rustc("a", "bc"),
    );

    tour.seed("seed 002, \"The Transformation in Detail\"");
    use seed_002::{boxing, large, nested, real_sizes, self_reference, transformation};
    tour.show(
        r#"process(" hello ")"#,
        || transformation::process(" hello ".to_string()),
        || transformation::process_rustc(" hello ".to_string()),
    );
    tour.show(
        "large_future()",
        large::large_future,
        large::large_future_rustc,
    );
    tour.show("also_large()", large::also_large, large::also_large_rustc);
    tour.show(
        "self_ref_example()",
        self_reference::self_ref_example,
        self_reference::self_ref_example_rustc,
    );
    tour.show(
        "small_future()",
        real_sizes::small_future,
        real_sizes::small_future_rustc,
    );
    tour.show(
        "larger_future()",
        real_sizes::larger_future,
        real_sizes::larger_future_rustc,
    );
    tour.show("inner()", nested::inner, nested::inner_rustc);
    tour.show("outer()", nested::outer, nested::outer_rustc);
    tour.show(
        "large_caller()",
        boxing::large_caller,
        boxing::large_caller_rustc,
    );
    tour.show("measure()", real_sizes::measure, real_sizes::measure_rustc);
    tour.show(
        "large_async_fn()",
        boxing::large_async_fn,
        boxing::large_async_fn_rustc,
    );

    tour.seed("seed 003, \"The Future trait, for real\"");
    tour.show(
        "countdown()",
        seed_003::countdown,
        seed_003::countdown_rustc,
    );
    tour.show("delay()", seed_003::delay, seed_003::delay_rustc);
    tour.show(
        "delayed_values()",
        seed_003::delayed_values,
        seed_003::delayed_values_rustc,
    );
    tour.show(
        "database_query()",
        seed_003::database_query,
        seed_003::database_query_rustc,
    );

    tour.seed("seed 004, \"Understanding Rust's Future Trait and Async Execution Model\"");
    tour.show(
        "my_async_fn()",
        seed_004::my_async_fn,
        seed_004::my_async_fn_rustc,
    );

    println!();
    if tour.differ == 0 {
        println!("All {} behave like rustc's versions.", tour.shown);
        ExitCode::SUCCESS
    } else {
        println!(
            "{} of {} behave differently from rustc's versions.",
            tour.differ, tour.shown
        );
        ExitCode::FAILURE
    }
}
