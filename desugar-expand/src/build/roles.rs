//! How a statement holds the values awaited before its later awaits.
//!
//! While `c.await` is suspended in `take(a.await, b.await.len() + c.await)`,
//! rustc holds `a`'s value as an operand of the pending call `take(..)` and
//! `b`'s as a temporary the statement borrows. Dropping the future there
//! drops the operands first (newest first, with the innermost scopes), then
//! the temporaries (newest first, with the statement). The machine reads
//! each as `{ __awaitedN }` and lists them as operands; one rustc holds as
//! a temporary must become one of the statement's temporaries instead,
//! wherever that changes the order.

use syn::visit::{self, Visit};
use syn::{Expr, UnOp};

use crate::walk;

/// How rustc holds an awaited value, read as `{ __awaitedN }`, while a
/// later await of its statement is suspended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Role {
    /// Moved into a pending call, aggregate or operator (`f(a.await, ..)`).
    Operand,
    /// Borrowed: `&a.await`, `a.await.len()`, `a.await == ..`.
    Temporary,
    /// Borrowed or moved, depending on a method (or a pattern) syntax does
    /// not show: `a.await.add(..)`, `a.await.field`.
    Unknown,
    /// Already one of the statement's temporaries, read as itself
    /// (`__awaitedN.add(..)`), or extended by a `let`.
    Settled,
}

/// The role of `{ ident }` in `stmt`, and whether a `let` extends it to the
/// end of the block (`let r = (&a.await, b.await);`); `None` where the
/// block is not in the statement's syntax tree (already unwrapped, or in a
/// macro's arguments).
pub(crate) fn role(stmt: &syn::Stmt, ident: &syn::Ident) -> Option<(Role, bool)> {
    let mut finder = Finder { ident, found: None };
    if let syn::Stmt::Local(local) = stmt
        && let Some(init) = &local.init
    {
        finder.extending(&init.expr);
        if let Some(diverge) = &init.diverge {
            finder.visit_expr(&diverge.1);
        }
    } else {
        finder.visit_stmt(stmt);
    }
    finder.found
}

/// Makes temporaries of the statement of those values `awaited` before
/// its current await (oldest first, each with whether it is in a
/// terminating scope) that rustc holds as temporaries where holding them as
/// operands would change the drop order (see [`first_misplaced`]). Such a
/// value is read as itself from then on, not as `{ __awaitedN }`, and drops
/// where the statement ends (unless a `let` extends it), after the
/// statement's newer temporaries.
///
/// Before: `let n = take({ __awaited1 }, { __awaited2 }.len() + c.await);`
/// After:  `let n = take({ __awaited1 }, __awaited2.len() + c.await);`
///         (the caller then drops `__awaited2` after the statement)
pub(crate) fn settle(
    stmt: &mut syn::Stmt,
    awaited: &[(syn::Ident, bool)],
    temporaries: &mut Vec<syn::Ident>,
) {
    // Values in terminating scopes (a `format!`'s arguments) drop with
    // those scopes, before anything this orders.
    let values: Vec<&syn::Ident> = awaited
        .iter()
        .filter(|(_, in_scope)| !in_scope)
        .map(|(ident, _)| ident)
        .collect();
    loop {
        let roles: Vec<(Role, bool)> = values
            .iter()
            .map(|&ident| {
                if temporaries.contains(ident) {
                    (Role::Settled, false)
                } else {
                    // Not found: in the arguments of a macro `#[desugar]`
                    // cannot read, where it is moved, as far as the machine
                    // can tell.
                    role(stmt, ident).unwrap_or((Role::Operand, false))
                }
            })
            .collect();
        let kinds: Vec<Role> = roles.iter().map(|&(role, _)| role).collect();
        let Some(i) = first_misplaced(&kinds) else {
            return;
        };
        super::temporaries::unwrap_awaited(stmt, values[i]);
        // Extended, it drops with the block, as a local does.
        if !roles[i].1 {
            temporaries.push(values[i].clone());
        }
    }
}

