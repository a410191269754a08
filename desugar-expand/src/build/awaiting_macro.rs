//! What `#[desugar]` checks in the tokens of a macro that awaits in its
//! own expansion (`join!`, `select!`), which it awaits through an inner
//! `async` block: that block cannot borrow the fn's locals (they live in
//! the machine's state), and takes the locals it names when it starts.

use proc_macro2::{Span, TokenStream, TokenTree};

use syn::punctuated::Punctuated;

use super::lead::idents;
use crate::ir::{LocalId, MentionKind};
use crate::walk;

/// `join!` or `try_join!`: its input is the futures' expressions, where a
/// name is a local of the fn (a `select!` binds names of its own).
pub(super) fn is_join(mac: &syn::Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|segment| segment.ident == "join" || segment.ident == "try_join")
}

pub(super) fn is_select(mac: &syn::Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|segment| segment.ident == "select" || segment.ident == "select_biased")
}

/// The first local of the fn a `select!` branch's code names (after `=>`),
/// and its name: the branch runs only if its future wins. Names the
/// branch's pattern binds are its own; so are names after `.` or `::`
/// (fields, methods, paths) and before `!` or `::` (macros, paths).
pub(super) fn local_in_branch(tokens: TokenStream, locals: &[String]) -> Option<(Span, String)> {
    branches(tokens)
        .into_iter()
        .find_map(|(bound, code)| named_local(code, locals, &bound))
}

/// The first of `copies` (locals visibly `Copy`, which an `async move`
/// block takes a copy of) that the macro's code changes, `n += x`, `n =
/// 0` or `&mut n`: in a `select!`'s branches (not a name a branch's
/// pattern binds) or anywhere in a `join!`'s futures. The block would
/// change its own copy, where rustc changes the fn's local.
pub(super) fn changed_copy(mac: &syn::Macro, copies: &[String]) -> Option<(Span, String)> {
    if is_select(mac) {
        return branches(mac.tokens.clone())
            .into_iter()
            .find_map(|(bound, code)| changed_local(code, copies, &bound));
    }
    changed_local(mac.tokens.clone(), copies, &[])
}

/// Each branch of a `select!`: the names its pattern binds, and its code.
fn branches(tokens: TokenStream) -> Vec<(Vec<String>, TokenStream)> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let is = |tree: Option<&TokenTree>, c: char| matches!(tree, Some(TokenTree::Punct(p)) if p.as_char() == c);
    let mut out = Vec::new();
    let mut head_start = 0;
    let mut index = 0;
    while index < trees.len() {
        let arrow = is(trees.get(index), '=') && is(trees.get(index + 1), '>');
        if !arrow {
            index += 1;
            continue;
        }
        // The branch's pattern: everything before its first `=` alone.
        let mut bound = Vec::new();
        for tree in &trees[head_start..index] {
            if matches!(tree, TokenTree::Punct(p) if p.as_char() == '=' && p.spacing() == proc_macro2::Spacing::Alone)
            {
                break;
            }
            bound.extend(idents(tree.clone().into()));
        }
        // The branch's code: a block, or tokens up to the next `,`.
        let start = index + 2;
        let end = match trees.get(start) {
            Some(TokenTree::Group(group)) if group.delimiter() == proc_macro2::Delimiter::Brace => {
                start + 1
            }
            _ => (start..trees.len())
                .find(|&i| is(trees.get(i), ','))
                .unwrap_or(trees.len()),
        };
        out.push((bound, trees[start..end].iter().cloned().collect()));
        head_start = end;
        index = end;
    }
    out
}

/// The first of `locals` (not in `own`) that `tokens` assign (`n += 1`,
/// `n = 0`) or lend mutably (`&mut n`).
fn changed_local(tokens: TokenStream, locals: &[String], own: &[String]) -> Option<(Span, String)> {
    first_local(tokens, locals, own, false, &|trees, i| {
        let before = |back: usize| i.checked_sub(back).and_then(|j| trees.get(j));
        let after_path = matches!(before(1), Some(TokenTree::Punct(p)) if p.as_char() == '.' || p.as_char() == ':');
        let lent = matches!(before(1), Some(TokenTree::Ident(m)) if m == "mut")
            && matches!(before(2), Some(TokenTree::Punct(p)) if p.as_char() == '&');
        lent || (!after_path && assigned_after(&trees[i + 1..]))
    })
}

