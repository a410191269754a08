//! Stage 1: check the item is something `#[desugar]` can lower, and plan the
//! signature of the desugared fn.
//!
//! Before: `pub async fn get(&self, key: &str, (a, b): (u8, u8)) -> Option<&V>`
//!
//! After:
//! ```text
//! pub fn get<'__life0, '__life1>(&'__life0 self, key: &'__life1 str, __arg1: (u8, u8))
//!     -> impl Future<Output = Option<&'__life0 V>> + Captures<(&'__life0 (), &'__life1 ())>
//! ```
//! and the parameters as the body will see them: `__self`, `key`, and
//! `__arg1` destructured by `let (a, b) = __arg1;` at the start of the body.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::visit_mut::VisitMut;
use syn::{FnArg, GenericParam, Lifetime, LifetimeParam, Pat, ReturnType, Type};

use crate::names;

mod outlives;

/// Where the async fn is written: it decides what its signature may say.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Owner {
    /// A free fn, or a method given `#[desugar]` itself.
    Fn,
    /// A fn of an inherent `impl` block given `#[desugar]`; `generic`: the
    /// block has generic parameters, which `Self` may hold.
    Impl { generic: bool },
    /// A fn of a trait impl given `#[desugar]`: the trait fixes its signature.
    TraitImpl,
}

/// One parameter of the async fn, as a local of the body.
pub(crate) struct Param {
    /// The name the body uses (`__self` for the receiver, `__argN` for a
    /// parameter bound by a pattern).
    pub ident: syn::Ident,
    /// Declared `mut`.
    pub mutable: bool,
    /// What the desugared fn moves into `Unresumed` for it: `self` for the
    /// receiver, the parameter's name otherwise.
    pub source: TokenStream,
    /// For a pattern parameter, the `let` that destructures it at the start of
    /// the body, as rustc's own lowering does.
    pub destructure: Option<syn::Stmt>,
    /// Its type is visibly `Copy` (see [`crate::walk::copy`]).
    pub copy: bool,
    /// See [`crate::ir::Local::standard`].
    pub standard: Option<crate::walk::Standard>,
    /// See [`crate::ir::Local::referent`].
    pub referent: Option<crate::walk::Standard>,
    /// See [`crate::ir::Local::eager`].
    pub eager: bool,
    /// Its type is a `&mut` reference (`&mut self` too).
    pub unique: bool,
    /// Its type may hold a `&mut` it does not show: not a reference itself,
    /// it has a lifetime or a `&mut` inside (`ctx: Ctx<'_>`), or it is a
    /// `&mut` to such a type (`v: &mut Vec<&mut T>`); see
    /// [`crate::ir::Local::holds_mut`].
    pub holds_mut: bool,
    /// Its type is a primitive number, `bool` or `char`.
    pub number: bool,
    /// See [`crate::ir::Local::boxed`].
    pub boxed: bool,
    /// For a pattern parameter, the names its `destructure` binds to a part
    /// the written type shows is a `Box` (`(b, n): (Box<T>, u32)`).
    pub boxed_parts: Vec<syn::Ident>,
    /// See [`crate::ir::Local::pointer`].
    pub pointer: bool,
    /// Its type is a shared reference (`s: &str`, `&self`); see
    /// [`crate::ir::Local::shared_ref`].
    pub shared_ref: bool,
}

/// The checked and rewritten signature.
pub(crate) struct Plan {
    /// The fn's outer attributes (`#[inline]`), written on the machine.
    pub attrs: Vec<syn::Attribute>,
    /// The inner attributes at the start of its body (`#![allow(..)]`),
    /// which syn keeps with the outer ones: written at the start of the
    /// machine's body, where they annotate the fn as they do in the twin.
    pub inner_attrs: Vec<syn::Attribute>,
    pub vis: syn::Visibility,
    /// The signature of the desugared fn, with `async` removed and elided
    /// lifetimes named; its output is written by [`Plan::header`].
    pub sig: syn::Signature,
    pub params: Vec<Param>,
    /// The async fn's declared output type (`()` when none).
    pub output: Type,
    /// Where the fn is written.
    pub owner: Owner,
}

