//! `gen`: generate functions in batches, build and compare each batch,
//! sort out what failed, shrink one instance of each new failure, and
//! report the figures.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use crate::batch::{BatchResult, Outcome, Source, Workdir};
use crate::generate;
use crate::program::Function;
use crate::rng::Rng;
use crate::shrink::{self, Failure};

/// Settings of a `gen` run.
pub struct Options {
    pub seed: u64,
    /// The first case's number.
    pub from: usize,
    pub count: usize,
    pub batch: usize,
    /// Shrink the first instance of each kind of failure.
    pub shrink: bool,
    /// Rounds (batch builds) allowed per shrink.
    pub max_rounds: usize,
    /// Kinds of failure (`size`, `compile`) reported but not failing the
    /// run: what the CI round gates on is behaviour, crashes and hangs.
    pub tolerate: Vec<String>,
}

impl Options {
    /// Is a failure with this key (`size: …`, `compile failure: …`) of a
    /// tolerated kind?
    fn tolerates(&self, key: &str) -> bool {
        self.tolerate
            .iter()
            .any(|kind| key.starts_with(kind.as_str()))
    }
}

/// The function numbered `index` of the run seeded `seed`: each case can be
/// regenerated alone (`show`).
pub fn case(seed: u64, index: usize) -> Function {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xA076_1D64_78BD_642F));
    generate::function(&mut rng)
}

#[derive(Default)]
struct Tally {
    compared: usize,
    same: usize,
    runs: usize,
    polls: usize,
    /// Failures by key, with the cases showing them.
    failures: BTreeMap<String, Vec<usize>>,
    invalid: Vec<usize>,
    build_time: Duration,
    run_time: Duration,
}

/// Runs the campaign; returns whether nothing failed.
pub fn run(workdir: &Workdir, options: &Options) -> bool {
    let findings = workdir.root.join("findings");
    let _ = std::fs::create_dir_all(&findings);
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut start = options.from;
    let last = options.from + options.count;
    while start < last {
        let end = (start + options.batch).min(last);
        let cases: Vec<(usize, Function)> =
            (start..end).map(|i| (i, case(options.seed, i))).collect();
        let sources: Vec<(usize, Source)> =
            cases.iter().map(|(i, f)| (*i, Source::of(f))).collect();
        let Some(result) = run_with_retries(workdir, &sources) else {
            eprintln!("cases {start}..{end} could not be built; stopping");
            return false;
        };
        let before = tally.failures.values().map(Vec::len).sum::<usize>() + tally.invalid.len();
        record(workdir, options, &cases, &result, &mut tally);
        let failed = tally.failures.values().map(Vec::len).sum::<usize>() + tally.invalid.len();
        eprintln!(
            "cases {start}..{end}: {} compared, {} failing (build {:.0?}, run {:.1?})",
            result.outcomes.len(),
            failed - before,
            result.build_time,
            result.run_time,
        );
        start = end;
    }
    print!("{}", summary(options, &tally, started.elapsed(), workdir));
    tally.failures.keys().all(|key| options.tolerates(key)) && tally.invalid.is_empty()
}

/// Runs a batch; when the crate cannot be built for a reason outside the
/// cases (the workspace being edited, say), waits and tries again.
fn run_with_retries(workdir: &Workdir, sources: &[(usize, Source)]) -> Option<BatchResult> {
    for attempt in 1..=RETRIES {
        match workdir.run_batch("batch", sources) {
            Ok(result) => return Some(result),
            Err(err) => {
                eprintln!("the batch could not be built (attempt {attempt} of {RETRIES}):\n{err}");
                std::thread::sleep(Duration::from_secs(60));
            }
        }
    }
    None
}

/// Attempts at building a batch before giving up.
const RETRIES: u32 = 5;

fn record(
    workdir: &Workdir,
    options: &Options,
    cases: &[(usize, Function)],
    result: &BatchResult,
    tally: &mut Tally,
) {
    tally.build_time += result.build_time;
    tally.run_time += result.run_time;
    let function = |index: usize| &cases.iter().find(|(i, _)| *i == index).expect("a case").1;
    for (&index, outcome) in &result.outcomes {
        tally.compared += 1;
        match outcome {
            Outcome::Same { runs, polls } => {
                tally.same += 1;
                tally.runs += runs;
                tally.polls += polls;
            }
            other => {
                let detail = match other {
                    Outcome::Mismatch { text, .. } => text.clone(),
                    Outcome::HarnessPanic(text) | Outcome::Crash(text) => text.clone(),
                    Outcome::Same { .. } => String::new(),
                };
                let key = format!("{}: {}", other.kind(), mismatch_line(&detail));
                let failure = Failure::Run(other.kind().to_string());
                found(
                    workdir,
                    options,
                    tally,
                    key,
                    index,
                    function(index),
                    &failure,
                    &detail,
                );
            }
        }
    }
    for (&index, errors) in &result.compile_errors {
        let key = format!("compile failure: {}", error_key(&errors[0]));
        let failure = Failure::Compile(shrink::error_key(&errors[0]));
        let detail = errors.join("\n");
        found(
            workdir,
            options,
            tally,
            key,
            index,
            function(index),
            &failure,
            &detail,
        );
    }
    for (&index, errors) in &result.invalid {
        tally.invalid.push(index);
        eprintln!(
            "generator wrote invalid Rust (seed {}, case {index}):\n{}\n{}",
            options.seed,
            errors.join("\n"),
            function(index).render("case", "")
        );
    }
}

