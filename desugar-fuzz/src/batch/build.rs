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

/// Builds the crate in `dir` into `target` and sorts its errors.
pub fn build(dir: &Path, target: &Path) -> Diagnostics {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--quiet", "--message-format=short", "-j2"])
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
    use super::sort;

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
