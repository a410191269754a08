//! Running the binary, and comparing its output with checked-in snapshots.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run printed, and its exit status.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Input: the arguments. Output: the run of `cargo-desugar` with them,
/// from the crate's directory, so fixture paths (and the paths the tool
/// prints) are `tests/fixtures/…`.
pub fn run(args: &[&str]) -> Run {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, &[])
}

/// Input: a directory, the arguments and environment variables. Output:
/// the run of `cargo-desugar` there, with them.
pub fn run_in(dir: &Path, args: &[&str], env: &[(&str, &OsStr)]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_cargo-desugar"))
        .args(args)
        .current_dir(dir)
        // The tool sets these for the cargo it runs, and the faked cargo's
        // record of them is compared: the caller's own must not leak in.
        .env_remove("CARGO_INCREMENTAL")
        .env_remove("RUSTC_BOOTSTRAP")
        .envs(env.iter().copied())
        .output()
        .expect("cargo-desugar runs");
    Run {
        code: output
            .status
            .code()
            .expect("cargo-desugar exits (no signal)"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Input: a snapshot's name and what the run printed. Checks it against
/// `tests/fixtures/<name>.stdout`; with `DESUGAR_BLESS=1`, writes it there
/// instead.
pub fn assert_snapshot(name: &str, actual: &str) {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.stdout"));
    if std::env::var_os("DESUGAR_BLESS").is_some_and(|bless| bless == "1") {
        std::fs::write(&path, actual).expect("snapshot written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!(
            "cannot read {}: {err}; write it with DESUGAR_BLESS=1",
            path.display()
        )
    });
    if expected == actual {
        return;
    }
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    let mut line = 1;
    let (want, got) = loop {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(want), Some(got)) if want == got => line += 1,
            (want, got) => break (want, got),
        }
    };
    panic!(
        "output differs from {} at line {line}:\n  expected: {want:?}\n  actual:   {got:?}\n\
         (if the change is intended, rerun with DESUGAR_BLESS=1)",
        path.display()
    );
}
