//! `--help`: usage, every flag, how fns are chosen and what the exit
//! statuses mean; the same when cargo runs the tool as `cargo desugar`.

use crate::support::run;

#[test]
fn help_explains_usage_flags_and_exit_status() {
    let run = run(&["--help"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
    let help = &run.stdout;
    assert!(
        help.contains("Usage: cargo desugar [OPTIONS] <FILE> [FN]"),
        "{help}"
    );
    for flag in ["--all", "--states", "--diagram", "--expand", "--no-twin"] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
    assert!(help.contains("without compiling"), "{help}");
    assert!(help.contains("Exit status:"), "{help}");
    assert!(
        help.contains("2  the file cannot be read or parsed"),
        "{help}"
    );
}

#[test]
fn help_as_a_cargo_subcommand() {
    let direct = run(&["--help"]);
    let through_cargo = run(&["desugar", "--help"]);
    assert_eq!(through_cargo.code, 0);
    assert_eq!(through_cargo.stdout, direct.stdout);
}

#[test]
fn short_help_is_a_summary() {
    let short = run(&["-h"]);
    assert_eq!(short.code, 0);
    assert!(
        short.stdout.contains("Usage: cargo desugar"),
        "{}",
        short.stdout
    );
    assert!(short.stdout.len() < run(&["--help"]).stdout.len());
}
