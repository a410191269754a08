//! Constants borrowed where rustc may promote them to a `static`, checked
//! for a `Drop` impl.
//!
//! rustc promotes a borrowed constant (`&Some(3)`, `&Config { retries: 3
//! }`, the receiver of `Some(3).as_ref()`) to a `static` unless a type in it
//! has a `Drop` impl: the borrow is then a `&'static`, which the user's code
//! may keep beyond the future. The machine leaves such a value as written
//! (see `build::is_promoted`) rather than keep it in its own memory, where
//! it would dangle once the future is gone. A value of a type with a `Drop`
//! impl is not promoted, though: it is a temporary, which rustc keeps to the
//! end of its statement (or its block, where a `let` extends it), across
//! the awaits there, where the machine, leaving it as written, would drop it
//! at the first. Only the compiler knows the types: before each statement
//! that awaits, and each `let`, code that never runs asks it about every
//! struct and variant such a constant builds (see `__private::promoted`),
//! and the build stops at one with a `Drop` impl.
//!
//! Before: `send(&Config { retries: 3 }).await;`
//! After:
//! ```text
//! if false {
//!     use ::desugar::__private::{ViaDrop as _, ViaFields as _};
//!     ::desugar::__private::promoted((&&::desugar::__private::Destructured(&Config { retries: 3 })).kind());
//! }
//! send(&Config { retries: 3 }).await;
//! ```
//!
//! A constant whose type the code alone does not settle (`Wrapper(None)`,
//! `Reply(Ok(1))`: the code that never runs could not be typed) is not
//! asked about; nor is one inside a block that declares items, which the
//! check, written before the statement, could not name; nor is a path to a
//! function given as a value (`map_err(AppError::from)`, `map(Json)`),
//! which is no constant.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::Expr;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

use crate::build::{has_await, is_constructor, is_promoted, is_promoted_borrow};
use crate::names;
use crate::walk;

pub(crate) fn rewrite_body(body: &mut syn::Block) {
    let stmts = std::mem::take(&mut body.stmts);
    let keeps = kept_across_awaits(&stmts);
    for (stmt, keeps) in stmts.into_iter().zip(keeps) {
        if keeps {
            let mut found = Borrowed::default();
            found.statement(&stmt);
            if !found.checks.is_empty() {
                let private = names::private();
                let checks = found.checks;
                body.stmts.push(syn::parse_quote! {
                    if false {
                        use #private::{ViaDrop as _, ViaFields as _};
                        #(#checks)*
                    }
                });
            }
        }
        body.stmts.push(stmt);
    }
}

/// For each statement of a block: may a temporary it makes live across an
/// await? One of a statement that awaits may (unless it is in a scope of
/// the statement that ends before, see [`Borrowed`]); one a `let` extends
/// lives to the end of the block, across the awaits after it.
fn kept_across_awaits(stmts: &[syn::Stmt]) -> Vec<bool> {
    let mut awaits_after = false;
    let mut keeps: Vec<bool> = stmts
        .iter()
        .rev()
        .map(|stmt| {
            let keeps = has_await(stmt) || (matches!(stmt, syn::Stmt::Local(_)) && awaits_after);
            awaits_after |= has_await(stmt);
            keeps
        })
        .collect();
    keeps.reverse();
    keeps
}

/// The checks for the structs and variants of the constants a statement
/// borrows, where their temporaries may live across an await: not in a
/// condition, an arm or a statement of a nested block that ends them before
/// any (`while n < Budget::DEFAULT.limit() { x.await; }`). And for the
/// constants a statement that awaits names by value
/// (`redeem(Ticket::SPARE, seat.await)`): rustc makes the value where the
/// statement reaches it, before the await, the machine where it is used,
/// after. A bare SCREAMING_CASE name may be a `static`, and is not asked
/// about (see [`surely_constant`]).
#[derive(Default)]
struct Borrowed {
    checks: Vec<TokenStream>,
    /// Inside blocks that declare items.
    in_items: usize,
    /// The statement being visited awaits.
    awaits: bool,
    /// The constants checked as borrowed, not to be checked again.
    borrowed: Vec<*const Expr>,
}

