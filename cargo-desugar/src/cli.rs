//! The command line: what `--help` shows, the flags, and the `desugar`
//! argument cargo inserts when it runs the tool as `cargo desugar`.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Show the state machine `#[desugar]` builds for an async fn.
///
/// Reads one Rust source file, without compiling it or its crate, and prints
/// for each selected `async fn` its state table, its Mermaid state diagram and
/// the formatted expansion of `#[desugar]`. `cargo desugar layout` compiles
/// the project instead, and prints the layout rustc gives each desugared
/// future beside the one it gives the `_rustc` twin.
#[derive(Debug, Parser)]
#[command(
    name = "cargo desugar",
    bin_name = "cargo desugar",
    version,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    disable_help_subcommand = true,
    after_help = "\
Which fns:
  (default)  every fn carrying #[desugar]: free fns, methods, trait default methods, in nested modules too
  FN         the fn named FN (`fetch_two`, `Client::get`), with or without #[desugar]
  --all      every async fn in the file

Sections:
  With none of --states, --diagram, --expand, all three are printed. One section of
  one fn is printed bare, without titles: ready for a .mmd or .rs file.

Exit status:
  0  every selected fn was shown
  1  #[desugar] rejects at least one of them (its error is on stderr, with file:line:col)
  2  the file cannot be read or parsed, no fn matches, or the command line is wrong

Examples:
  cargo desugar src/lib.rs
  cargo desugar src/lib.rs fetch_two --states
  cargo desugar src/lib.rs fetch_two --diagram > fetch_two.mmd
  cargo desugar src/lib.rs --all --expand --no-twin
  cargo desugar layout --example seed_001_fetch_two fetch_two"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The Rust source file to read.
    #[arg(required = true)]
    pub file: Option<PathBuf>,

    /// Only the async fn with this name (or `Type::name`, `module::name`).
    #[arg(value_name = "FN", conflicts_with = "all")]
    pub fn_name: Option<String>,

    /// Every async fn in the file, with or without `#[desugar]`.
    #[arg(long)]
    pub all: bool,

    /// Print the state table: one line per state, with the await it stands for and the values it keeps.
    #[arg(long)]
    pub states: bool,

    /// Print the Mermaid state diagram.
    #[arg(long)]
    pub diagram: bool,

    /// Print the expansion of `#[desugar]`, formatted.
    #[arg(long)]
    pub expand: bool,

    /// Leave the `<fn>_rustc` twin (the untouched async fn) out of the expansion.
    #[arg(long)]
    pub no_twin: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Layout(LayoutArgs),
}

/// Compile the project and print, for each `#[desugar]` fn, the layout rustc
/// gives its future beside the one it gives the `_rustc` twin.
///
/// Runs `RUSTC_BOOTSTRAP=1 cargo rustc <TARGET> -- -Zprint-type-sizes` in the
/// current directory (in a target directory of its own,
/// `<target-dir>/desugar-layout`, so the usual build is not disturbed) and
/// reads rustc's sizes: total, discriminant, then per state (`Unresumed`,
/// `Suspend0`, …) each upvar, local or field with its size.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Sizes are in bytes, as rustc prints them: a variant's size leaves out the discriminant,
and rustc's upvars (the arguments) sit in the prefix every state shares. Only fns whose
futures this target builds are shown; of a generic fn, the instance whose arguments
have the sizes of the twin's.

Exit status:
  0  every fn asked for was shown
  2  cargo or rustc failed, rustc does not take -Zprint-type-sizes, or no #[desugar] fn matches

Examples:
  cargo desugar layout --example seed_001_fetch_two
  cargo desugar layout --lib fetch_two Client::get")]
pub struct LayoutArgs {
    /// Compile the example NAME.
    #[arg(long, value_name = "NAME", group = "target")]
    pub example: Option<String>,

    /// Compile the binary NAME.
    #[arg(long, value_name = "NAME", group = "target")]
    pub bin: Option<String>,

    /// Compile the test NAME.
    #[arg(long, value_name = "NAME", group = "target")]
    pub test: Option<String>,

    /// Compile the library.
    #[arg(long, group = "target")]
    pub lib: bool,

    /// The package to compile (cargo's `--package`).
    #[arg(long, short, value_name = "SPEC")]
    pub package: Option<String>,

    /// Only the fns with these names (or `Type::name`, `module::name`).
    #[arg(value_name = "FN")]
    pub fns: Vec<String>,
}

impl LayoutArgs {
    /// The arguments that pick cargo's package and target.
    pub fn cargo_target(&self) -> Vec<String> {
        let mut args = Vec::new();
        if let Some(package) = &self.package {
            args.extend(["--package".to_owned(), package.clone()]);
        }
        for (flag, name) in [
            ("--example", &self.example),
            ("--bin", &self.bin),
            ("--test", &self.test),
        ] {
            if let Some(name) = name {
                args.extend([flag.to_owned(), name.clone()]);
            }
        }
        if self.lib {
            args.push("--lib".to_owned());
        }
        args
    }
}

/// Which parts of each fn's report to print.
#[derive(Clone, Copy, Debug)]
pub struct Sections {
    pub states: bool,
    pub diagram: bool,
    pub expand: bool,
    /// Whether the expansion keeps the `_rustc` twin.
    pub twin: bool,
}

impl Args {
    /// The sections asked for; all three when no section flag is given.
    pub fn sections(&self) -> Sections {
        let all = !(self.states || self.diagram || self.expand);
        Sections {
            states: all || self.states,
            diagram: all || self.diagram,
            expand: all || self.expand,
            twin: !self.no_twin,
        }
    }
}

impl Sections {
    /// How many of the three sections are printed.
    pub fn count(self) -> usize {
        [self.states, self.diagram, self.expand]
            .into_iter()
            .filter(|&on| on)
            .count()
    }
}

/// Input: the process arguments. Output: the same without the `desugar`
/// that cargo passes first when it runs `cargo-desugar` for `cargo desugar`.
pub fn without_subcommand(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    if args.get(1).is_some_and(|first| first == "desugar") {
        args.remove(1);
    }
    args
}