/// Input: the parsed item. Output: the plan, or an error at the user's span
/// saying what to write instead.
pub(crate) fn plan(item: &syn::ItemFn, owner: Owner) -> syn::Result<Plan> {
    let sig = &item.sig;
    validate(item)?;
    let mut new_sig = sig.clone();
    new_sig.asyncness = None;

    let mut namer = ElidedLifetimes::default();
    let mut params = Vec::new();
    for (index, arg) in new_sig.inputs.iter_mut().enumerate() {
        match arg {
            FnArg::Receiver(receiver) => {
                namer.receiver(receiver);
                let self_token = receiver.self_token;
                params.push(Param {
                    ident: receiver_ident(self_token.span),
                    mutable: receiver.mutability.is_some(),
                    source: quote!(#self_token),
                    destructure: None,
                    copy: matches!(receiver.kind, syn::ReceiverKind::Reference(..))
                        || matches!(&receiver.kind, syn::ReceiverKind::Typed(_, ty) if matches!(&**ty, Type::Reference(r) if r.mutability.is_none())),
                    standard: None,
                    referent: None,
                    eager: false,
                    // `&mut self`, `self: &mut Self`; `self: Pin<&mut Self>`
                    // holds one, as a parameter of that type does.
                    unique: match &receiver.kind {
                        syn::ReceiverKind::Reference(_, _, mutability) => mutability.is_some(),
                        syn::ReceiverKind::Typed(_, ty) => {
                            matches!(&**ty, Type::Reference(r) if r.mutability.is_some())
                        }
                        _ => false,
                    },
                    holds_mut: matches!(&receiver.kind, syn::ReceiverKind::Typed(_, ty)
                        if !matches!(&**ty, Type::Reference(_)) && borrows_inside(ty)),
                    number: false,
                    boxed: matches!(&receiver.kind, syn::ReceiverKind::Typed(_, ty) if crate::walk::is_box_type(ty)),
                    boxed_parts: Vec::new(),
                    pointer: matches!(&receiver.kind, syn::ReceiverKind::Typed(_, ty) if crate::walk::is_pointer_type(ty)),
                    shared_ref: match &receiver.kind {
                        syn::ReceiverKind::Reference(_, _, mutability) => mutability.is_none(),
                        syn::ReceiverKind::Typed(_, ty) => {
                            matches!(&**ty, Type::Reference(r) if r.mutability.is_none())
                        }
                        _ => false,
                    },
                });
                receiver.mutability = None;
            }
            FnArg::Typed(typed) => {
                namer.visit_type_mut(&mut typed.ty);
                params.push(param(index, typed));
            }
        }
    }
    let output = match &sig.output {
        ReturnType::Default => syn::parse_quote!(()),
        ReturnType::Type(_, ty) => {
            let mut ty = (**ty).clone();
            namer.output(&mut ty);
            ty
        }
    };
    for lifetime in &namer.named {
        new_sig
            .generics
            .params
            .push(GenericParam::Lifetime(LifetimeParam::new(lifetime.clone())));
    }
    let arrow = match &sig.output {
        ReturnType::Type(arrow, _) => *arrow,
        ReturnType::Default => Default::default(),
    };
    new_sig.output = ReturnType::Type(arrow, Box::new(syn::Type::Verbatim(Default::default())));
    let (inner_attrs, attrs) = item
        .attrs
        .iter()
        .cloned()
        .partition(|attr| matches!(attr.style, syn::AttrStyle::Inner(_)));
    Ok(Plan {
        attrs,
        inner_attrs,
        vis: item.vis.clone(),
        sig: new_sig,
        params,
        output,
        owner,
    })
}

/// `sig` returning `impl Future<Output = output>` that captures every
/// lifetime of its generics, and is `Inspect` where `inspect` says so.
fn returning_future(mut sig: syn::Signature, output: &Type, inspect: bool) -> syn::Signature {
    let captured = captured_lifetimes(&sig.generics);
    let private = names::private();
    let inspect = inspect.then(|| quote!(+ #private::Inspect));
    if let ReturnType::Type(_, ty) = &mut sig.output {
        // Only ever printed: kept as tokens rather than parsed (`crate::syntax`).
        **ty = syn::Type::Verbatim(quote! {
            impl ::core::future::Future<Output = #output> #inspect + #private::Captures<(#(&#captured (),)*)>
        });
    }
    sig
}

fn validate(item: &syn::ItemFn) -> syn::Result<()> {
    let sig = &item.sig;
    if sig.asyncness.is_none() {
        return Err(syn::Error::new_spanned(
            sig.fn_token,
            "#[desugar] lowers an `async fn`, and this fn is not async: write `async fn`",
        ));
    }
    if let Some(constness) = &sig.constness {
        return Err(syn::Error::new_spanned(
            constness,
            "`const async fn` is not Rust: remove `const`",
        ));
    }
    if let Some(variadic) = &sig.variadic {
        return Err(syn::Error::new_spanned(
            variadic,
            "#[desugar] cannot lower a variadic fn: remove `...`",
        ));
    }
    if let Some(abi) = &sig.abi {
        return Err(syn::Error::new_spanned(
            abi,
            "#[desugar] cannot lower an `extern` async fn: remove the ABI",
        ));
    }
    if let ReturnType::Type(_, ty) = &sig.output
        && contains_impl_trait(ty)
    {
        return Err(syn::Error::new_spanned(
            ty,
            "#[desugar] cannot lower an async fn returning `impl Trait` yet: name the type, or box it (`Box<dyn Trait>`)",
        ));
    }
    Ok(())
}

fn contains_impl_trait(ty: &Type) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_type_impl_trait(&mut self, _: &'ast syn::TypeImplTrait) {
            self.0 = true;
        }
    }
    let mut finder = Finder(false);
    syn::visit::visit_type(&mut finder, ty);
    finder.0
}

/// The local that stands for `self` in the body (`self` cannot be a local's
/// name). It carries the span of the user's `self` so the renamed uses in the
/// body resolve to it.
pub(crate) fn receiver_ident(span: Span) -> syn::Ident {
    syn::Ident::new("__self", Span::call_site().located_at(span))
}

fn param(index: usize, typed: &mut syn::PatType) -> Param {
    let copy = crate::walk::copy::is_copy_type(&typed.ty);
    let standard = crate::walk::Standard::of(&typed.ty);
    let eager = crate::walk::eager::is_eager_type(&typed.ty);
    let unique = matches!(&*typed.ty, Type::Reference(r) if r.mutability.is_some());
    let referent = match &*typed.ty {
        Type::Reference(r) if r.mutability.is_some() => crate::walk::Standard::of(&r.elem),
        _ => None,
    };
    let holds_mut = match &*typed.ty {
        // What a `&mut` points to may hold one too (`v: &mut Vec<&mut
        // T>`): a value moved out of it (`v.pop()`) then does.
        Type::Reference(r) if r.mutability.is_some() => borrows_inside(&r.elem),
        Type::Reference(_) => false,
        ty => borrows_inside(ty),
    };
    let number = crate::walk::copy::is_number_type(&typed.ty);
    let boxed = crate::walk::is_box_type(&typed.ty);
    let pointer = crate::walk::is_pointer_type(&typed.ty);
    let shared_ref = matches!(&*typed.ty, Type::Reference(r) if r.mutability.is_none());
    match &mut *typed.pat {
        Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => {
            let mutable = pat.mutability.take().is_some();
            let ident = pat.ident.clone();
            Param {
                source: quote!(#ident),
                ident,
                mutable,
                destructure: None,
                copy,
                standard,
                referent,
                eager,
                unique,
                holds_mut,
                number,
                boxed,
                boxed_parts: Vec::new(),
                pointer,
                shared_ref,
            }
        }
        other => {
            let boxed_parts = crate::walk::patterns::boxed_parts(other, &typed.ty);
            let ident = syn::Ident::new(&format!("__arg{index}"), Span::mixed_site());
            // `_` keeps the argument alive to the end of the body, as rustc
            // does; no `let` is needed for that.
            let destructure = match other {
                Pat::Wild(_) => None,
                pat => Some(syn::parse_quote!(let #pat = #ident;)),
            };
            *typed.pat = syn::parse_quote!(#ident);
            Param {
                source: quote!(#ident),
                ident,
                mutable: false,
                destructure,
                copy,
                standard,
                referent,
                eager,
                unique,
                holds_mut,
                number,
                boxed,
                boxed_parts,
                pointer,
                shared_ref: false,
            }
        }
    }
}

/// Does `ty` name a lifetime, or a reference, anywhere inside it?
fn borrows_inside(ty: &Type) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_lifetime(&mut self, _: &'ast Lifetime) {
            self.0 = true;
        }
        fn visit_type_reference(&mut self, _: &'ast syn::TypeReference) {
            self.0 = true;
        }
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_type(&mut finder, ty);
    finder.0
}

fn captured_lifetimes(generics: &syn::Generics) -> Vec<Lifetime> {
    generics
        .lifetimes()
        .map(|param| param.lifetime.clone())
        .collect()
}

/// Names every elided lifetime in the parameters (`&T`, `'_`, `&self`), as
/// rustc does implicitly, so the returned future can say it captures them.
#[derive(Default)]
struct ElidedLifetimes {
    named: Vec<Lifetime>,
    receiver: Option<Lifetime>,
    /// Lifetimes seen in the inputs, named or elided, for output elision.
    inputs: Vec<Lifetime>,
}

impl ElidedLifetimes {
    fn next(&mut self, span: Span) -> Lifetime {
        let lifetime = Lifetime::new(&format!("'__life{}", self.named.len()), span);
        self.named.push(lifetime.clone());
        lifetime
    }

    fn receiver(&mut self, receiver: &mut syn::Receiver) {
        if let syn::ReceiverKind::Reference(and, lifetime, _) = &mut receiver.kind {
            let named = match lifetime {
                Some(named) => named.clone(),
                None => {
                    let named = self.next(and.span);
                    *lifetime = Some(named.clone());
                    named
                }
            };
            self.inputs.push(named.clone());
            self.receiver = Some(named);
        } else if let syn::ReceiverKind::Typed(_, ty) = &mut receiver.kind {
            self.visit_type_mut(ty);
        }
    }

    /// Elided lifetimes in the output take the receiver's lifetime, or the
    /// only input lifetime: the elision rules of any fn.
    fn output(&self, ty: &mut Type) {
        let source = self
            .receiver
            .clone()
            .or_else(|| match self.inputs.as_slice() {
                [only] => Some(only.clone()),
                _ => None,
            });
        if let Some(source) = source {
            OutputLifetimes(source).visit_type_mut(ty);
        }
    }
}

impl VisitMut for ElidedLifetimes {
    fn visit_type_reference_mut(&mut self, reference: &mut syn::TypeReference) {
        match &reference.lifetime {
            Some(lifetime) if lifetime.ident != "_" => self.inputs.push(lifetime.clone()),
            _ => {
                let named = self.next(reference.and_token.span);
                self.inputs.push(named.clone());
                reference.lifetime = Some(named);
            }
        }
        self.visit_type_mut(&mut reference.elem);
    }

    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        if lifetime.ident == "_" {
            *lifetime = self.next(lifetime.span());
        }
        self.inputs.push(lifetime.clone());
    }

    // Elision inside `fn(&T)` and `Fn(&T)` is higher-ranked: leave it be.
    fn visit_type_fn_ptr_mut(&mut self, _: &mut syn::TypeFnPtr) {}
    fn visit_parenthesized_generic_arguments_mut(
        &mut self,
        _: &mut syn::ParenthesizedGenericArguments,
    ) {
    }
}

struct OutputLifetimes(Lifetime);

impl VisitMut for OutputLifetimes {
    fn visit_type_reference_mut(&mut self, reference: &mut syn::TypeReference) {
        if reference.lifetime.is_none() {
            reference.lifetime = Some(self.0.clone());
        }
        self.visit_type_mut(&mut reference.elem);
    }
    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        if lifetime.ident == "_" {
            *lifetime = self.0.clone();
        }
    }
    fn visit_type_fn_ptr_mut(&mut self, _: &mut syn::TypeFnPtr) {}
    fn visit_parenthesized_generic_arguments_mut(
        &mut self,
        _: &mut syn::ParenthesizedGenericArguments,
    ) {
    }
}

impl Plan {
    /// `fn name<..>(..) -> impl Future<..>` with attributes and visibility;
    /// `keeps_borrows`: the machine keeps values borrowed across an await,
    /// and may need a lifetime for them (see `outlives`).
    pub(crate) fn header(&self, keeps_borrows: bool) -> TokenStream {
        let attrs = &self.attrs;
        let vis = &self.vis;
        let sig = outlives::outliving(&self.sig, self.owner, keeps_borrows)
            .unwrap_or_else(|| self.sig.clone());
        let sig = returning_future(sig, &self.output, true);
        quote! { #(#attrs)* #vis #sig }
    }

    /// `name(..) -> impl Future<Output = T>`, capturing what the async
    /// fn's future captures: the signature of a plain fn returning the
    /// async fn's own future (see [`crate::emit::twin`]).
    pub(crate) fn future_sig(&self, name: syn::Ident) -> syn::Signature {
        let mut sig = returning_future(self.sig.clone(), &self.output, false);
        sig.ident = name;
        sig
    }

    /// The arguments as the desugared fn's parameters name them, in order.
    pub(crate) fn arguments(&self) -> impl Iterator<Item = &TokenStream> {
        self.params.iter().map(|param| &param.source)
    }

    /// The output type, for the step closure's return annotation.
    pub(crate) fn output_tokens(&self) -> TokenStream {
        self.output.to_token_stream()
    }

    /// A readable name for messages and docs.
    pub(crate) fn name(&self) -> String {
        format_ident!("{}", self.sig.ident).to_string()
    }
}