/// The first value of `roles` (oldest first) that the machine, listing
/// the values read as `{ __awaitedN }` as operands (newest first) before
/// the statement's temporaries, would drop out of rustc's order: one rustc
/// may hold as a temporary (not an [`Role::Operand`]) while a value older
/// than it may be an operand (rustc drops operands first), or while a newer
/// one is already a temporary (rustc drops the newer first); or an
/// [`Role::Unknown`] one, an operand if its method moves it, while a newer
/// value may be a temporary. As a temporary, such a value drops in rustc's
/// order if it is one (and fails to build, E0382, if an unknown method
/// moves it after all).
pub(crate) fn first_misplaced(roles: &[Role]) -> Option<usize> {
    use Role::*;
    (0..roles.len()).find(|&i| {
        let (older, newer) = (&roles[..i], &roles[i + 1..]);
        match roles[i] {
            Operand | Settled => false,
            role => {
                older.iter().any(|&r| !matches!(r, Temporary | Settled))
                    || newer.contains(&Settled)
                    || (role == Unknown && newer.iter().any(|&r| r != Operand))
            }
        }
    })
}

/// Whether `ident` (read as itself, or as `{ ident }`) is moved or borrowed
/// by the tail expression `tail` itself: an argument or receiver of its
/// call, a side of its operator, an element of its aggregate. In Rust 2024
/// such a value shares the tail's temporary scope, where rustc drops it
/// with the tail's temporaries, newest first; an operand of a call nested
/// deeper drops before them, with that call's scope.
pub(crate) fn is_tail_operand(tail: &Expr, ident: &syn::Ident) -> bool {
    let is_value = |expr: &Expr| names_value(expr, ident);
    match walk::strip_parens(tail) {
        Expr::Call(e) => e.args.iter().any(is_value),
        Expr::MethodCall(e) => is_value(&e.receiver) || e.args.iter().any(is_value),
        Expr::Binary(e) => is_value(&e.left) || is_value(&e.right),
        Expr::Unary(e) => is_value(&e.expr),
        Expr::Cast(e) => is_value(&e.expr),
        Expr::Tuple(e) => e.elems.iter().any(is_value),
        Expr::Array(e) => e.elems.iter().any(is_value),
        Expr::Struct(e) => e.fields.iter().any(|f| is_value(&f.expr)),
        _ => false,
    }
}

/// Whether `ident` (read as itself) is the receiver of a method syntax does
/// not know, or the base of a field, somewhere in `expr`: borrowed there or
/// moved, syntax cannot tell.
pub(crate) fn has_unknown_use(expr: &Expr, ident: &syn::Ident) -> bool {
    struct Unknown<'a> {
        ident: &'a syn::Ident,
        found: bool,
    }
    impl<'ast> Visit<'ast> for Unknown<'_> {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            match expr {
                Expr::MethodCall(e) if names_value(&e.receiver, self.ident) => {
                    let method = e.method.to_string();
                    self.found |= !(walk::consumes_receiver(&e.method)
                        || walk::call_borrows_receiver(e)
                        || walk::copy::NUMERIC.contains(&method.as_str()));
                }
                Expr::Field(e) if names_value(&e.base, self.ident) => self.found = true,
                _ => {}
            }
            visit::visit_expr(self, expr);
        }

        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Unknown {
        ident,
        found: false,
    };
    finder.visit_expr(expr);
    finder.found
}

/// `ident` or `{ ident }`, in parentheses or not.
fn names_value(expr: &Expr, ident: &syn::Ident) -> bool {
    super::values::value_ident(expr).is_some_and(|named| named == ident)
}

/// `{ ident }`: an awaited value read as a temporary of its statement.
fn reads_block_of(expr: &Expr, ident: &syn::Ident) -> bool {
    matches!(expr, Expr::Block(block) if block.label.is_none()
        && matches!(block.block.stmts.as_slice(),
            [syn::Stmt::Expr(Expr::Path(path), None)] if path.path.is_ident(ident)))
}

struct Finder<'a> {
    ident: &'a syn::Ident,
    found: Option<(Role, bool)>,
}

