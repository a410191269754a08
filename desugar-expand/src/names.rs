//! Names the expansion introduces. All are `Span::mixed_site()` (so user code
//! can neither see nor shadow them) except where user code must see them.

use proc_macro2::{Ident, Span};

/// A generated identifier invisible to the user's code.
pub(crate) fn hidden(name: &str) -> Ident {
    Ident::new(name, Span::mixed_site())
}

/// The path of the runtime support module, absolute so a user's `mod core`
/// or `mod desugar` cannot capture it.
pub(crate) fn private() -> proc_macro2::TokenStream {
    quote::quote!(::desugar::__private)
}
