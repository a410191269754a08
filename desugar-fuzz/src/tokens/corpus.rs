//! The seed inputs the token fuzzer mutates: every fn (free or in an
//! `impl`) in the workspace's examples and tests, and fns from the program
//! generator, each as the tokens `#[desugar]` would receive (its own
//! attribute removed). They are kept as text, since token streams cannot
//! cross threads.

use std::path::Path;

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::generate;
use crate::rng::Rng;

/// The corpus: fns from the workspace's `examples/` and `tests/`, then
/// `generated` fns from the generator.
pub fn load(workspace: &Path, generated: usize, rng: &mut Rng) -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["examples", "tests"] {
        let mut files = Vec::new();
        rust_files(&workspace.join(dir), &mut files);
        files.sort();
        for file in files {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let Ok(parsed) = syn::parse_file(&text) else {
                continue;
            };
            collect(&parsed.items, &mut out);
        }
    }
    let mut out: Vec<String> = out.iter().map(TokenStream::to_string).collect();
    for _ in 0..generated {
        out.push(generate::function(rng).render("generated", ""));
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The fns among `items` (and in their modules and impls).
fn collect(items: &[syn::Item], out: &mut Vec<TokenStream>) {
    for item in items {
        match item {
            syn::Item::Fn(f) => {
                let mut f = f.clone();
                f.attrs.retain(|a| !a.path().is_ident("desugar"));
                out.push(f.to_token_stream());
            }
            syn::Item::Impl(block) => {
                for inner in &block.items {
                    if let syn::ImplItem::Fn(f) = inner {
                        let mut f = f.clone();
                        f.attrs.retain(|a| !a.path().is_ident("desugar"));
                        out.push(f.to_token_stream());
                    }
                }
            }
            syn::Item::Mod(module) => {
                if let Some((_, items)) = &module.content {
                    collect(items, out);
                }
            }
            _ => {}
        }
    }
}
