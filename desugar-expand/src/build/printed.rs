//! An expression printed as rustc's pretty-printer (`pprust::expr_to_string`)
//! prints it, line breaks included: what `assert!(cond)` says.
//!
//! rustc lays out the expression in boxes (`line_breaks`): one around
//! every expression, indented by 4; a break either side of a binary
//! operator; a break after each comma of a call's, a tuple's or an array's
//! elements. The shapes whose boxes are followed here are the ones
//! conditions are made of: binary operators, prefix operators, calls,
//! method calls, fields, indexes, `.await`, `?`, casts, parentheses,
//! tuples, arrays, ranges and closures, and the blocks in them (plain,
//! labeled, `unsafe`, `if`, `match`, `loop`, `while`, `for`, `async`)
//! with their statements, one a line where the block breaks, and the
//! `break`, `return` and assignments in those. Anything else is printed as one
//! word from its tokens (`compact`), which is what rustc prints too where
//! it fits on the line (README: "Known differences").
//!
//! Before: `fetch(x).await + spent_so_far + remaining_budget > 1000000000 && ok`
//!         (longer than the margin)
//! After:  `fetch(x).await + spent_so_far + remaining_budget > 1000000000 &&\n    ok`

use quote::ToTokens;

use super::line_breaks::Printer;
use super::{compact, compact_type};

/// Each expression's box indents the lines it breaks by this much.
const INDENT: isize = 4;

pub(crate) fn printed(expr: &syn::Expr) -> String {
    let mut printer = Printer::default();
    print_expr(&mut printer, expr);
    printer.finish()
}

