//! The twin: the user's async fn, untouched, renamed `<name>_rustc`.
//!
//! rustc compiles it, so it is (1) the borrow-check witness for the desugared
//! code — homed values get references whose lifetimes rustc cannot see, and
//! are sound only because rustc accepted the same borrows here — and (2) what
//! the harness compares the desugared future against.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Input: `#[attrs] pub async fn name(..) { body }`.
/// Output: `#[doc(hidden)] #[attrs] pub async fn name_rustc(..) { body }`.
pub(crate) fn twin(item: &syn::ItemFn) -> TokenStream {
    hidden(&renamed(item))
}

/// The user's fn, renamed `<name>_rustc`, its doc comments left out.
pub(crate) fn renamed(item: &syn::ItemFn) -> syn::ItemFn {
    let mut twin = item.clone();
    twin.sig.ident = format_ident!("{}_rustc", item.sig.ident, span = item.sig.ident.span());
    twin.attrs.retain(|attr| !attr.path().is_ident("doc"));
    twin
}

/// The twin, hidden from docs and from the dead-code lint, and from the
/// naming lint, which the fn itself gets (`type_` makes `type__rustc`).
pub(crate) fn hidden(twin: &syn::ItemFn) -> TokenStream {
    quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_snake_case)]
        #twin
    }
}

/// On a method (a fn with a receiver), a hidden empty method beside the
/// twin whose name says where the attribute goes: in a trait impl, which
/// cannot hold methods its trait lacks, rustc reports it first, at the
/// attribute, E0407 "method `put_desugar_on_the_impl_block_not_on_call`
/// is not a member of trait `Svc`", before the twin's own E0407. The
/// attribute sees the fn alone and cannot tell a trait impl from an
/// inherent one, where the method builds and is never called (private,
/// and `&self` keeps a trait's default method dyn-compatible).
///
/// Before: `impl Svc for S { #[desugar] async fn call(&self) -> u32 { .. } }`
///
/// After: `impl Svc for S { fn put_desugar_on_the_impl_block_not_on_call(&self) {} fn call(..) .. }`
pub(crate) fn impl_block_check(item: &syn::ItemFn) -> TokenStream {
    if item.sig.receiver().is_none() {
        return TokenStream::new();
    }
    let name = syn::ext::IdentExt::unraw(&item.sig.ident);
    let check = format_ident!(
        "put_desugar_on_the_impl_block_not_on_{}",
        name,
        span = proc_macro2::Span::call_site()
    );
    quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_snake_case, clippy::unused_self)]
        fn #check(&self) {}
    }
}
