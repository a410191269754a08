//! Reads the conditions on the body's code, or removes the code one
//! machine's conditions leave out, as rustc's cfg-stripping would.
//!
//! Before (test taken as set, `metrics` not):
//! ```text
//! #[cfg(test)] let z = probe().await;
//! #[cfg(feature = "metrics")] report().await;
//! Out { a, #[cfg(test)] b: z }
//! ```
//! After: `let z = probe().await; Out { a, b: z }`
//!
//! The code followed is what rustc removes by a `cfg` without error: a
//! statement, a match arm, a struct literal's field, an element of an
//! array, a tuple or a call's arguments, a parameter. Items declared in
//! the body are left to rustc, as are statements that touch nothing the
//! analysis follows ([`inert`]) and attributes anywhere else (which rustc
//! rejects in the twin too).

use std::collections::HashSet;

use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::visit_mut::{self, VisitMut};

use super::condition::{Assignment, Configuring, Options};
use super::inert;

pub(super) enum Mode<'a> {
    /// Registers the options the conditions name, changing nothing.
    Read(&'a mut Options),
    /// Keeps the code `assignment` configures in, without the attributes
    /// that configured it.
    Apply(&'a Options, &'a Assignment),
}

pub(super) fn configure(item: &mut syn::ItemFn, mode: Mode) {
    // Read, an inert statement names no option: it keeps its condition in
    // every machine (applied, one it shares with other code is followed).
    let bound = match mode {
        Mode::Read(_) => Some(inert::bound_names(item)),
        Mode::Apply(..) => None,
    };
    let mut configure = Configure { mode, bound };
    configure.visit_signature_mut(&mut item.sig);
    configure.visit_block_mut(&mut item.block);
}

/// Does an attribute in the signature or the body (outside items) name
/// `cfg` or `cfg_attr`? Most bodies have none, and are not walked again.
pub(super) fn names_cfg(item: &syn::ItemFn) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_attribute(&mut self, attr: &'ast syn::Attribute) {
            self.0 |= attr.path().is_ident("cfg") || attr.path().is_ident("cfg_attr");
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    finder.visit_signature(&item.sig);
    finder.visit_block(&item.block);
    finder.0
}

struct Configure<'a> {
    mode: Mode<'a>,
    /// While reading: the names the fn binds (see [`inert`]).
    bound: Option<HashSet<String>>,
}

impl Configure<'_> {
    fn read(&mut self, attr: &syn::Attribute) -> Option<Configuring> {
        match &mut self.mode {
            Mode::Read(options) => options.read(attr),
            Mode::Apply(options, _) => options.find(attr),
        }
    }

    /// Is the code with these attributes there in this machine? (While
    /// reading, always.)
    fn kept(&mut self, attrs: &[syn::Attribute]) -> bool {
        attrs.iter().all(|attr| match self.read(attr) {
            None => true,
            Some(Configuring::Cfg(predicate)) => match self.mode {
                Mode::Read(_) => true,
                Mode::Apply(_, assignment) => predicate.holds(assignment),
            },
            Some(Configuring::CfgAttr(predicate, inner)) => match self.mode {
                Mode::Read(_) => self.kept(&inner),
                Mode::Apply(_, assignment) => !predicate.holds(assignment) || self.kept(&inner),
            },
        })
    }

    /// The attributes of code kept: a `cfg` (which holds) goes, a
    /// `cfg_attr` becomes its attributes where its predicate holds.
    fn strip(&mut self, attrs: &mut Vec<syn::Attribute>) {
        let Mode::Apply(_, assignment) = self.mode else {
            return;
        };
        for attr in std::mem::take(attrs) {
            match self.read(&attr) {
                None => attrs.push(attr),
                Some(Configuring::Cfg(_)) => {}
                Some(Configuring::CfgAttr(predicate, mut inner)) => {
                    if predicate.holds(assignment) {
                        self.strip(&mut inner);
                        attrs.extend(inner);
                    }
                }
            }
        }
    }

    fn retain<T>(
        &mut self,
        items: &mut Vec<T>,
        attrs: impl Fn(&mut T) -> Option<&mut Vec<syn::Attribute>>,
    ) {
        items.retain_mut(|item| attrs(item).is_none_or(|attrs| self.kept(attrs)));
        for item in items {
            if let Some(attrs) = attrs(item) {
                self.strip(attrs);
            }
        }
    }

    fn retain_punctuated<T, P>(
        &mut self,
        items: &mut Punctuated<T, P>,
        attrs: impl Fn(&mut T) -> Option<&mut Vec<syn::Attribute>>,
    ) {
        let mut pairs: Vec<_> = std::mem::take(items).into_pairs().collect();
        self.retain(&mut pairs, |pair| attrs(pair.value_mut()));
        *items = pairs.into_iter().collect();
    }
}