fn print_expr(p: &mut Printer, expr: &syn::Expr) {
    use syn::Expr;
    // An invisible group (a macro's `$e:expr`) is its expression to rustc.
    if let Expr::Group(group) = expr {
        return print_expr(p, &group.expr);
    }
    p.begin(INDENT, false);
    match expr {
        Expr::Binary(binary) if binary.attrs.is_empty() => {
            print_expr(p, &binary.left);
            p.space();
            p.word(&compact(binary.op.to_token_stream()));
            p.space();
            print_expr(p, &binary.right);
        }
        Expr::Unary(unary) if unary.attrs.is_empty() => {
            p.word(&compact(unary.op.to_token_stream()));
            print_expr(p, &unary.expr);
        }
        Expr::Reference(reference) if reference.attrs.is_empty() => {
            p.word(if reference.mutability.is_some() {
                "&mut "
            } else {
                "&"
            });
            print_expr(p, &reference.expr);
        }
        Expr::Call(call) if call.attrs.is_empty() => {
            print_expr(p, &call.func);
            print_arguments(p, call.args.iter());
        }
        Expr::MethodCall(call) if call.attrs.is_empty() => {
            print_expr(p, &call.receiver);
            p.word(".");
            p.word(&call.method.to_string());
            if let Some(turbofish) = &call.turbofish {
                print_generic_arguments(p, turbofish);
            }
            print_arguments(p, call.args.iter());
        }
        Expr::Field(field) if field.attrs.is_empty() => {
            print_expr(p, &field.base);
            p.word(".");
            p.word(&compact(field.member.to_token_stream()));
        }
        Expr::Await(awaited) if awaited.attrs.is_empty() => {
            print_expr(p, &awaited.base);
            p.word(".await");
        }
        Expr::Try(tried) if tried.attrs.is_empty() => {
            print_expr(p, &tried.expr);
            p.word("?");
        }
        Expr::Paren(paren) if paren.attrs.is_empty() => {
            p.word("(");
            print_expr(p, &paren.expr);
            p.word(")");
        }
        Expr::Index(index) if index.attrs.is_empty() => {
            print_expr(p, &index.expr);
            p.word("[");
            print_expr(p, &index.index);
            p.word("]");
        }
        Expr::Cast(cast) if cast.attrs.is_empty() => {
            print_expr(p, &cast.expr);
            p.space();
            p.word("as");
            p.space();
            print_type(p, &cast.ty);
        }
        Expr::Path(path) if path.attrs.is_empty() && path.qself.is_none() => {
            print_path(p, &path.path);
        }
        Expr::Struct(literal) if literal.attrs.is_empty() && literal.qself.is_none() => {
            print_struct(p, literal);
        }
        Expr::Tuple(tuple) if tuple.attrs.is_empty() => {
            p.word("(");
            print_commas(p, tuple.elems.iter());
            if tuple.elems.len() == 1 {
                p.word(",");
            }
            p.word(")");
        }
        Expr::Array(array) if array.attrs.is_empty() => {
            p.begin(INDENT, false);
            p.word("[");
            print_commas(p, array.elems.iter());
            p.word("]");
            p.end();
        }
        Expr::Repeat(repeat) if repeat.attrs.is_empty() => {
            p.begin(INDENT, false);
            p.word("[");
            print_expr(p, &repeat.expr);
            p.word(";");
            p.space();
            print_expr(p, &repeat.len);
            p.word("]");
            p.end();
        }
        Expr::Range(range) if range.attrs.is_empty() => {
            if let Some(start) = &range.start {
                print_expr(p, start);
            }
            p.word(&compact(range.limits.to_token_stream()));
            if let Some(end) = &range.end {
                print_expr(p, end);
            }
        }
        Expr::Closure(closure) if closure.attrs.is_empty() && closure.lifetimes.is_none() => {
            print_closure(p, closure);
        }
        Expr::Block(block) if block.attrs.is_empty() => {
            if let Some(label) = &block.label {
                p.word(&compact(label.name.to_token_stream()));
                p.word(":");
                p.space();
            }
            p.begin(0, true);
            p.begin(0, false);
            print_block(p, &block.block, true);
        }
        // rustc opens the block's two boxes after the label for a plain
        // block, before it for a `loop` (`print_expr_outer_attr_style`).
        Expr::Loop(looped) if looped.attrs.is_empty() => {
            p.begin(0, true);
            p.begin(0, false);
            print_label(p, looped.label.as_ref());
            p.word("loop");
            p.word(" ");
            print_block(p, &looped.body, true);
        }
        Expr::While(looped) if looped.attrs.is_empty() => {
            print_label(p, looped.label.as_ref());
            p.begin(0, true);
            p.begin(0, false);
            p.word("while");
            p.word(" ");
            print_expr(p, &looped.cond);
            p.space();
            print_block(p, &looped.body, true);
        }
        Expr::ForLoop(looped) if looped.attrs.is_empty() => {
            print_label(p, looped.label.as_ref());
            p.begin(0, true);
            p.begin(0, false);
            p.word("for");
            p.word(" ");
            p.word(&compact(looped.pat.to_token_stream()));
            p.space();
            p.word("in");
            p.space();
            print_expr(p, &looped.expr);
            p.space();
            print_block(p, &looped.body, true);
        }
        // `async move` breaks after `move` (outside the block's boxes),
        // where it must.
        Expr::Async(block) if block.attrs.is_empty() => {
            p.word("async");
            p.word(" ");
            if block.capture.is_some() {
                p.word("move");
                p.space();
            }
            p.begin(0, true);
            p.begin(0, false);
            print_block(p, &block.block, true);
        }
        Expr::Break(jump) if jump.attrs.is_empty() => {
            p.word("break");
            if let Some(label) = &jump.label {
                p.space();
                p.word(&label.to_string());
            }
            if let Some(value) = &jump.expr {
                p.space();
                print_expr(p, value);
            }
        }
        Expr::Return(jump) if jump.attrs.is_empty() => {
            p.word("return");
            if let Some(value) = &jump.expr {
                p.word(" ");
                print_expr(p, value);
            }
        }
        Expr::Assign(assign) if assign.attrs.is_empty() => {
            print_expr(p, &assign.left);
            p.space();
            p.word("=");
            p.space();
            print_expr(p, &assign.right);
        }
        Expr::Unsafe(block) if block.attrs.is_empty() => {
            p.begin(0, true);
            p.begin(0, false);
            p.word("unsafe");
            p.space();
            print_block(p, &block.block, true);
        }
        Expr::If(test) if test.attrs.is_empty() => print_if(p, test, "if "),
        Expr::Let(test) if test.attrs.is_empty() => {
            p.word("let ");
            p.word(&compact(test.pat.to_token_stream()));
            p.space();
            p.word("=");
            p.space();
            print_expr(p, &test.expr);
        }
        Expr::Match(matched) if matched.attrs.is_empty() => print_match(p, matched),
        _ => p.word(&compact(expr.to_token_stream())),
    }
    p.end();
}

