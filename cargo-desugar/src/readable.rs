//! The expansion made readable before prettyplease formats it.
//!
//! The state enum and the homes struct are emitted inside
//! `::desugar::__private::pin_project! { .. }`, a macro call whose body
//! prettyplease can only print as raw tokens. Its body is ordinary item
//! syntax (`#[project = ..]` and `#[pin]` are plain attributes there), so
//! each such statement is replaced by the item itself, preceded by a
//! `// within ::desugar::__private::pin_project! { … }` comment, and its
//! doc attributes are split into one line each so they print as `///`
//! lines (the enum's carries the Mermaid diagram).

use proc_macro2::Span;
use quote::ToTokens as _;
use syn::visit_mut::{self, VisitMut};

/// Input: the expansion's items. Output (in place): every
/// `pin_project! { <item> }` statement replaced by `<item>`; a body that
/// does not parse as an item is left as it is.
pub fn unwrap_pin_project(file: &mut syn::File) {
    Unwrapper.visit_file_mut(file);
}

struct Unwrapper;

impl VisitMut for Unwrapper {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        for stmt in &mut block.stmts {
            let mac = match stmt {
                syn::Stmt::Macro(stmt) => &stmt.mac,
                syn::Stmt::Item(syn::Item::Macro(item)) => &item.mac,
                _ => continue,
            };
            if let Some(item) = pin_project_body(mac) {
                *stmt = syn::Stmt::Item(item);
            }
        }
        visit_mut::visit_block_mut(self, block);
    }
}

/// The item inside `…::pin_project! { <item> }`, with the comment and the
/// doc lines; `None` for any other macro.
fn pin_project_body(mac: &syn::Macro) -> Option<syn::Item> {
    let name = &mac.path.segments.last()?.ident;
    if name != "pin_project" {
        return None;
    }
    let mut item = syn::parse2::<syn::Item>(mac.tokens.clone()).ok()?;
    let macro_path = mac.path.to_token_stream().to_string().replace(' ', "");
    let attrs = match &mut item {
        syn::Item::Enum(item) => {
            for variant in &mut item.variants {
                doc_lines(&mut variant.attrs);
                fields_doc_lines(&mut variant.fields);
            }
            &mut item.attrs
        }
        syn::Item::Struct(item) => {
            fields_doc_lines(&mut item.fields);
            &mut item.attrs
        }
        _ => return Some(item),
    };
    doc_lines(attrs);
    attrs.insert(0, comment(&format!(" within {macro_path}! {{ … }}")));
    Some(item)
}

fn fields_doc_lines(fields: &mut syn::Fields) {
    for field in fields.iter_mut() {
        doc_lines(&mut field.attrs);
    }
}

/// Input: the attributes of an item the engine wrote. Output (in place):
/// each `#[doc = ".."]` split into one `#[doc]` per line, each non-empty
/// line after a space (as a `///` comment leaves it), so prettyplease
/// prints `/// line` for each: it prints a doc of several lines as one
/// `/** .. */` block, and `///line` for a line without the space.
fn doc_lines(attrs: &mut Vec<syn::Attribute>) {
    let mut out = Vec::with_capacity(attrs.len());
    for attr in attrs.drain(..) {
        match doc_text(&attr) {
            Some(text) => out.extend(text.split('\n').map(|line| {
                if line.is_empty() {
                    doc(line)
                } else {
                    doc(&format!(" {line}"))
                }
            })),
            None => out.push(attr),
        }
    }
    *attrs = out;
}

/// The text of `#[doc = "…"]`.
fn doc_text(attr: &syn::Attribute) -> Option<String> {
    let syn::Meta::NameValue(meta) = &attr.meta else {
        return None;
    };
    if !meta.path.is_ident("doc") {
        return None;
    }
    match &meta.value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => Some(text.value()),
        _ => None,
    }
}

fn doc(text: &str) -> syn::Attribute {
    name_value("doc", text)
}

/// `#[comment = ".."]`, which prettyplease prints as a `//` comment.
fn comment(text: &str) -> syn::Attribute {
    name_value("comment", text)
}

fn name_value(name: &str, text: &str) -> syn::Attribute {
    let name = syn::Ident::new(name, Span::call_site());
    let text = syn::LitStr::new(text, Span::call_site());
    syn::parse_quote!(#[#name = #text])
}
