//! Tails whose temporaries follow the edition.
//!
//! Rust 2024 drops the temporaries of a block's tail expression before the
//! block's locals (`m.lock().unwrap().len()`: the guard, then `m`); Rust
//! 2021 keeps them to the end of the enclosing statement, after the locals.
//! The machine writes the tails of the blocks it lowers as statements
//! (`return Poll::Ready(..)`, `__value = ..;`) whose temporaries drop in
//! Rust 2024's order. Where a tail may make a temporary, the expansion asks
//! the compiler which edition the user's code is in, and in Rust 2021
//! stops with an error saying to bind the value first (or, for a tail of
//! `()`, to end it with `;`). So for a block inside a statement that awaits
//! or inside the scrutinee of a construct whose body awaits: Rust 2021
//! keeps its tail's temporaries to the end of the statement or construct,
//! across the await; the machine drops them with the block.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::Expr;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

use super::temporaries;
use crate::ir::MentionKind;
use crate::walk;

/// The first part of `tail` that may be a temporary with something to
/// drop: a value (a call's, a method's, a macro's) that the expression
/// borrows (a receiver, `&value`, a field's base, a compared operand, a
/// scrutinee), unless it is visibly `Copy`.
pub(crate) fn temporary(tail: &Expr, standard: &dyn Fn(&syn::Ident) -> bool) -> Option<Span> {
    let mut finder = Finder {
        found: None,
        in_awaited: false,
        standard,
    };
    finder.visit_expr(tail);
    finder.found
}

/// Where the code must be Rust 2024, and why.
#[derive(Clone, Copy)]
pub(crate) enum Needs2024 {
    /// The tail of a block the machine lowers, and whether its value is
    /// `()`.
    LoweredTail(Span, Unit),
    /// The tail of a block inside an awaited expression
    /// (`fetch({ make().len() }).await`): Rust 2021 keeps its temporaries
    /// to the end of the statement, across the await; the machine, as Rust
    /// 2024, drops them with the block.
    TailInAwaited(Span),
    /// The tail of a block inside the scrutinee of a `match`, an `if let`
    /// or a `for` loop whose body awaits (`match { make().len() } { .. }`):
    /// Rust 2021 keeps its temporaries to the end of the construct, across
    /// those awaits; the machine, as Rust 2024, drops them with the block.
    TailInScrutinee(Span),
    /// A `ref` binding of a pattern whose parts are moved out apart and
    /// borrowed there (see `rewrite::borrowed_temporary_parts`): in Rust
    /// 2021 the value may be a reference, whose parts the pattern binds by
    /// reference already, and the name would then be a reference to one.
    RefBoundApart(Span),
}

/// Whether a tail's value is `()`, as far as syntax tells: ending it with
/// `;` is then the simple way out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Unit {
    /// A `for` or `while` loop: `()`, but rustfmt removes a `;` after a
    /// loop, and the loop is the tail again.
    Loop,
    /// An `if` without `else`, an assignment.
    Yes,
    /// A call, a method, a macro, a `match`: it may be.
    Maybe,
    /// A field, a reference, a comparison, a literal, a constructor.
    No,
}

/// Is the value of the tail `tail` `()`?
pub(crate) fn unit(tail: &Expr) -> Unit {
    match tail {
        Expr::ForLoop(_) | Expr::While(_) => Unit::Loop,
        Expr::Assign(_) => Unit::Yes,
        Expr::If(e) if e.else_branch.is_none() => Unit::Yes,
        Expr::Binary(e) if crate::syntax::is_compound_assignment(&e.op) => Unit::Yes,
        Expr::Paren(e) => unit(&e.expr),
        Expr::Group(e) => unit(&e.expr),
        Expr::Block(syn::ExprBlock { block, .. }) | Expr::Unsafe(syn::ExprUnsafe { block, .. }) => {
            match block.stmts.last() {
                Some(syn::Stmt::Expr(tail, None)) => unit(tail),
                Some(syn::Stmt::Macro(m)) if m.semi_token.is_none() => Unit::Maybe,
                _ => Unit::Yes,
            }
        }
        // `Ok(..)`, `Some(..)`, `Reply(..)`: a variant's or a tuple
        // struct's, by the naming convention.
        Expr::Call(e)
            if matches!(&*e.func, Expr::Path(p)
            if p.path.segments.last().is_some_and(|s| s.ident.to_string().starts_with(char::is_uppercase))) =>
        {
            Unit::No
        }
        Expr::Call(_)
        | Expr::MethodCall(_)
        | Expr::Macro(_)
        | Expr::Await(_)
        | Expr::Try(_)
        | Expr::Match(_)
        | Expr::If(_)
        | Expr::Loop(_) => Unit::Maybe,
        _ => Unit::No,
    }
}