/// `'label: ` before a loop, a break after the colon.
fn print_label(p: &mut Printer, label: Option<&syn::Label>) {
    if let Some(label) = label {
        p.word(&label.name.to_string());
        p.word(":");
        p.space();
    }
}

/// `if cond { .. } else if cond { .. } else { .. }`, each part in a
/// box of its own whose break before the block's end is taken where the
/// block is.
fn print_if(p: &mut Printer, test: &syn::ExprIf, keyword: &str) {
    p.begin(0, true);
    p.begin(0, false);
    p.word(keyword);
    print_expr(p, &test.cond);
    p.space();
    print_block(p, &test.then_branch, true);
    match test.else_branch.as_ref().map(|(_, branch)| &**branch) {
        Some(syn::Expr::If(next)) => print_if(p, next, " else if "),
        Some(syn::Expr::Block(last)) => {
            p.begin(0, true);
            p.begin(0, false);
            p.word(" else ");
            print_block(p, &last.block, true);
        }
        Some(other) => p.word(&format!(" else {}", compact(other.to_token_stream()))),
        None => {}
    }
}

/// `match x { pat => value, pat => { .. } }`: a break before each arm,
/// and the arms' box is the match's block.
fn print_match(p: &mut Printer, matched: &syn::ExprMatch) {
    p.begin(0, true);
    p.begin(0, false);
    p.word("match ");
    print_expr(p, &matched.expr);
    p.space();
    p.word("{");
    p.end();
    for arm in &matched.arms {
        p.space();
        p.begin(INDENT, true);
        p.begin(0, false);
        match &arm.pat {
            syn::Pat::Guard(guarded) if guarded.attrs.is_empty() => {
                p.word(&compact(guarded.pat.to_token_stream()));
                p.space();
                p.word("if");
                p.space();
                print_expr(p, &guarded.guard);
            }
            pat => p.word(&compact(pat.to_token_stream())),
        }
        p.space();
        p.word("=>");
        p.space();
        match &*arm.body {
            syn::Expr::Block(block) if block.attrs.is_empty() && block.label.is_none() => {
                print_block(p, &block.block, false);
            }
            body => {
                p.end();
                print_expr(p, body);
                p.word(",");
            }
        }
        p.end();
    }
    if !matched.arms.is_empty() {
        p.break_offset(-INDENT);
    }
    p.word("}");
    p.end();
}

/// `{ stmt; stmt; tail }`, after the caller opened the block's boxes: a
/// consistent one, which `close` ends after the `}`, and one around the
/// words before the `{`, ended there.
fn print_block(p: &mut Printer, block: &syn::Block, close: bool) {
    p.word("{");
    p.end();
    for stmt in &block.stmts {
        p.space();
        match stmt {
            syn::Stmt::Expr(expr, semi) => {
                print_expr(p, expr);
                if semi.is_some() {
                    p.word(";");
                }
            }
            syn::Stmt::Local(local) if local.attrs.is_empty() => {
                p.begin(INDENT, false);
                p.word("let ");
                p.begin(INDENT, false);
                p.word(&compact(local.pat.to_token_stream()));
                p.end();
                if let Some(init) = &local.init {
                    p.word(" ");
                    p.word("=");
                    p.space();
                    print_expr(p, &init.expr);
                    if let Some((_, diverge)) = &init.diverge {
                        p.word(&format!(" else {}", compact(diverge.to_token_stream())));
                    }
                }
                p.word(";");
                p.end();
            }
            other => p.word(&compact(other.to_token_stream())),
        }
    }
    if !block.stmts.is_empty() {
        p.break_offset(-INDENT);
    }
    p.word("}");
    if close {
        p.end();
    }
}

