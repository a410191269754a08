//! The command line: `gen`, `show` and `tokens`, with `--name value`
//! options.

use std::path::PathBuf;

/// What to do.
pub enum Command {
    /// Generate, build, compare and report (`gen`).
    Gen {
        options: crate::campaign::Options,
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
    /// Print what the commands do (`help`, `--help`, `-h`).
    Help,
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
  desugar-fuzz gen    [--seed S] [--from I] [--count N] [--batch B] [--no-shrink] [--max-rounds K] [--dir D] [--tolerate KINDS]
  desugar-fuzz show   [--seed S] [--case I] [--count N]
  desugar-fuzz repros [--dir D] [--input FILE]
  desugar-fuzz tokens [--seed S] [--from I] [--count N] [--threads T] [--input FILE]";

pub const HELP: &str =
    "desugar-fuzz: tests #[desugar] against rustc with generated programs and inputs.

commands:
  gen      generate async fns, build each batch with #[desugar] and the _rustc twin,
           compare every pair with the harness, shrink and save the failing ones
             --seed S (1)  --from I (0)  --count N (200)  --batch B (100)
             --no-shrink  --max-rounds K (40)  --dir D (target/desugar-fuzz)
             --tolerate size,compile   report these kinds of failure without
                                       failing the run (behaviour, crashes and
                                       hangs always fail it)
  show     print generated functions without building them
             --seed S (1)  --case I (0)  --count N (1)
  repros   rebuild the repros of desugar-fuzz/FINDINGS.md (or --input FILE) and
           say which still fail
             --dir D  --input FILE
  tokens   feed random and mutated token streams to the expansion and check that
           it never panics and always returns an expansion or a compile_error!
             --seed S (1)  --from I (0)  --count N (10000)  --threads T (2)  --input FILE

TESTING.md explains how the project is tested and how to read the reports.";

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    if args.is_empty()
        || args
            .iter()
            .any(|a| a == "--help" || a == "-h" || a == "help")
    {
        return Ok(Command::Help);
    }
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
            "--tolerate" => {
                for kind in value.split(',') {
                    let key = match kind {
                        "size" => "size",
                        "compile" => "compile failure",
                        _ => return Err(format!("--tolerate: not a kind: {kind} (size, compile)")),
                    };
                    options.tolerate.push(key.to_string());
                }
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    let seed = options.seed.unwrap_or(1);
    Ok(match name.as_str() {
        "gen" => Command::Gen {
            options: crate::campaign::Options {
                seed,
                from: options.from.unwrap_or(0),
                count: options.count.unwrap_or(200),
                batch: options.batch.unwrap_or(100).max(1),
                shrink: !options.no_shrink,
                max_rounds: options.max_rounds.unwrap_or(40),
                tolerate: options.tolerate,
            },
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
    tolerate: Vec<String>,
    no_shrink: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn help_in_any_position_or_no_command_asks_for_help() {
        for line in ["", "--help", "-h", "help", "gen --help", "gen --seed 3 -h"] {
            assert!(matches!(parse(&args(line)), Ok(Command::Help)), "{line:?}");
        }
    }

    #[test]
    fn options_take_values_and_defaults_fill_the_rest() {
        let Ok(Command::Gen { options, .. }) = parse(&args("gen --seed 7 --count 30 --no-shrink"))
        else {
            panic!("not a gen command");
        };
        let got = (
            options.seed,
            options.from,
            options.count,
            options.batch,
            options.shrink,
        );
        assert_eq!(got, (7, 0, 30, 100, false));
    }

    #[test]
    fn tolerated_kinds_name_the_failure_keys() {
        let Ok(Command::Gen { options, .. }) = parse(&args("gen --tolerate size,compile")) else {
            panic!("not a gen command");
        };
        assert_eq!(options.tolerate, ["size", "compile failure"]);
    }

    #[test]
    fn mistakes_are_named() {
        let err = |line| parse(&args(line)).err().unwrap_or_default();
        assert_eq!(err("run"), "unknown command run");
        assert_eq!(err("gen --seed"), "--seed needs a value");
        assert_eq!(err("gen --seed x"), "--seed: not a number: x");
        assert_eq!(err("gen --bogus 1"), "unknown option --bogus");
        assert_eq!(
            err("gen --tolerate size,speed"),
            "--tolerate: not a kind: speed (size, compile)"
        );
    }
}
