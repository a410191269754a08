//! Syntax trees the stages build themselves, node by node, where quoting
//! tokens and parsing them back would do. In a proc macro every token goes
//! through the compiler's bridge and every keyword test compares strings,
//! so parsing is the larger part of the macro's time in a debug build
//! (cargo's default for proc macros): BENCHMARKS.md, "Macro cost".

use proc_macro2::{Ident, Span};

/// `{ ident }`: how a statement reads a value computed ahead of it (an
/// awaited value, a part bound before an await): a block, so that the
/// value is moved out of the local into a temporary of the statement, as
/// rustc's temporary would be. With `at`, every token is located there
/// (keeping its hygiene), so that rustc's errors about the value point at
/// the user's code.
pub(crate) fn value_block(ident: &Ident, at: Option<Span>) -> syn::Expr {
    let (braces, ident) = match at {
        Some(at) => {
            let mut ident = ident.clone();
            ident.set_span(ident.span().located_at(at));
            (Span::call_site().located_at(at), ident)
        }
        None => (Span::call_site(), ident.clone()),
    };
    syn::Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: syn::Block {
            brace_token: syn::token::Brace(braces),
            stmts: vec![syn::Stmt::Expr(path(ident), None)],
        },
    })
}

/// The expression naming a local: `ident`.
pub(crate) fn path(ident: Ident) -> syn::Expr {
    syn::Expr::Path(syn::ExprPath {
        attrs: Vec::new(),
        qself: None,
        path: ident.into(),
    })
}

/// The hidden local `ident` a part of the user's code is put in, located
/// at that part (keeping its own hygiene): rustc's errors about the local
/// (a move out of it where it is kept in place) then point at what the
/// user wrote, not at `#[desugar]`.
pub(crate) fn located(mut ident: Ident, part: &syn::Expr) -> Ident {
    use syn::spanned::Spanned;
    ident.set_span(ident.span().located_at(part.span()));
    ident
}

/// `::desugar::__private::<helper>(args..)`, built node by node (nothing
/// of the user's is parsed again), its path located at `at`.
pub(crate) fn private_call(helper: &str, args: Vec<syn::Expr>, at: Span) -> syn::Expr {
    syn::Expr::Call(syn::ExprCall {
        attrs: Vec::new(),
        func: Box::new(private_path(helper, at)),
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

/// `::desugar::__private::<name>`, located at the user's code `at`.
pub(crate) fn private_path(name: &str, at: Span) -> syn::Expr {
    syn::Expr::Path(syn::ExprPath {
        attrs: Vec::new(),
        qself: None,
        path: syn::Path {
            // Located too: the span of an expression that starts here is
            // the first token's.
            leading_colon: Some(syn::Token![::](Span::call_site().located_at(at))),
            segments: ["desugar", "__private", name]
                .into_iter()
                .map(|name| {
                    syn::PathSegment::from(Ident::new(name, Span::call_site().located_at(at)))
                })
                .collect(),
        },
    })
}

/// Is `expr` the path [`private_path`] writes for `name`? For the readers
/// that give a description the user's code back.
pub(crate) fn is_private_path(expr: &syn::Expr, name: &str) -> bool {
    is_private_item(expr, &[name])
}

/// Is `expr` the path `::desugar::__private::<path..>` (`Branch::branch`)?
pub(crate) fn is_private_item(expr: &syn::Expr, path: &[&str]) -> bool {
    let syn::Expr::Path(func) = expr else {
        return false;
    };
    func.qself.is_none()
        && func.path.leading_colon.is_some()
        && func
            .path
            .segments
            .iter()
            .map(|segment| segment.ident.to_string())
            .eq(["desugar", "__private"].iter().chain(path).copied())
}

/// `let ident = value;` or `let mut ident = value;`, or without a value.
pub(crate) fn let_local(ident: Ident, mutable: bool, value: Option<syn::Expr>) -> syn::Stmt {
    syn::Stmt::Local(syn::Local {
        attrs: Vec::new(),
        let_token: Default::default(),
        modifiers: Default::default(),
        pat: syn::Pat::Ident(syn::PatIdent {
            attrs: Vec::new(),
            by_ref: None,
            mutability: mutable.then(Default::default),
            ident,
            subpat: None,
        }),
        init: value.map(|value| syn::LocalInit {
            eq_token: Default::default(),
            expr: Box::new(value),
            diverge: None,
        }),
        semi_token: Default::default(),
    })
}

/// `{ ident = value; &ident }` (or `&mut ident`): a value put in a local
/// declared earlier, borrowed where the value was.
pub(crate) fn assigned_and_borrowed(ident: &Ident, value: syn::Expr, mutable: bool) -> syn::Expr {
    let borrow = syn::Expr::Reference(syn::ExprReference {
        attrs: Vec::new(),
        and_token: Default::default(),
        mutability: mutable.then(Default::default),
        expr: Box::new(path(ident.clone())),
    });
    assigned_then(ident, value, borrow)
}

/// `{ ident = value; then }`: a value put in a local declared earlier,
/// then read through `then` (`&ident.field`).
pub(crate) fn assigned_then(ident: &Ident, value: syn::Expr, then: syn::Expr) -> syn::Expr {
    let assign = syn::Expr::Assign(syn::ExprAssign {
        attrs: Vec::new(),
        left: Box::new(path(ident.clone())),
        eq_token: Default::default(),
        right: Box::new(value),
    });
    syn::Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: syn::Block {
            brace_token: Default::default(),
            stmts: vec![
                syn::Stmt::Expr(assign, Some(Default::default())),
                syn::Stmt::Expr(then, None),
            ],
        },
    })
}

/// `+=`, `-=`, `<<=` and the other operators that assign: their
/// expression is of type `()`, and their left side is a place they change.
pub(crate) fn is_compound_assignment(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
        AddAssign(_)
            | SubAssign(_)
            | MulAssign(_)
            | DivAssign(_)
            | RemAssign(_)
            | BitXorAssign(_)
            | BitAndAssign(_)
            | BitOrAssign(_)
            | ShlAssign(_)
            | ShrAssign(_)
    )
}
