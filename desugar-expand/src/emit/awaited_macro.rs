//! The inner `async` block a macro that awaits in its own expansion is
//! awaited through (`build::awaiting_macro`), with its value wrapped: a
//! `return`, `?`, `break` or `continue` inside a macro of the user's own
//! there (`select! { x = a => { check!(x); Ok(x) } }`) is out of the
//! expansion's sight, and in the block it would leave the block, not the
//! fn, its value going on as the macro's. Wrapped, such a block does not
//! build (see `__private::AwaitedMacroValue`; a `break` or `continue` cannot
//! leave an `async` block at all, E0267).
//!
//! Before: `async { select! { .. } }`
//! After:  `::desugar::__private::awaited_macro(async { ::desugar::__private::AwaitedMacroValue(select! { .. }) })`

use crate::names;

pub(super) fn wrapped(operand: &syn::Expr) -> syn::Expr {
    let syn::Expr::Async(block) = operand else {
        return operand.clone();
    };
    let mut block = block.clone();
    let Some(last) = block.block.stmts.pop() else {
        return operand.clone();
    };
    let value = match last {
        syn::Stmt::Expr(expr, None) => expr,
        syn::Stmt::Macro(mac) if mac.semi_token.is_none() => syn::Expr::Macro(syn::ExprMacro {
            attrs: mac.attrs,
            mac: mac.mac,
        }),
        _ => return operand.clone(),
    };
    let private = names::private();
    // At the macro's name, as the block is: an error says what the block
    // gives there.
    let span = block.async_token.span;
    block.block.stmts.push(syn::Stmt::Expr(
        syn::parse_quote_spanned!(span=> #private::AwaitedMacroValue(#value)),
        None,
    ));
    syn::parse_quote_spanned!(span=> #private::awaited_macro(#block))
}
