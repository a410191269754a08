//! `addr_of!(place)` and `addr_of_mut!(place)` written as the raw borrows
//! they are (`&raw const place`, `&raw mut place`), so that the analysis
//! sees the borrow of the local: a local a raw pointer points to is kept
//! in place across the awaits, as rustc's coroutine keeps it, where the
//! machine would otherwise move it and leave the pointer dangling.
//!
//! Before: `let ptr = std::ptr::addr_of!(x);`
//! After:  `let ptr = &raw const x;`
//!
//! (By name, as the standard macros the expansion reads are: a macro of
//! the user's named so is taken for the standard one.)

use quote::quote_spanned;
use syn::spanned::Spanned;

pub(crate) fn rewrite_body(body: &mut syn::Block) {
    super::macro_calls::replace(body, raw_borrow);
}

/// The raw borrow `mac` stands for, if it is `addr_of!` or
/// `addr_of_mut!` of a place.
fn raw_borrow(mac: &syn::Macro) -> Option<syn::Expr> {
    let name = &mac.path.segments.last()?.ident;
    let mutability = if name == "addr_of" {
        quote::quote!(const)
    } else if name == "addr_of_mut" {
        quote::quote!(mut)
    } else {
        return None;
    };
    let place: syn::Expr = mac.parse_body().ok()?;
    let span = mac.path.span();
    syn::parse2(quote_spanned!(span=> &raw #mutability #place)).ok()
}
