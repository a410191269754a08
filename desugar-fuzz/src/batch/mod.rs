//! Generated crates: a batch of cases built once and run once. Each case
//! holds its function twice, with and without `#[desugar]`, so that one
//! build tells generator mistakes (rustc rejects the plain copy) from
//! engine failures.
//!
//! The crates (`batch`, and `shrink` for the shrinker's candidates) live
//! under the work directory (`<target dir>/desugar-fuzz`) and share one
//! target directory there, so `desugar` is compiled once.

mod build;
mod files;
mod run;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use self::files::Source;
pub use self::run::Outcome;

/// Where generated crates are written and built.
pub struct Workdir {
    pub root: PathBuf,
    /// The `desugar` workspace they depend on.
    workspace: PathBuf,
}

/// What building and running a batch gave.
#[derive(Debug, Default)]
pub struct BatchResult {
    /// Cases that built, with their outcome.
    pub outcomes: BTreeMap<usize, Outcome>,
    /// Cases rustc accepts that did not build with `#[desugar]`, with
    /// their errors: engine failures.
    pub compile_errors: BTreeMap<usize, Vec<String>>,
    /// Cases rustc rejects as written: generator mistakes.
    pub invalid: BTreeMap<usize, Vec<String>>,
    pub build_time: Duration,
    pub run_time: Duration,
}

/// A crate written to disk: its directory, and for each case the line
/// where its function's plain copy starts.
struct Written {
    dir: PathBuf,
    plain_start: BTreeMap<usize, usize>,
}

impl Written {
    /// Splits build errors into engine failures and generator mistakes
    /// (errors in the plain copy).
    fn classify(
        &self,
        cases: BTreeMap<usize, Vec<(usize, String)>>,
    ) -> (BTreeMap<usize, Vec<String>>, BTreeMap<usize, Vec<String>>) {
        let (mut failures, mut invalid) = (BTreeMap::new(), BTreeMap::new());
        for (index, errors) in cases {
            let start = self.plain_start.get(&index).copied().unwrap_or(usize::MAX);
            let in_plain = errors.iter().any(|(line, _)| *line >= start);
            let messages = errors.into_iter().map(|(_, m)| m).collect();
            if in_plain {
                invalid.insert(index, messages);
            } else {
                failures.insert(index, messages);
            }
        }
        (failures, invalid)
    }
}

impl Workdir {
    pub fn new(root: PathBuf, workspace: PathBuf) -> Self {
        Workdir { root, workspace }
    }

    fn target(&self) -> PathBuf {
        self.root.join("target")
    }

    /// Writes the crate `name` with `cases`.
    fn write(&self, name: &str, cases: &[(usize, &Source)]) -> Written {
        let dir = self.root.join(name);
        let cases_dir = dir.join("src/cases");
        let _ = std::fs::remove_dir_all(&cases_dir);
        std::fs::create_dir_all(&cases_dir).expect("create the crate's directories");
        write_if_changed(
            &dir.join("Cargo.toml"),
            &files::manifest(name, &self.workspace),
        );
        write_if_changed(&dir.join("src/prelude.rs"), files::PRELUDE);
        let indices: Vec<usize> = cases.iter().map(|(i, _)| *i).collect();
        write_if_changed(&dir.join("src/main.rs"), &files::main(&indices));
        let mut plain_start = BTreeMap::new();
        for (i, source) in cases {
            let path = cases_dir.join(format!("c{i}.rs"));
            let (text, start) = files::case_module(source);
            std::fs::write(path, text).expect("write a case");
            plain_start.insert(*i, start);
        }
        // The lock file pins the versions the workspace itself uses.
        let lock = self.workspace.join("Cargo.lock");
        if !dir.join("Cargo.lock").exists() {
            let _ = std::fs::copy(lock, dir.join("Cargo.lock"));
        }
        Written { dir, plain_start }
    }

    fn binary(&self, name: &str) -> PathBuf {
        self.target().join("debug").join(name)
    }

    /// Builds `cases` as the crate `name`, leaving out the ones that do
    /// not build, and runs the comparisons of the others.
    pub fn run_batch(&self, name: &str, cases: &[(usize, Source)]) -> Result<BatchResult, String> {
        let mut result = BatchResult::default();
        let mut active: Vec<(usize, &Source)> = cases.iter().map(|(i, s)| (*i, s)).collect();
        let started = Instant::now();
        loop {
            let written = self.write(name, &active);
            let diagnostics = build::build(&written.dir, &self.target());
            if !diagnostics.other.is_empty() {
                return Err(diagnostics.other.join("\n"));
            }
            if diagnostics.cases.is_empty() {
                break;
            }
            active.retain(|(i, _)| !diagnostics.cases.contains_key(i));
            let (failures, invalid) = written.classify(diagnostics.cases);
            result.compile_errors.extend(failures);
            result.invalid.extend(invalid);
            if active.is_empty() {
                break;
            }
        }
        result.build_time = started.elapsed();
        if active.is_empty() {
            return Ok(result);
        }
        let started = Instant::now();
        let indices: Vec<usize> = active.iter().map(|(i, _)| *i).collect();
        let limit = Duration::from_secs(30 + 2 * indices.len() as u64);
        result.outcomes = run::run(&self.binary(name), &indices, limit);
        result.run_time = started.elapsed();
        Ok(result)
    }
}

/// Writes `path` unless it already holds `text` (cargo then sees no
/// change to it).
fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return;
    }
    std::fs::write(path, text).expect("write a generated file");
}