/// Do the tokens start with an assignment operator (`=`, `+=`, `<<=`, ..),
/// not a comparison (`==`, `<=`) or an arrow (`=>`)?
fn assigned_after(trees: &[TokenTree]) -> bool {
    let mut operator = String::new();
    for tree in trees {
        let TokenTree::Punct(p) = tree else {
            break;
        };
        operator.push(p.as_char());
        if p.spacing() == proc_macro2::Spacing::Alone {
            break;
        }
    }
    matches!(
        operator.as_str(),
        "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "^=" | "&=" | "|=" | "<<=" | ">>="
    )
}

/// The first of `locals` (not in `own`) that `tokens` name as a value.
fn named_local(tokens: TokenStream, locals: &[String], own: &[String]) -> Option<(Span, String)> {
    first_local(tokens, locals, own, true, &|trees, i| {
        let punct = |i: Option<usize>, c: char| {
            i.and_then(|i| trees.get(i))
                .is_some_and(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == c))
        };
        let after_path = punct(i.checked_sub(1), '.') || punct(i.checked_sub(1), ':');
        let before_path = punct(Some(i + 1), '!') || punct(Some(i + 1), ':');
        !after_path && !before_path
    })
}

/// The first of `locals` (not in `own`) in `tokens`, at any depth, for
/// which `used` holds (given the tokens around it and its index there).
fn first_local(
    tokens: TokenStream,
    locals: &[String],
    own: &[String],
    captures: bool,
    used: &dyn Fn(&[TokenTree], usize) -> bool,
) -> Option<(Span, String)> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Group(group) => {
                if let Some(found) = first_local(group.stream(), locals, own, captures, used) {
                    return Some(found);
                }
            }
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                if locals.contains(&name) && !own.contains(&name) && used(&trees, i) {
                    return Some((ident.span(), name));
                }
            }
            // `println!("{x}")` in the branch's code: a read, never a
            // change.
            TokenTree::Literal(literal) if captures => {
                let mut captured = walk::literal_captures(literal).into_iter();
                if let Some(capture) =
                    captured.find(|c| locals.contains(&c.name) && !own.contains(&c.name))
                {
                    return Some((literal.span(), capture.name));
                }
            }
            TokenTree::Literal(_) | TokenTree::Punct(_) => {}
        }
    }
    None
}

/// The first local `futures::select!` polls in place, `x = fut => ..`: it
/// takes `&mut fut`. `tokio::select!` moves a future given so, and a bare
/// `select!` may be either (see also [`borrowed_local`]): it is taken for
/// `futures`' where it has a branch only `futures`' has (`complete =>`,
/// `default =>`), or where the local is declared `mut` (in `mutable`),
/// which `&mut fut` needs and a move does not. A bare `select_biased!` is
/// `futures`' (tokio's is `select! { biased; .. }`).
pub(super) fn polled_local(
    mac: &syn::Macro,
    locals: &[String],
    mutable: &[String],
) -> Option<Span> {
    let path = &mac.path.segments;
    let trees: Vec<TokenTree> = mac.tokens.clone().into_iter().collect();
    let is_arrow = |eq: &proc_macro2::Punct, head: &proc_macro2::Punct| {
        eq.as_char() == '=' && head.as_char() == '>'
    };
    let futures_branch = trees.windows(3).any(|window| {
        matches!(window, [TokenTree::Ident(name), TokenTree::Punct(eq), TokenTree::Punct(head)]
            if (name == "complete" || name == "default") && is_arrow(eq, head))
    });
    let futures =
        path.first()?.ident == "futures" || path.last()?.ident == "select_biased" || futures_branch;
    trees.windows(4).find_map(|window| match window {
        [
            TokenTree::Punct(eq),
            TokenTree::Ident(name),
            TokenTree::Punct(arrow),
            TokenTree::Punct(head),
        ] if eq.as_char() == '='
            && eq.spacing() == proc_macro2::Spacing::Alone
            && is_arrow(arrow, head)
            && locals.contains(&name.to_string())
            && (futures || mutable.contains(&name.to_string())) =>
        {
            Some(name.span())
        }
        _ => None,
    })
}

