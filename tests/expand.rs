//! Snapshot tests of the expansion itself, so a change to the generated code
//! shows up in review.
//!
//! Each `tests/expand/<name>.rs` holds one async fn (a method may sit in an
//! `impl` block); its expansion, formatted with prettyplease, must equal
//! `tests/expand/<name>.expanded.rs`. After reviewing a change, regenerate
//! the snapshots with `DESUGAR_BLESS=1 cargo test --test expand`.
//!
//! Comments do not survive a token stream, so the `// SAFETY:` line above
//! each generated `unsafe` block is written here, from the invariant the
//! emitter states where it writes that block (`desugar-expand/src/emit/`).

use std::path::{Path, PathBuf};

use quote::ToTokens;

fn expand_file(source: &str) -> String {
    let mut file: syn::File = syn::parse_str(source).expect("snapshot input parses");
    for item in &mut file.items {
        match item {
            syn::Item::Fn(item_fn) => *item = expand_item(item_fn.to_token_stream()),
            syn::Item::Impl(item_impl) => {
                for impl_item in &mut item_impl.items {
                    if let syn::ImplItem::Fn(method) = impl_item {
                        let expanded: syn::File = syn::parse2(desugar_expand::expand(
                            proc_macro2::TokenStream::new(),
                            method.to_token_stream(),
                        ))
                        .expect("expansion parses");
                        *impl_item = syn::ImplItem::Verbatim(expanded.to_token_stream());
                    }
                }
            }
            _ => {}
        }
    }
    let formatted =
        prettyplease::unparse(&syn::parse2(file.to_token_stream()).expect("expansion parses"));
    with_safety_comments(&formatted)
}

/// The invariant each kind of generated `unsafe` block relies on, by what
/// its code contains (the first entry whose words all occur), as
/// `emit/step.rs`, `emit/uses.rs` and `emit/layout.rs` state them.
const SAFETY: &[(&[&str], &str)] = &[
    (
        &["Home::new("],
        "the slot is this local's own, in the pinned homes area or in the variant the machine has just entered (and stays in while the local lives: no other await is in its scope); the guard lives in this frame or in the machine's state, so the machine outlives it",
    ),
    (
        &["Home::vacant("],
        "as for `Home::new`: the slot is this local's own, in the pinned homes area",
    ),
    (
        &["Home::restore(", "__StateProj"],
        "the flag was stored from this local's own slot, in the pinned homes area or in the variant the machine is still in",
    ),
    (
        &["Home::restore("],
        "the flag was stored from this very slot, which the pinned machine still holds",
    ),
    (
        &["Later::pinned("],
        "`__held` is set, so the future was written here and not dropped since",
    ),
    (
        &["Later::drop_in_place("],
        "`__held` was set, so the future was written at the suspension; it is cleared now, so the future is dropped once",
    ),
    (
        &["Later::take("],
        "`__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once",
    ),
    (
        &[".take()"],
        "rustc accepted the twin, where this is a move or copy of an initialized local, so the home holds a value",
    ),
    (
        &[".place_mut()"],
        "the `&mut` is used by the user's code within the local's scope only, and it is the only path to the value there; rustc borrow-checked the same uses in the twin",
    ),
    (
        &[".place"],
        "the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin",
    ),
];

/// `formatted` with a `// SAFETY:` line above every line holding a
/// generated `unsafe` block.
fn with_safety_comments(formatted: &str) -> String {
    let mut out = String::with_capacity(formatted.len());
    let mut offset = 0;
    for line in formatted.lines() {
        let start = offset;
        offset += line.len() + 1;
        if let Some(at) = line.find(concat!("unsafe", " {")) {
            // The block's call, which may continue on the next lines.
            let rest: String = formatted[start + at..].chars().take(200).collect();
            let reason = SAFETY
                .iter()
                .find(|(words, _)| words.iter().all(|word| rest.contains(word)))
                .map(|(_, reason)| *reason)
                .unwrap_or_else(|| {
                    panic!("a generated `unsafe` block with no stated invariant: {line}")
                });
            let indent = &line[..line.len() - line.trim_start().len()];
            out.push_str(&format!("{indent}// SAFETY: {reason}.\n"));
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn expand_item(tokens: proc_macro2::TokenStream) -> syn::Item {
    let expanded = desugar_expand::expand(proc_macro2::TokenStream::new(), tokens);
    syn::Item::Verbatim(expanded)
}

fn inputs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expand");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/expand exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| {
            path.extension().is_some_and(|e| e == "rs")
                && !path.to_string_lossy().ends_with(".expanded.rs")
        })
        .collect();
    inputs.sort();
    inputs
}

#[test]
fn expansions_match_snapshots() {
    let bless = std::env::var_os("DESUGAR_BLESS").is_some();
    let mut failures = Vec::new();
    let inputs = inputs();
    assert!(inputs.len() >= 5, "expected at least five snapshot inputs");
    for input in inputs {
        let source = std::fs::read_to_string(&input).expect("readable input");
        let actual = expand_file(&source);
        let snapshot = input.with_extension("expanded.rs");
        if bless {
            std::fs::write(&snapshot, &actual).expect("snapshot written");
            continue;
        }
        match std::fs::read_to_string(&snapshot) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{}: expansion changed; first differing line:\n{}\nRun DESUGAR_BLESS=1 cargo test --test expand after reviewing.",
                input.display(),
                first_difference(&expected, &actual)
            )),
            Err(_) => failures.push(format!(
                "{}: no snapshot; run DESUGAR_BLESS=1 cargo test --test expand",
                input.display()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn first_difference(expected: &str, actual: &str) -> String {
    for (index, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  snapshot: {e}\n  now:      {a}", index + 1);
        }
    }
    format!(
        "lengths differ: snapshot has {} lines, now {}",
        expected.lines().count(),
        actual.lines().count()
    )
}
