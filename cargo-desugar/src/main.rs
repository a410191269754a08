//! `cargo desugar`: read a Rust source file, without compiling anything, and
//! print for its async fns the machine `#[desugar]` builds: the state table,
//! the Mermaid state diagram and the formatted expansion.
//! `cargo desugar layout` compiles the project instead and prints rustc's
//! layout of each desugared future beside its twin's.
//!
//! Exit status: 0 when every selected fn was shown, 1 when `#[desugar]`
//! rejects one of them, 2 when the file cannot be read or parsed, no fn
//! matches, the build fails, or the command line is wrong.

mod cli;
mod expansion;
mod find;
mod layout;
mod readable;
mod report;
mod select;
mod source;
mod states;

use std::io::{self, Write as _};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser as _;

use crate::source::Location;

/// Exit status when `#[desugar]` rejects a selected fn.
const REJECTED: u8 = 1;
/// Exit status for a file that cannot be read or parsed, no matching fn, or
/// a failed build (clap uses the same for usage errors).
const FAILED: u8 = 2;

fn main() -> ExitCode {
    let args = cli::Args::parse_from(cli::without_subcommand(std::env::args_os()));
    let outcome = match (&args.command, &args.file) {
        (Some(cli::Command::Layout(layout)), _) => layout::run(layout),
        (None, Some(file)) => run(&args, file),
        // clap requires FILE when there is no subcommand.
        (None, None) => Err("no file to read".to_owned()),
    };
    match outcome {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(FAILED)
        }
    }
}

/// Input: the parsed command line and the file it names. Output: the exit
/// status, once every report is printed, or the one-line reason nothing
/// could be shown.
fn run(args: &cli::Args, path: &Path) -> Result<ExitCode, String> {
    let file = source::parse(path)?;
    let fns = find::fns(&file);
    let chosen = select::select(&fns, path, args.fn_name.as_deref(), args.all)?;
    let sections = args.sections();
    let titles = chosen.len() > 1 || sections.count() > 1;
    let mut code = ExitCode::SUCCESS;
    for found in chosen {
        match report::report(found, path, sections, titles) {
            Ok(text) => {
                if !write_stdout(&text)? {
                    return Ok(code);
                }
            }
            Err(errors) => {
                for err in errors {
                    eprintln!(
                        "error: #[desugar] rejects `{}`: {err}\n  --> {}",
                        found.path,
                        Location::new(path, err.span())
                    );
                }
                code = ExitCode::from(REJECTED);
            }
        }
    }
    Ok(code)
}

/// Input: text to print. Output: whether the reader still listens (`false`
/// once `| head` went away), or why stdout cannot be written.
fn write_stdout(text: &str) -> Result<bool, String> {
    match io::stdout().write_all(text.as_bytes()) {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(err) => Err(format!("cannot write the report: {err}")),
    }
}
