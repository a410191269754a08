//! The attribute's own arguments: `#[desugar]` takes none yet.

use proc_macro2::TokenStream;

/// Input: the tokens inside `#[desugar(...)]`. Output: an error unless empty.
pub(crate) fn parse(args: TokenStream) -> syn::Result<()> {
    match args.into_iter().next() {
        None => Ok(()),
        Some(first) => Err(syn::Error::new(
            first.span(),
            "#[desugar] takes no arguments: write `#[desugar]`",
        )),
    }
}
