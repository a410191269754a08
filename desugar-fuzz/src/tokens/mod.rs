//! `tokens`: macro-input fuzzing. The expansion (`desugar_expand::expand`,
//! and `describe`) runs on random token trees and on mutations of real
//! async fns ([`corpus`], [`mutate`]) under `catch_unwind`; it must never
//! panic, and must return either items that parse or a `compile_error!`
//! ([`check`]).
//!
//! Input `i` of seed `s` depends on nothing else, so a failure is
//! reproduced by its numbers; the run prints, for each kind of failure, its
//! shortest input minimised ([`minimize`]).

mod check;
mod corpus;
mod minimize;
mod mutate;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use proc_macro2::{Delimiter, TokenStream};

use self::check::Verdict;
use self::mutate::Tree;
use crate::rng::Rng;

/// Fns taken from the program generator into the corpus.
const GENERATED: usize = 200;

/// A failure to report: its input number, what happened, the input.
struct Failure {
    index: usize,
    verdict: Verdict,
    args: String,
    item: String,
}

#[derive(Default)]
struct Counts {
    expanded: usize,
    rejected: usize,
    failures: Vec<Failure>,
}

/// Runs the inputs numbered `range` on `threads` threads; returns whether
/// all passed.
pub fn run(workspace: &Path, seed: u64, range: Range<usize>, threads: usize) -> bool {
    let count = range.len();
    let corpus = corpus::load(workspace, GENERATED, &mut Rng::new(seed));
    eprintln!(
        "corpus: {} fns; running {count} inputs on {threads} threads",
        corpus.len()
    );
    // Panics are caught and reported as failures; the default hook would
    // print each one.
    std::panic::set_hook(Box::new(|_| {}));
    let corpus = Arc::new(corpus);
    let next = Arc::new(AtomicUsize::new(range.start));
    let started = Instant::now();
    let current: Arc<Mutex<Vec<(usize, Instant)>>> =
        Arc::new(Mutex::new(vec![(0, Instant::now()); threads]));
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let (corpus, next, current) = (corpus.clone(), next.clone(), current.clone());
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn(move || {
                    let corpus: Vec<Vec<Tree>> = corpus
                        .iter()
                        .filter_map(|text| text.parse().ok())
                        .map(mutate::from_stream)
                        .collect();
                    let mut counts = Counts::default();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= range.end {
                            return counts;
                        }
                        if let Ok(mut current) = current.lock() {
                            current[t] = (index, Instant::now());
                        }
                        let (args, item) = input(seed, index, &corpus);
                        match check::check(&args, &item) {
                            Verdict::Expanded => counts.expanded += 1,
                            Verdict::Rejected => counts.rejected += 1,
                            verdict => counts.failures.push(Failure {
                                index,
                                verdict,
                                args: args.to_string(),
                                item: item.to_string(),
                            }),
                        }
                    }
                })
                .expect("spawn a fuzzing thread")
        })
        .collect();
    watch(&next, range.end, &current, started);
    let mut total = Counts::default();
    for worker in workers {
        let counts = worker.join().unwrap_or_default();
        total.expanded += counts.expanded;
        total.rejected += counts.rejected;
        total.failures.extend(counts.failures);
    }
    report(seed, count, &total, started.elapsed())
}

/// Checks the item whose tokens are in `file` (a failing input the run
/// printed), and prints the verdict and the input minimised.
pub fn run_file(file: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(file) else {
        eprintln!("cannot read {}", file.display());
        return false;
    };
    let Ok(item) = text.parse::<TokenStream>() else {
        eprintln!("{} does not hold tokens", file.display());
        return false;
    };
    std::panic::set_hook(Box::new(|_| {}));
    let args = TokenStream::new();
    let verdict = check::check(&args, &item);
    println!("{verdict:?}");
    if matches!(verdict, Verdict::Expanded | Verdict::Rejected) {
        return true;
    }
    println!("minimised: {}", minimize::minimize(&args, &item, &verdict));
    false
}

