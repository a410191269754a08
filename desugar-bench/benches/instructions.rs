//! `cargo bench --bench instructions`: instructions executed by a million
//! awaits, desugared and as rustc compiles them, counted by valgrind's
//! callgrind (deterministic, unlike wall time).
//!
//! The bench runs itself under callgrind once per workload and variant,
//! telling the child what to run through `DESUGAR_BENCH_DRIVE`; only the
//! instructions inside `workloads::measured` are counted, so process
//! start-up is left out and both variants run in the same binary.

use std::hint::black_box;

use desugar_bench::callgrind;
use desugar_bench::workloads::{AWAITS, Variant, Workload, run};

/// Set in the child: `<workload> <variant>` (see `Workload::name`).
const DRIVE: &str = "DESUGAR_BENCH_DRIVE";

/// Target: desugared instructions at most this many times rustc's.
const TARGET: f64 = 1.05;

fn main() {
    if let Ok(spec) = std::env::var(DRIVE) {
        drive(&spec);
        return;
    }
    if !callgrind::available() {
        println!("instructions: valgrind not found, skipped");
        return;
    }
    let exe = std::env::current_exe().expect("the bench knows its own path");
    println!("Poll cost in instructions (callgrind Ir), {AWAITS} awaits\n");
    println!("| workload | desugared (Ir/await) | rustc (Ir/await) | ratio | ≤ {TARGET}× |");
    println!("| --- | ---: | ---: | ---: | --- |");
    for workload in Workload::ALL {
        let counts = Variant::BOTH.map(|variant| {
            let spec = format!("{} {}", workload.name(), variant.name());
            callgrind::count(&exe, &[(DRIVE, &spec)], "*workloads::measured*")
                .unwrap_or_else(|err| panic!("{spec}: {err}"))
        });
        let ratio = counts[0] as f64 / counts[1] as f64;
        println!(
            "| {} | {:.2} | {:.2} | {ratio:.3} | {} |",
            workload.label(),
            counts[0] as f64 / AWAITS as f64,
            counts[1] as f64 / AWAITS as f64,
            if ratio <= TARGET { "met" } else { "MISSED" }
        );
    }
}

/// In the child: runs one workload on one variant.
fn drive(spec: &str) {
    let (workload, variant) = spec
        .split_once(' ')
        .and_then(|(w, v)| Some((Workload::from_name(w)?, Variant::from_name(v)?)))
        .unwrap_or_else(|| panic!("{DRIVE}={spec:?}: expected `<workload> <variant>`"));
    black_box(run(workload, variant, AWAITS));
}
