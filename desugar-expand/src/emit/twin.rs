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
