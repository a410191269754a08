//! The twin: the user's async fn, untouched, renamed `<name>_rustc` (for a
//! non-generic `pub` fn, nested in a plain fn of that name: see [`deferred`]).
//!
//! rustc compiles it, so it is (1) the borrow-check witness for the desugared
//! code — homed values get references whose lifetimes rustc cannot see, and
//! are sound only because rustc accepted the same borrows here — and (2) what
//! the harness compares the desugared future against.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Input: `#[attrs] pub async fn name(..) { body }`.
/// Output: `#[doc(hidden)] #[attrs] pub async fn name_rustc(..) { body }`,
/// or, for a fn that is not generic, the same async fn compiled only where
/// it is polled (see [`deferred`]).
pub(crate) fn twin(item: &syn::ItemFn) -> TokenStream {
    let twin = renamed(item);
    deferred(item, &twin).unwrap_or_else(|| hidden(&twin))
}

/// rustc compiles the future of a non-generic `pub async fn` at a module's
/// top level to machine code in its own crate, whether or not anything
/// polls it, and with it the `poll` of every machine it awaits: most of
/// what a twin costs the build (BENCHMARKS.md). A private or `pub(crate)`
/// fn's, or a method's, it compiles only where something polls it, so
/// those twins stay as written. A generic fn's future is
/// compiled only where it is polled, the tests that compare it, while its
/// body is still checked where it is written, which is all the witness
/// needs. So the twin of such a fn is the async fn given a type parameter
/// nothing uses, nested in a plain fn of the twin's name and signature that
/// calls it with `()`: callers see the same fn and the same future.
///
/// Before: `pub async fn get(key: &str) -> u32 { body }`
///
/// After:
/// ```text
/// pub fn get_rustc<'__life0>(key: &'__life0 str)
///     -> impl Future<Output = u32> + Captures<(&'__life0 (),)> {
///     async fn get_rustc<__Twin>(key: &str) -> u32 { body }
///     get_rustc::<()>(key)
/// }
/// ```
///
/// Not for a fn that is generic already, a method, or an associated fn:
/// the attribute cannot see the `impl` block around a fn without a
/// receiver, and a nested fn cannot name that block's `Self` or its type
/// parameters, so a fn that names `Self` or a name written like a type
/// parameter (`T`, `K2`) keeps the plain twin; nor for one with an
/// attribute other than lints, `#[cfg]` and `#[must_use]`, which might
/// mean something else on a plain fn.
fn deferred(item: &syn::ItemFn, twin: &syn::ItemFn) -> Option<TokenStream> {
    let sig = &item.sig;
    let inputs = &sig.inputs;
    let generic = sig
        .generics
        .params
        .iter()
        .any(|param| !matches!(param, syn::GenericParam::Lifetime(_)))
        || any_ident(quote!(#inputs), &|ident| ident == "impl");
    if generic
        || !matches!(item.vis, syn::Visibility::Public(_))
        || sig.receiver().is_some()
        || !matches!(sig.safety, syn::Safety::Default)
        || sig.abi.is_some()
        || sig.variadic.is_some()
        || sig.constness.is_some()
        || !twin.attrs.iter().all(plain_fn_keeps)
        || any_ident(quote!(#item), &names_outer_item)
    {
        return None;
    }
    let plan = crate::signature::plan(item, crate::signature::Owner::Fn).ok()?;
    let name = &twin.sig.ident;
    let mut nested = twin.clone();
    nested.vis = syn::Visibility::Inherited;
    let unused = syn::Ident::new("__Twin", proc_macro2::Span::mixed_site());
    nested.sig.generics.params.push(syn::parse_quote!(#unused));
    let sig = plan.future_sig(name.clone());
    let vis = &item.vis;
    let arguments = plan.arguments();
    // The plain fn has the user's parameters: a lint allowed on the fn
    // (`clippy::too_many_arguments`) must be allowed on it too.
    let outer = twin.attrs.iter().filter(|attr| {
        matches!(attr.style, syn::AttrStyle::Outer) && !attr.path().is_ident("must_use")
    });
    Some(quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_snake_case, clippy::extra_unused_type_parameters)]
        #(#outer)*
        #vis #sig {
            #nested
            #name::<()>(#(#arguments),*)
        }
    })
}

/// Lint levels, `#[cfg]` and `#[must_use]` mean the same on the nested
/// async fn as on the user's.
fn plain_fn_keeps(attr: &syn::Attribute) -> bool {
    [
        "allow", "warn", "deny", "expect", "forbid", "cfg", "must_use",
    ]
    .iter()
    .any(|name| attr.path().is_ident(name))
}

/// `Self`, or a name written as type parameters are (`T`, `E1`): names a
/// fn nested in a method of a generic `impl` could not see.
fn names_outer_item(ident: &proc_macro2::Ident) -> bool {
    let name = ident.to_string();
    let mut chars = name.chars();
    name == "Self"
        || (chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.all(|c| c.is_ascii_digit()))
}

/// An identifier anywhere in `tokens`, inside groups too, that `pred` holds for.
fn any_ident(tokens: TokenStream, pred: &dyn Fn(&proc_macro2::Ident) -> bool) -> bool {
    tokens.into_iter().any(|token| match token {
        proc_macro2::TokenTree::Ident(ident) => pred(&ident),
        proc_macro2::TokenTree::Group(group) => any_ident(group.stream(), pred),
        _ => false,
    })
}

/// The user's fn, renamed `<name>_rustc`, its doc comments left out.
pub(crate) fn renamed(item: &syn::ItemFn) -> syn::ItemFn {
    let mut twin = item.clone();
    twin.sig.ident = format_ident!("{}_rustc", item.sig.ident, span = item.sig.ident.span());
    twin.attrs.retain(|attr| !attr.path().is_ident("doc"));
    twin
}

/// The twin, hidden from docs and from the dead-code lint, and from the
/// naming lint, which the fn itself gets (`type_` makes `type__rustc`).
pub(crate) fn hidden(twin: &syn::ItemFn) -> TokenStream {
    quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_snake_case)]
        #twin
    }
}

/// On a method (a fn with a receiver), a hidden empty method beside the
/// twin whose name says where the attribute goes: in a trait impl, which
/// cannot hold methods its trait lacks, rustc reports it first, at the
/// attribute, E0407 "method `put_desugar_on_the_impl_block_not_on_call`
/// is not a member of trait `Svc`", before the twin's own E0407. The
/// attribute sees the fn alone and cannot tell a trait impl from an
/// inherent one, where the method builds and is never called (private,
/// and `&self` keeps a trait's default method dyn-compatible).
///
/// Before: `impl Svc for S { #[desugar] async fn call(&self) -> u32 { .. } }`
///
/// After: `impl Svc for S { fn put_desugar_on_the_impl_block_not_on_call(&self) {} fn call(..) .. }`
pub(crate) fn impl_block_check(item: &syn::ItemFn) -> TokenStream {
    if item.sig.receiver().is_none() {
        return TokenStream::new();
    }
    let name = syn::ext::IdentExt::unraw(&item.sig.ident);
    let check = format_ident!(
        "put_desugar_on_the_impl_block_not_on_{}",
        name,
        span = proc_macro2::Span::call_site()
    );
    quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_snake_case, clippy::unused_self)]
        fn #check(&self) {}
    }
}