/// The first local that a `join!`'s input borrows, `&x` or `&mut x` (not
/// the operator `&&`): an `async` block around the macro would borrow it
/// from the fn's state, which cannot be. Blocks inside the input may
/// declare locals of their own, and are not read; input with a `move`
/// block or closure may move the local into it instead, and is left to
/// rustc.
pub(super) fn borrowed_local(tokens: TokenStream, locals: &[String]) -> Option<Span> {
    fn find(tokens: TokenStream, locals: &[String]) -> Option<Span> {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Group(group) if group.delimiter() != proc_macro2::Delimiter::Brace => {
                    if let Some(at) = find(group.stream(), locals) {
                        return Some(at);
                    }
                }
                TokenTree::Punct(amp) if amp.as_char() == '&' => {
                    let after_amp =
                        |t: &TokenTree| matches!(t, TokenTree::Punct(p) if p.as_char() == '&');
                    if i.checked_sub(1)
                        .and_then(|j| trees.get(j))
                        .is_some_and(after_amp)
                        || trees.get(i + 1).is_some_and(after_amp)
                    {
                        continue;
                    }
                    let mut next = i + 1;
                    if matches!(trees.get(next), Some(TokenTree::Ident(m)) if m == "mut") {
                        next += 1;
                    }
                    if let Some(TokenTree::Ident(name)) = trees.get(next)
                        && locals.contains(&name.to_string())
                    {
                        return Some(name.span());
                    }
                }
                _ => {}
            }
        }
        None
    }
    if idents(tokens.clone()).iter().any(|ident| ident == "move") {
        return None;
    }
    find(tokens, locals)
}

/// Makes the inner `async` block a macro is awaited through `async move`
/// where that changes nothing rustc would do: every use of a local of the
/// fn in the macro's tokens copies it (a number, a shared reference,
/// `&self`) or, in a `join!`'s futures, moves it as an operand
/// (`join!(a, send(msg))`), which the block then does when it is made, just
/// before it first runs. A plain block would borrow a `Copy` local it reads,
/// and that borrow cannot outlive the step that makes the block (rustc's
/// E0373). A local the macro may only borrow (`client.get(1)`, `&x`, a
/// macro inside), or a `&mut` it reborrows, keeps the plain block: moved
/// into the block it would drop, or be given up, when the block ends.
///
/// Before: `let (a, b) = join!(get(n), get(m));` (`n`, `m` numbers)
/// After:  operand `async move { join!(get(n), get(m)) }`
impl super::Builder {
    /// The names in scope of locals that are visibly `Copy` and not `&mut`.
    pub(super) fn copies_in_scope(&self) -> Vec<String> {
        self.names_in_scope(|this, local| this.copied(local))
    }

    /// The names in scope of locals declared `mut`.
    pub(super) fn mutable_in_scope(&self) -> Vec<String> {
        self.names_in_scope(|this, local| this.locals[local].mutable)
    }

    /// The names in scope of locals that hold a `&mut`, or may.
    pub(super) fn reborrowed_in_scope(&self) -> Vec<String> {
        self.names_in_scope(|this, local| this.locals[local].unique || this.locals[local].holds_mut)
    }

    /// The names in scope of locals that are visibly guards.
    pub(super) fn guards_in_scope(&self) -> Vec<String> {
        self.names_in_scope(|this, local| this.locals[local].guard)
    }

    fn names_in_scope(&self, which: impl Fn(&Self, LocalId) -> bool) -> Vec<String> {
        self.scope_map()
            .into_iter()
            .filter(|&(_, local)| which(self, local))
            .map(|(name, _)| name)
            .collect()
    }

    fn copied(&self, local: LocalId) -> bool {
        // A pin (`let f = pin!(fut);`) has nothing to drop, but is moved.
        self.locals[local].copy && !self.locals[local].unique && !self.locals[local].pin
    }

    pub(super) fn move_copies_into_block(&self, operand: &mut syn::Expr) {
        let syn::Expr::Async(block) = operand else {
            return;
        };
        let mac = match block.block.stmts.first() {
            Some(syn::Stmt::Expr(syn::Expr::Macro(e), _)) => &e.mac,
            Some(syn::Stmt::Macro(s)) => &s.mac,
            _ => return,
        };
        let scope = self.scope_map();
        let futures = is_join(mac)
            .then(|| {
                mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
                    .ok()
            })
            .flatten();
        let owned = match futures {
            Some(futures) => {
                let mut recorder = super::Recorder::new(&self.locals);
                for mut future in futures {
                    walk::expr(&mut future, &scope, &mut recorder);
                }
                !recorder.found.is_empty()
                    && recorder.found.iter().all(|found| {
                        self.copied(found.local)
                            || matches!(found.kind, MentionKind::Capture { by_move: true })
                            || (found.kind == MentionKind::Value && found.consumed.is_none())
                    })
            }
            None => {
                let named: Vec<LocalId> = idents(mac.tokens.clone())
                    .iter()
                    .filter_map(|name| scope.get(name).copied())
                    .collect();
                !named.is_empty() && named.into_iter().all(|local| self.copied(local))
            }
        };
        if owned {
            block.capture = Some(syn::Token![move](block.async_token.span));
        }
    }
}
