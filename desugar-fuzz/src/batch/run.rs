//! Running a built batch and reading the result block each case printed.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What running one case's comparison gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Same behaviour in `runs` pairs of runs of `polls` polls.
    Same { runs: usize, polls: usize },
    /// The harness found a difference; `kind` is `behaviour` or `size`.
    Mismatch { kind: String, text: String },
    /// The comparison itself panicked (outside the futures).
    HarnessPanic(String),
    /// The process died or hung while running this case.
    Crash(String),
}

impl Outcome {
    /// The kind of failure, for keeping a shrunk case failing the same way.
    pub fn kind(&self) -> &str {
        match self {
            Outcome::Same { .. } => "same",
            Outcome::Mismatch { kind, .. } => kind,
            Outcome::HarnessPanic(_) => "harness panic",
            Outcome::Crash(_) => "crash",
        }
    }
}

/// Runs `binary` (cases `indices`, in order), restarting after the case a
/// crash or hang stopped; `limit` bounds each run.
pub fn run(binary: &Path, indices: &[usize], limit: Duration) -> BTreeMap<usize, Outcome> {
    let mut outcomes = BTreeMap::new();
    let mut skip = 0;
    while skip < indices.len() {
        let (stdout, failure) = run_once(binary, skip, limit);
        let (done, started) = parse(&stdout, &mut outcomes);
        skip += done;
        let Some(reason) = failure else { break };
        match started {
            // Died inside a case: that case crashed; go on after it.
            Some(index) if !outcomes.contains_key(&index) => {
                outcomes.insert(index, Outcome::Crash(reason));
                skip += 1;
            }
            // Died between cases: go on with the next.
            Some(_) if done > 0 => {}
            // Died before any case: nothing will run.
            _ => {
                for &index in &indices[skip..] {
                    outcomes.insert(index, Outcome::Crash(reason.clone()));
                }
                break;
            }
        }
    }
    outcomes
}

/// One run of the binary, skipping the first `skip` cases: its output, and
/// why it failed (exit status or timeout), if it did.
fn run_once(binary: &Path, skip: usize, limit: Duration) -> (String, Option<String>) {
    let child = Command::new(binary)
        .arg(skip.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(err) => return (String::new(), Some(format!("cannot run the batch: {err}"))),
    };
    let mut stdout = child.stdout.take().expect("piped stdout");
    // Lossy: a machine that corrupts memory can print invalid UTF-8.
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    });
    let start = Instant::now();
    let failure = loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => break None,
            Ok(Some(status)) => break Some(format!("the process ended with {status}")),
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break Some(format!("no result within {} s", limit.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(err) => break Some(format!("cannot wait for the batch: {err}")),
        }
    };
    (reader.join().unwrap_or_default(), failure)
}

/// Reads result blocks into `outcomes`; returns how many cases finished and
/// the last case started.
fn parse(stdout: &str, outcomes: &mut BTreeMap<usize, Outcome>) -> (usize, Option<usize>) {
    let mut done = 0;
    let mut started = None;
    let mut lines = stdout.lines();
    while let Some(line) = lines.next() {
        let mut words = line.split_whitespace();
        let tag = words.next().unwrap_or("");
        let index: Option<usize> = words.next().and_then(|w| w.parse().ok());
        let Some(index) = index else { continue };
        let mut block = || {
            let mut text = Vec::new();
            for line in lines.by_ref() {
                if line == "@@end" {
                    break;
                }
                text.push(line);
            }
            text.join("\n")
        };
        let outcome = match tag {
            "@@start" => {
                started = Some(index);
                continue;
            }
            "@@ok" => {
                let mut numbers = words.filter_map(|w| w.parse().ok());
                let runs = numbers.next().unwrap_or(0);
                let polls = numbers.next().unwrap_or(0);
                Outcome::Same { runs, polls }
            }
            "@@mismatch" => {
                let kind = words.next().unwrap_or("behaviour").to_string();
                Outcome::Mismatch {
                    kind,
                    text: block(),
                }
            }
            "@@harness-panic" => Outcome::HarnessPanic(block()),
            _ => continue,
        };
        outcomes.insert(index, outcome);
        done += 1;
    }
    (done, started)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::{Outcome, parse};

    #[test]
    fn result_blocks_are_read() {
        let out = "@@start 3\n@@ok 3 40 5\n@@start 4\n@@mismatch 4 behaviour\nleft and right\n  phase\n@@end\n@@start 5\n";
        let mut outcomes = BTreeMap::new();
        let (done, started) = parse(out, &mut outcomes);
        assert_eq!((done, started), (2, Some(5)));
        assert_eq!(outcomes[&3], Outcome::Same { runs: 40, polls: 5 });
        assert_eq!(outcomes[&4].kind(), "behaviour");
    }
}
