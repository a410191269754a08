//! A `static` (or the one a `thread_local!` declares) anywhere but among
//! the items of the fn body's own block. The machine declares the body's
//! items once, where every state's code sees them; the items of a nested
//! block, and whatever a closure, an `async` block or a nested item holds,
//! are written with the code around them, and that code is written once
//! for each place the machine enters it (the arm before an await, the arm
//! resuming after it, a loop's first turn and its later ones). Each copy
//! of a `static` is an item of its own: a counter bumped before an await
//! would read zero after it, where rustc has one item. No shape of the
//! code is safe from being written twice, so every such `static` stops the
//! build, saying to declare it among the body's items.
//!
//! Before: `match k { 0 => { static HITS: AtomicU32 = ..; HITS.fetch_add(1, ..); tick().await; .. } .. }`
//! After:  an error at `HITS`: declare it at the top of the fn body

use syn::spanned::Spanned;
use syn::visit::Visit;

/// An error at the first `static` of `body` outside its own items.
pub(crate) fn check_body(body: &syn::Block) -> syn::Result<()> {
    let mut walk = Walk(None);
    for stmt in &body.stmts {
        // The body's own items are declared once (`emit::scan::items`).
        if !matches!(stmt, syn::Stmt::Item(_)) {
            walk.visit_stmt(stmt);
        }
    }
    walk.0.map_or(Ok(()), Err)
}

struct Walk(Option<syn::Error>);

impl Walk {
    fn refuse(&mut self, span: proc_macro2::Span, what: &str) {
        if self.0.is_none() {
            self.0 = Some(syn::Error::new(
                span,
                format!(
                    "#[desugar] writes the code around this {what} once for each place \
                     the machine enters it (before and after an await, a loop's first \
                     and later turns), and each copy would be a `static` of its own: \
                     declare it at the top of the fn body, among its items, or outside \
                     the fn"
                ),
            ));
        }
    }
}

impl<'ast> Visit<'ast> for Walk {
    fn visit_item_static(&mut self, item: &'ast syn::ItemStatic) {
        self.refuse(item.ident.span(), "`static`");
    }

    fn visit_item_macro(&mut self, item: &'ast syn::ItemMacro) {
        if super::item_macros::is_thread_local(&item.mac.path) {
            self.refuse(item.mac.path.span(), "`thread_local!`");
        }
        syn::visit::visit_item_macro(self, item);
    }

    fn visit_stmt_macro(&mut self, stmt: &'ast syn::StmtMacro) {
        if super::item_macros::is_thread_local(&stmt.mac.path) {
            self.refuse(stmt.mac.path.span(), "`thread_local!`");
        }
        syn::visit::visit_stmt_macro(self, stmt);
    }
}
