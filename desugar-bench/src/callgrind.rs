//! Instruction counts from valgrind's callgrind, which are the same from run
//! to run where wall time is not.

use std::path::Path;
use std::process::Command;

/// Runs `exe` under callgrind with `envs` set, counting only instructions
/// executed inside functions whose name matches `function` (callgrind's
/// `--toggle-collect`, with `*` wildcards), and returns the count.
pub fn count(exe: &Path, envs: &[(&str, &str)], function: &str) -> Result<u64, String> {
    let out_file =
        std::env::temp_dir().join(format!("desugar-bench-{}.callgrind", std::process::id()));
    let output = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg(format!("--toggle-collect={function}"))
        .arg(exe)
        .envs(envs.iter().copied())
        .output()
        .map_err(|err| format!("cannot run valgrind: {err}"))?;
    if !output.status.success() {
        return Err(format!(
            "valgrind failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let text = std::fs::read_to_string(&out_file)
        .map_err(|err| format!("cannot read {}: {err}", out_file.display()))?;
    let _ = std::fs::remove_file(&out_file);
    total(&text).ok_or_else(|| format!("no totals in {}", out_file.display()))
}

/// The event total of a callgrind output file (its `totals:` line, or
/// `summary:` in older formats).
pub fn total(callgrind_out: &str) -> Option<u64> {
    callgrind_out.lines().find_map(|line| {
        let rest = line
            .strip_prefix("totals:")
            .or_else(|| line.strip_prefix("summary:"))?;
        rest.split_whitespace().next()?.parse().ok()
    })
}

/// Whether valgrind can be run here.
pub fn available() -> bool {
    Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

#[cfg(test)]
mod tests {
    use super::total;

    #[test]
    fn reads_the_totals_line() {
        let out = "version: 1\ncmd: x\nevents: Ir\nfn=(1) main\n0 12\ntotals: 4200\n";
        assert_eq!(total(out), Some(4200));
        assert_eq!(total("summary: 17\n"), Some(17));
        assert_eq!(total("events: Ir\n"), None);
    }
}
