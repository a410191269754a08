//! `cargo desugar layout`: the cargo commands it runs, the layouts it
//! prints from rustc's `-Zprint-type-sizes` output (captured in
//! `tests/fixtures/layout/*.type-sizes`, served by a stand-in for cargo),
//! its failures, and one real run on the fixture project
//! `tests/fixtures/layout/project/`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::support::{Run, assert_snapshot, run_in};

/// A stand-in for cargo (`$CARGO`): logs each call with `RUSTC_BOOTSTRAP`
/// and `CARGO_INCREMENTAL`,
/// answers `metadata`, `pkgid` and `clean`, and for `rustc` prints
/// `$FAKE_SIZES`, or fails the way `$FAKE_MODE` says. In `fresh` mode, the
/// target is fresh (nothing printed) until `clean` is run.
const FAKE_CARGO: &str = r#"#!/bin/sh
echo "RUSTC_BOOTSTRAP=${RUSTC_BOOTSTRAP-} CARGO_INCREMENTAL=${CARGO_INCREMENTAL-} $*" >> "$FAKE_DIR/log"
case "$1" in
metadata) echo '{"packages":[],"target_directory":"/fake/target","version":1}' ;;
pkgid) echo 'path+file:///fake#fake@0.1.0' ;;
clean) : > "$FAKE_DIR/cleaned" ;;
rustc)
    case "$FAKE_MODE" in
    nightly)
        echo 'error: the option `Z` is only accepted on the nightly compiler' >&2
        echo 'help: consider switching to a nightly toolchain: `rustup default nightly`' >&2
        exit 101 ;;
    broken)
        echo 'error[E0425]: cannot find value `x` in this scope' >&2
        exit 101 ;;
    fresh) if [ -e "$FAKE_DIR/cleaned" ]; then cat "$FAKE_SIZES"; fi ;;
    *) cat "$FAKE_SIZES" ;;
    esac ;;
esac
"#;

/// A run of `layout` with the stand-in, and what cargo was asked.
struct Faked {
    run: Run,
    /// One line per cargo call: `RUSTC_BOOTSTRAP=.. CARGO_INCREMENTAL=.. <args>`.
    calls: Vec<String>,
}

/// Input: the test's name, the stand-in's mode, the captured sample to
/// serve and the arguments after `layout`. Output: the run.
#[cfg(unix)]
fn faked(test: &str, mode: &str, sample: &str, args: &[&str]) -> Faked {
    use std::os::unix::fs::PermissionsExt as _;

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("layout-faked-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("test directory");
    let cargo = dir.join("cargo");
    std::fs::write(&cargo, FAKE_CARGO).expect("stand-in written");
    std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755))
        .expect("stand-in executable");
    let sizes = fixtures().join(sample);
    let args: Vec<&str> = ["layout"].iter().chain(args).copied().collect();
    let run = run_in(
        &dir,
        &args,
        &[
            ("CARGO", cargo.as_os_str()),
            ("FAKE_DIR", dir.as_os_str()),
            ("FAKE_MODE", OsStr::new(mode)),
            ("FAKE_SIZES", sizes.as_os_str()),
        ],
    );
    let calls = std::fs::read_to_string(dir.join("log"))
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect();
    Faked { run, calls }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layout")
}

/// Exit status 2, nothing on stdout, and the last line on stderr an
/// `error: ` line, returned.
fn assert_fails(run: &Run) -> &str {
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, "");
    let last = run.stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("error: "), "{}", run.stderr);
    last
}

#[test]
fn help_names_the_targets_and_the_fns() {
    let run = run_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["layout", "--help"],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for flag in [
        "--example",
        "--bin",
        "--test",
        "--lib",
        "--package",
        "[FN]...",
        "-Zprint-type-sizes",
    ] {
        assert!(
            run.stdout.contains(flag),
            "{flag} missing from:\n{}",
            run.stdout
        );
    }
    let top = run_in(Path::new(env!("CARGO_MANIFEST_DIR")), &["--help"], &[]);
    assert!(top.stdout.contains("layout"), "{}", top.stdout);
}

