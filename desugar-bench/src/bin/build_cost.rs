//! The macro-cost benchmark: builds a generated crate of 100 async fns as
//! plain `async fn`s, under `#[desugar]`, and twice over as plain fns (what
//! the `_rustc` twins alone cost), each from clean with `cargo build`, and
//! times `desugar_expand::expand` alone on the same fns.
//!
//! ```sh
//! cargo run --release -p desugar-bench --bin build_cost [-- --rounds N]
//! ```
//!
//! The crates are written under `<target dir>/build-cost/`. Three builds
//! are timed per crate and round: *cold* (an empty target dir, so
//! dependencies included: `syn` and the rest for `#[desugar]`), *crate only*
//! (dependencies built, `cargo clean -p` the crate and build it again) and
//! *rebuild* (the source touched, unchanged, and built again: what every
//! build of an edit-compile loop pays at least, since rustc reuses its
//! incremental results but runs proc macros again each time). The fastest
//! round counts, the one least disturbed by other work.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use desugar_bench::generated::{FNS, Flavor, async_fn};
use proc_macro2::TokenStream;

/// Target: the desugared crate builds in at most this many times the plain one.
const TARGET: f64 = 2.0;

fn main() {
    let rounds = rounds();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("desugar-bench sits in the workspace")
        .to_path_buf();
    let work = target_dir().join("build-cost");
    let crates: Vec<PathBuf> = Flavor::ALL
        .iter()
        .map(|&flavor| write_crate(&work, &root, flavor))
        .collect();

    let mut cold = [Duration::MAX; 3];
    let mut only = [Duration::MAX; 3];
    let mut rebuild = [Duration::MAX; 3];
    for round in 1..=rounds {
        eprintln!("round {round} of {rounds}");
        for (index, (dir, flavor)) in crates.iter().zip(Flavor::ALL).enumerate() {
            std::fs::remove_dir_all(dir.join("target")).ok();
            cold[index] = cold[index].min(time_build(dir));
            cargo(dir, &["clean", "-q", "-p", flavor.crate_name()]);
            only[index] = only[index].min(time_build(dir));
            touch(&dir.join("src/lib.rs"));
            rebuild[index] = rebuild[index].min(time_build(dir));
        }
    }
    let expansion = expansion_time();

    println!("Build of {FNS} async fns (`cargo build`, debug), fastest of {rounds}\n");
    println!(
        "| build | plain | #[desugar] | ratio | plain ×2 (twins alone) | ratio | ≤ {TARGET}× |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    for (label, times) in [
        ("cold (with dependencies)", cold),
        ("crate only", only),
        ("rebuild, source touched", rebuild),
    ] {
        let ratio = secs(times[1]) / secs(times[0]);
        println!(
            "| {label} | {:.2} s | {:.2} s | {ratio:.2} | {:.2} s | {:.2} | {} |",
            secs(times[0]),
            secs(times[1]),
            secs(times[2]),
            secs(times[2]) / secs(times[0]),
            if ratio <= TARGET { "met" } else { "MISSED" }
        );
    }
    // `cargo build` runs proc macros compiled without optimisation: run
    // this binary in the dev profile for the figure a debug build pays.
    let profile = if cfg!(debug_assertions) {
        "unoptimised, as in a debug build"
    } else {
        "optimised"
    };
    println!(
        "\n`desugar_expand::expand` alone on the {FNS} fns ({profile}): {:.1} ms, {:.1}% of the crate-only #[desugar] build, {:.1}% of its extra time over the plain build",
        secs(expansion) * 1e3,
        100.0 * secs(expansion) / secs(only[1]),
        100.0 * secs(expansion) / (secs(only[1]) - secs(only[0]))
    );
}

/// `--rounds N`, 3 by default.
fn rounds() -> usize {
    let args: Vec<String> = std::env::args().collect();
    match args.iter().position(|arg| arg == "--rounds") {
        Some(at) => args
            .get(at + 1)
            .and_then(|n| n.parse().ok())
            .filter(|&n| n > 0)
            .expect("--rounds takes a positive number"),
        None => 3,
    }
}

/// The target dir this binary was built in: it runs from `<target>/<profile>/`.
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the binary knows its own path");
    exe.parent()
        .and_then(Path::parent)
        .expect("the binary sits in <target>/<profile>/")
        .to_path_buf()
}

/// Writes the crate of `flavor` under `work` and fetches its dependencies
/// (untimed), with the workspace's lock file so versions match.
fn write_crate(work: &Path, root: &Path, flavor: Flavor) -> PathBuf {
    let dir = work.join(flavor.crate_name());
    std::fs::create_dir_all(dir.join("src")).expect("create the crate's directory");
    std::fs::write(dir.join("Cargo.toml"), flavor.manifest(root)).expect("write Cargo.toml");
    std::fs::write(dir.join("src/lib.rs"), flavor.lib_rs()).expect("write src/lib.rs");
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
    cargo(&dir, &["fetch", "-q"]);
    dir
}

/// Marks `file` as changed for cargo, without changing it.
fn touch(file: &Path) {
    std::fs::File::options()
        .append(true)
        .open(file)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()))
        .expect("touch src/lib.rs");
}

/// Wall time of `cargo build` in `dir`.
fn time_build(dir: &Path) -> Duration {
    let start = Instant::now();
    cargo(dir, &["build", "-q"]);
    start.elapsed()
}

/// Runs cargo in `dir` with the crate's own target dir, panicking on failure.
fn cargo(dir: &Path, args: &[&str]) {
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .status()
        .expect("run cargo");
    assert!(
        status.success(),
        "cargo {args:?} failed in {}",
        dir.display()
    );
}

/// The fastest of 20 runs of `expand` over all the fns.
fn expansion_time() -> Duration {
    let inputs: Vec<TokenStream> = (0..FNS)
        .map(|i| async_fn(i).parse().expect("generated fn parses"))
        .collect();
    (0..20)
        .map(|_| {
            let inputs = inputs.clone();
            let start = Instant::now();
            for item in inputs {
                std::hint::black_box(desugar_expand::expand(TokenStream::new(), item));
            }
            start.elapsed()
        })
        .min()
        .expect("at least one run")
}

fn secs(duration: Duration) -> f64 {
    duration.as_secs_f64()
}
