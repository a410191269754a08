//! The `#[desugar]` attribute. Use it through the `desugar` crate, which
//! documents it; the expansion itself lives in `desugar-expand`.
#![forbid(unsafe_code)]

use proc_macro::TokenStream;

/// See the `desugar` crate for documentation.
#[proc_macro_attribute]
pub fn desugar(args: TokenStream, item: TokenStream) -> TokenStream {
    desugar_expand::expand(args.into(), item.into()).into()
}