/// Prints progress until all inputs are taken; stops the process if one
/// input runs for more than a minute (an endless loop in the expansion).
fn watch(next: &AtomicUsize, end: usize, current: &Mutex<Vec<(usize, Instant)>>, started: Instant) {
    let mut last_report = Instant::now();
    while next.load(Ordering::Relaxed) < end {
        std::thread::sleep(Duration::from_millis(200));
        if let Ok(current) = current.lock()
            && let Some((index, since)) = current
                .iter()
                .find(|(_, since)| since.elapsed() > Duration::from_secs(60))
        {
            eprintln!(
                "input {index} has run for {:.0?}: the expansion does not finish",
                since.elapsed()
            );
            std::process::exit(1);
        }
        if last_report.elapsed() > Duration::from_secs(30) {
            last_report = Instant::now();
            let done = next.load(Ordering::Relaxed).min(end);
            eprintln!("  up to input {done} in {:.0?}", started.elapsed());
        }
    }
}

/// Input `index` of `seed`: the unmutated corpus first, then mutations of
/// it, fns with random bodies, and random trees; arguments are mostly
/// empty.
fn input(seed: u64, index: usize, corpus: &[Vec<Tree>]) -> (TokenStream, TokenStream) {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0x9FB2_1C65_1E98_DF25));
    let args = if rng.chance(5) {
        mutate::to_stream(&mutate::random(&mut rng, 4, 1))
    } else {
        TokenStream::new()
    };
    if let Some(entry) = corpus.get(index) {
        return (args, mutate::to_stream(entry));
    }
    let mut trees = match rng.weighted(&[if corpus.is_empty() { 0 } else { 8 }, 1]) {
        0 => {
            let mut trees = rng.pick(corpus).clone();
            if rng.chance(12) {
                random_body(&mut rng, &mut trees);
            } else {
                let donor = rng.pick(corpus).clone();
                // Mostly one or two edits, so that many inputs still parse
                // and reach the analysis.
                let count = 1 + rng.weighted(&[5, 3, 2, 1, 1, 1]);
                mutate::mutate(&mut rng, &mut trees, &donor, count);
            }
            trees
        }
        _ => mutate::random(&mut rng, 40, 4),
    };
    if rng.chance(10) {
        mutate::mutate(&mut rng, &mut trees, &[], 1);
    }
    (args, mutate::to_stream(&trees))
}

/// Replaces the last `{ … }` at the top level (a fn's body) by random
/// trees.
fn random_body(rng: &mut Rng, trees: &mut [Tree]) {
    let body = trees
        .iter_mut()
        .rev()
        .find(|t| matches!(t, Tree::Group(Delimiter::Brace, _)));
    if let Some(Tree::Group(_, inner)) = body {
        *inner = mutate::random(rng, 30, 4);
    }
}

fn report(seed: u64, count: usize, total: &Counts, elapsed: Duration) -> bool {
    println!(
        "seed {seed}: {count} inputs in {elapsed:.0?}: {} expanded, {} rejected with compile_error!, {} failures",
        total.expanded,
        total.rejected,
        total.failures.len()
    );
    let mut kinds: BTreeMap<String, Vec<&Failure>> = BTreeMap::new();
    for failure in &total.failures {
        let key = match &failure.verdict {
            Verdict::Panicked(message) => format!("panic: {message}"),
            Verdict::Unparseable(message) => format!("unparseable expansion: {message}"),
            Verdict::Expanded | Verdict::Rejected => continue,
        };
        kinds.entry(key).or_default().push(failure);
    }
    for (key, failures) in &kinds {
        let first = failures
            .iter()
            .min_by_key(|f| f.item.len())
            .expect("a failure");
        let args: TokenStream = first.args.parse().unwrap_or_default();
        let item: TokenStream = first.item.parse().unwrap_or_default();
        let small = minimize::minimize(&args, &item, &first.verdict);
        println!(
            "  {key}\n    {} inputs; input {}, minimised:\n    args: {}\n    item: {small}",
            failures.len(),
            first.index,
            first.args,
        );
    }
    total.failures.is_empty()
}
