//! A machine describes its states in the user's code: where the expansion
//! named a value the user did not name (a temporary borrowed by an awaited
//! call, a scrutinee's temporary, a `format!` argument, a value awaited or
//! made before a later await of its statement), the await is quoted as the
//! user wrote it and the kept value is shown as the expression that made
//! it, never by the expansion's hidden name, in `Inspect::info()` and in
//! the `layout()` report (and in the variants' doc comments and the
//! Mermaid diagram, which `tests/expand` snapshots).

mod common;

use std::sync::Mutex;

use common::{Resource, both_send, number, same_and_no_larger};
use desugar::Inspect;
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn look(p: &Probe) -> LeafFuture<usize> {
    Leaf::new("look").pending(1).ready(p.label().len())
}

fn pair(n: usize, p: &Probe) -> LeafFuture<usize> {
    Leaf::new("pair").pending(1).ready(n + p.label().len())
}

fn count() -> usize {
    1
}

fn add(a: u32, b: usize) -> usize {
    a as usize + b
}

/// The machine's description, checked: no hidden name in any await's text,
/// in any kept value's description, in the Mermaid diagram or in the
/// layout report (`__awaitee` is rustc's own name for the awaited future);
/// each of `awaits` quoted in all of them; each of `temporaries` kept as a
/// temporary described by its text.
fn described(future: &impl Inspect, awaits: &[&str], temporaries: &[&str]) {
    let info = future.info();
    let layout = future.layout().to_string();
    let hidden = |text: &str| text.replace("__awaitee", "").contains("__");
    for state in info.states() {
        if let Some(awaits) = state.awaits {
            assert!(!hidden(awaits), "{awaits}\n{info:#?}");
        }
        for field in state.fields() {
            assert!(!hidden(field.name), "{}\n{info:#?}", field.name);
        }
    }
    assert!(!hidden(info.mermaid()), "{}", info.mermaid());
    assert!(!hidden(&layout), "{layout}");
    for awaits in awaits {
        assert!(
            info.states().any(|state| state.awaits == Some(awaits)),
            "{awaits}\n{info:#?}"
        );
        assert!(
            info.mermaid().contains(&format!(": {awaits}\n")),
            "{awaits}\n{}",
            info.mermaid()
        );
        assert!(layout.contains(&format!("(at `{awaits}`)")), "{layout}");
    }
    for temporary in temporaries {
        assert!(
            info.states()
                .flat_map(|state| state.fields())
                .any(|field| field.name == *temporary && field.temporary),
            "{temporary}\n{info:#?}"
        );
        assert!(
            layout.contains(&format!("temporary `{temporary}`: ")),
            "{temporary}\n{layout}"
        );
    }
}

/// A temporary the awaited call borrows, kept across its await.
#[desugar]
#[allow(clippy::let_and_return)]
async fn borrowed_by_the_call(m: &Mutex<Vec<u32>>) -> usize {
    let n = look(&Probe::new("t")).await + m.lock().unwrap().len();
    n
}

#[test]
fn a_temporary_borrowed_by_the_awaited_call_is_its_expression() {
    let m = Mutex::new(vec![1, 2]);
    same_and_no_larger(
        || borrowed_by_the_call(&m),
        || borrowed_by_the_call_rustc(&m),
    );
    both_send(&borrowed_by_the_call(&m), &borrowed_by_the_call_rustc(&m));
    described(
        &borrowed_by_the_call(&m),
        &["look(&Probe::new(\"t\")).await"],
        &["Probe::new(\"t\")"],
    );
}

/// A temporary of a `match`'s scrutinee, kept across the awaits in its
/// arms.
#[desugar]
async fn kept_by_the_scrutinee(r: &Resource) -> usize {
    match r.lock().len() {
        1 => look(&Probe::new("one")).await,
        n => number(n).await as usize + 1,
    }
}

#[test]
fn a_scrutinee_temporary_kept_across_the_arms_is_its_expression() {
    let r = Resource;
    same_and_no_larger(
        || kept_by_the_scrutinee(&r),
        || kept_by_the_scrutinee_rustc(&r),
    );
    both_send(&kept_by_the_scrutinee(&r), &kept_by_the_scrutinee_rustc(&r));
    described(
        &kept_by_the_scrutinee(&r),
        &["look(&Probe::new(\"one\")).await", "number(n).await"],
        &["r.lock()", "Probe::new(\"one\")"],
    );
}

/// A `format!` argument made before an await in a later argument, which
/// `format!` borrows across it.
#[desugar]
async fn format_argument() -> usize {
    let text = format!(
        "{:?}{:?}",
        Probe::new("body"),
        look(&Probe::new("row")).await
    );
    text.len()
}

#[test]
fn a_format_argument_borrowed_across_an_await_is_its_expression() {
    same_and_no_larger(format_argument, format_argument_rustc);
    both_send(&format_argument(), &format_argument_rustc());
    described(
        &format_argument(),
        &["look(&Probe::new(\"row\")).await"],
        &["Probe::new(\"body\")", "Probe::new(\"row\")"],
    );
}

/// A temporary made in place, after a call that runs before it in the
/// awaited expression: the local is declared ahead and given its value
/// inside the operand.
#[desugar]
async fn made_in_place() -> usize {
    pair(count(), &Probe::new("u")).await
}

#[test]
fn a_temporary_made_in_place_is_its_expression() {
    same_and_no_larger(made_in_place, made_in_place_rustc);
    both_send(&made_in_place(), &made_in_place_rustc());
    described(
        &made_in_place(),
        &["pair(count(), &Probe::new(\"u\")).await"],
        &["Probe::new(\"u\")"],
    );
}

/// A value awaited before a later await of its statement, kept across it
/// as an operand of the pending call.
#[desugar]
async fn awaited_before() -> usize {
    add(number(1).await, look(&Probe::new("second")).await)
}

#[test]
fn a_value_awaited_before_a_later_await_is_its_await() {
    same_and_no_larger(awaited_before, awaited_before_rustc);
    both_send(&awaited_before(), &awaited_before_rustc());
    described(
        &awaited_before(),
        &["number(1).await", "look(&Probe::new(\"second\")).await"],
        &["number(1).await", "Probe::new(\"second\")"],
    );
}

struct Holder {
    probe: Probe,
}

impl Holder {
    /// The receiver, named `self` in the user's code.
    #[desugar]
    async fn through_self(&self) -> usize {
        look(&self.probe).await + pair(count(), &Probe::new("v")).await
    }
}

#[test]
fn the_receiver_is_self() {
    let holder = Holder {
        probe: Probe::new("holder"),
    };
    same_and_no_larger(|| holder.through_self(), || holder.through_self_rustc());
    both_send(&holder.through_self(), &holder.through_self_rustc());
    described(
        &holder.through_self(),
        &[
            "look(&self.probe).await",
            "pair(count(), &Probe::new(\"v\")).await",
        ],
        &["Probe::new(\"v\")"],
    );
}
