//! Building a generated crate with cargo and telling which case (module
//! file) each error belongs to.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// The errors of one build, by where they point.
#[derive(Debug, Default)]
pub struct Diagnostics {
    /// Errors in `src/cases/c<i>.rs`, by case, with their line.
    pub cases: BTreeMap<usize, Vec<(usize, String)>>,
    /// Errors pointing anywhere else, or none at all (cargo's own).
    pub other: Vec<String>,
}

/// Builds the crate in `dir` into `target` and sorts its errors. An error
/// found when a function is compiled for its caller (a `const` check of
/// `#[desugar]`'s) points into the runtime, and says which case only in a
/// note: the build runs again, with the notes, to find it.
pub fn build(dir: &Path, target: &Path) -> Diagnostics {
    let diagnostics = run_cargo(dir, target, "short", sort);
    if diagnostics.other.is_empty() {
        return diagnostics;
    }
    run_cargo(dir, target, "human", sort_with_notes)
}

fn run_cargo(
    dir: &Path,
    target: &Path,
    format: &str,
    sort: fn(&str) -> Diagnostics,
) -> Diagnostics {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--quiet", "-j2"])
        .arg(format!("--message-format={format}"))
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .current_dir(dir)
        .output();
    let output = match output {
        Ok(output) => output,
        Err(err) => {
            return Diagnostics {
                other: vec![format!("cannot run cargo: {err}")],
                ..Diagnostics::default()
            };
        }
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut diagnostics = sort(&stderr);
    if !output.status.success() && diagnostics.cases.is_empty() && diagnostics.other.is_empty() {
        diagnostics.other.push(format!("cargo failed: {stderr}"));
    }
    diagnostics
}

/// Sorts the errors of cargo's human output by the first case file they
/// or their notes point at (`--> src/cases/c3.rs:10:13`).
fn sort_with_notes(stderr: &str) -> Diagnostics {
    let mut out = Diagnostics::default();
    let mut current: Option<(String, bool)> = None;
    let finish = |current: Option<(String, bool)>, out: &mut Diagnostics| {
        if let Some((message, false)) = current {
            out.other.push(message);
        }
    };
    for line in stderr.lines() {
        if line.starts_with("error") {
            finish(current.take(), &mut out);
            if !line.starts_with("error: could not compile") {
                current = Some((line.to_string(), false));
            }
            continue;
        }
        let Some((message, found)) = &mut current else {
            continue;
        };
        if *found {
            continue;
        }
        let Some(place) = line.trim_start().strip_prefix("--> src/cases/c") else {
            continue;
        };
        let mut parts = place.split(':');
        let index = parts
            .next()
            .and_then(|n| n.strip_suffix(".rs")?.parse().ok());
        let at: usize = parts.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        if let Some(index) = index {
            out.cases
                .entry(index)
                .or_default()
                .push((at, message.clone()));
            *found = true;
        }
    }
    finish(current, &mut out);
    out
}

/// Sorts `file:line:col: error…` lines by file.
fn sort(stderr: &str) -> Diagnostics {
    let mut out = Diagnostics::default();
    for line in stderr.lines() {
        let Some((place, message)) = line.split_once(": error") else {
            if line.starts_with("error") && !line.starts_with("error: could not compile") {
                out.other.push(line.to_string());
            }
            continue;
        };
        let mut place = place.split(':');
        let file = place.next().unwrap_or("");
        let at: usize = place.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        let message = format!("error{message}");
        if let Some(index) = file
            .strip_prefix("src/cases/c")
            .and_then(|rest| rest.strip_suffix(".rs"))
            .and_then(|n| n.parse().ok())
        {
            out.cases.entry(index).or_default().push((at, message));
        } else {
            out.other.push(line.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{sort, sort_with_notes};

    #[test]
    fn an_error_found_for_a_caller_is_sorted_by_its_note() {
        let stderr = "error[E0080]: evaluation panicked: #[desugar]: a method here borrows\n\
                      \x20--> /work/desugar-runtime/src/__private/receiver.rs:150:13\n\
                      note: the above error was encountered while instantiating `fn f`\n\
                      \x20 --> src/cases/c7.rs:10:13\n\
                      error: could not compile `batch` (bin \"batch\") due to 1 previous error\n";
        let d = sort_with_notes(stderr);
        assert_eq!(d.cases[&7][0].0, 10);
        assert!(d.cases[&7][0].1.starts_with("error[E0080]"));
        assert!(d.other.is_empty(), "{:?}", d.other);
        let lost = sort_with_notes("error: linker failed\n");
        assert_eq!(lost.other, ["error: linker failed"]);
    }

    #[test]
    fn errors_are_sorted_by_case() {
        let stderr = "src/cases/c12.rs:5:9: error[E0382]: use of moved value: `p1`\n\
                      src/cases/c3.rs:1:1: warning: unused\n\
                      error: could not compile `batch` (bin \"batch\") due to 2 previous errors\n";
        let d = sort(stderr);
        let moved = "error[E0382]: use of moved value: `p1`".to_string();
        assert_eq!(d.cases[&12], vec![(5, moved)]);
        assert!(d.other.is_empty());
        assert!(!d.cases.contains_key(&3));
    }
}
