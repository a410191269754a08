//! Locals a macro of your own may declare in statement position, used
//! after an await: the machine cannot keep them (it cannot read the
//! macro's expansion), and the resumed code would not find them (rustc's
//! bare E0425, "cannot find value"). Where a name the macro is given
//! (`bind!(conn = ..)`, `guard!(g, ..)`) is used after an await of the
//! same block as a value, and no local of the fn has that name, the build
//! stops at the use saying to write the `let` out.
//!
//! Before: `bind!(conn = open()); ping().await; conn.send()`
//! After:  an error at `conn` in `conn.send()`
//!
//! The same for an item such a macro may declare (`helper!(triple, 3)`
//! expanding to `fn triple(..)`): the machine declares the block's items
//! where every state sees them, but not the items of a macro whose rules
//! it cannot read (`rewrite::item_macros` moves the calls whose rules it
//! can). Where a name the macro is given is called after an await of the
//! block (`triple(v)`), and no local or item of the block has that name,
//! the build stops at the call saying to call the macro outside the fn.
//!
//! Before: `helper!(triple, 3); ping().await; triple(v)`
//! After:  an error at `triple` in `triple(v)`

use proc_macro2::TokenTree;
use syn::visit::Visit;

use crate::walk;

/// What [`MacroLets::check`] needs of a block's statements, read before
/// they are lowered: the names each statement-position macro of the
/// user's is given as a declaration would be, which statements await, and
/// the names each reads as a value.
pub(super) struct MacroLets {
    /// Statement index, the macro's path as written, the names.
    declared: Vec<(usize, String, Vec<String>)>,
    awaits: Vec<bool>,
    /// Each name read as a value, and whether it is a call's callee.
    uses: Vec<Vec<(syn::Ident, bool)>>,
    /// The names of the block's own `fn`s and structs.
    items: Vec<syn::Ident>,
}

impl MacroLets {
    pub(super) fn new(stmts: &[syn::Stmt], awaits: Vec<bool>) -> MacroLets {
        let declared: Vec<(usize, String, Vec<String>)> = stmts
            .iter()
            .enumerate()
            .filter_map(|(index, stmt)| {
                let (mac, names) = declared_names(stmt)?;
                let path = crate::build::compact(quote::ToTokens::to_token_stream(&mac.path));
                (!names.is_empty()).then_some((index, path, names))
            })
            .collect();
        let uses = match declared.is_empty() {
            true => Vec::new(),
            false => stmts.iter().map(bare_uses).collect(),
        };
        let items = stmts
            .iter()
            .filter_map(|stmt| match stmt {
                syn::Stmt::Item(syn::Item::Fn(item)) => Some(item.sig.ident.clone()),
                syn::Stmt::Item(syn::Item::Struct(item)) => Some(item.ident.clone()),
                _ => None,
            })
            .collect();
        MacroLets {
            declared,
            awaits,
            uses,
            items,
        }
    }

    /// After the block is lowered, when `locals` holds every local declared
    /// in it: a name a macro was given, read after an await of the block,
    /// that no local has.
    pub(super) fn check(&self, locals: &[crate::ir::Local]) -> Vec<syn::Error> {
        let mut errors = Vec::new();
        for (at, path, names) in &self.declared {
            let mut reported: Vec<&String> = Vec::new();
            for later in at + 2..self.uses.len() {
                if !self.awaits[at + 1..later].iter().any(|&awaits| awaits) {
                    continue;
                }
                for (ident, called) in &self.uses[later] {
                    let Some(name) = names.iter().find(|name| ident == *name) else {
                        continue;
                    };
                    if reported.contains(&name)
                        || locals.iter().any(|local| local.ident == *name)
                        || self.items.iter().any(|item| *item == **name)
                    {
                        continue;
                    }
                    reported.push(name);
                    let message = match called {
                        false => format!(
                            "`{name}` is no local #[desugar] can see, and is used after an `.await`: if `{path}!` declares it (a `let` inside a macro of your own), the machine cannot keep it across the await, as it cannot read the macro's expansion: write the `let` out (`let {name} = ..;`)"
                        ),
                        true => format!(
                            "`{name}` is no local or item #[desugar] can see, and is called after an `.await`: if `{path}!` declares it (an item made by a macro of your own), the code after the await cannot see it, as #[desugar] cannot read the macro's expansion: call `{path}!` outside the fn (its items need nothing of the fn's), or write the item out; if `{name}` is a fn of the crate, call it by its path (`self::{name}(..)`)"
                        ),
                    };
                    errors.push(syn::Error::new(ident.span(), message));
                }
            }
        }
        errors
    }
}