#[test]
fn only_one_target() {
    let run = run_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["layout", "--lib", "--example", "x"],
        &[],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn seed_001_side_by_side() {
    let faked = faked(
        "seed_001",
        "sizes",
        "seed_001_fetch_two.type-sizes",
        &["--example", "seed_001_fetch_two"],
    );
    assert_eq!(faked.run.stderr, "");
    assert_eq!(faked.run.code, 0);
    assert_snapshot("layout/seed_001_fetch_two", &faked.run.stdout);
    assert_eq!(
        faked.calls,
        [
            "RUSTC_BOOTSTRAP= CARGO_INCREMENTAL= metadata --format-version 1 --no-deps",
            // Not incremental: an incremental build prints only the
            // layouts it did not reuse.
            "RUSTC_BOOTSTRAP=1 CARGO_INCREMENTAL=0 rustc --target-dir /fake/target/desugar-layout \
             --example seed_001_fetch_two -- -Zprint-type-sizes",
        ]
    );
}

#[cfg(unix)]
#[test]
fn every_shape_of_fn_side_by_side() {
    let faked = faked("project", "sizes", "project.type-sizes", &["--lib"]);
    assert_eq!(faked.run.code, 0, "{}", faked.run.stderr);
    assert_snapshot("layout/project", &faked.run.stdout);
}

#[cfg(unix)]
#[test]
fn fns_by_name_and_package() {
    let faked = faked(
        "by_name",
        "sizes",
        "project.type-sizes",
        &["--package", "layout_fixture", "--bin", "b", "bump", "W::hi"],
    );
    assert_eq!(faked.run.code, 0, "{}", faked.run.stderr);
    let headers: Vec<&str> = faked
        .run
        .stdout
        .lines()
        .filter(|line| line.starts_with("=== "))
        .collect();
    assert_eq!(
        headers,
        [
            "=== Counter::bump: rustc 24 bytes, #[desugar] 16 bytes ===",
            "=== W::hi: rustc 16 bytes, #[desugar] 16 bytes ===",
        ]
    );
    assert!(
        faked.calls[1].ends_with("rustc --target-dir /fake/target/desugar-layout --package layout_fixture --bin b -- -Zprint-type-sizes"),
        "{:?}",
        faked.calls
    );
}

/// rustc prints nothing for a target cargo finds fresh: the package is
/// cleaned from the layout's own target directory and built again.
#[cfg(unix)]
#[test]
fn a_fresh_target_is_built_again() {
    let faked = faked(
        "fresh",
        "fresh",
        "seed_001_fetch_two.type-sizes",
        &["--example", "seed_001_fetch_two"],
    );
    assert_eq!(faked.run.code, 0, "{}", faked.run.stderr);
    assert!(
        faked
            .run
            .stdout
            .starts_with("=== seeds::seed_001::fetch_two: ")
    );
    let calls: Vec<&str> = faked
        .calls
        .iter()
        // Past the two variables logged first.
        .map(|call| call.splitn(3, ' ').nth(2).unwrap_or(call))
        .collect();
    assert_eq!(calls.len(), 5, "{calls:?}");
    assert!(calls[1].starts_with("rustc "), "{calls:?}");
    assert_eq!(calls[2], "pkgid");
    assert_eq!(
        calls[3],
        "clean --quiet --package path+file:///fake#fake@0.1.0 --target-dir /fake/target/desugar-layout"
    );
    assert_eq!(calls[4], calls[1]);
}

#[cfg(unix)]
#[test]
fn without_print_type_sizes_one_line_and_exit_2() {
    let faked = faked("nightly", "nightly", "project.type-sizes", &["--lib"]);
    let line = assert_fails(&faked.run);
    assert_eq!(faked.run.stderr.lines().count(), 1, "{}", faked.run.stderr);
    assert!(
        line.starts_with(
            "error: rustc does not take -Zprint-type-sizes, even with RUSTC_BOOTSTRAP=1"
        ),
        "{line}"
    );
}

#[cfg(unix)]
#[test]
fn a_failed_build_shows_cargo_s_errors() {
    let faked = faked("broken", "broken", "project.type-sizes", &["--lib"]);
    let line = assert_fails(&faked.run);
    assert!(
        faked
            .run
            .stderr
            .starts_with("error[E0425]: cannot find value `x`"),
        "{}",
        faked.run.stderr
    );
    assert!(line.starts_with("error: `cargo rustc` failed ("), "{line}");
}

#[cfg(unix)]
#[test]
fn unknown_fn_or_no_machine_exit_2() {
    let faked_unknown = faked(
        "unknown",
        "sizes",
        "project.type-sizes",
        &["--lib", "fetch_three"],
    );
    let line = assert_fails(&faked_unknown.run);
    assert_eq!(
        line,
        "error: no #[desugar] fn named `fetch_three` among the futures rustc laid out in this target"
    );
    // Output without a single type of a desugared fn (here: no type at all).
    let faked_none = faked("none", "sizes", "../fetch_two.rs", &["--lib"]);
    let line = assert_fails(&faked_none.run);
    assert!(
        line.starts_with("error: rustc laid out no #[desugar] future"),
        "{line}"
    );
}

/// The real thing: `cargo desugar layout` on the fixture project, which
/// depends on this workspace's `desugar` (about 30 s the first time, to
/// build `desugar` and its dependencies; a second or two after). Skipped,
/// with a note, where rustc refuses `-Zprint-type-sizes`.
#[test]
fn on_the_fixture_project() {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("layout-e2e-target");
    let run = run_in(
        &fixtures().join("project"),
        &["layout", "--lib"],
        &[("CARGO_TARGET_DIR", target.as_os_str())],
    );
    if run.code == 2 && run.stderr.contains("does not take -Zprint-type-sizes") {
        eprintln!("skipped: {}", run.stderr.trim_end());
        return;
    }
    assert_eq!(run.code, 0, "{}", run.stderr);
    let headers: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|line| line.strip_prefix("=== "))
        .map(|line| line.split_once(": ").map_or(line, |(path, _)| path))
        .collect();
    assert_eq!(
        headers,
        [
            "Counter::bump",
            "W::hi",
            "borrow_across",
            "borrow_across_two",
            "fetch_two",
            "generic"
        ]
    );
    for row in [
        "rustc: fetch_two_rustc",
        "#[desugar]: fetch_two",
        "Suspend1",
        "upvar a",
        "field __awaitee",
    ] {
        assert!(
            run.stdout.contains(row),
            "{row} missing from:\n{}",
            run.stdout
        );
    }
    // `buf` in the variant of its one await; across two, in the homes area.
    let section = |name: &str| {
        run.stdout
            .split("=== ")
            .find(|section| section.starts_with(&format!("{name}:")))
            .unwrap_or_else(|| panic!("no {name} in:\n{}", run.stdout))
            .to_owned()
    };
    let one = section("borrow_across");
    assert!(
        one.contains("field __held") && one.contains("field buf"),
        "{one}"
    );
    assert!(!one.contains("homes (pinned)"), "{one}");
    assert!(section("borrow_across_two").contains("homes (pinned)"));
}