impl Borrowed {
    /// A `let` that does not await, before an await of its block: only
    /// what it extends to the end of the block lives across it (`let t =
    /// &Ticket::NONE;`, a `ref` binding); the rest of its temporaries end
    /// at its `;`.
    fn extended_by(&mut self, local: &syn::Local) {
        let Some(init) = &local.init else {
            return;
        };
        if walk::patterns::binds_by_ref(&local.pat) {
            self.borrowed(&init.expr);
        }
        self.extended(&init.expr);
    }

    /// The operands of `&` in the extending positions of a `let`'s value.
    fn extended(&mut self, expr: &Expr) {
        match expr {
            Expr::Reference(e) => {
                self.borrowed(&e.expr);
                self.extended(&e.expr);
            }
            Expr::Tuple(e) => e.elems.iter().for_each(|e| self.extended(e)),
            Expr::Array(e) => e.elems.iter().for_each(|e| self.extended(e)),
            Expr::Struct(e) => e.fields.iter().for_each(|f| self.extended(&f.expr)),
            Expr::Paren(e) => self.extended(&e.expr),
            Expr::Cast(e) => self.extended(&e.expr),
            Expr::Block(e) => {
                if let Some(syn::Stmt::Expr(tail, None)) = e.block.stmts.last() {
                    self.extended(tail);
                }
            }
            _ => {}
        }
    }

    /// Checks `stmt`, kept across awaits: whole if it awaits, its extended
    /// temporaries if it is a `let` that does not.
    fn statement(&mut self, stmt: &syn::Stmt) {
        self.awaits = has_await(stmt);
        match stmt {
            syn::Stmt::Local(local) if !self.awaits => self.extended_by(local),
            _ => self.visit_stmt(stmt),
        }
    }
}

impl Borrowed {
    /// [`Self::borrowed`], by a `&mut` where `mutable`: rustc promotes no
    /// such borrow of a constant but `&mut []` (see
    /// `build::is_promoted_borrow`), and the machine keeps the value as the
    /// temporary it is, with its `Drop`, as rustc does: nothing to check.
    fn borrowed_as(&mut self, expr: &Expr, mutable: bool) {
        if !mutable || is_promoted_borrow(projected_value(expr), true) {
            self.borrowed(expr);
        } else {
            self.borrowed.push(projected_value(expr));
        }
    }

    /// `expr` may be borrowed where it is: if the value it projects is a
    /// constant rustc may promote, check what it builds.
    fn borrowed(&mut self, expr: &Expr) {
        let root = projected_value(expr);
        self.borrowed.push(root);
        if self.in_items == 0 && is_promoted(root) && !unsettled(root) {
            let mut built = Built::default();
            built.visit_expr(root);
            let private = names::private();
            for node in built.0 {
                self.checks.push(quote_spanned! {node.span()=>
                    #private::promoted((&&#private::Destructured(&#node)).kind());
                });
            }
        }
    }
}

impl<'ast> Visit<'ast> for Borrowed {
    fn visit_expr(&mut self, expr: &'ast Expr) {
        if let Expr::Path(path) = expr
            && self.awaits
            && self.in_items == 0
            && surely_constant(path)
            && !path.path.is_ident("None")
            && !self.borrowed.contains(&std::ptr::from_ref(expr))
        {
            let private = names::private();
            self.checks.push(quote_spanned! {expr.span()=>
                #private::made_in_place((&&#private::Destructured(&#expr)).kind());
            });
        }
        visit::visit_expr(self, expr);
    }

