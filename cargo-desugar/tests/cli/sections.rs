//! The section flags: `--states`, `--diagram`, `--expand` (all three by
//! default), one section of one fn printed bare, and `--no-twin`.

use crate::support::run;

const FETCH_TWO: &str = "tests/fixtures/fetch_two.rs";

#[test]
fn all_three_by_default() {
    let run = run(&[FETCH_TWO]);
    for title in [
        "--- states ---",
        "--- diagram (Mermaid) ---",
        "--- expansion ---",
    ] {
        assert!(run.stdout.contains(title), "{title}");
    }
}

#[test]
fn one_section_of_one_fn_is_bare() {
    let diagram = run(&[FETCH_TWO, "--diagram"]);
    assert_eq!(diagram.code, 0);
    assert!(
        diagram.stdout.starts_with("stateDiagram-v2\n"),
        "{}",
        diagram.stdout
    );
    assert!(
        diagram.stdout.ends_with("    Returned --> [*]\n"),
        "{}",
        diagram.stdout
    );

    let states = run(&[FETCH_TWO, "--states"]);
    assert!(states.stdout.starts_with("state  "), "{}", states.stdout);
    assert_eq!(states.stdout.lines().count(), 6, "heading and 5 states");

    let expansion = run(&[FETCH_TWO, "--expand"]);
    assert!(!expansion.stdout.contains("==="), "{}", expansion.stdout);
    assert!(
        expansion.stdout.contains("pub fn fetch_two<"),
        "{}",
        expansion.stdout
    );
}

#[test]
fn two_sections_have_titles() {
    let run = run(&[FETCH_TWO, "--states", "--diagram"]);
    assert!(
        run.stdout
            .starts_with("=== fetch_two (tests/fixtures/fetch_two.rs:23:14) ===\n")
    );
    assert!(run.stdout.contains("--- states ---"));
    assert!(run.stdout.contains("--- diagram (Mermaid) ---"));
    assert!(!run.stdout.contains("--- expansion"));
}

#[test]
fn states_name_awaits_and_fields_with_kinds() {
    let run = run(&[FETCH_TWO, "--states"]);
    assert!(
        run.stdout
            .contains("Suspend1   fetch(b).await  __awaitee: F1 (Awaitee), r1: T2 (Carried)\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn no_twin_leaves_out_the_rustc_twin() {
    let with_twin = run(&[FETCH_TWO, "--expand"]);
    assert!(with_twin.stdout.contains("pub fn fetch_two_rustc<"));
    let without = run(&[FETCH_TWO, "--expand", "--no-twin"]);
    assert_eq!(without.code, 0);
    assert!(
        !without.stdout.contains("fetch_two_rustc"),
        "{}",
        without.stdout
    );
    assert!(without.stdout.contains("pub fn fetch_two<"));
}
