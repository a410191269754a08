//! A `let … else` whose `else` block awaits, as a `match` in a block,
//! which the engine lowers like any other (an await in a `match` arm).
//!
//! Before:
//! ```text
//! let Some((job, _)) = next(&mut q, &reason()) else {
//!     log(id).await;
//!     return None;
//! };
//! ```
//! After:
//! ```text
//! let (job,) = {
//!     let __else_value = match next(&mut q, &reason()) {
//!         Some((job, _)) => Some((job,)),
//!         _ => None,
//!     };
//!     match __else_value {
//!         Some(__else_bound) => __else_bound,
//!         None => {
//!             ::core::mem::drop(__else_value);
//!             log(id).await;
//!             return None;
//!         }
//!     }
//! };
//! ```
//! The value is matched in the statement that makes it, as rustc matches
//! it: what the pattern does not take (the `_`), or the whole value where
//! the pattern fails, drops at the end of that statement, before the
//! temporaries it is made with (`reason()`), and all of them before the
//! `else` block runs; and a value that borrows such a temporary
//! (`c.borrow().first()` under `Some(&n)`) is matched while it lives.
//!
//! A place (`let Some(v) = self.next else`, `let [n, ..] = v[..] else`) is
//! matched where it is, as rustc matches it: what the pattern does not
//! take stays there, and an unsized place (`v[..]`) is never bound to a
//! local (which would not build, E0277):
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
//! Each temporary a reference borrows into (`&make().name`, also inside a
//! tuple, an array or a struct literal: `(&make(), next())`), which rustc
//! extends to the end of the block, is bound by a `let` of its own beside
//! the `match` (see `build::extended`); where the pattern fails, rustc
//! drops them before the `else` block runs, newest first:
//!
//! Before: `let (p, Some(n)) = (&make(), next()) else { log().await; return 0; };`
//! After:
//! ```text
//! let __else_extended1 = make();
//! let (p, n) = {
//!     let __else_value = match (&__else_extended1, next()) {
//!         (p, Some(n)) => Some((p, n)),
//!         _ => None,
//!     };
//!     match __else_value {
//!         Some(__else_bound) => __else_bound,
//!         None => {
//!             ::core::mem::drop(__else_value);
//!             ::core::mem::drop(__else_extended1);
//!             log().await;
//!             return 0;
//!         }
//!     }
//! };
//! ```
//!
//! Those `drop`s are where rustc ends the storage of the value and its
//! temporaries, and so every borrow of them: the builder reads them so
//! (see [`storage_ends`]), and no await of the `else` keeps them, as none
//! of rustc's does.
//!
//! One made after something with an effect (`(next(), &make())`), which a
//! `let` ahead would make first, or that cannot be named (`Some(&make())`)
//! is an error saying to bind it with a `let` of its own.
//!
//! A pattern that binds by reference would borrow the block's local past
//! its end: such a `let … else` is left as written, and an await in its
//! `else` is the error that says to move it.

use syn::visit::Visit;
use syn::visit_mut::{self, VisitMut};

use crate::build::{RefBinding, extended_temporaries, has_await, plain_place};
use crate::names;

/// The base of the names of the temporaries a `let … else` extends.
const EXTENDED: &str = "__else_extended";

/// The value or temporary a statement of the `else` arm's start drops,
/// which rustc drops before the `else` block runs, ending its storage (see
/// `ir::Local::storage_ended`): nothing in the `else` can borrow it.
///
/// `::core::mem::drop(__else_value);`, `::core::mem::drop(__else_extended1);`
pub(crate) fn storage_ends(stmt: &syn::Stmt) -> Option<&syn::Ident> {
    let syn::Stmt::Expr(syn::Expr::Call(call), Some(_)) = stmt else {
        return None;
    };
    let syn::Expr::Path(func) = &*call.func else {
        return None;
    };
    let dropped = func.path.leading_colon.is_some()
        && (func
            .path
            .segments
            .iter()
            .map(|segment| segment.ident.to_string()))
        .eq(["core", "mem", "drop"]);
    let [syn::Expr::Path(arg)] = (call.args.iter()).collect::<Vec<_>>()[..] else {
        return None;
    };
    let ident = arg.path.get_ident()?;
    let name = ident.to_string();
    let ours = name == "__else_value"
        || name
            .strip_prefix(EXTENDED)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    (dropped && ours).then_some(ident)
}

pub(crate) fn rewrite_body(body: &mut syn::Block) -> syn::Result<()> {
    let mut rewrite = LetElse { error: None };
    rewrite.visit_block_mut(body);
    rewrite.error.map_or(Ok(()), Err)
}

struct LetElse {
    error: Option<syn::Error>,
}

