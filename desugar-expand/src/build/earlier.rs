//! The parts of a statement that run before its await, bound ahead of it.
//!
//! rustc evaluates `x * 2 + 1` in `let n = x * 2 + 1 + f().await;` before
//! it polls `f()`; the machine suspends at the await with the rest of the
//! statement after it, so such a part is bound ahead of the await in its
//! turn (`lead` finds them, the builder binds them) and read as
//! `{ __earlierN }`, like a value awaited earlier. A temporary it makes
//! lives, in rustc, to the end of the statement, across the await: it is
//! named and kept, and a part that may make one syntax cannot name is
//! rejected instead.
//!
//! Before: `let n = x * 2 + m.lock().unwrap().len() + f().await;`
//! After:  `let mut __temporary2;`
//!         `let __earlier1 = x * 2 + { __temporary2 = m.lock().unwrap(); &__temporary2 }.len();`
//!         `let n = { __earlier1 } + f().await;` (then `__temporary2` dropped)

use syn::Expr;

use crate::ir::MentionKind;
use crate::walk::{self, MacroArgs};

/// A part of the statement that runs before its await (`g(y)` in
/// `f(g(y), h().await)`), to be bound ahead of it.
pub(crate) struct Earlier {
    pub ident: syn::Ident,
    pub value: Expr,
    /// In a terminating scope of its statement (an `if` condition, a
    /// `format!`'s arguments), like an awaited value there.
    pub in_scope: bool,
    /// A terminating scope of its own (the left of `&&`/`||`, an index
    /// checked ahead): its temporaries drop where it ends, as the `let`
    /// binding it drops them, and the statement does not read it.
    pub own_scope: bool,
    /// Declared `mut`: a method's receiver, which the call may borrow
    /// mutably (`store.borrow_mut().push(n + f().await)`).
    pub mutable: bool,
}

/// Whether a part that runs before an await can be named ahead of it
/// (`Some`), and then whether it makes temporaries to keep to the end of
/// the statement (named by [`super::temporaries::leading`]). `None`: it may
/// make a temporary syntax cannot name (the receiver of a method it does
/// not know, a field of a call's result), which rustc keeps to the end of
/// the statement and a `let` would drop before the await.
pub(crate) fn nameable(part: &Expr) -> Option<bool> {
    let mut copy = part.clone();
    let named = super::temporaries::leading(&mut copy, || quote::format_ident!("__part"));
    // The builder's names for them (`hidden_local("awaited")`, and
    // `"earlier"` above): a block the user wrote is left to `plain_value`.
    let borrowed = super::temporaries::borrowed_blocks(&mut copy, |ident| {
        let name = ident.to_string();
        name.starts_with("__awaited") || name.starts_with("__earlier")
    });
    // A temporary named ahead is made by a `let` of its own, which drops
    // what its value makes in turn: that must be nothing rustc keeps
    // (`make().title().len()`: `make()`'s value, the receiver of a method
    // syntax does not know, would drop before the await).
    let ahead_plain = named
        .iter()
        .filter_map(|temporary| temporary.ahead.as_ref())
        .all(plain_value);
    (ahead_plain && plain_value(&copy)).then_some(!named.is_empty() || !borrowed.is_empty())
}

