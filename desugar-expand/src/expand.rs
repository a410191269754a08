//! The whole expansion, stage by stage; every error becomes a
//! `compile_error!` next to a best-effort item, so one mistake does not
//! cascade into "cannot find function" errors at every call site.

use proc_macro2::TokenStream;
use quote::quote;

use crate::{analysis, args, build, configured, emit, names, rewrite, signature};

/// Input: `#[desugar(args)] async fn f(..) -> T { body }`, or an `impl`
/// block whose async fns to lower.
/// Output: `fn f(..) -> impl Future<Output = T>` (the machine) and the
/// hidden `async fn f_rustc(..) -> T { body }` (the twin).
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    if let Err(err) = args::parse(args) {
        let err = err.into_compile_error();
        return quote! { #err #item };
    }
    if let Ok(mut item_impl) = syn::parse2::<syn::ItemImpl>(item.clone()) {
        rewrite::invisible_groups::parenthesize(&mut item_impl);
        return impl_block::expand(item_impl);
    }
    match syn::parse2::<syn::ItemFn>(item.clone()) {
        Ok(mut item_fn) => {
            rewrite::invisible_groups::parenthesize(&mut item_fn);
            expand_fn(&item_fn)
        }
        Err(err) => not_a_fn(err, item),
    }
}

