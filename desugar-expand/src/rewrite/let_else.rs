//! A `let … else` whose `else` block awaits, as a `match` in a block,
//! which the engine lowers like any other (an await in a `match` arm).
//!
//! Before:
//! ```text
//! let Some(user) = find(id) else {
//!     log(id).await;
//!     return None;
//! };
//! ```
//! After:
//! ```text
//! let (user,) = {
//!     let __else_value = find(id);
//!     match __else_value {
//!         Some(user) => (user,),
//!         _ => {
//!             ::core::mem::drop(__else_value);
//!             log(id).await;
//!             return None;
//!         }
//!     }
//! };
//! ```
//! As in rustc, the value's temporaries drop before the `else` block runs
//! (at the end of its own `let`), the value itself too (the `drop`), and
//! where the pattern matches, what it does not take drops at the end of
//! the statement. A place (`let Some(v) = self.next else`, `let [n, ..] =
//! v[..] else`) is matched where it is, as rustc matches it: what the
//! pattern does not take stays there, and an unsized place (`v[..]`) is
//! never bound to a local (which would not build, E0277):
//!
//! Before: `let [n, ..] = v[..] else { log().await; return 0; };`
//! After:
//! ```text
//! let (n,) = match v[..] {
//!     [n, ..] => (n,),
//!     _ => {
//!         log().await;
//!         return 0;
//!     }
//! };
//! ```
//!
//! The temporary a reference borrows into (`&make().name`), which rustc
//! extends to the end of the block, is bound by a `let` of its own beside
//! the `match`; where the pattern fails, rustc drops it before the `else`
//! block runs:
//!
//! Before: `let Some(name) = &make().name else { log().await; return 0; };`
//! After:
//! ```text
//! let __else_extended = make();
//! let __else_value = &__else_extended.name;
//! let (name,) = match __else_value {
//!     Some(name) => (name,),
//!     _ => {
//!         ::core::mem::drop(__else_value);
//!         ::core::mem::drop(__else_extended);
//!         log().await;
//!         return 0;
//!     }
//! };
//! ```
//!
//! A pattern that binds by reference would borrow the block's local past
//! its end: such a `let … else` is left as written, and an await in its
//! `else` is the error that says to move it.

use syn::visit::Visit;
use syn::visit_mut::{self, VisitMut};

use crate::build::{has_await, plain_place, value_root};
use crate::names;

pub(crate) fn rewrite_body(body: &mut syn::Block) {
    LetElse.visit_block_mut(body);
}

struct LetElse;

impl VisitMut for LetElse {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        visit_mut::visit_block_mut(self, block);
        let stmts = std::mem::take(&mut block.stmts);
        for stmt in stmts {
            match &stmt {
                syn::Stmt::Local(local) => match as_match(local) {
                    Some(rewritten) => block.stmts.extend(rewritten),
                    None => block.stmts.push(stmt),
                },
                _ => block.stmts.push(stmt),
            }
        }
    }

    // Their bodies are not lowered; rustc reads them as written.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

