//! `cargo bench --bench poll`: wall time of a million awaits, desugared and
//! as rustc compiles them, for each [`Workload`].
//!
//! divan prints each variant's time distribution. It does not hand its
//! results back, so the closing table (the ratio per workload) is measured
//! here: the two variants run alternately, and each keeps its fastest run,
//! which is the least disturbed by other work on the machine.

use std::hint::black_box;
use std::time::{Duration, Instant};

use desugar_bench::workloads::{AWAITS, Variant, Workload, run};

fn main() {
    divan::main();
    ratios();
}

#[divan::bench(args = Workload::ALL, sample_count = 20)]
fn desugared(workload: Workload) -> u64 {
    run(workload, Variant::Desugared, AWAITS)
}

#[divan::bench(args = Workload::ALL, sample_count = 20)]
fn rustc(workload: Workload) -> u64 {
    run(workload, Variant::Rustc, AWAITS)
}

/// Alternating runs per variant in the ratio table.
const ROUNDS: usize = 15;

fn ratios() {
    println!("\nPoll cost, {AWAITS} awaits, fastest of {ROUNDS} alternating runs\n");
    println!("| workload | desugared (ns/await) | rustc (ns/await) | ratio |");
    println!("| --- | ---: | ---: | ---: |");
    for workload in Workload::ALL {
        let mut fastest = [Duration::MAX; 2];
        for _ in 0..ROUNDS {
            for (best, variant) in fastest.iter_mut().zip(Variant::BOTH) {
                let start = Instant::now();
                black_box(run(workload, variant, AWAITS));
                *best = (*best).min(start.elapsed());
            }
        }
        let per_await = fastest.map(|d| d.as_nanos() as f64 / AWAITS as f64);
        println!(
            "| {} | {:.2} | {:.2} | {:.3} |",
            workload.label(),
            per_await[0],
            per_await[1],
            per_await[0] / per_await[1]
        );
    }
}