    // The function called is not a constant, nor is the function given to
    // one of the standard methods that take one, called by its path
    // (`Result::map(x, Json)`).
    fn visit_expr_call(&mut self, e: &'ast syn::ExprCall) {
        let method = match &*e.func {
            Expr::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()),
            func => {
                self.visit_expr(func);
                None
            }
        };
        let function = method
            .filter(|method| takes_a_function(method))
            .and_then(|_| e.args.last().filter(|arg| matches!(arg, Expr::Path(_))));
        for arg in &e.args {
            if !function.is_some_and(|f| std::ptr::eq(f, arg)) {
                self.visit_expr(arg);
            }
        }
    }

    fn visit_expr_reference(&mut self, e: &'ast syn::ExprReference) {
        self.borrowed_as(&e.expr, e.mutability.is_some());
        visit::visit_expr_reference(self, e);
    }

    fn visit_expr_method_call(&mut self, e: &'ast syn::ExprMethodCall) {
        // A method known to take `self` (`Some(Tok(7)).unwrap()`) borrows
        // nothing.
        if !walk::consumes_receiver(&e.method) {
            self.borrowed_as(&e.receiver, walk::call_borrows_receiver_mutably(e));
        }
        self.visit_expr(&e.receiver);
        let function = given_a_function(e);
        for arg in &e.args {
            if !function.is_some_and(|f| std::ptr::eq(f, arg)) {
                self.visit_expr(arg);
            }
        }
    }

    // A comparison borrows its operands (`t == Ticket { id: 0 }`).
    fn visit_expr_binary(&mut self, e: &'ast syn::ExprBinary) {
        if walk::is_comparison(e.op) {
            self.borrowed(&e.left);
            self.borrowed(&e.right);
        }
        visit::visit_expr_binary(self, e);
    }

    fn visit_expr_match(&mut self, e: &'ast syn::ExprMatch) {
        self.borrowed(&e.expr);
        visit::visit_expr_match(self, e);
    }

    fn visit_expr_let(&mut self, e: &'ast syn::ExprLet) {
        self.borrowed(&e.expr);
        visit::visit_expr_let(self, e);
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        // `let ref r = Some(3);` borrows the value it binds into.
        if let Some(init) = &local.init
            && walk::patterns::binds_by_ref(&local.pat)
        {
            self.borrowed(&init.expr);
        }
        visit::visit_local(self, local);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // A format argument is borrowed; `vec![Job(1)]` moves its own.
        if let Some(mut args) = walk::MacroArgs::parse(mac) {
            for (arg, kind) in args.args_mut() {
                if matches!(kind, crate::ir::MentionKind::Place { .. }) {
                    self.borrowed(arg);
                }
                self.visit_expr(arg);
            }
        }
    }

    fn visit_block(&mut self, block: &'ast syn::Block) {
        let items = block
            .stmts
            .iter()
            .any(|stmt| matches!(stmt, syn::Stmt::Item(_)));
        self.in_items += usize::from(items);
        let keeps = kept_across_awaits(&block.stmts);
        let outer = self.awaits;
        for (stmt, keeps) in block.stmts.iter().zip(keeps) {
            if keeps {
                self.statement(stmt);
            }
        }
        self.awaits = outer;
        self.in_items -= usize::from(items);
    }

    // A condition ends its temporaries before the branch, unless it awaits
    // itself or an `if let` keeps them through a branch that awaits.
    fn visit_expr_if(&mut self, e: &'ast syn::ExprIf) {
        if has_await(&*e.cond) || (walk::has_let(&e.cond) && has_await(&e.then_branch)) {
            self.visit_expr(&e.cond);
        }
        self.visit_block(&e.then_branch);
        if let Some((_, other)) = &e.else_branch {
            self.visit_expr(other);
        }
    }

    fn visit_expr_while(&mut self, e: &'ast syn::ExprWhile) {
        if has_await(&*e.cond) || (walk::has_let(&e.cond) && has_await(&e.body)) {
            self.visit_expr(&e.cond);
        }
        self.visit_block(&e.body);
    }

    // An arm's guard and body end theirs where they end.
    fn visit_arm(&mut self, arm: &'ast syn::Arm) {
        if let syn::Pat::Guard(guarded) = &arm.pat
            && has_await(&*guarded.guard)
        {
            self.visit_expr(&guarded.guard);
        }
        if has_await(&*arm.body) {
            self.visit_expr(&arm.body);
        }
    }

    // Their bodies are not lowered; rustc reads them as written.
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// A path that names a constant, never a `static`: a variant or a unit
/// struct (`Slot::Empty`), or a type's associated constant (`Ticket::NONE`,
/// `Self::DEFAULT`), which no `static` can be. A SCREAMING_CASE name alone
/// or in a module (`SPARE`, `config::POOL`) may be a `static`, a place whose
/// borrow makes no temporary (`static RE: LazyLock<Regex>`), and is not
/// asked about. Nor is a function (`AppError::from`, `Vec::new`,
/// `Into::<Wrapped>::into`), named in lower case as the Rust API
/// guidelines name functions: it has no `Drop` impl, and a generic one's
/// path, alone in the check, could not be typed (E0282, E0283, E0790).
fn surely_constant(path: &syn::ExprPath) -> bool {
    let camel = |s: &syn::PathSegment| {
        let name = s.ident.to_string();
        name.starts_with(char::is_uppercase) && name.chars().any(char::is_lowercase)
    };
    let mut segments = path.path.segments.iter().rev();
    let (Some(last), owner) = (segments.next(), segments.next()) else {
        return false;
    };
    let function = last
        .ident
        .to_string()
        .trim_start_matches('_')
        .starts_with(char::is_lowercase);
    !function
        && (path.qself.is_some()
            || camel(last)
            || owner.is_some_and(|o| camel(o) || o.ident == "Self"))
}

