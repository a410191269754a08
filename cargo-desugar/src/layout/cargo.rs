//! Running cargo for `layout`: rustc's `-Zprint-type-sizes` output for one
//! target of the current project.
//!
//! The build goes to a target directory of its own,
//! `<target-dir>/desugar-layout`: `RUSTC_BOOTSTRAP=1` changes how some
//! crates build (proc-macro2 probes for nightly features), so sharing the
//! usual directory would rebuild them each time one switches between the
//! two. rustc prints the sizes only when it compiles the target; when cargo
//! finds it fresh, the package is cleaned from that directory and built
//! again.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::cli::LayoutArgs;

/// The rustc flag that prints the type sizes.
const PRINT_TYPE_SIZES: &str = "-Zprint-type-sizes";

/// Input: the target asked for. Output: what rustc printed with
/// `-Zprint-type-sizes` for it, or the one-line reason it could not be had
/// (after cargo's own messages, when the build failed).
pub fn type_sizes(args: &LayoutArgs) -> Result<String, String> {
    let target_dir = target_dir()?.join("desugar-layout");
    let printed = rustc(args, &target_dir)?;
    if printed.contains("print-type-size ") {
        return Ok(printed);
    }
    // Fresh: nothing was compiled, so nothing was printed.
    let package = succeed(cargo(["pkgid"]).args(&args.package), "cargo pkgid")?;
    let package = String::from_utf8_lossy(&package.stdout).trim().to_owned();
    succeed(
        cargo(["clean", "--quiet", "--package", &package])
            .arg("--target-dir")
            .arg(&target_dir),
        "cargo clean",
    )?;
    rustc(args, &target_dir)
}

/// `RUSTC_BOOTSTRAP=1 cargo rustc <target> -- -Zprint-type-sizes`: its stdout.
///
/// Not incremental: an incremental rebuild reuses the layouts of code it
/// finds unchanged and prints only the others, so after a change elsewhere
/// (in the crate, or in `#[desugar]` itself) some machines went missing.
fn rustc(args: &LayoutArgs, target_dir: &Path) -> Result<String, String> {
    let mut command = cargo(["rustc"]);
    command
        .arg("--target-dir")
        .arg(target_dir)
        .args(args.cargo_target())
        .args(["--", PRINT_TYPE_SIZES])
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_INCREMENTAL", "0");
    let output = run(&mut command, "cargo rustc")?;
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("only accepted on the nightly compiler") {
        return Err(format!(
            "rustc does not take {PRINT_TYPE_SIZES}, even with RUSTC_BOOTSTRAP=1: \
             run `cargo +nightly desugar layout …` with a nightly toolchain"
        ));
    }
    eprint!("{stderr}");
    Err(format!("`cargo rustc` failed ({})", output.status))
}

/// The project's target directory, from `cargo metadata`.
fn target_dir() -> Result<PathBuf, String> {
    let output = succeed(
        &mut cargo(["metadata", "--format-version", "1", "--no-deps"]),
        "cargo metadata",
    )?;
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|err| format!("cannot read the output of `cargo metadata`: {err}"))?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "`cargo metadata` names no target directory".to_owned())
}

/// The cargo that runs this tool (`$CARGO`), or `cargo`, with arguments.
fn cargo<const N: usize>(args: [&str; N]) -> Command {
    let program = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let mut command = Command::new(program);
    command.args(args);
    command
}

/// The command run to the end, its output captured.
fn run(command: &mut Command, name: &str) -> Result<Output, String> {
    command
        .output()
        .map_err(|err| format!("cannot run `{name}`: {err}"))
}

/// The command run to the end; when it fails, its first `error:` line (or
/// its first line) is the reason.
fn succeed(command: &mut Command, name: &str) -> Result<Output, String> {
    let output = run(command, name)?;
    if output.status.success() {
        return Ok(output);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let reason = stderr
        .lines()
        .find_map(|line| line.strip_prefix("error: "))
        .or_else(|| stderr.lines().next())
        .unwrap_or("no message");
    Err(format!("`{name}` failed: {reason}"))
}