/// One async fn: the machine (one per configuration of its body's
/// `#[cfg]`s) and the twin, or the fallback.
fn expand_fn(item_fn: &syn::ItemFn) -> TokenStream {
    let twin = emit::twin::twin(item_fn);
    let mut out = emit::twin::impl_block_check(item_fn);
    each_machine(
        item_fn,
        signature::Owner::Fn,
        |condition, machine| match machine {
            Ok(machine) => out.extend(quote! { #condition #machine }),
            Err(err) => {
                out.extend(errors_under(err, condition));
                out.extend(quote! { #condition #item_fn });
            }
        },
    );
    quote! { #out #twin }
}

/// The machine of each configuration of `item_fn` (see [`configured`]),
/// with the `#[cfg(..)]` it is compiled under (none for a body without
/// conditions), or why that configuration is rejected.
pub(crate) fn each_machine(
    item_fn: &syn::ItemFn,
    owner: signature::Owner,
    mut each: impl FnMut(Option<&TokenStream>, syn::Result<TokenStream>),
) {
    match configured::configurations(item_fn) {
        Ok(configurations) => {
            for configuration in &configurations {
                let condition = configuration.condition.as_ref();
                each(condition, machine(&configuration.item, owner));
            }
        }
        Err(err) => each(None, Err(err)),
    }
}

/// Each of `err`'s messages as a `compile_error!` under `condition`, so a
/// configuration rustc does not compile reports nothing.
pub(crate) fn errors_under(err: syn::Error, condition: Option<&TokenStream>) -> TokenStream {
    err.into_iter()
        .map(|err| {
            let err = err.into_compile_error();
            quote! { #condition #err }
        })
        .collect()
}

/// One async fn's expansion and the description of its machine, from one
/// analysis: for tools that show both (`cargo desugar`). When the fn is
/// rejected, the expansion is the fallback (the error, the fn as written
/// and its twin) and the description is the error.
pub fn expand_and_describe(
    args: TokenStream,
    item: TokenStream,
) -> (TokenStream, syn::Result<emit::describe::Description>) {
    if let Err(err) = args::parse(args) {
        let tokens = err.to_compile_error();
        return (quote! { #tokens #item }, Err(err));
    }
    let mut item_fn = match syn::parse2::<syn::ItemFn>(item.clone()) {
        Ok(item_fn) => item_fn,
        Err(err) => return (not_a_fn(err.clone(), item), Err(err)),
    };
    rewrite::invisible_groups::parenthesize(&mut item_fn);
    if configured::is_configured(&item_fn) {
        // One machine per configuration: the description is the first's.
        return (expand_fn(&item_fn), describe_fn(&item_fn));
    }
    let twin = emit::twin::twin(&item_fn);
    match analyse(&item_fn, signature::Owner::Fn) {
        Ok((plan, ir, decisions)) => match emit::machine(&plan, &ir, &decisions) {
            Ok(machine) => (
                quote! { #machine #twin },
                Ok(emit::describe(&plan, &ir, &decisions)),
            ),
            Err(err) => (fallback(err.clone(), &item_fn), Err(err)),
        },
        Err(err) => (fallback(err.clone(), &item_fn), Err(err)),
    }
}

/// The desugared fn alone. Its tokens are not parsed again here: that
/// costs more than the whole lowering (most of the macro's time in a
/// debug build, where cargo runs proc macros unoptimised); the token
/// fuzzer and the differential fuzzer parse every expansion instead
/// (TESTING.md).
pub(crate) fn machine(item_fn: &syn::ItemFn, owner: signature::Owner) -> syn::Result<TokenStream> {
    let (plan, ir, decisions) = analyse(item_fn, owner)?;
    emit::machine(&plan, &ir, &decisions)
}

/// Stages 1 to 4: everything but printing.
fn analyse(
    item_fn: &syn::ItemFn,
    owner: signature::Owner,
) -> syn::Result<(signature::Plan, crate::ir::Body, analysis::Decisions)> {
    let plan = signature::plan(item_fn, owner)?;
    names::check_names(item_fn)?;
    let mut body = (*item_fn.block).clone();
    let user_names = build::user_names(quote::ToTokens::to_token_stream(&body));
    rewrite::own_macro_names::rewrite_body(&mut body);
    rewrite::own_macro_awaits::check_body(&body)?;
    rewrite::assertion_messages::rewrite_body(&mut body);
    rewrite::macro_locals::rewrite_body(&mut body, &item_fn.sig)?;
    rewrite::item_macros::rewrite_body(&mut body);
    rewrite::nested_statics::check_body(&body)?;
    rewrite::receiver::rename_self(&mut body);
    rewrite::pinned_receiver::rewrite_body(&mut body, &item_fn.sig);
    rewrite::called_once::rewrite_body(&mut body, &item_fn.sig);
    rewrite::braced_tail::rewrite_body(&mut body);
    rewrite::poll_macro::rewrite_body(&mut body);
    rewrite::ready_macro::rewrite_body(&mut body);
    rewrite::raw_borrows::rewrite_body(&mut body);
    rewrite::assertions::rewrite_body(&mut body)?;
    rewrite::destructuring::rewrite_body(&mut body);
    rewrite::unboxed::rewrite_body(&mut body);
    let params: Vec<&syn::PatType> = item_fn
        .sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            syn::FnArg::Typed(typed) => Some(typed),
            syn::FnArg::Receiver(_) => None,
        })
        .collect();
    rewrite::kept_arrays::rewrite_body(&mut body, &params);
    let receiver = item_fn.sig.receiver();
    rewrite::skipped_parts::rewrite_body(&mut body, receiver, &params);
    rewrite::let_else::rewrite_body(&mut body)?;
    rewrite::promoted::rewrite_body(&mut body);
    rewrite::early_exit::rewrite_body(&mut body);
    let pinned = rewrite::pinning::rewrite_body(&mut body)?;
    let mut ir = build::build(&plan, body, &pinned, user_names)?;
    let decisions = analysis::decide(&mut ir)?;
    Ok((plan, ir, decisions))
}

/// Input: an `async fn` (with or without `#[desugar]`). Output: its machine
/// described (states, what each keeps, a Mermaid diagram), without
/// compiling anything; or why `#[desugar]` would reject it.
///
/// A body with `#[cfg(..)]` conditions is described with every option
/// they name taken as set (see [`configured`]).
pub fn describe(item: TokenStream) -> syn::Result<emit::describe::Description> {
    describe_fn(&syn::parse2::<syn::ItemFn>(item)?)
}

fn describe_fn(item_fn: &syn::ItemFn) -> syn::Result<emit::describe::Description> {
    let item_fn = configured::with_every_option_set(item_fn)?;
    let (plan, ir, decisions) = analyse(&item_fn, signature::Owner::Fn)?;
    Ok(emit::describe(&plan, &ir, &decisions))
}

/// The item did not parse as a fn: say what the attribute applies to, and
/// give the tokens back so the rest of the crate still sees the item.
fn not_a_fn(err: syn::Error, item: TokenStream) -> TokenStream {
    let msg = if syn::parse2::<syn::TraitItemFn>(item.clone()).is_ok_and(|f| f.default.is_none()) {
        "#[desugar] lowers an `async fn` with a body: put it on the `impl` block that implements this trait".to_owned()
    } else {
        format!(
            "#[desugar] applies to an `async fn` (free fn or method) or to an `impl` block; {err}"
        )
    };
    let err = syn::Error::new(err.span(), msg).into_compile_error();
    quote! { #err #item }
}

/// Keeps the user's fn as rustc would compile it (so callers and IDEs keep
/// working) and reports why it was not desugared.
fn fallback(err: syn::Error, item_fn: &syn::ItemFn) -> TokenStream {
    let err = err.into_compile_error();
    let twin = emit::twin::twin(item_fn);
    quote! { #err #item_fn #twin }
}

mod impl_block {
    //! `#[desugar]` on an `impl` block lowers each of its async fns. In an
    //! inherent impl the twins sit beside them. A trait impl cannot have
    //! methods the trait lacks, so there the twins go into a private trait
    //! (with the same generics, and the implemented trait as supertrait so
    //! `Self::Assoc` keeps its meaning) implemented for the same type:
    //!
    //! Before: `#[desugar] impl<T> Greet for W<T> { async fn hi(&self) -> String { .. } }`
    //!
    //! After:
    //! ```text
    //! impl<T> Greet for W<T> { fn hi<'__life0>(&'__life0 self) -> impl Future<Output = String> + .. { .. } }
    //! trait GreetRustc_1a2b<T>: Greet { async fn hi_rustc(&self) -> String; }
    //! impl<T> GreetRustc_1a2b<T> for W<T> { async fn hi_rustc(&self) -> String { .. } }
    //! ```

    use proc_macro2::TokenStream;
    use quote::{ToTokens, format_ident, quote};

    pub(super) fn expand(mut item_impl: syn::ItemImpl) -> TokenStream {
        let in_trait = item_impl.trait_.is_some();
        let mut twins: Vec<syn::ItemFn> = Vec::new();
        let mut errors = TokenStream::new();
        let mut items = Vec::new();
        for impl_item in std::mem::take(&mut item_impl.items) {
            let syn::ImplItem::Fn(method) = impl_item else {
                items.push(impl_item);
                continue;
            };
            if method.sig.asyncness.is_none() {
                items.push(syn::ImplItem::Fn(method));
                continue;
            }
            let item_fn = syn::ItemFn {
                attrs: method.attrs.clone(),
                vis: method.vis.clone(),
                modifiers: method.modifiers.clone(),
                sig: method.sig.clone(),
                block: Box::new(method.block.clone()),
            };
            let owner = if in_trait {
                super::signature::Owner::TraitImpl
            } else {
                super::signature::Owner::Impl {
                    generic: !item_impl.generics.params.is_empty(),
                }
            };
            super::each_machine(&item_fn, owner, |condition, machine| match machine {
                Ok(machine) if in_trait => {
                    // The trait says `async fn`; the machine's opaque type
                    // promises more (`Inspect`), which is fine.
                    items.push(syn::ImplItem::Verbatim(
                        quote!(#condition #[allow(refining_impl_trait)] #machine),
                    ));
                }
                Ok(machine) => items.push(syn::ImplItem::Verbatim(quote!(#condition #machine))),
                Err(err) => {
                    errors.extend(super::errors_under(err, condition));
                    items.push(syn::ImplItem::Verbatim(quote!(#condition #method)));
                }
            });
            twins.push(super::emit::twin::renamed(&item_fn));
        }
        if !in_trait {
            items.extend(
                twins
                    .into_iter()
                    .map(|twin| syn::ImplItem::Verbatim(super::emit::twin::hidden(&twin))),
            );
            item_impl.items = items;
            return quote! { #errors #item_impl };
        }
        item_impl.items = items;
        let twin_items = twin_trait(&item_impl, &twins);
        quote! { #errors #item_impl #twin_items }
    }

    /// The private trait the twins of a trait impl's async fns live in.
    fn twin_trait(item_impl: &syn::ItemImpl, twins: &[syn::ItemFn]) -> TokenStream {
        let Some((trait_path, _)) = &item_impl.trait_ else {
            return TokenStream::new();
        };
        // The ident itself, so that a raw `r#Trait` formats as `Trait`.
        let trait_name = trait_path
            .segments
            .last()
            .map_or_else(|| format_ident!("Trait"), |s| s.ident.clone());
        let self_ty = &item_impl.self_ty;
        // After the whole trait, type arguments and path included, and the
        // type: `impl Sink<u32> for S` and `impl Sink<String> for S`, or
        // `other::Lookup` beside `Lookup`, each get a trait of their own.
        let implemented = format!(
            "{} for {}",
            trait_path.to_token_stream(),
            self_ty.to_token_stream()
        );
        let name = format_ident!("{}Rustc_{:08x}", trait_name, fnv(&implemented));
        // Elided lifetimes in the trait's arguments (`impl Store<&str> for
        // B`), which an impl header allows and a supertrait does not, named.
        let mut trait_path = trait_path.clone();
        let mut generics = item_impl.generics.clone();
        name_elided_lifetimes(&mut trait_path, &mut generics);
        let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
        let params = &generics.params;
        let declarations = twins.iter().map(|twin| {
            let mut sig = twin.sig.clone();
            // A method without a body takes no patterns, nor `mut self`.
            for (index, input) in sig.inputs.iter_mut().enumerate() {
                match input {
                    syn::FnArg::Typed(typed) => {
                        let ident = format_ident!("__arg{index}");
                        *typed.pat = syn::parse_quote!(#ident);
                    }
                    syn::FnArg::Receiver(receiver) => receiver.mutability = None,
                }
            }
            quote!(#sig;)
        });
        let bodies = twins.iter();
        quote! {
            #[doc(hidden)]
            #[allow(dead_code, non_camel_case_types, non_snake_case, async_fn_in_trait)]
            trait #name<#params>: #trait_path #where_clause {
                #(#declarations)*
            }
            #[allow(dead_code)]
            impl #impl_generics #name #type_generics for #self_ty #where_clause {
                #(#bodies)*
            }
        }
    }

    /// Names each lifetime elided in `path` (`&str`, `Foo<'_>`) with a
    /// lifetime parameter of its own, added to `generics`, as rustc gives
    /// each a fresh one in an impl header. Not inside `Fn(&str)` or
    /// `fn(&str)`, whose elided lifetimes are their own, higher-ranked.
    ///
    /// Before: `impl Store<&str> for B`, twin trait `trait StoreRustc_1a2b: Store<&str>` (E0106)
    ///
    /// After: `trait StoreRustc_1a2b<'__elided0>: Store<&'__elided0 str>`,
    /// `impl<'__elided0> StoreRustc_1a2b<'__elided0> for B`
    fn name_elided_lifetimes(path: &mut syn::Path, generics: &mut syn::Generics) {
        struct Namer(Vec<syn::Lifetime>);
        impl Namer {
            fn fresh(&mut self, span: proc_macro2::Span) -> syn::Lifetime {
                let lifetime = syn::Lifetime::new(&format!("'__elided{}", self.0.len()), span);
                self.0.push(lifetime.clone());
                lifetime
            }
        }
        impl syn::visit_mut::VisitMut for Namer {
            fn visit_type_reference_mut(&mut self, r: &mut syn::TypeReference) {
                if r.lifetime.is_none() {
                    r.lifetime = Some(self.fresh(r.and_token.span));
                }
                syn::visit_mut::visit_type_reference_mut(self, r);
            }
            fn visit_lifetime_mut(&mut self, lifetime: &mut syn::Lifetime) {
                if lifetime.ident == "_" {
                    *lifetime = self.fresh(lifetime.span());
                }
            }
            fn visit_type_fn_ptr_mut(&mut self, _: &mut syn::TypeFnPtr) {}
            fn visit_parenthesized_generic_arguments_mut(
                &mut self,
                _: &mut syn::ParenthesizedGenericArguments,
            ) {
            }
        }
        let mut namer = Namer(Vec::new());
        syn::visit_mut::VisitMut::visit_path_mut(&mut namer, path);
        for (index, lifetime) in namer.0.into_iter().enumerate() {
            generics.params.insert(
                index,
                syn::GenericParam::Lifetime(syn::LifetimeParam::new(lifetime)),
            );
        }
    }

    /// A stable 32-bit hash (FNV-1a), to name the twin trait after the impl.
    fn fnv(text: &str) -> u32 {
        text.bytes().fold(0x811c_9dc5, |hash, byte| {
            (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
        })
    }
}
