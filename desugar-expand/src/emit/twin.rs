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
    let mut twin = item.clone();
    twin.sig.ident = format_ident!("{}_rustc", item.sig.ident, span = item.sig.ident.span());
    twin.attrs.retain(|attr| !attr.path().is_ident("doc"));
    quote! {
        #[doc(hidden)]
        #[allow(dead_code)]
        #twin
    }
}
