//! Robustness checks for `#[desugar]` (issue 6); see `TESTING.md`.
//!
//! - `gen`: a differential fuzzer. It generates random async fns from the
//!   surface `#[desugar]` supports ([`generate`]), writes them in batches
//!   into a crate that compares each with its rustc twin through the poll
//!   harness ([`batch`]), builds and runs it, and shrinks each new failure
//!   to a minimal function ([`shrink`]); [`campaign`] drives it.
//! - `show`: prints generated functions, to look at or reproduce a case.
//! - `repros`: rebuilds the minimal repros in `FINDINGS.md` against the
//!   current engine and says which still fail ([`repros`]).
//! - `tokens`: feeds the expansion random token trees and mutated async
//!   fns, and checks it neither panics nor returns unparseable code
//!   ([`tokens`]).

mod batch;
mod campaign;
mod cli;
mod generate;
mod program;
mod repros;
mod rng;
mod shrink;
mod tokens;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match cli::parse(&args) {
        Ok(command) => command,
        Err(err) => {
            eprintln!("{err}\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let ok = match command {
        cli::Command::Help => {
            println!("{}\n\n{}", cli::HELP, cli::USAGE);
            true
        }
        cli::Command::Gen { options, dir } => {
            let root = dir.unwrap_or_else(default_dir);
            let workdir = batch::Workdir::new(root, workspace());
            campaign::run(&workdir, &options)
        }
        cli::Command::Repros { dir, input } => {
            let workdir = batch::Workdir::new(dir.unwrap_or_else(default_dir), workspace());
            let file = input.unwrap_or_else(|| workspace().join("desugar-fuzz/FINDINGS.md"));
            repros::run(&workdir, &file)
        }
        cli::Command::Show { seed, case, count } => {
            for index in case..case + count {
                println!("// seed {seed}, case {index}");
                print!(
                    "{}",
                    campaign::case(seed, index).render("case", "#[desugar]")
                );
            }
            true
        }
        cli::Command::Tokens {
            input: Some(file), ..
        } => tokens::run_file(&file),
        cli::Command::Tokens {
            seed,
            from,
            count,
            threads,
            input: None,
        } => tokens::run(&workspace(), seed, from..from + count, threads),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The `desugar` workspace this crate belongs to.
fn workspace() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = here.parent().map_or(here.clone(), PathBuf::from);
    root.canonicalize().unwrap_or(root)
}

/// `$CARGO_TARGET_DIR/desugar-fuzz`, or `target/desugar-fuzz` in the
/// workspace.
fn default_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace().join("target"), PathBuf::from);
    target.join("desugar-fuzz")
}
