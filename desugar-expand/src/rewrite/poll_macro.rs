//! `futures::poll!(fut)` polls `fut` once by awaiting a future that does
//! so inside its own expansion, which `#[desugar]` cannot see. The same
//! future, awaited in the body, is an await like any other (its operand
//! may borrow a local, which is then kept in place).
//!
//! Before: `let first = futures::poll!(fut.as_mut());`
//! After:  `let first = ::desugar::__private::poll_once(fut.as_mut()).await;`
//!
//! A `poll!` by another path is taken for `futures`' (`use futures::poll;`,
//! `futures_util::poll!`).

use quote::quote_spanned;
use syn::spanned::Spanned;

use crate::names;

pub(crate) fn rewrite_body(body: &mut syn::Block) {
    super::macro_calls::replace(body, awaited);
}

/// The await that stands for `mac`, if it is a `poll!`.
fn awaited(mac: &syn::Macro) -> Option<syn::Expr> {
    if mac.path.segments.last()?.ident != "poll" {
        return None;
    }
    let future: syn::Expr = mac.parse_body().ok()?;
    let span = mac.path.span();
    let private = names::private();
    syn::parse2(quote_spanned! {span=> #private::poll_once(#future).await }).ok()
}