/// `Pt {\n x: 1,\n y: 2,\n }` where it does not fit: a consistent box,
/// a comma after the last field where it breaks.
fn print_struct(p: &mut Printer, literal: &syn::ExprStruct) {
    print_path(p, &literal.path);
    p.word(" ");
    p.word("{");
    let rest = literal.dot2_token.is_some();
    if literal.fields.is_empty() && !rest {
        p.word("}");
        return;
    }
    p.begin(0, true);
    let count = literal.fields.len();
    for (index, field) in literal.fields.iter().enumerate() {
        if index == 0 {
            p.space();
        }
        if field.colon_token.is_some() {
            p.word(&compact(field.member.to_token_stream()));
            p.word(":");
            p.word(" ");
        }
        print_expr(p, &field.expr);
        if index + 1 < count || rest {
            p.word(",");
            p.space();
        } else {
            p.comma_or_space(-INDENT);
        }
    }
    if rest {
        if literal.fields.is_empty() {
            p.space();
        }
        p.word("..");
        if let Some(base) = &literal.rest {
            print_expr(p, base);
        }
        p.break_offset(-INDENT);
    }
    p.end();
    p.word("}");
}

/// `a::b::<T, U>`, a break after each comma of its arguments.
fn print_path(p: &mut Printer, path: &syn::Path) {
    if path.leading_colon.is_some() {
        p.word("::");
    }
    for (index, segment) in path.segments.iter().enumerate() {
        if index > 0 {
            p.word("::");
        }
        p.word(&segment.ident.to_string());
        match &segment.arguments {
            syn::PathArguments::None => {}
            syn::PathArguments::AngleBracketed(arguments) => {
                print_generic_arguments(p, arguments);
            }
            syn::PathArguments::Parenthesized(arguments) => {
                p.word("(");
                p.begin(0, false);
                for (index, input) in arguments.inputs.iter().enumerate() {
                    if index > 0 {
                        p.word(",");
                        p.space();
                    }
                    match input {
                        syn::NamedArg { name: None, ty, .. } if input.attrs.is_empty() => {
                            print_type(p, ty)
                        }
                        named => p.word(&compact_type(named.to_token_stream())),
                    }
                }
                p.end();
                p.word(")");
                print_return_type(p, &arguments.output);
            }
        }
    }
}

/// `<T, U>` (or `::<T, U>`).
fn print_generic_arguments(p: &mut Printer, arguments: &syn::AngleBracketedGenericArguments) {
    if arguments.colon2_token.is_some() {
        p.word("::");
    }
    p.word("<");
    p.begin(0, false);
    for (index, argument) in arguments.args.iter().enumerate() {
        if index > 0 {
            p.word(",");
            p.space();
        }
        match argument {
            syn::GenericArgument::Type(ty) => print_type(p, ty),
            other => p.word(&compact_type(other.to_token_stream())),
        }
    }
    p.end();
    p.word(">");
}

/// ` -> T`, its own box.
fn print_return_type(p: &mut Printer, output: &syn::ReturnType) {
    if let syn::ReturnType::Type(_, ty) = output {
        p.space();
        p.begin(INDENT, false);
        p.word("->");
        p.space();
        print_type(p, ty);
        p.end();
    }
}

