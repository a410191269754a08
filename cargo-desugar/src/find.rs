//! Finding the fns of a parsed file: free fns, methods of impl blocks,
//! default methods of traits, in nested modules too, each with the path a
//! reader would name it by (`net::Client::get`).

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::visit::{self, Visit};

/// One fn with a body, borrowed from the parsed file.
pub struct Found<'ast> {
    /// `name`, `Type::name`, `module::name`, …
    pub path: String,
    attrs: &'ast [syn::Attribute],
    vis: Option<&'ast syn::Visibility>,
    modifiers: &'ast syn::FnModifiers,
    sig: &'ast syn::Signature,
    block: &'ast syn::Block,
}

impl Found<'_> {
    /// The fn's own name.
    pub fn name(&self) -> String {
        self.sig.ident.to_string()
    }

    /// Where the fn's name is.
    pub fn span(&self) -> Span {
        self.sig.ident.span()
    }

    pub fn is_async(&self) -> bool {
        self.sig.asyncness.is_some()
    }

    /// Whether `name` names this fn: its name, or the end of its path
    /// (`Client::get`).
    pub fn is_named(&self, name: &str) -> bool {
        self.path == name || self.path.ends_with(&format!("::{name}"))
    }

    /// The arguments of its `#[desugar(..)]` attribute (empty for
    /// `#[desugar]`), or `None` when it carries none.
    pub fn desugar_args(&self) -> Option<TokenStream> {
        let attr = self.attrs.iter().find(|attr| is_desugar(attr))?;
        Some(match &attr.meta {
            syn::Meta::Path(_) => TokenStream::new(),
            syn::Meta::List(list) => list.tokens.clone(),
            syn::Meta::NameValue(name_value) => name_value.value.to_token_stream(),
        })
    }

    /// The fn as the engine takes it: a free `fn` item without `#[desugar]`.
    pub fn item(&self) -> TokenStream {
        syn::ItemFn {
            attrs: self
                .attrs
                .iter()
                .filter(|attr| !is_desugar(attr))
                .cloned()
                .collect(),
            vis: self.vis.cloned().unwrap_or(syn::Visibility::Inherited),
            modifiers: self.modifiers.clone(),
            sig: self.sig.clone(),
            block: Box::new(self.block.clone()),
        }
        .into_token_stream()
    }
}

/// `#[desugar]`, `#[desugar(..)]` or `#[desugar::desugar]`.
fn is_desugar(attr: &syn::Attribute) -> bool {
    matches!(attr.style, syn::AttrStyle::Outer)
        && attr
            .path()
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "desugar")
}

/// Input: a parsed file. Output: every fn with a body in it, in source order.
pub fn fns(file: &syn::File) -> Vec<Found<'_>> {
    let mut finder = Finder::default();
    finder.visit_file(file);
    finder.found
}

#[derive(Default)]
struct Finder<'ast> {
    /// The modules, types and traits around the current item.
    scope: Vec<String>,
    found: Vec<Found<'ast>>,
}

impl<'ast> Finder<'ast> {
    fn push(
        &mut self,
        attrs: &'ast [syn::Attribute],
        vis: Option<&'ast syn::Visibility>,
        modifiers: &'ast syn::FnModifiers,
        sig: &'ast syn::Signature,
        block: &'ast syn::Block,
    ) {
        let mut path = self.scope.clone();
        path.push(sig.ident.to_string());
        self.found.push(Found {
            path: path.join("::"),
            attrs,
            vis,
            modifiers,
            sig,
            block,
        });
    }

    fn within(&mut self, name: String, visit: impl FnOnce(&mut Self)) {
        self.scope.push(name);
        visit(self);
        self.scope.pop();
    }
}

impl<'ast> Visit<'ast> for Finder<'ast> {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        self.within(item.ident.to_string(), |finder| {
            visit::visit_item_mod(finder, item);
        });
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        self.within(type_name(&item.self_ty), |finder| {
            visit::visit_item_impl(finder, item);
        });
    }

    fn visit_item_trait(&mut self, item: &'ast syn::ItemTrait) {
        self.within(item.ident.to_string(), |finder| {
            visit::visit_item_trait(finder, item);
        });
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        self.push(
            &item.attrs,
            Some(&item.vis),
            &item.modifiers,
            &item.sig,
            &item.block,
        );
        self.within(item.sig.ident.to_string(), |finder| {
            visit::visit_item_fn(finder, item);
        });
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        self.push(
            &item.attrs,
            Some(&item.vis),
            &item.modifiers,
            &item.sig,
            &item.block,
        );
        self.within(item.sig.ident.to_string(), |finder| {
            visit::visit_impl_item_fn(finder, item);
        });
    }

    fn visit_trait_item_fn(&mut self, item: &'ast syn::TraitItemFn) {
        if let Some(block) = &item.default {
            self.push(&item.attrs, None, &item.modifiers, &item.sig, block);
        }
        self.within(item.sig.ident.to_string(), |finder| {
            visit::visit_trait_item_fn(finder, item);
        });
    }
}

/// `Client` for `impl Client`, `impl<T> Trait for Client<T>` or
/// `impl Trait for &Client`; the type as written otherwise.
fn type_name(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(path) => match path.path.segments.last() {
            Some(segment) => segment.ident.to_string(),
            None => ty.to_token_stream().to_string(),
        },
        syn::Type::Reference(reference) => type_name(&reference.elem),
        _ => ty.to_token_stream().to_string(),
    }
}
