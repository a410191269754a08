//! `pin!` in an extending place of a `let`'s initializer other than the
//! whole of it: a tuple's, array's or struct literal's element, a block's
//! tail, an `if`'s branch, a `match`'s arm. rustc keeps the value `pin!`
//! pins there to the end of the block, as it keeps `&make()` there (see
//! `build::extended`), which the machine can do only for a value it can
//! name: each such value gets a hidden local of the body, declared just
//! before the `let`, so that it drops after the `let`'s bindings and in
//! reverse order of making, as rustc drops extended temporaries.
//!
//! Made before anything else in the initializer runs, the value is made
//! by the local's own `let`:
//!
//! Before: `let (a, b) = (pin!(x), pin!(y));`
//! After:
//! ```text
//! let mut __pinned1 = x;
//! let mut __pinned2 = y;
//! let (a, b) = (unsafe { Pin::new_unchecked(&mut __pinned1) }, unsafe { Pin::new_unchecked(&mut __pinned2) });
//! ```
//!
//! Made after something with an effect, or in a branch, it is put in
//! place, into the local declared ahead:
//!
//! Before: `let f = if left { pin!(a) } else { pin!(b) };`
//! After:
//! ```text
//! let mut __pinned1;
//! let mut __pinned2;
//! let f = if left { { __pinned1 = a; unsafe { Pin::new_unchecked(&mut __pinned1) } } } else { .. };
//! ```
//!
//! SAFETY: as in the parent module, the hidden local is named by nothing
//! but its one assignment and the one borrow, so it is never moved once
//! pinned.

use proc_macro2::Span;
use syn::Expr;
use syn::spanned::Spanned;

use crate::walk::extending::{Extending, extending};

/// The statements to put before `local`, whose initializer's extending
/// places no longer pin, or `None` where none pins. `hidden` names the
/// next hidden local (and keeps it in place). A pinned value that makes
/// temporaries of its own is an error: rustc keeps those to the end of the
/// `let` (Rust 2021) or of `pin!`'s own block (Rust 2024), and a local's
/// own statement would keep them to neither.
pub(super) fn lowered(
    local: &mut syn::Local,
    hidden: &mut dyn FnMut() -> syn::Ident,
) -> syn::Result<Option<Vec<syn::Stmt>>> {
    let Some(init) = &mut local.init else {
        return Ok(None);
    };
    let mut pins = Pins {
        hidden,
        ahead: Vec::new(),
        ran: false,
        error: None,
    };
    extending(&mut pins, &mut init.expr);
    if let Some(error) = pins.error {
        return Err(error);
    }
    Ok((!pins.ahead.is_empty()).then_some(pins.ahead))
}

struct Pins<'a> {
    hidden: &'a mut dyn FnMut() -> syn::Ident,
    /// The hidden locals' statements, in the order their values are made.
    ahead: Vec<syn::Stmt>,
    /// Has something with an effect run before the current point, or is
    /// the current point in a branch? Then a value is made in place.
    ran: bool,
    error: Option<syn::Error>,
}

impl Extending for Pins<'_> {
    fn named(&mut self, expr: &mut Expr) -> bool {
        match expr {
            Expr::Macro(mac) if super::is_named(&mac.mac, &["pin"]) => {
                let span = mac.mac.path.span();
                match mac.mac.parse_body::<Expr>() {
                    Ok(value) if makes_no_temporary(&value) => {
                        *expr = self.pinned(value, span);
                    }
                    _ => self.refuse(span),
                }
                true
            }
            // A `break` out of a labeled block may skip its tail.
            Expr::Block(e) if e.label.is_some() => {
                self.ran = true;
                true
            }
            _ => false,
        }
    }

    fn ran(&mut self) -> &mut bool {
        &mut self.ran
    }
}

impl Pins<'_> {
    /// The pin of `value` in its hidden local, which is declared ahead.
    fn pinned(&mut self, value: Expr, span: Span) -> Expr {
        let hidden = (self.hidden)();
        // SAFETY: (of the `unsafe` block written here) see the module's.
        let pin: Expr = syn::parse_quote_spanned! {span=>
            unsafe { ::core::pin::Pin::new_unchecked(&mut #hidden) }
        };
        if self.ran {
            self.ahead
                .push(syn::parse_quote_spanned!(span=> let mut #hidden;));
            crate::syntax::assigned_then(&hidden, value, pin)
        } else {
            self.ahead
                .push(syn::parse_quote_spanned!(span=> let mut #hidden = #value;));
            pin
        }
    }

    fn refuse(&mut self, span: Span) {
        let error = syn::Error::new(
            span,
            "#[desugar] cannot keep a value `pin!` pins here where rustc keeps it, with the temporaries its expression \
             makes: pin it in a `let` of its own first (`let a = pin!(..);`) and use `a`",
        );
        match &mut self.error {
            Some(errors) => errors.combine(error),
            None => self.error = Some(error),
        }
    }
}

/// A value a statement of its own makes as `pin!` would: an `async` block
/// or a closure, which only capture, or a value whose temporaries are all
/// named (see `build::earlier`'s `plain_value`).
fn makes_no_temporary(value: &Expr) -> bool {
    matches!(value, Expr::Async(_) | Expr::Closure(_)) || crate::build::plain_value(value)
}
