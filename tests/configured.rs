//! Code under `#[cfg(..)]` inside the body: rustc removes what a false
//! condition configures out before it compiles the fn, and the
//! attribute sees the body before that. The expansion writes one machine
//! for each way the conditions can go, each under its own `#[cfg(..)]`,
//! and rustc keeps the one that holds (here, where tests build with
//! `cfg(test)` set, the one taking `test` as set). The machine lowered the
//! body as written: it awaited a configured-out statement, took a
//! configured-out `drop(conn)` for a move and dropped `conn` early, and
//! did not build where two `let`s or an arm were configured.

// The locals that configured-out code uses are unused where it is out.
#![allow(unused_variables)]

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};

fn leaf<T>(name: &str, pendings: usize, value: T) -> LeafFuture<T> {
    Leaf::new(name).pending(pendings).ready(value)
}

fn assert_send<T: Send>(_: &T) {}

/// A statement that awaits, configured out: rustc never makes its future.
/// One configured in awaits as written.
#[desugar]
async fn configured_statements(x: u32) -> u32 {
    #[cfg(not(test))]
    leaf("flush", 1, ()).await;
    #[cfg(test)]
    leaf("probe", 1, ()).await;
    leaf("work", 1, x).await
}

#[test]
fn a_configured_out_await_does_not_run() {
    assert_send(&configured_statements(1));
    let report = assert_same(
        || configured_statements(2),
        || configured_statements_rustc(2),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

/// A configured-out statement that moves a local: rustc keeps `conn` to
/// the end of the body, across the await.
#[desugar]
async fn configured_move(conn: Probe) -> u32 {
    #[cfg(not(test))]
    drop(conn);
    leaf("work", 1, 1u32).await
}

#[test]
fn a_configured_out_move_keeps_the_local() {
    let report = assert_same(
        || configured_move(Probe::new("conn")),
        || configured_move_rustc(Probe::new("conn")),
    );
    assert_eq!(report.outcome, "Ready(1)");
}

/// A configured statement that touches nothing the analysis follows (no
/// await, jump, macro or local of the fn) stays, with its condition, in
/// the one machine, where rustc keeps it or not as in the twin.
#[desugar]
async fn configured_call(x: u32) -> u32 {
    #[cfg(test)]
    desugar::harness::note("counted");
    #[cfg(not(test))]
    desugar::harness::note("not counted");
    leaf("work", 1, x).await
}

#[test]
fn a_configured_call_runs_where_its_condition_holds() {
    let report = assert_same(|| configured_call(4), || configured_call_rustc(4));
    assert_eq!(report.outcome, "Ready(4)");
    let expanded = desugar_expand::expand(
        proc_macro2::TokenStream::new(),
        quote::quote! {
            async fn configured_call(x: u32) -> u32 {
                #[cfg(test)]
                desugar::harness::note("counted");
                leaf("work", 1, x).await
            }
        },
    );
    let machines = expanded.to_string().matches("fn configured_call (").count();
    assert_eq!(machines, 1, "one machine: {expanded}");
}

/// A `let` for each configuration, both awaiting; a match arm and a
/// struct literal's field configured out.
#[desugar]
async fn configured_lets_arms_and_fields(k: u32) -> (u32, u32) {
    #[cfg(test)]
    let z = leaf("test", 1, 10u32).await;
    #[cfg(not(test))]
    let z = leaf("prod", 1, 20u32).await;
    let n = match k {
        #[cfg(not(test))]
        0 => leaf("zero", 1, 0u32).await,
        n => leaf("n", 1, n).await,
    };
    let out = Pair {
        a: leaf("a", 1, z).await,
        #[cfg(not(test))]
        b: leaf("b", 1, n).await,
    };
    (out.a, n)
}

struct Pair {
    a: u32,
    #[cfg(not(test))]
    b: u32,
}

#[test]
fn configured_lets_arms_and_fields_follow_the_condition() {
    let report = assert_same(
        || configured_lets_arms_and_fields(0),
        || configured_lets_arms_and_fields_rustc(0),
    );
    assert_eq!(report.outcome, "Ready((10, 0))");
}

/// A parameter configured out, and a `cfg_attr` that configures code:
/// under `test`, `#[cfg_attr(test, cfg(any()))]` removes the statement
/// (`any()` never holds).
#[desugar]
async fn configured_parameter_and_cfg_attr(#[cfg(not(test))] extra: Probe, p: Probe) -> u32 {
    #[cfg_attr(test, cfg(any()))]
    drop(p);
    leaf("work", 1, 3u32).await
}

#[test]
fn a_configured_parameter_and_cfg_attr() {
    let report = assert_same(
        || configured_parameter_and_cfg_attr(Probe::new("p")),
        || configured_parameter_and_cfg_attr_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// A method of a `#[desugar] impl` block: one machine per configuration
/// too, each a method under its condition.
struct Service {
    calls: u32,
}

#[desugar]
impl Service {
    async fn handle(&mut self, conn: Probe) -> u32 {
        #[cfg(not(test))]
        drop(conn);
        self.calls += leaf("call", 1, 1u32).await;
        self.calls
    }
}

#[test]
fn a_configured_method() {
    let report = assert_same(
        || async {
            let mut service = Service { calls: 0 };
            service.handle(Probe::new("conn")).await
        },
        || async {
            let mut service = Service { calls: 0 };
            service.handle_rustc(Probe::new("conn")).await
        },
    );
    assert_eq!(report.outcome, "Ready(1)");
}
