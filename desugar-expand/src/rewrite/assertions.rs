//! Assertions whose arguments await where rustc may not run them: an
//! `assert!`'s message is evaluated only if the assertion fails, and a
//! `debug_assert!` runs nothing in a build without debug assertions. The
//! expansion suspends at every await it is given, so such an await is
//! first made conditional, as the macro makes it.
//!
//! Before: `debug_assert!(ok(x).await, "bad {}", name().await);`
//! After:  `if ::core::cfg!(debug_assertions) { if !(ok(x).await) { ::core::panic!("bad {}", name().await) } }`
//!
//! An `assert_eq!`/`assert_ne!` message that awaits is an error: its
//! panic prints both values in a form only the macro writes.

use proc_macro2::Span;
use quote::quote_spanned;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;

use crate::build::first_await;

pub(crate) fn rewrite_body(body: &mut syn::Block) -> syn::Result<()> {
    let mut rewriter = Assertions { error: None };
    super::macro_calls::replace(body, |mac| rewriter.lowered(mac));
    rewriter.error.map_or(Ok(()), Err)
}

struct Assertions {
    error: Option<syn::Error>,
}

impl Assertions {
    /// The `if` that stands for `mac`, if it must.
    fn lowered(&mut self, mac: &syn::Macro) -> Option<syn::Expr> {
        let name = mac.path.segments.last()?.ident.to_string();
        if !matches!(
            name.as_str(),
            "assert"
                | "assert_eq"
                | "assert_ne"
                | "debug_assert"
                | "debug_assert_eq"
                | "debug_assert_ne"
        ) {
            return None;
        }
        let whole = syn::Expr::Macro(syn::ExprMacro {
            attrs: Vec::new(),
            mac: mac.clone(),
        });
        first_await(&whole)?;
        let span = mac.path.span();
        if let Some(checked) = name.strip_prefix("debug_") {
            let checked = syn::Ident::new(checked, span);
            let tokens = &mac.tokens;
            return parsed(quote_spanned! {span=>
                if ::core::cfg!(debug_assertions) { ::core::#checked!(#tokens) }
            });
        }
        let args = mac
            .parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
            .ok()?;
        let values = if name == "assert" { 1 } else { 2 };
        let message: Vec<&syn::Expr> = args.iter().skip(values).collect();
        let awaits_at = message.iter().find_map(|arg| first_await(*arg))?;
        if name != "assert" {
            let op = if name == "assert_eq" { "!=" } else { "==" };
            self.error(
                awaits_at,
                format!(
                    "#[desugar] cannot await in an `{name}!` message: rustc evaluates it only if the assertion fails, \
                     and the message the macro prints beside it cannot be written out. \
                     Write the check out: `if left {op} right {{ panic!(\"..\", value.await) }}`"
                ),
            );
            return None;
        }
        let condition = args.first()?;
        parsed(quote_spanned! {span=>
            if !(#condition) { ::core::panic!(#(#message),*) }
        })
    }

    fn error(&mut self, span: Span, message: String) {
        let error = syn::Error::new(span, message);
        match &mut self.error {
            Some(errors) => errors.combine(error),
            None => self.error = Some(error),
        }
    }
}

/// The `if` as a syntax tree, so that the rest of the expansion reads its
/// condition and body (and the `assert!` inside a `debug_assert!`'s). It
/// is made of expressions just parsed; if it did not parse after all, the
/// macro stays as written.
fn parsed(tokens: proc_macro2::TokenStream) -> Option<syn::Expr> {
    syn::parse2(tokens).ok()
}
