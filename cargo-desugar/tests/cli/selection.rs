//! Which fns are shown: those carrying `#[desugar]` by default, every async
//! fn with `--all`, or the one named (by name or `Type::name`), wherever it
//! is in the file.

use crate::support::run;

/// The fns a run reported, from its headers.
fn shown(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter_map(|line| line.strip_prefix("=== "))
        .map(|rest| rest.split(' ').next().unwrap_or(rest))
        .collect()
}

#[test]
fn by_default_the_fns_carrying_desugar() {
    let run = run(&["tests/fixtures/mixed.rs", "--states"]);
    assert_eq!(
        shown(&run.stdout),
        [
            "Counter::bump",
            "Ticker::tick_twice",
            "outer::inner::nested"
        ]
    );
}

#[test]
fn all_async_fns() {
    let run = run(&["tests/fixtures/mixed.rs", "--states", "--all"]);
    assert_eq!(
        shown(&run.stdout),
        [
            "tick",
            "Counter::bump",
            "Counter::peek",
            "Ticker::tick_twice",
            "outer::inner::nested"
        ]
    );
}

#[test]
fn by_name_with_or_without_the_type() {
    for name in ["peek", "Counter::peek"] {
        let run = run(&["tests/fixtures/mixed.rs", name, "--states", "--diagram"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert_eq!(shown(&run.stdout), ["Counter::peek"], "{name}");
        assert!(
            run.stdout
                .starts_with("=== Counter::peek (tests/fixtures/mixed.rs:21:18) ===\n"),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn as_a_cargo_subcommand() {
    let direct = run(&["tests/fixtures/fetch_two.rs"]);
    let through_cargo = run(&["desugar", "tests/fixtures/fetch_two.rs"]);
    assert_eq!(through_cargo.code, 0, "{}", through_cargo.stderr);
    assert_eq!(through_cargo.stdout, direct.stdout);
}