/// A type in a box of its own: paths, references and `dyn` paths with
/// their arguments' breaks; anything else as one word.
fn print_type(p: &mut Printer, ty: &syn::Type) {
    p.begin(0, false);
    match ty {
        syn::Type::Path(path) if path.qself.is_none() => print_path(p, &path.path),
        syn::Type::Reference(reference) => {
            p.word("&");
            if let Some(lifetime) = &reference.lifetime {
                p.word(&lifetime.to_string());
                p.word(" ");
            }
            if reference.mutability.is_some() {
                p.word("mut ");
            }
            print_type(p, &reference.elem);
        }
        syn::Type::TraitObject(object) if object.dyn_token.is_some() => {
            match object.bounds.first() {
                // A bound that is its path alone: `dyn Fn(u32) -> u32`.
                Some(syn::TypeParamBound::Trait(bound))
                    if object.bounds.len() == 1
                        && bound.to_token_stream().to_string()
                            == bound.path.to_token_stream().to_string() =>
                {
                    p.word("dyn ");
                    print_path(p, &bound.path);
                }
                _ => p.word(&compact_type(object.to_token_stream())),
            }
        }
        other => p.word(&compact_type(other.to_token_stream())),
    }
    p.end();
}

/// `(a, b)` after a call's callee or a method's name.
fn print_arguments<'a>(p: &mut Printer, args: impl Iterator<Item = &'a syn::Expr>) {
    p.word("(");
    print_commas(p, args);
    p.word(")");
}

/// Elements in a box of their own, a break after each comma.
fn print_commas<'a>(p: &mut Printer, elems: impl Iterator<Item = &'a syn::Expr>) {
    p.begin(0, false);
    for (index, elem) in elems.enumerate() {
        if index > 0 {
            p.word(",");
            p.space();
        }
        print_expr(p, elem);
    }
    p.end();
}

/// `move |a, b: u32| -> bool body`: a break after each parameter's comma
/// and `:`, either side of the return type's arrow, and before the body.
fn print_closure(p: &mut Printer, closure: &syn::ExprClosure) {
    if closure.constness.is_some() {
        p.word("const ");
    }
    if closure.asyncness.is_some() {
        p.word("async ");
    }
    if closure.capture.is_some() {
        p.word("move");
        p.space();
    }
    p.word("|");
    p.begin(0, false);
    for (index, input) in closure.inputs.iter().enumerate() {
        if index > 0 {
            p.word(",");
            p.space();
        }
        p.begin(INDENT, false);
        match input {
            syn::Pat::Type(typed) if typed.attrs.is_empty() => {
                p.word(&compact(typed.pat.to_token_stream()));
                p.word(":");
                p.space();
                print_type(p, &typed.ty);
            }
            _ => p.word(&compact(input.to_token_stream())),
        }
        p.end();
    }
    p.end();
    p.word("|");
    print_return_type(p, &closure.output);
    p.space();
    print_expr(p, &closure.body);
}
#[cfg(test)]
mod tests {
    use super::printed;

    fn text(expr: &str) -> String {
        printed(&syn::parse_str(expr).expect("an expression"))
    }

    #[test]
    fn fits_on_one_line_up_to_the_margin() {
        let operand = "v".repeat(78 - "a + ".len());
        assert_eq!(text(&format!("a + {operand}")), format!("a + {operand}"));
        let operand = "v".repeat(79 - "a + ".len());
        assert_eq!(
            text(&format!("a + {operand}")),
            format!("a +\n    {operand}")
        );
    }

    #[test]
    fn breaks_a_chain_of_operators_where_the_rest_does_not_fit() {
        // rustc's text for these, from `assert!`'s message.
        assert_eq!(
            text(
                "x + spent_so_far + remaining_budget > 1000000000 && x.checked_add(spent_so_far).unwrap_or(remaining_budget) > 5"
            ),
            "x + spent_so_far + remaining_budget > 1000000000 &&\n    x.checked_add(spent_so_far).unwrap_or(remaining_budget) > 5"
        );
        assert_eq!(
            text(
                "Point { x: fetch(x).await, y: wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww } == Point { x: 1, y: 2 }"
            ),
            "Point {\n        x: fetch(x).await,\n        y: wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww,\n    } == Point { x: 1, y: 2 }"
        );
    }
}