impl Needs2024 {
    /// Names a block the user can change, rather than a lowered tail:
    /// said first where both hold.
    pub(crate) fn names_a_block(self) -> bool {
        matches!(
            self,
            Needs2024::TailInAwaited(_) | Needs2024::TailInScrutinee(_)
        )
    }
}

/// The tail of a block inside `operand` (not in a branch, an arm or a
/// loop body, which end their temporaries themselves) that may make a
/// temporary: Rust 2021 keeps it to the end of what `operand` belongs to
/// (its statement, or the construct it is the scrutinee of).
pub(crate) fn kept_block_tail(operand: &Expr) -> Option<Span> {
    let mut finder = BlockTails { found: None };
    finder.visit_expr(operand);
    finder.found
}

struct BlockTails {
    found: Option<Span>,
}

impl<'ast> Visit<'ast> for BlockTails {
    fn visit_expr(&mut self, expr: &'ast Expr) {
        if self.found.is_some() {
            return;
        }
        match expr {
            Expr::Block(syn::ExprBlock { block, .. })
            | Expr::Unsafe(syn::ExprUnsafe { block, .. }) => {
                if let Some(syn::Stmt::Expr(tail, None)) = block.stmts.last() {
                    self.found = temporary(tail, &|_| false);
                    self.visit_expr(tail);
                }
            }
            // Scopes that end their own temporaries, and code that runs later.
            Expr::If(_)
            | Expr::Match(_)
            | Expr::Loop(_)
            | Expr::While(_)
            | Expr::ForLoop(_)
            | Expr::Closure(_)
            | Expr::Async(_) => {}
            Expr::Binary(e) if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                self.visit_expr(&e.left);
            }
            _ => visit::visit_expr(self, expr),
        }
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// Items that fail to build, at the tail's span, when the user's code is in
/// an edition before Rust 2024 (as the token `user` says): `macro_rules!`
/// reads the `expr` fragment by the edition of the code it is written with,
/// and only Rust 2024's matches `_`.
///
/// Before: `m.lock().unwrap().len()` (the tail of a lowered block)
/// After:  the same, and `macro_rules! __tail { ($_:expr) => {}; ($($_:tt)*) => { compile_error!(..) } } __tail!(_);`
pub(crate) fn check(needs: Needs2024, user: Span) -> TokenStream {
    let name = crate::names::hidden("__rust_2024_tail");
    let (span, message) = match needs {
        Needs2024::LoweredTail(span, Unit::Loop) => (
            span,
            "#[desugar] drops the temporaries of this tail expression before the locals of its block, \
             as Rust 2024 does; in this crate's edition they drop after those locals. \
             The loop's value is `()`: bind the value it goes over, or the one that value borrows, with `let` \
             before the loop (`let lease = lease(); for x in lease.items() { … }`), \
             or move the crate to edition 2024 (a `;` after the loop would do, but rustfmt removes it)",
        ),
        Needs2024::LoweredTail(span, Unit::Yes) => (
            span,
            "#[desugar] drops the temporaries of this tail expression before the locals of its block, \
             as Rust 2024 does; in this crate's edition they drop after those locals. \
             Its value is `()`: end it with `;` (its temporaries then drop where that statement ends, in both editions), \
             or move the crate to edition 2024",
        ),
        Needs2024::LoweredTail(span, Unit::Maybe) => (
            span,
            "#[desugar] drops the temporaries of this tail expression before the locals of its block, \
             as Rust 2024 does; in this crate's edition they drop after those locals. \
             If its value is `()`, end it with `;`; otherwise bind the value with `let` and end the block with it \
             (`let value = …; value`); or move the crate to edition 2024",
        ),
        Needs2024::LoweredTail(span, Unit::No) => (
            span,
            "#[desugar] drops the temporaries of this tail expression before the locals of its block, \
             as Rust 2024 does; in this crate's edition they drop after those locals. \
             Bind the value with `let` and end the block with it (`let value = …; value`), \
             or move the crate to edition 2024",
        ),
        Needs2024::TailInAwaited(span) => (
            span,
            "#[desugar] drops the temporaries of this block's tail expression with the block, \
             as Rust 2024 does; in this crate's edition they live to the end of the statement, across its `.await`. \
             Bind the value with `let` before the statement (`let value = …;`), \
             or move the crate to edition 2024",
        ),
        Needs2024::TailInScrutinee(span) => (
            span,
            "#[desugar] drops the temporaries of this block's tail expression with the block, \
             as Rust 2024 does; in this crate's edition they live to the end of the `match`, `if let`, `while let` or `for` loop \
             whose scrutinee it is in, across the `.await` in its body. \
             Bind the value with `let` inside the block and end the block with it (`{ let value = …; value }`), \
             or move the crate to edition 2024",
        ),
        Needs2024::RefBoundApart(span) => (
            span,
            "#[desugar] moves the part this `ref` binds out of the value, beside the parts the pattern moves, \
             and borrows it there, as Rust 2024 allows `ref` only where the value is not behind a reference; \
             in this crate's edition the value may be a reference (`it.next()` of a `v.iter()`), \
             whose parts the pattern already binds by reference, and the name would be a reference to a reference. \
             Bind the part by value, without `ref` (`Some((a, b))`: a reference already where the value is one), \
             and borrow it in the arm where the value is owned (`let a = &a;`), \
             or move the crate to edition 2024",
        ),
    };
    // The edition is read from `user`, a token of the user's own (the
    // `fn`), not from the tail: a tail the expansion rewrote (`self` made
    // a hidden local) has spans of the macro's own crate, Rust 2024.
    let error = quote_spanned!(span=> ::core::compile_error!(#message););
    quote_spanned! {user=>
        macro_rules! #name {
            ($_value:expr) => {};
            ($($_other:tt)*) => { #error };
        }
        #name!(_);
    }
}

struct Finder<'a> {
    found: Option<Span>,
    /// Inside an awaited operand.
    in_awaited: bool,
    /// Is the local named visibly of a standard type (`Vec`, `HashMap`,
    /// `Option`, …), whose views (`v.iter()`) have nothing to drop?
    standard: &'a dyn Fn(&syn::Ident) -> bool,
}

impl Finder<'_> {
    /// `expr`, a place the tail borrows, read from a temporary.
    fn borrowed(&mut self, expr: &Expr) {
        if self.found.is_none() && is_temporary_value(expr) && !self.is_standard_view(expr) {
            self.found = Some(expr.span());
        }
    }

    /// A view of a local of a standard type (`v.iter()`, `m.get(&k)`):
    /// nothing to drop. (A method of the user's named `get` may return a
    /// guard.)
    fn is_standard_view(&self, expr: &Expr) -> bool {
        matches!(expr, Expr::MethodCall(e) if walk::returns_view(&e.method)
            && matches!(&*e.receiver, Expr::Path(p) if p.path.get_ident().is_some_and(|i| (self.standard)(i))))
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_expr(&mut self, expr: &'ast Expr) {
        if self.found.is_some() {
            return;
        }
        match expr {
            // Scopes that end their own temporaries, in both editions: an
            // `if` condition without `let`, the branches and arms, loops
            // (their conditions and bodies). What an `if let` or a `match`
            // matches, and a `for` loop's iterable, live on with the tail.
            Expr::If(e) => {
                if walk::has_let(&e.cond) {
                    self.visit_expr(&e.cond);
                }
                return;
            }
            // What a `?` became (`match Branch::branch(v) { .. }`): `v` is
            // moved into `branch`, and the value it gives is moved out.
            Expr::Match(e) if super::earlier::tried(e).is_some() => {
                if let Some(tried) = super::earlier::tried(e) {
                    self.visit_expr(tried);
                }
                return;
            }
            Expr::Match(e) => {
                self.borrowed(&e.expr);
                self.visit_expr(&e.expr);
                return;
            }
            Expr::ForLoop(e) => {
                self.visit_expr(&e.expr);
                return;
            }
            Expr::While(_) | Expr::Loop(_) => return,
            // The operands of `&&` and `||` end their temporaries, in both
            // editions (`ready && *flag.lock().unwrap()`).
            Expr::Binary(e)
                if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_))
                    && !walk::has_let(expr) =>
            {
                return;
            }
            // A block's statements end their own temporaries; its tail's
            // live on with the enclosing tail.
            Expr::Block(syn::ExprBlock { block, .. })
            | Expr::Unsafe(syn::ExprUnsafe { block, .. })
            | Expr::Const(syn::ExprConst { block, .. }) => {
                match block.stmts.as_slice() {
                    // What a `break value` became (`lower::Retarget`): the
                    // value is the tail's, kept on by Rust 2021 as a tail's.
                    [
                        syn::Stmt::Expr(sent, Some(_)),
                        syn::Stmt::Expr(Expr::Break(b), None),
                    ] if b.expr.is_none() => match sent {
                        Expr::Assign(e) => self.visit_expr(&e.right),
                        Expr::Return(e) => e.expr.iter().for_each(|v| self.visit_expr(v)),
                        _ => {}
                    },
                    [.., syn::Stmt::Expr(tail, None)] => self.visit_expr(tail),
                    _ => {}
                }
                return;
            }
            // In an awaited operand, the receivers of methods syntax does
            // not know (a builder's `ready(self)`, `make().text()`) are
            // checked by the compiler where the await is lowered
            // (`receiver_check`): only the standard borrowing ones are
            // flagged here.
            Expr::Await(e) => {
                let outer = std::mem::replace(&mut self.in_awaited, true);
                self.visit_expr(&e.base);
                self.in_awaited = outer;
                return;
            }
            // A number's method (`wrapping_add`, `max`) may be reached
            // through a guard's `Deref` (`stats.hits().wrapping_add(1)`):
            // its receiver is a temporary like any other.
            Expr::MethodCall(e) => {
                let moves = walk::consumes_receiver(&e.method)
                    && !walk::consumes_receiver_ambiguously(&e.method);
                let checked = self.in_awaited && !walk::call_borrows_receiver(e);
                if !moves && !checked {
                    self.borrowed(&e.receiver);
                }
            }
            // A call of a value made in place (`handler(p)(7)`,
            // `cfg.handler()(7)`, `boxed(p)(1)`): `Fn::call` and
            // `FnMut::call_mut` borrow the callee, a temporary.
            Expr::Call(e) => self.borrowed(&e.func),
            Expr::Reference(e) => self.borrowed(&e.expr),
            Expr::Field(e) => self.borrowed(&e.base),
            Expr::Index(e) => self.borrowed(&e.expr),
            Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => self.borrowed(&e.expr),
            Expr::Binary(e) if walk::is_comparison(e.op) => {
                self.borrowed(&e.left);
                self.borrowed(&e.right);
            }
            Expr::Let(e) => self.borrowed(&e.expr),
            // A struct update's base that is a value is a temporary, which
            // keeps the fields the literal names in its place: those with
            // something to drop (see `struct_update::rest`).
            Expr::Struct(e) => {
                if self.found.is_none()
                    && let Some(base) = &e.rest
                    && !matches!(
                        super::struct_update::rest(e),
                        super::struct_update::Rest::Nothing
                    )
                {
                    self.found = Some(base.span());
                }
            }
            // Code that runs later, or in a scope of its own.
            Expr::Closure(_) | Expr::Async(_) => return,
            _ => {}
        }
        visit::visit_expr(self, expr);
    }