/// A value whose temporaries, if any, are all named already: a `let`
/// binding it drops nothing rustc would keep. Built from literals, paths,
/// places of paths, operators, calls, methods the standard library defines
/// on a value (they consume it, or return a view of it), aggregates,
/// blocks, `format!`, `?` and closures.
pub(crate) fn plain_value(expr: &Expr) -> bool {
    match expr {
        // An inline `const { .. }` is evaluated at compile time. A block
        // ends the temporaries of its statements and, in Rust 2024, of its
        // tail (`{ let g = m.lock().unwrap(); g.len() }`; where Rust 2021
        // keeps a tail's to the end of the statement, the builder asks for
        // Rust 2024: `tail_edition`). So do the builder's own: a value
        // awaited or named earlier, `{ __awaited1 }`, a temporary made in
        // place, `{ t = value; &t }`, a `format!` wrapped in the scope that
        // drops its arguments' temporaries.
        Expr::Lit(_) | Expr::Path(_) | Expr::Closure(_) | Expr::Const(_) => true,
        Expr::Block(e) => e.label.is_none(),
        Expr::Unsafe(_) => true,
        Expr::Paren(e) => plain_value(&e.expr),
        Expr::Group(e) => plain_value(&e.expr),
        Expr::Cast(e) => plain_value(&e.expr),
        Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => plain_place(&e.expr),
        Expr::Unary(e) => plain_value(&e.expr),
        Expr::Reference(e) => {
            plain_place(&e.expr)
                || super::values::is_promoted_borrow(&e.expr, e.mutability.is_some())
        }
        Expr::Field(_) | Expr::Index(_) => plain_place(expr),
        // The operands of `&&` and `||` are terminating scopes: their
        // temporaries drop inside them, before the `let` ends.
        Expr::Binary(e) if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => true,
        Expr::Binary(e) => {
            !walk::is_compound_assign(e.op) && plain_value(&e.left) && plain_value(&e.right)
        }
        Expr::Call(e) => plain_value(&e.func) && e.args.iter().all(plain_value),
        Expr::MethodCall(e) => {
            // A value a known method consumes is gone with the call. One it
            // borrows is a temporary: named by `leading` (a path now, or
            // made in place), or a view of another value or a constant,
            // which have nothing to drop. (A value awaited or named earlier
            // that it borrows, `{ __awaited1 }`, was unwrapped by
            // `borrowed_blocks`, to be kept as a temporary of the statement.)
            let moved = walk::consumes_receiver(&e.method)
                || walk::parses_text(e)
                || walk::takes_iterator(&e.method, &e.receiver)
                || walk::copy::NUMERIC.contains(&e.method.to_string().as_str());
            let borrowed_without_drop = walk::borrows_receiver(&e.method)
                && (matches!(&*e.receiver, Expr::MethodCall(inner) if walk::returns_view(&inner.method))
                    || super::values::is_promoted(&e.receiver)
                    || is_made_in_place(&e.receiver));
            let receiver = plain_place(&e.receiver)
                || ((moved || borrowed_without_drop) && plain_value(&e.receiver));
            receiver && e.args.iter().all(plain_value)
        }
        Expr::Tuple(e) => e.elems.iter().all(plain_value),
        // `lo..hi` is a struct literal of its bounds.
        Expr::Range(e) => [&e.start, &e.end]
            .into_iter()
            .flatten()
            .all(|end| plain_value(end)),
        Expr::Array(e) => e.elems.iter().all(plain_value),
        Expr::Repeat(e) => plain_value(&e.expr),
        Expr::Struct(e) => {
            e.fields.iter().all(|f| plain_value(&f.expr))
                && e.rest.as_deref().is_none_or(plain_place)
        }
        // `format!` binds what it formats inside itself; `vec!` moves its
        // elements into the vector, `dbg!` its argument into its value.
        Expr::Macro(e) if e.mac.path.is_ident("format") => true,
        // `line!()`, `concat!(..)`: a constant, a literal once expanded.
        Expr::Macro(e) if walk::evaluates_nothing(&e.mac) => true,
        // What `matches!` matches must be a place, or a temporary made
        // already: a value there is one rustc keeps to the end of the
        // statement.
        Expr::Macro(e) if walk::keeps_temporaries(&e.mac) => {
            MacroArgs::parse(&e.mac).is_some_and(|mut args| {
                args.args_mut().all(|(arg, kind)| match kind {
                    MentionKind::Place { .. } => matches_in_place(arg),
                    _ => plain_value(arg),
                })
            })
        }
        // Arms, guards, `if` bodies and conditions are temporary scopes of
        // their own: what they make drops inside them, before the `let`
        // ends. A scrutinee's temporaries live to the end of the statement,
        // so it must make none.
        Expr::Match(e) => is_try(e) || matches_in_place(&e.expr),
        Expr::If(e) => if_makes_none(e),
        _ => false,
    }
}

/// A scrutinee that makes no temporary: a place, or a literal (whose
/// temporary has nothing to drop).
fn matches_in_place(scrutinee: &Expr) -> bool {
    matches!(scrutinee, Expr::Lit(_)) || plain_place(scrutinee)
}

/// Every `let` in an `if` condition matches in place: its temporaries,
/// which Rust 2021 keeps to the end of the statement, are none.
pub(crate) fn lets_match_places(cond: &Expr) -> bool {
    match cond {
        Expr::Let(l) => matches_in_place(&l.expr),
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            lets_match_places(&b.left) && lets_match_places(&b.right)
        }
        Expr::Paren(p) => lets_match_places(&p.expr),
        _ => true,
    }
}

/// An `if` (and each `else if`) whose conditions keep nothing past
/// themselves.
fn if_makes_none(e: &syn::ExprIf) -> bool {
    lets_match_places(&e.cond)
        && match e.else_branch.as_ref().map(|(_, b)| &**b) {
            Some(Expr::If(inner)) => if_makes_none(inner),
            _ => true,
        }
}

/// A temporary `leading` makes in place, `{ t = value; &t }`: a borrow of
/// a local that lives to the end of the statement.
fn is_made_in_place(expr: &Expr) -> bool {
    let Expr::Block(e) = expr else {
        return false;
    };
    match e.block.stmts.as_slice() {
        [
            syn::Stmt::Expr(Expr::Assign(assign), Some(_)),
            syn::Stmt::Expr(Expr::Reference(r), None),
        ] => plain_value(&assign.right) && plain_place(&r.expr),
        _ => false,
    }
}

/// A place built from paths: `x`, `x.f`, `x[i]`, `*x`.
pub(crate) fn plain_place(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) => true,
        Expr::Field(e) => plain_place(&e.base),
        Expr::Index(e) => plain_place(&e.expr) && plain_value(&e.index),
        Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => plain_place(&e.expr),
        Expr::Paren(e) => plain_place(&e.expr),
        Expr::Group(e) => plain_place(&e.expr),
        _ => false,
    }
}

/// What a `?` became (`rewrite::early_exit`): `match Branch::branch(value)
/// { Continue(v) => v, Break(r) => return .. }`. Its scrutinee is moved
/// into `branch`, so it keeps no temporary of its own.
fn is_try(e: &syn::ExprMatch) -> bool {
    tried(e).is_some_and(plain_value)
}

/// The value a `?` tries, if `e` is what one became.
pub(crate) fn tried(e: &syn::ExprMatch) -> Option<&Expr> {
    let Expr::Call(call) = &*e.expr else {
        return None;
    };
    let Expr::Path(func) = &*call.func else {
        return None;
    };
    let segments = walk::segment_names(&func.path);
    let is_branch = segments.ends_with(&["Branch".to_owned(), "branch".to_owned()])
        && segments.iter().any(|s| s == "__private")
        && call.args.len() == 1;
    is_branch.then(|| &call.args[0])
}
