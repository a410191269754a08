//! The whole expansion, stage by stage; every error becomes a
//! `compile_error!` next to a best-effort item, so one mistake does not
//! cascade into "cannot find function" errors at every call site.

use proc_macro2::TokenStream;
use quote::quote;

use crate::{analysis, args, build, emit, rewrite, signature};

/// Input: `#[desugar(args)] async fn f(..) -> T { body }`.
/// Output: `fn f(..) -> impl Future<Output = T>` (the machine) and the
/// hidden `async fn f_rustc(..) -> T { body }` (the twin).
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let item_fn = match syn::parse2::<syn::ItemFn>(item.clone()) {
        Ok(item_fn) => item_fn,
        Err(err) => return not_a_fn(err, item),
    };
    match try_expand(args, &item_fn) {
        Ok(tokens) => tokens,
        Err(err) => fallback(err, &item_fn),
    }
}

fn try_expand(args: TokenStream, item_fn: &syn::ItemFn) -> syn::Result<TokenStream> {
    args::parse(args)?;
    let (plan, ir, decisions) = analyse(item_fn)?;
    let machine = emit::machine(&plan, &ir, &decisions);
    let twin = emit::twin::twin(item_fn);
    Ok(quote! { #machine #twin })
}

/// Stages 1 to 4: everything but printing.
fn analyse(
    item_fn: &syn::ItemFn,
) -> syn::Result<(signature::Plan, crate::ir::Body, analysis::Decisions)> {
    let plan = signature::plan(item_fn)?;
    let mut body = (*item_fn.block).clone();
    rewrite::receiver::rename_self(&mut body);
    rewrite::early_exit::rewrite_body(&mut body);
    let mut ir = build::build(&plan, body)?;
    let decisions = analysis::decide(&mut ir)?;
    Ok((plan, ir, decisions))
}

/// Input: an `async fn` (with or without `#[desugar]`). Output: its machine
/// described (states, what each keeps, a Mermaid diagram), without
/// compiling anything; or why `#[desugar]` would reject it.
pub fn describe(item: TokenStream) -> syn::Result<emit::describe::Description> {
    let item_fn = syn::parse2::<syn::ItemFn>(item)?;
    let (plan, ir, decisions) = analyse(&item_fn)?;
    Ok(emit::describe(&plan, &ir, &decisions))
}

/// The item did not parse as a fn: say what the attribute applies to, and
/// give the tokens back so the rest of the crate still sees the item.
fn not_a_fn(err: syn::Error, item: TokenStream) -> TokenStream {
    let msg = format!(
        "#[desugar] applies to an `async fn` (free fn or method); {}",
        err
    );
    let err = syn::Error::new(err.span(), msg).into_compile_error();
    quote! { #err #item }
}

/// Keeps the user's fn as rustc would compile it (so callers and IDEs keep
/// working) and reports why it was not desugared.
fn fallback(err: syn::Error, item_fn: &syn::ItemFn) -> TokenStream {
    let err = err.into_compile_error();
    let twin = emit::twin::twin(item_fn);
    quote! { #err #item_fn #twin }
}
