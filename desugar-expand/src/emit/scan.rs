//! Questions the emitter asks of the IR's statements: which locals they
//! declare, which items they hold, which names a `let x;` introduces.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Block, Else, If, LocalId, Stmt};

/// A block's nested items (`fn`, `const`, …). They are visible in the whole
/// block, so every arm that runs part of it declares them all, first.
pub(super) fn items(stmts: &[Stmt]) -> TokenStream {
    stmts
        .iter()
        .filter(|stmt| is_item(stmt))
        .map(|stmt| match stmt {
            Stmt::Plain { stmt, .. } => quote!(#stmt),
            _ => TokenStream::new(),
        })
        .collect()
}

pub(super) fn is_item(stmt: &Stmt) -> bool {
    matches!(
        stmt,
        Stmt::Plain {
            stmt: syn::Stmt::Item(_),
            ..
        }
    )
}

/// Every local declared anywhere inside `block`.
pub(super) fn declared_in(block: &Block) -> Vec<LocalId> {
    let mut out = Vec::new();
    for stmt in &block.stmts {
        out.extend(declared_by(stmt));
        match stmt {
            Stmt::Block { block, .. } | Stmt::Loop { body: block, .. } => {
                out.extend(declared_in(block))
            }
            Stmt::If(node) => out.extend(declared_in_if(node)),
            Stmt::Match(node) => {
                for arm in &node.arms {
                    out.extend(&arm.binds);
                    out.extend(declared_in(&arm.body));
                }
            }
            Stmt::Plain { .. } | Stmt::Await(_) | Stmt::Param(_) => {}
        }
    }
    out
}

fn declared_in_if(node: &If) -> Vec<LocalId> {
    let mut out = node.binds.clone();
    out.extend(declared_in(&node.then));
    match &node.otherwise {
        None => {}
        Some(Else::Block(block)) => out.extend(declared_in(block)),
        Some(Else::If(inner)) => out.extend(declared_in_if(inner)),
    }
    out
}

/// The names a `let x;` without a value declares.
pub(super) fn deferred_names(stmt: &Stmt) -> Option<Vec<String>> {
    match stmt {
        Stmt::Plain {
            stmt: syn::Stmt::Local(local),
            ..
        } if local.init.is_none() => Some(
            crate::walk::patterns::bindings(&local.pat)
                .into_iter()
                .map(|b| b.ident.to_string())
                .collect(),
        ),
        _ => None,
    }
}

pub(super) fn declared_by(stmt: &Stmt) -> Vec<LocalId> {
    match stmt {
        Stmt::Param(local) => vec![*local],
        Stmt::Plain { declares, .. } => declares.clone(),
        Stmt::Await(suspension) => suspension.declares.clone(),
        _ => Vec::new(),
    }
}