/// A statement-position macro the expansion cannot read, and the names it
/// is given as a declaration would be: its first token before `,`, `=` or
/// nothing (`guard!(g)`, `guard!(g, ..)`), or any name before a lone `=`
/// (`bind!(conn = ..)`). Lower-case names only: a constant or a type
/// named there is no local.
fn declared_names(stmt: &syn::Stmt) -> Option<(&syn::Macro, Vec<String>)> {
    let mac = match stmt {
        syn::Stmt::Macro(stmt) if stmt.semi_token.is_some() => &stmt.mac,
        syn::Stmt::Expr(syn::Expr::Macro(e), Some(_)) => &e.mac,
        _ => return None,
    };
    if walk::gives_value(mac) || walk::MacroArgs::parse(mac).is_some() {
        return None;
    }
    let trees: Vec<TokenTree> = mac.tokens.clone().into_iter().collect();
    let punct =
        |i: usize, c: char| matches!(trees.get(i), Some(TokenTree::Punct(p)) if p.as_char() == c);
    let lone_eq = |i: usize| {
        matches!(trees.get(i), Some(TokenTree::Punct(p))
            if p.as_char() == '=' && p.spacing() == proc_macro2::Spacing::Alone)
            && !punct(i.wrapping_sub(1), '=')
            && !punct(i.wrapping_sub(1), '!')
            && !punct(i.wrapping_sub(1), '<')
            && !punct(i.wrapping_sub(1), '>')
    };
    let names = trees
        .iter()
        .enumerate()
        .filter_map(|(i, tree)| match tree {
            TokenTree::Ident(ident)
                if lone_eq(i + 1) || (i == 0 && (punct(1, ',') || trees.len() == 1)) =>
            {
                Some(ident.to_string())
            }
            _ => None,
        })
        .filter(|name| name.starts_with(|c: char| c.is_lowercase() || c == '_') && name != "_")
        .collect();
    Some((mac, names))
}

/// The names `stmt` reads as values alone (`conn`, `conn.send()`, `&conn`),
/// outside closures, `async` blocks, macros and items, which may bind
/// names of their own; a call's callee (`triple(v)`, a fn or a local
/// closure) marked `true`.
fn bare_uses(stmt: &syn::Stmt) -> Vec<(syn::Ident, bool)> {
    struct Uses(Vec<(syn::Ident, bool)>);
    impl<'ast> Visit<'ast> for Uses {
        fn visit_expr_path(&mut self, path: &'ast syn::ExprPath) {
            if path.qself.is_none()
                && let Some(ident) = path.path.get_ident()
            {
                self.0.push((ident.clone(), false));
            }
        }
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            match &*call.func {
                syn::Expr::Path(path) if path.qself.is_none() => {
                    if let Some(ident) = path.path.get_ident() {
                        self.0.push((ident.clone(), true));
                    }
                }
                syn::Expr::Path(_) => {}
                func => self.visit_expr(func),
            }
            for arg in &call.args {
                self.visit_expr(arg);
            }
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_macro(&mut self, _: &'ast syn::Macro) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut uses = Uses(Vec::new());
    uses.visit_stmt(stmt);
    uses.0
}
