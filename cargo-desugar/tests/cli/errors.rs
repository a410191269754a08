//! Failures: one line on stderr and exit status 2 when nothing can be shown
//! (unreadable or unparsable file, unknown fn, wrong command line); the
//! rejection at `file:line:col` and exit status 1 when `#[desugar]` rejects
//! a fn, the other fns still shown.

use crate::support::{Run, run};

/// Exit status 2, nothing on stdout, and one `error: ` line on stderr.
fn assert_fails(run: &Run) -> &str {
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    run.stderr.trim_end()
}

#[test]
fn unreadable_file() {
    let run = run(&["tests/fixtures/missing.rs"]);
    let line = assert_fails(&run);
    assert!(
        line.starts_with("error: cannot read tests/fixtures/missing.rs: "),
        "{line}"
    );
}

#[test]
fn unparsable_file_names_the_position() {
    let run = run(&["tests/fixtures/unparsable.rs", "--all"]);
    let line = assert_fails(&run);
    assert!(
        line.starts_with("error: cannot parse tests/fixtures/unparsable.rs:4:9: expected"),
        "{line}"
    );
}

#[test]
fn unknown_fn_name() {
    let run = run(&["tests/fixtures/fetch_two.rs", "fetch_three"]);
    let line = assert_fails(&run);
    assert_eq!(
        line,
        "error: no fn named `fetch_three` in tests/fixtures/fetch_two.rs"
    );
}

#[test]
fn no_desugar_fn_without_a_name() {
    let run = run(&["tests/fixtures/process.rs"]);
    let line = assert_fails(&run);
    assert!(
        line.starts_with("error: no #[desugar] fn in tests/fixtures/process.rs: "),
        "{line}"
    );
    assert!(line.ends_with("or pass --all"), "{line}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["tests/fixtures/fetch_two.rs", "--frobnicate"],
        &["tests/fixtures/fetch_two.rs", "fetch_two", "--all"],
        &["tests/fixtures/fetch_two.rs", "fetch_two", "extra"],
    ] {
        let run = run(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("Usage: cargo desugar"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn rejected_fns_are_reported_and_the_others_shown() {
    let run = run(&["tests/fixtures/mixed.rs", "--states"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: #[desugar] rejects `not_rust`: `const async fn` is not Rust: remove `const`\n  \
         --> tests/fixtures/mixed.rs:46:1\n\
         error: #[desugar] rejects `with_arguments`: #[desugar] takes no arguments: write `#[desugar]`\n  \
         --> tests/fixtures/mixed.rs:48:11\n"
    );
    for shown in [
        "Counter::bump",
        "Ticker::tick_twice",
        "outer::inner::nested",
    ] {
        assert!(
            run.stdout.contains(&format!("=== {shown} (")),
            "{shown}: {}",
            run.stdout
        );
    }
}

#[test]
fn named_fn_that_is_not_async_is_rejected() {
    let run = run(&["tests/fixtures/mixed.rs", "not_async"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("this fn is not async"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--> tests/fixtures/mixed.rs:51:5"),
        "{}",
        run.stderr
    );
}