/// A compile error's code and message, names blanked.
fn error_key(error: &str) -> String {
    let code = shrink::error_key(error);
    let message = error.split_once(": ").map_or(error, |(_, m)| m);
    if code.starts_with('E') {
        format!("{code}: {}", shrink::blank(message))
    } else {
        code
    }
}

/// The line of a mismatch report that says what differs, with names
/// blanked.
fn mismatch_line(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| {
            l.starts_with("first difference")
                || l.starts_with("the outputs")
                || l.starts_with("the left future")
        })
        .or_else(|| text.lines().next())
        .unwrap_or("");
    shrink::blank(line)
}

/// Records a failing case; the first of its kind is saved, shrunk and
/// saved again.
#[allow(clippy::too_many_arguments)]
fn found(
    workdir: &Workdir,
    options: &Options,
    tally: &mut Tally,
    key: String,
    index: usize,
    function: &Function,
    failure: &Failure,
    detail: &str,
) {
    let cases = tally.failures.entry(key.clone()).or_default();
    cases.push(index);
    let first = cases.len() == 1;
    eprintln!("FAILURE (seed {}, case {index}): {key}", options.seed);
    if !first {
        return;
    }
    let stem = format!("seed{}-case{index}", options.seed);
    let save = |suffix: &str, f: &Function| {
        let mut text = String::new();
        let _ = writeln!(text, "// seed {}, case {index}: {key}", options.seed);
        for line in detail.lines().take(60) {
            let _ = writeln!(text, "// {line}");
        }
        text.push_str(&f.render("case", "#[desugar]"));
        let path = workdir
            .root
            .join("findings")
            .join(format!("{stem}{suffix}.rs"));
        let _ = std::fs::write(&path, text);
        path
    };
    let path = save("", function);
    eprintln!("  saved {}", path.display());
    if options.shrink {
        let (small, rounds) = shrink::shrink(workdir, function, failure, options.max_rounds);
        let path = save("-min", &small);
        eprintln!(
            "  shrunk from {} to {} statements in {rounds} rounds: {}\n{}",
            function.size(),
            small.size(),
            path.display(),
            small.render("case", "#[desugar]")
        );
    }
}

fn summary(options: &Options, tally: &Tally, elapsed: Duration, workdir: &Workdir) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "seed {}: {} functions generated",
        options.seed, options.count
    );
    let _ = writeln!(
        out,
        "  {} compared with their twin, {} the same ({} pairs of runs, {} polls to completion)",
        tally.compared, tally.same, tally.runs, tally.polls
    );
    let _ = writeln!(
        out,
        "  {} invalid programs (generator mistakes)",
        tally.invalid.len()
    );
    let failing: usize = tally.failures.values().map(Vec::len).sum();
    let _ = writeln!(
        out,
        "  {failing} failing cases, {} kinds:",
        tally.failures.len()
    );
    for (key, cases) in &tally.failures {
        let shown: Vec<String> = cases.iter().take(8).map(usize::to_string).collect();
        let tolerated = if options.tolerates(key) {
            " (tolerated)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "    {key}{tolerated}\n      {} cases: {}",
            cases.len(),
            shown.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "  time: {:.0?} in all, {:.0?} building batches, {:.0?} running them; findings in {}",
        elapsed,
        tally.build_time,
        tally.run_time,
        workdir.root.join("findings").display()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_named_kinds_are_tolerated() {
        let options = Options {
            seed: 1,
            from: 0,
            count: 1,
            batch: 1,
            shrink: false,
            max_rounds: 0,
            tolerate: vec!["size".into(), "compile failure".into()],
        };
        assert!(options.tolerates("size: the left future is larger: # bytes against #"));
        assert!(options.tolerates("compile failure: error[E0282]: type annotations needed"));
        assert!(!options.tolerates("behaviour: first difference at event #"));
        assert!(!options.tolerates("crash"));
    }
}