    // The arguments of the macros whose arguments are expressions, unless
    // the macro ends their temporaries itself (`format!`): `matches!`
    // matches its first in place, formatting borrows its arguments.
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // `assert_eq!` matches its arguments' references: they live on
        // with the tail, like a scrutinee's.
        let matches = mac.path.segments.last().is_some_and(|s| {
            s.ident.to_string().ends_with("_eq") || s.ident.to_string().ends_with("_ne")
        });
        if temporaries::macro_ends_scope(mac) && !matches {
            return;
        }
        let Some(mut args) = walk::MacroArgs::parse(mac) else {
            return;
        };
        for (arg, kind) in args.args_mut() {
            if matches!(kind, MentionKind::Place { .. }) {
                self.borrowed(arg);
            }
            self.visit_expr(arg);
        }
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// A value made by the expression, with a type syntax does not show to be
/// `Copy`: a call's, a method's, a macro's result, what a `?` gives, a
/// literal array or tuple, the value of a block, an `if` or a `match`.
fn is_temporary_value(expr: &Expr) -> bool {
    match expr {
        Expr::Paren(e) => is_temporary_value(&e.expr),
        Expr::Group(e) => is_temporary_value(&e.expr),
        Expr::Call(_)
        | Expr::MethodCall(_)
        | Expr::Macro(_)
        | Expr::Struct(_)
        | Expr::Array(_)
        | Expr::Tuple(_)
        | Expr::Repeat(_)
        | Expr::Binary(_) => !walk::copy::is_copy_value(expr),
        Expr::Await(_)
        | Expr::Try(_)
        | Expr::Block(_)
        | Expr::Unsafe(_)
        | Expr::If(_)
        | Expr::Match(_) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(tail: &str) -> bool {
        temporary(&syn::parse_str(tail).unwrap(), &|_| false).is_some()
    }

    #[test]
    fn a_borrowed_value_is_a_temporary() {
        assert!(found("m.lock().unwrap().len()"));
        assert!(found("Probe::new(\"t\").label().len()"));
        assert!(found("&make()"));
        assert!(found("make().field"));
        assert!(found("match make() { _ => 1 }"));
        assert!(found("f(&g())"));
        // What a struct update's base leaves: the fields the literal names.
        assert!(found("Opts { name: p, ..Default::default() }"));
        assert!(found("Some(Opts { name: p, ..c.defaults() })"));
    }

    #[test]
    fn a_value_made_in_place_and_called_is_a_temporary() {
        // `Fn::call` borrows the callee.
        assert!(found("handler(p)(7)"));
        assert!(found("cfg.handler()(7)"));
        assert!(found("(handler(p))(7)"));
        assert!(found("Some(handler(p)(1))"));
        assert!(found("handler(p)(1) + 1"));
        assert!(found("async_handler(p)(7).await"));
        // A path or a local's field names no temporary.
        assert!(!found("handler(p)"));
        assert!(!found("(self.callback)(7)"));
    }

    fn unit_of(tail: &str) -> Unit {
        unit(&syn::parse_str(tail).unwrap())
    }

    #[test]
    fn a_tail_is_unit_where_syntax_says_so() {
        assert_eq!(unit_of("for x in lease().iter() { f(x) }"), Unit::Loop);
        assert_eq!(
            unit_of("if let Some(x) = lease().get() { f(x) }"),
            Unit::Yes
        );
        assert_eq!(unit_of("*lease() += 1"), Unit::Yes);
        assert_eq!(unit_of("{ v.borrow_mut().push(1); }"), Unit::Yes);
        assert_eq!(unit_of("v.borrow_mut().push(1)"), Unit::Maybe);
        assert_eq!(unit_of("match make().kind() { _ => {} }"), Unit::Maybe);
        assert_eq!(unit_of("Ok(open()?.status())"), Unit::No);
        assert_eq!(unit_of("make().field"), Unit::No);
        assert_eq!(unit_of("&make()"), Unit::No);
    }

    fn in_awaited(operand: &str) -> bool {
        kept_block_tail(&syn::parse_str(operand).unwrap()).is_some()
    }

    #[test]
    fn a_block_tail_in_an_awaited_call_is_found_outside_terminating_scopes() {
        assert!(in_awaited("f({ make().len() })"));
        // A user's `unsafe` block, as input: no SAFETY of the expansion's.
        assert!(in_awaited("f(a, unsafe { g(); &make() })"));
        assert!(in_awaited("f(x + { make().field })"));
        assert!(!in_awaited("f({ let n = make(); n.len() })"));
        assert!(!in_awaited("f(if c { make().len() } else { 0 })"));
        assert!(!in_awaited("f(match c { _ => make().len() })"));
        assert!(!in_awaited("f(c && { make().len() > 0 })"));
        assert!(!in_awaited("f(|| { make().len() })"));
        assert!(in_awaited("f({ handler(p)(1) })"));
        assert!(in_awaited("{ make().len() }"));
        assert!(in_awaited("(1, { make().len() })"));
    }

    #[test]
    fn moved_copied_and_local_values_are_not() {
        assert!(!found("v.len()"));
        assert!(!found("v.iter().map(|x| x + 1).collect()"));
        assert!(!found("x.len() == 0"));
        assert!(!found("f(x, y)"));
        assert!(!found("opt.unwrap()"));
        assert!(!found("n.wrapping_add(1)"));
        assert!(!found("move || make().len()"));
        assert!(!found("-make()"));
        // The operands of `&&` and `||` end their own temporaries.
        assert!(!found("ready && *flag.lock().unwrap()"));
        assert!(!found("m.lock().unwrap().is_empty() || done"));
        // A base that is a place, or leaves only numbers behind.
        assert!(!found("Opts { name: p, ..defaults }"));
        assert!(!found("Opts { name: p, ..*self }"));
        assert!(!found("Opts { retries: 3, ..Default::default() }"));
    }
}
