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
    let sig = signature::plan(item_fn)?;
    let mut body = (*item_fn.block).clone();
    rewrite::receiver::rename_self(&mut body);
    rewrite::early_exit::rewrite_body(&mut body);
    let mut ir = build::build(&sig, body)?;
    let decisions = analysis::decide(&mut ir)?;
    let machine = emit::machine(&sig, &ir, &decisions)?;
    let twin = emit::twin::twin(item_fn);
    Ok(quote! { #machine #twin })
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
