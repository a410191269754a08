//! The command line: `gen`, `show` and `tokens`, with `--name value`
//! options.

use std::path::PathBuf;

/// What to do.
pub enum Command {
    /// Generate, build, compare and report (`gen`).
    Gen {
        seed: u64,
        /// The first case's number (cases are numbered per seed).
        from: usize,
        count: usize,
        batch: usize,
        shrink: bool,
        max_rounds: usize,
        dir: Option<PathBuf>,
    },
    /// Rebuild the repros of `FINDINGS.md`, or of another file (`repros`).
    Repros {
        dir: Option<PathBuf>,
        input: Option<PathBuf>,
    },
    /// Print generated functions (`show`).
    Show {
        seed: u64,
        case: usize,
        count: usize,
    },
    /// Fuzz the expansion's input (`tokens`).
    Tokens {
        seed: u64,
        /// The first input's number.
        from: usize,
        count: usize,
        threads: usize,
        /// Check (and minimise) the item in this file instead.
        input: Option<PathBuf>,
    },
}

pub const USAGE: &str = "usage:
  desugar-fuzz gen    [--seed S] [--from I] [--count N] [--batch B] [--no-shrink] [--max-rounds K] [--dir D]
  desugar-fuzz show   [--seed S] [--case I] [--count N]
  desugar-fuzz repros [--dir D] [--input FILE]
  desugar-fuzz tokens [--seed S] [--from I] [--count N] [--threads T] [--input FILE]";

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let (name, rest) = args.split_first().ok_or("no command given")?;
    let mut options = Options::default();
    let mut iter = rest.iter();
    while let Some(flag) = iter.next() {
        if flag == "--no-shrink" {
            options.no_shrink = true;
            continue;
        }
        let value = iter.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: not a number: {value}"))
        };
        match flag.as_str() {
            "--seed" => options.seed = Some(number()?),
            "--count" => options.count = Some(number()? as usize),
            "--batch" => options.batch = Some(number()? as usize),
            "--case" => options.case = Some(number()? as usize),
            "--from" => options.from = Some(number()? as usize),
            "--threads" => options.threads = Some(number()? as usize),
            "--max-rounds" => options.max_rounds = Some(number()? as usize),
            "--dir" => options.dir = Some(PathBuf::from(value)),
            "--input" => options.input = Some(PathBuf::from(value)),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    let seed = options.seed.unwrap_or(1);
    Ok(match name.as_str() {
        "gen" => Command::Gen {
            seed,
            from: options.from.unwrap_or(0),
            count: options.count.unwrap_or(200),
            batch: options.batch.unwrap_or(100).max(1),
            shrink: !options.no_shrink,
            max_rounds: options.max_rounds.unwrap_or(40),
            dir: options.dir,
        },
        "repros" => Command::Repros {
            dir: options.dir,
            input: options.input,
        },
        "show" => Command::Show {
            seed,
            case: options.case.unwrap_or(0),
            count: options.count.unwrap_or(1),
        },
        "tokens" => Command::Tokens {
            seed,
            from: options.from.unwrap_or(0),
            count: options.count.unwrap_or(10_000),
            threads: options.threads.unwrap_or(2).max(1),
            input: options.input,
        },
        other => return Err(format!("unknown command {other}")),
    })
}

#[derive(Default)]
struct Options {
    seed: Option<u64>,
    count: Option<usize>,
    batch: Option<usize>,
    case: Option<usize>,
    from: Option<usize>,
    threads: Option<usize>,
    max_rounds: Option<usize>,
    dir: Option<PathBuf>,
    input: Option<PathBuf>,
    no_shrink: bool,
}