impl VisitMut for Configure<'_> {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let bound = self.bound.take();
        self.retain(&mut block.stmts, |stmt| {
            if bound
                .as_ref()
                .is_some_and(|bound| inert::is_inert(stmt, bound))
            {
                return None;
            }
            match stmt {
                syn::Stmt::Local(local) => Some(&mut local.attrs),
                syn::Stmt::Macro(mac) => Some(&mut mac.attrs),
                syn::Stmt::Expr(expr, _) => expr_attrs(expr),
                syn::Stmt::Item(_) => None,
            }
        });
        self.bound = bound;
        visit_mut::visit_block_mut(self, block);
    }

    fn visit_expr_match_mut(&mut self, expr: &mut syn::ExprMatch) {
        self.retain(&mut expr.arms, |arm| Some(&mut arm.attrs));
        visit_mut::visit_expr_match_mut(self, expr);
    }

    fn visit_expr_struct_mut(&mut self, expr: &mut syn::ExprStruct) {
        self.retain_punctuated(&mut expr.fields, |field| Some(&mut field.attrs));
        visit_mut::visit_expr_struct_mut(self, expr);
    }

    fn visit_expr_array_mut(&mut self, expr: &mut syn::ExprArray) {
        self.retain_punctuated(&mut expr.elems, expr_attrs);
        visit_mut::visit_expr_array_mut(self, expr);
    }

    fn visit_expr_tuple_mut(&mut self, expr: &mut syn::ExprTuple) {
        self.retain_punctuated(&mut expr.elems, expr_attrs);
        visit_mut::visit_expr_tuple_mut(self, expr);
    }

    fn visit_expr_call_mut(&mut self, expr: &mut syn::ExprCall) {
        self.retain_punctuated(&mut expr.args, expr_attrs);
        visit_mut::visit_expr_call_mut(self, expr);
    }

    fn visit_expr_method_call_mut(&mut self, expr: &mut syn::ExprMethodCall) {
        self.retain_punctuated(&mut expr.args, expr_attrs);
        visit_mut::visit_expr_method_call_mut(self, expr);
    }

    fn visit_signature_mut(&mut self, sig: &mut syn::Signature) {
        self.retain_punctuated(&mut sig.inputs, |input| match input {
            syn::FnArg::Receiver(receiver) => Some(&mut receiver.attrs),
            syn::FnArg::Typed(typed) => Some(&mut typed.attrs),
        });
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// An expression's outer attributes.
fn expr_attrs(expr: &mut syn::Expr) -> Option<&mut Vec<syn::Attribute>> {
    use syn::Expr;
    Some(match expr {
        Expr::Array(e) => &mut e.attrs,
        Expr::Assign(e) => &mut e.attrs,
        Expr::Async(e) => &mut e.attrs,
        Expr::Await(e) => &mut e.attrs,
        Expr::Binary(e) => &mut e.attrs,
        Expr::Block(e) => &mut e.attrs,
        Expr::Break(e) => &mut e.attrs,
        Expr::Call(e) => &mut e.attrs,
        Expr::Cast(e) => &mut e.attrs,
        Expr::Closure(e) => &mut e.attrs,
        Expr::Const(e) => &mut e.attrs,
        Expr::Continue(e) => &mut e.attrs,
        Expr::Field(e) => &mut e.attrs,
        Expr::ForLoop(e) => &mut e.attrs,
        Expr::Group(e) => &mut e.attrs,
        Expr::If(e) => &mut e.attrs,
        Expr::Index(e) => &mut e.attrs,
        Expr::Infer(e) => &mut e.attrs,
        Expr::Let(e) => &mut e.attrs,
        Expr::Lit(e) => &mut e.attrs,
        Expr::Loop(e) => &mut e.attrs,
        Expr::Macro(e) => &mut e.attrs,
        Expr::Match(e) => &mut e.attrs,
        Expr::MethodCall(e) => &mut e.attrs,
        Expr::Paren(e) => &mut e.attrs,
        Expr::Path(e) => &mut e.attrs,
        Expr::Range(e) => &mut e.attrs,
        Expr::RawAddr(e) => &mut e.attrs,
        Expr::Reference(e) => &mut e.attrs,
        Expr::Repeat(e) => &mut e.attrs,
        Expr::Return(e) => &mut e.attrs,
        Expr::Struct(e) => &mut e.attrs,
        Expr::Try(e) => &mut e.attrs,
        Expr::TryBlock(e) => &mut e.attrs,
        Expr::Tuple(e) => &mut e.attrs,
        Expr::Unary(e) => &mut e.attrs,
        Expr::Unsafe(e) => &mut e.attrs,
        Expr::While(e) => &mut e.attrs,
        Expr::Yield(e) => &mut e.attrs,
        _ => return None,
    })
}