impl VisitMut for LetElse {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        visit_mut::visit_block_mut(self, block);
        let stmts = std::mem::take(&mut block.stmts);
        for stmt in stmts {
            match &stmt {
                syn::Stmt::Local(local) => match as_match(local) {
                    Ok(Some(rewritten)) => block.stmts.extend(rewritten),
                    Ok(None) => block.stmts.push(stmt),
                    Err(error) => {
                        match &mut self.error {
                            Some(errors) => errors.combine(error),
                            None => self.error = Some(error),
                        }
                        block.stmts.push(stmt);
                    }
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

fn as_match(local: &syn::Local) -> syn::Result<Option<Vec<syn::Stmt>>> {
    let Some(init) = local.init.as_ref() else {
        return Ok(None);
    };
    let Some((_, otherwise)) = init.diverge.as_ref() else {
        return Ok(None);
    };
    if !has_await(&**otherwise) {
        return Ok(None);
    }
    let (pat, ty) = match &local.pat {
        syn::Pat::Type(typed) => (&*typed.pat, Some(&typed.ty)),
        pat => (pat, None),
    };
    let mut bindings = Bindings::default();
    bindings.visit_pat(pat);
    if bindings.by_ref {
        return Ok(None);
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
    let mut lets = Vec::new();
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
    } else {
        // Each temporary a reference borrows into gets a `let` of its own,
        // beside the `match`: it lives to the end of the block, as rustc
        // extends it, and where the pattern fails it drops before the
        // `else` block runs, newest first, as in rustc.
        let extended = extended(expr)?;
        let mut drops = Vec::new();
        for (ident, made, mutable) in extended.temporaries.iter() {
            let mutability = mutable.then(|| quote::quote!(mut));
            lets.push(quote::quote!(let #mutability #ident = #made;));
            drops.insert(0, quote::quote!(::core::mem::drop(#ident);));
        }
        // Matched in the statement that makes it: a `let` of the value
        // alone would drop the temporaries it is made with before what
        // the pattern leaves of it, where rustc drops that first, and
        // before a match that borrows them (E0716). Its type, if written,
        // is given to it there, where a call keeps the temporaries of its
        // argument.
        let expr = &extended.value;
        let bound = names::hidden("__else_bound");
        let expr = match ty {
            Some(ty) => quote::quote!(::core::convert::identity::<#ty>(#expr)),
            None => quote::quote!(#expr),
        };
        quote::quote! {{
            let #value = match #expr {
                #pat => ::core::option::Option::Some((#(#names,)*)),
                _ => ::core::option::Option::None,
            };
            match #value {
                ::core::option::Option::Some(#bound) => #bound,
                ::core::option::Option::None => {
                    ::core::mem::drop(#value);
                    #(#drops)*
                    #otherwise
                }
            }
        }}
    };
    // Built from parts that parse; should they not, the `let` stays as
    // written (and an await in its `else` is reported).
    Ok(syn::parse2::<syn::Block>(quote::quote! {{
        #(#lets)*
        #(#attrs)*
        let (#(#declared,)*) = #matched;
    }})
    .ok()
    .map(|block| block.stmts))
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

/// The temporaries a `let … else`'s value extends, each with the value
/// that makes it and whether it is borrowed mutably, and the value with
/// them replaced by their names.
struct ExtendedValue {
    temporaries: Vec<(syn::Ident, syn::Expr, bool)>,
    value: syn::Expr,
}

/// What `expr` extends (`make()` in `&make().name` or `(&make(), n)`):
/// nothing where it borrows a place (`&self.name`) or a constant. One made
/// after something with an effect, which a `let` ahead would make first,
/// or one that cannot be named, is an error.
fn extended(expr: &syn::Expr) -> syn::Result<ExtendedValue> {
    let mut value = expr.clone();
    let mut count = 0;
    let by_ref = RefBinding {
        any: false,
        mutable: false,
    };
    let found = extended_temporaries(&mut value, by_ref, || {
        count += 1;
        names::hidden(&format!("{EXTENDED}{count}"))
    });
    if found.left.is_some() || found.named.iter().any(|named| named.ahead.is_none()) {
        let at = found
            .left
            .unwrap_or_else(|| syn::spanned::Spanned::span(expr));
        return Err(syn::Error::new(
            at,
            "#[desugar] cannot keep a temporary that this `let … else` extends to the end of the block, where its `else` awaits, yet: \
             bind the borrowed value with a `let` of its own first (`let value = make(); let (Some(n), r) = (next(), &value) else { .. };`)",
        ));
    }
    let temporaries: Vec<_> = found
        .named
        .into_iter()
        .filter_map(|named| Some((named.ident, named.ahead?, named.mutable)))
        .collect();
    Ok(ExtendedValue { temporaries, value })
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