impl Finder<'_> {
    fn is_target(&self, expr: &Expr) -> bool {
        reads_block_of(walk::strip_parens(expr), self.ident)
    }

    fn note(&mut self, child: &Expr, role: Role, extended: bool) {
        if self.found.is_none() && self.is_target(child) {
            self.found = Some((role, extended));
        }
    }

    /// `expr` in an extending position of a `let` initializer: a `&` there
    /// (directly, or in a tuple, array, struct literal, cast or block tail
    /// there) makes a temporary that lives as long as the binding.
    fn extending(&mut self, expr: &Expr) {
        if self.found.is_some() {
            return;
        }
        if self.is_target(expr) {
            // Moved into the binding, or into an aggregate.
            self.found = Some((Role::Operand, false));
            return;
        }
        match expr {
            // `&a.await`, `&a.await.field`, `&a.await[0]`.
            Expr::Reference(e) if self.is_target(place_base(&e.expr)) => {
                self.found = Some((Role::Temporary, true));
            }
            Expr::Reference(e) => self.extending(&e.expr),
            Expr::Paren(e) => self.extending(&e.expr),
            Expr::Cast(e) => self.extending(&e.expr),
            Expr::Tuple(e) => e.elems.iter().for_each(|e| self.extending(e)),
            Expr::Array(e) => e.elems.iter().for_each(|e| self.extending(e)),
            Expr::Struct(e) => e.fields.iter().for_each(|f| self.extending(&f.expr)),
            Expr::Block(e) => match e.block.stmts.split_last() {
                Some((syn::Stmt::Expr(tail, None), rest)) => {
                    rest.iter().for_each(|s| self.visit_stmt(s));
                    self.extending(tail);
                }
                _ => self.visit_expr(expr),
            },
            _ => self.visit_expr(expr),
        }
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_expr(&mut self, expr: &'ast Expr) {
        if self.found.is_some() {
            return;
        }
        if let Expr::Path(path) = expr
            && path.path.is_ident(self.ident)
        {
            self.found = Some((Role::Settled, false));
            return;
        }
        match expr {
            Expr::Call(e) => e
                .args
                .iter()
                .for_each(|a| self.note(a, Role::Operand, false)),
            Expr::MethodCall(e) => {
                let receiver = if walk::consumes_receiver(&e.method)
                    || walk::copy::NUMERIC.contains(&e.method.to_string().as_str())
                {
                    Role::Operand
                } else if walk::call_borrows_receiver(e) {
                    Role::Temporary
                } else {
                    Role::Unknown
                };
                self.note(&e.receiver, receiver, false);
                e.args
                    .iter()
                    .for_each(|a| self.note(a, Role::Operand, false));
            }
            Expr::Tuple(e) => e
                .elems
                .iter()
                .for_each(|a| self.note(a, Role::Operand, false)),
            Expr::Array(e) => e
                .elems
                .iter()
                .for_each(|a| self.note(a, Role::Operand, false)),
            Expr::Struct(e) => e
                .fields
                .iter()
                .for_each(|f| self.note(&f.expr, Role::Operand, false)),
            Expr::Reference(e) => self.note(&e.expr, Role::Temporary, false),
            Expr::Index(e) => self.note(&e.expr, Role::Temporary, false),
            Expr::Binary(e) => {
                // Comparisons take both sides by reference; the other
                // operators (a compound assignment's right side) by value.
                let role = if walk::is_comparison(e.op) {
                    Role::Temporary
                } else {
                    Role::Operand
                };
                if !walk::is_compound_assign(e.op) {
                    self.note(&e.left, role, false);
                }
                self.note(&e.right, role, false);
            }
            Expr::Unary(e) if !matches!(e.op, UnOp::Deref(_)) => {
                self.note(&e.expr, Role::Operand, false)
            }
            _ => {}
        }
        if self.found.is_none() && !self.is_target(expr) {
            visit::visit_expr(self, expr);
        }
        // Anywhere else (a field's base, a deref, a scrutinee): syntax does
        // not tell.
        if self.found.is_none() && self.is_target(expr) {
            self.found = Some((Role::Unknown, false));
        }
    }

    // `vec![..]`'s elements are moved into it; a value read in them is
    // held as it is outside a macro. (A `format!`-like macro's arguments
    // are a scope of their own, whose values the caller leaves out.)
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if self.found.is_some() || super::temporaries::macro_ends_scope(mac) {
            return;
        }
        let Some(mut args) = walk::MacroArgs::parse(mac) else {
            return;
        };
        for (arg, _) in args.args_mut() {
            if self.found.is_some() {
                return;
            }
            if self.is_target(arg) {
                self.found = Some((Role::Operand, false));
                return;
            }
            let mut inner = Finder {
                ident: self.ident,
                found: None,
            };
            inner.visit_expr(arg);
            self.found = inner.found;
        }
    }

    // Closures and nested items run later, or never: no awaited value of
    // the statement is read there.
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// The value a place expression projects from: `v` of `v.field[0]`.
fn place_base(expr: &Expr) -> &Expr {
    match expr {
        Expr::Field(e) => place_base(&e.base),
        Expr::Index(e) => place_base(&e.expr),
        Expr::Paren(e) => place_base(&e.expr),
        _ => expr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role_of(stmt: &str) -> Option<(Role, bool)> {
        let stmt: syn::Stmt = syn::parse_str(stmt).unwrap();
        role(&stmt, &syn::parse_quote!(a))
    }

    #[test]
    fn roles_follow_the_use() {
        assert_eq!(
            role_of("let x = f({ a }, c);"),
            Some((Role::Operand, false))
        );
        assert_eq!(role_of("let x = ({ a }, c);"), Some((Role::Operand, false)));
        assert_eq!(
            role_of("let x = f(&{ a }, c);"),
            Some((Role::Temporary, false))
        );
        assert_eq!(
            role_of("let x = { a }.len() + c;"),
            Some((Role::Temporary, false))
        );
        assert_eq!(
            role_of("let x = { a }.unwrap() + c;"),
            Some((Role::Operand, false))
        );
        assert_eq!(
            role_of("let x = { a }.add(c);"),
            Some((Role::Unknown, false))
        );
        assert_eq!(
            role_of("let x = { a }.field + c;"),
            Some((Role::Unknown, false))
        );
        assert_eq!(
            role_of("let x = { a } == c;"),
            Some((Role::Temporary, false))
        );
        assert_eq!(
            role_of("let x = ({ a }) - c;"),
            Some((Role::Operand, false))
        );
        assert_eq!(role_of("x += f({ a }, c);"), Some((Role::Operand, false)));
        assert_eq!(role_of("let x = b;"), None);
    }

    #[test]
    fn a_let_extends_a_borrow_in_its_initializer() {
        assert_eq!(
            role_of("let x = (&{ a }, c);"),
            Some((Role::Temporary, true))
        );
        assert_eq!(
            role_of("let x = S { r: &{ a }, n: c };"),
            Some((Role::Temporary, true))
        );
        assert_eq!(
            role_of("let x = &{ a }.field;"),
            Some((Role::Temporary, true))
        );
        assert_eq!(
            role_of("let x = f(&{ a }, c);"),
            Some((Role::Temporary, false))
        );
    }

    #[test]
    fn a_tail_s_own_operands_are_told_from_nested_ones() {
        let a: syn::Ident = syn::parse_quote!(a);
        let tail = |text: &str| syn::parse_str::<Expr>(text).unwrap();
        assert!(is_tail_operand(&tail("take(a, f(&t).await)"), &a));
        assert!(is_tail_operand(&tail("({ a }).finish(b)"), &a));
        assert!(is_tail_operand(&tail("a + b"), &a));
        assert!(!is_tail_operand(&tail("take(a, b) + 1"), &a));
        assert!(!is_tail_operand(&tail("a.finish(b).checked_sub(1)"), &a));
        assert!(has_unknown_use(&tail("a.finish(b) + 1"), &a));
        assert!(has_unknown_use(&tail("g(a.field)"), &a));
        assert!(!has_unknown_use(&tail("a.len() + 1"), &a));
        assert!(!has_unknown_use(&tail("take(a, b) + 1"), &a));
    }

    #[test]
    fn a_value_whose_order_depends_on_its_role_is_misplaced() {
        use Role::*;
        assert_eq!(first_misplaced(&[Operand, Temporary]), Some(1));
        assert_eq!(first_misplaced(&[Unknown, Unknown]), Some(0));
        assert_eq!(first_misplaced(&[Temporary, Unknown]), None);
        assert_eq!(first_misplaced(&[Unknown, Operand]), None);
        assert_eq!(first_misplaced(&[Temporary, Temporary, Operand]), None);
        assert_eq!(first_misplaced(&[Temporary, Operand, Temporary]), Some(2));
        assert_eq!(first_misplaced(&[Operand, Operand]), None);
        assert_eq!(first_misplaced(&[Settled, Temporary, Unknown]), None);
        assert_eq!(first_misplaced(&[Temporary, Settled]), Some(0));
        assert_eq!(first_misplaced(&[Unknown, Temporary]), Some(0));
    }
}
