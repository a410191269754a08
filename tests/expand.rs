//! Snapshot tests of the expansion itself, so a change to the generated code
//! shows up in review.
//!
//! Each `tests/expand/<name>.rs` holds one async fn (a method may sit in an
//! `impl` block); its expansion, formatted with prettyplease, must equal
//! `tests/expand/<name>.expanded.rs`. After reviewing a change, regenerate
//! the snapshots with `DESUGAR_BLESS=1 cargo test --test expand`.

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
    prettyplease::unparse(&syn::parse2(file.to_token_stream()).expect("expansion parses"))
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