fn as_match(local: &syn::Local) -> Option<Vec<syn::Stmt>> {
    let init = local.init.as_ref()?;
    let (_, otherwise) = init.diverge.as_ref()?;
    if !has_await(&**otherwise) {
        return None;
    }
    let (pat, ty) = match &local.pat {
        syn::Pat::Type(typed) => (&*typed.pat, Some(&typed.ty)),
        pat => (pat, None),
    };
    let mut bindings = Bindings::default();
    bindings.visit_pat(pat);
    if bindings.by_ref {
        return None;
    }
    let expr = &init.expr;
    let attrs = &local.attrs;
    let names = bindings.names.iter().map(|(name, _)| name);
    let declared = bindings.names.iter().map(|(name, mutable)| {
        let mutability = mutable.then(|| quote::quote!(mut));
        quote::quote!(#mutability #name)
    });
    let value = names::hidden("__else_value");
    let otherwise = &diverging(otherwise);
    let matched = if ty.is_none() && plain_place(expr) && !has_await(&**expr) {
        // A place (`self.next`, `v[..]`) is matched where it is: what the
        // pattern does not take stays there, as with `let … else`, and an
        // unsized one (`v[..]`) is never a value of its own.
        quote::quote! {
            match #expr {
                #pat => (#(#names,)*),
                _ => #otherwise
            }
        }
    } else if let Some((root, borrow)) = extended_root(expr) {
        // The temporary a reference borrows into gets a `let` of its own,
        // beside the `match`: it lives to the end of the block, as rustc
        // extends it, and where the pattern fails it drops before the
        // `else` block runs, as in rustc.
        let extended = names::hidden("__else_extended");
        let mutability = matches!(&borrow, syn::Expr::Reference(r) if r.mutability.is_some())
            .then(|| quote::quote!(mut));
        let ty = ty.map(|ty| quote::quote!(: #ty));
        return syn::parse2::<syn::Block>(quote::quote! {{
            let #mutability #extended = #root;
            let #value #ty = #borrow;
            #(#attrs)*
            let (#(#declared,)*) = match #value {
                #pat => (#(#names,)*),
                _ => {
                    ::core::mem::drop(#value);
                    ::core::mem::drop(#extended);
                    #otherwise
                }
            };
        }})
        .ok()
        .map(|block| block.stmts);
    } else {
        let ty = ty.map(|ty| quote::quote!(: #ty));
        quote::quote! {{
            let #value #ty = #expr;
            match #value {
                #pat => (#(#names,)*),
                _ => {
                    ::core::mem::drop(#value);
                    #otherwise
                }
            }
        }}
    };
    // Built from parts that parse; should they not, the `let` stays as
    // written (and an await in its `else` is reported).
    syn::parse2(quote::quote! {
        #(#attrs)*
        let (#(#declared,)*) = #matched;
    })
    .ok()
    .map(|stmt| vec![stmt])
}

/// The `else` block, which rustc checks diverges (its type is `!`), ended
/// by an `unreachable!()` that never runs: where it ends in a call of a fn
/// that returns `!` (`fail("none");`), which syntax cannot tell from one
/// that returns, the arm still has the type of the pattern's bindings.
///
/// Before: `{ log().await; fail("none"); }`
/// After:  `{ { log().await; fail("none"); } ::core::unreachable!() }`
fn diverging(otherwise: &syn::Expr) -> syn::Expr {
    syn::parse_quote!({ #otherwise ::core::unreachable!() })
}

/// `&make().name`: the temporary the reference borrows into (`make()`),
/// which rustc extends, and the reference with the temporary replaced by
/// `__else_extended`. `None` where the reference borrows a place
/// (`&self.name`) or a constant, which make no temporary.
fn extended_root(expr: &syn::Expr) -> Option<(syn::Expr, syn::Expr)> {
    let mut borrow = expr.clone();
    while let syn::Expr::Paren(e) = borrow {
        borrow = *e.expr;
    }
    let syn::Expr::Reference(reference) = &mut borrow else {
        return None;
    };
    let root = value_root(&mut reference.expr, true)?;
    let extended = names::hidden("__else_extended");
    let value = std::mem::replace(root, syn::parse_quote!(#extended));
    Some((value, borrow))
}

/// The names a pattern binds, and whether each is declared `mut`; whether
/// any binds by reference. A lone name starting with an upper-case letter
/// is taken for a constant or a unit variant (`None`), as Rust's naming
/// conventions have it.
#[derive(Default)]
struct Bindings {
    names: Vec<(syn::Ident, bool)>,
    by_ref: bool,
}

impl<'ast> Visit<'ast> for Bindings {
    fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
        let constant = pat.subpat.is_none()
            && pat.by_ref.is_none()
            && pat.mutability.is_none()
            && pat
                .ident
                .to_string()
                .starts_with(|c: char| c.is_ascii_uppercase());
        if !constant {
            self.by_ref |= pat.by_ref.is_some();
            self.names
                .push((pat.ident.clone(), pat.mutability.is_some()));
        }
        syn::visit::visit_pat_ident(self, pat);
    }

    // A path in a pattern names a constant or a variant, not a binding.
    fn visit_expr(&mut self, _: &'ast syn::Expr) {}
}
