//! An await whose operand is a field of a local kept across it (`h.fut.await`,
//! `self.fut.await` with `self` taken by value, `o.inner.fut.await`). The
//! local is still in scope after the await, so the machine keeps it whole in
//! the await's state, to drop it where rustc does. Awaiting the field moves
//! it into the awaited future, unless it is `Copy`; rustc then keeps what is
//! left of the local, which the machine cannot (syntax does not know the
//! other fields): the field goes through `__private::awaited_field`, which
//! copies a `Copy` field and stops the build at the user's operand, saying
//! to take the value apart with a pattern first, for any other.
//!
//! Before: `h.fut.await`
//! After:  `let __awaitee = IntoFuture::into_future(awaited_field({ h.fut }));`

use syn::Expr;

use super::layout::Layout;
use crate::ir::{AwaitId, LocalId};
use crate::walk::{Scope, strip_parens};

/// `operand` (as the emitter writes it), read through
/// `__private::awaited_field` where `awaited` (the user's operand) is a
/// field of a local that the machine keeps across await `k`.
pub(super) fn checked(
    awaited: &Expr,
    operand: Expr,
    scope: &Scope,
    layout: &Layout,
    k: AwaitId,
) -> Expr {
    // Through a reference (`h: &mut T`, `&mut self`) the move is rustc's
    // own E0507, in the twin too: nothing of the local is kept.
    let kept = field_root(awaited, scope).is_some_and(|local| {
        !layout.is_copy(local)
            && !layout.is_unique(local)
            && (layout.is_homed(local) || layout.variant_fields(k).any(|kept| kept == local))
    });
    if !kept {
        return operand;
    }
    let at = syn::spanned::Spanned::span(awaited);
    // Braces of the expansion's, located at the user's operand: the error
    // points there, but rustc's "consider borrowing here" (a `&` that would
    // await a reference, and that hides the note) is not offered inside
    // the expansion.
    let mut group = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, Default::default());
    group.set_span(proc_macro2::Span::call_site().located_at(at));
    let operand = Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: syn::Block {
            brace_token: syn::token::Brace {
                span: group.delim_span(),
            },
            stmts: vec![syn::Stmt::Expr(operand, None)],
        },
    });
    crate::syntax::private_call("awaited_field", vec![operand], at)
}

/// The local a chain of field reads starts at (`h` of `h.inner.fut`), if
/// `expr` is one.
fn field_root(expr: &Expr, scope: &Scope) -> Option<LocalId> {
    let Expr::Field(field) = strip_parens(expr) else {
        return None;
    };
    let mut base = strip_parens(&field.base);
    while let Expr::Field(inner) = base {
        base = strip_parens(&inner.base);
    }
    let Expr::Path(path) = base else {
        return None;
    };
    let ident = path.path.get_ident().filter(|_| path.qself.is_none())?;
    scope.get(&ident.to_string()).copied()
}