/// The argument of a standard method that takes a function (`map`,
/// `unwrap_or_else`, ..), where it is a path: a tuple struct's or
/// variant's constructor there (`map(Json)`, `map_err(Wrapped)`) is a
/// function, which a generic type's, alone in the check, could not be
/// typed (E0282).
fn given_a_function(call: &syn::ExprMethodCall) -> Option<&Expr> {
    let method = call.method.to_string();
    call.args
        .last()
        .filter(|arg| takes_a_function(&method) && matches!(arg, Expr::Path(_)))
}

/// Is `method` one of the standard methods whose last argument is a
/// function (`map`, `unwrap_or_else`, ..)?
fn takes_a_function(method: &str) -> bool {
    const TAKE_A_FUNCTION: &[&str] = &[
        "map",
        "map_err",
        "map_or",
        "map_or_else",
        "and_then",
        "or_else",
        "unwrap_or_else",
        "ok_or_else",
        "get_or_insert_with",
        "or_insert_with",
        "filter_map",
        "flat_map",
        "find_map",
        "map_while",
        "for_each",
        "inspect",
        "inspect_err",
        "then",
    ];
    TAKE_A_FUNCTION.contains(&method)
}

/// The value a place expression projects: `Some(3)` in `Some(3).0`.
fn projected_value(expr: &Expr) -> &Expr {
    match expr {
        Expr::Field(e) => projected_value(&e.base),
        Expr::Index(e) => projected_value(&e.expr),
        Expr::Paren(e) => projected_value(&e.expr),
        other => other,
    }
}

/// The structs and variants a constant builds, other than the standard
/// library's (`Some`, `Ok`, `Err`, `None`), which have no `Drop` impl, and
/// the constants it names surely (`Ticket::NONE`, the unit variant
/// `Slot::Empty`: [`surely_constant`]): rustc promotes none whose type has
/// one.
#[derive(Default)]
struct Built<'ast>(Vec<&'ast Expr>);

impl<'ast> Visit<'ast> for Built<'ast> {
    fn visit_expr(&mut self, expr: &'ast Expr) {
        let user_made = match expr {
            Expr::Call(call) => {
                is_constructor(&call.func) && !calls_one_of(&call.func, &["Some", "Ok", "Err"])
            }
            Expr::Struct(_) => true,
            Expr::Path(path) => surely_constant(path) && !path.path.is_ident("None"),
            _ => false,
        };
        if user_made {
            self.0.push(expr);
        }
        match expr {
            // The constructor called is a function, not a constant.
            Expr::Call(call) => call.args.iter().for_each(|arg| self.visit_expr(arg)),
            _ => visit::visit_expr(self, expr),
        }
    }
}

/// A path whose last segment is one of `names` (`Some`, `Result::Ok`).
fn calls_one_of(func: &Expr, names: &[&str]) -> bool {
    matches!(func, Expr::Path(p) if p.path.segments.last()
        .is_some_and(|s| names.iter().any(|name| s.ident == name)))
}

/// Does the constant leave a type for its context to settle: a `None`, an
/// `Ok` or `Err` (the other side's type), an empty array?
fn unsettled(expr: &Expr) -> bool {
    #[derive(Default)]
    struct Find(bool);
    impl<'ast> Visit<'ast> for Find {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            self.0 |= match expr {
                Expr::Path(p) => p.path.is_ident("None"),
                Expr::Call(call) => calls_one_of(&call.func, &["Ok", "Err"]),
                Expr::Array(array) => array.elems.is_empty(),
                _ => false,
            };
            visit::visit_expr(self, expr);
        }
    }
    let mut find = Find::default();
    find.visit_expr(expr);
    find.0
}
