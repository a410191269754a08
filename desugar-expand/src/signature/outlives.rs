//! A lifetime of its own for a generic machine that keeps borrows, and
//! for a fn given two lifetimes or more.
//!
//! A local borrowed across an await lives in the machine's homes area, and
//! the references to it that the state keeps (an iterator over it, a
//! loop's item) get a lifetime the expansion leaves to the compiler. The
//! returned `impl Future` may only hold lifetimes it captures: rustc gives
//! such a lifetime the shortest captured one that outlives what it holds,
//! and where no captured lifetime is shortest, `'static`, which a type
//! parameter need not outlive (E0310, "the parameter type `T` may not live
//! long enough", where the twin builds). So a machine with homed values
//! whose types may hold a type parameter (or `Self`, or an `impl Trait`
//! argument) captures one more lifetime, which every other one outlives.
//!
//! Before: `fn f<T: Clone>(items: Vec<T>) -> impl Future<Output = usize> + Inspect + Captures<()>`
//!
//! After:
//! ```text
//! fn f<'__homed, T: Clone>(items: Vec<T>)
//!     -> impl Future<Output = usize> + Inspect + Captures<(&'__homed (),)>
//! where T: '__homed
//! ```
//!
//! The same holds for a borrow of two references the fn is given, held
//! under one lifetime by what it awaits (`async fn put(w: &mut Vec<u8>, d:
//! &[u8]) { w.write_all(d).await }`: futures' `WriteAll<'a, W>`): it lives
//! as long as the shorter of the two, which is neither (E0700, "hidden type
//! captures lifetime that does not appear in bounds"). So a fn with two
//! lifetimes or more gets it too, borrows kept or not.
//!
//! Not in a trait impl, whose signature the trait fixes.

use proc_macro2::Span;
use syn::visit_mut::VisitMut;
use syn::{GenericParam, Lifetime, LifetimeParam};

use super::Owner;

/// `sig` with the lifetime added, or `None` where nothing in it needs one:
/// a machine that keeps no borrows, or whose borrows' types hold no type
/// parameter, `impl Trait` argument or `Self` (`'static` serves), and a
/// signature with one lifetime at most (`'_` is that one).
pub(super) fn outliving(
    sig: &syn::Signature,
    owner: Owner,
    keeps_borrows: bool,
) -> Option<syn::Signature> {
    let has_self = match owner {
        Owner::TraitImpl => return None,
        Owner::Impl { generic } => generic,
        // Inside an `impl` block `#[desugar]` does not see.
        Owner::Fn => sig.receiver().is_some(),
    };
    let mut sig = sig.clone();
    let homed = Lifetime::new("'__homed", Span::call_site());
    let mut bounds = ImplTraitBounds {
        lifetime: &homed,
        found: false,
    };
    for input in sig.inputs.iter_mut() {
        if let syn::FnArg::Typed(typed) = input {
            bounds.visit_type_mut(&mut typed.ty);
        }
    }
    let mut predicates: Vec<syn::WherePredicate> = Vec::new();
    for param in sig.generics.params.iter() {
        match param {
            GenericParam::Lifetime(param) => {
                let lifetime = &param.lifetime;
                predicates.push(syn::parse_quote!(#lifetime: #homed));
            }
            GenericParam::Type(param) => {
                let ident = &param.ident;
                predicates.push(syn::parse_quote!(#ident: #homed));
            }
            GenericParam::Const(_) => {}
        }
    }
    let has_type_param = sig.generics.type_params().next().is_some();
    let generic = has_type_param || bounds.found || has_self;
    if !(keeps_borrows && generic) && sig.generics.lifetimes().count() < 2 {
        return None;
    }
    if has_self {
        predicates.push(syn::parse_quote!(Self: #homed));
    }
    sig.generics
        .params
        .insert(0, GenericParam::Lifetime(LifetimeParam::new(homed)));
    sig.generics
        .make_where_clause()
        .predicates
        .extend(predicates);
    Some(sig)
}

/// Adds `+ 'lifetime` to every `impl Trait` argument type, in parentheses:
/// behind a reference, `&mut impl Store + 'a` is ambiguous.
///
/// Before: `store: &mut impl Store`
/// After:  `store: &mut (impl Store + '__homed)`
struct ImplTraitBounds<'a> {
    lifetime: &'a Lifetime,
    found: bool,
}

impl VisitMut for ImplTraitBounds<'_> {
    fn visit_type_mut(&mut self, ty: &mut syn::Type) {
        syn::visit_mut::visit_type_mut(self, ty);
        if let syn::Type::ImplTrait(bounded) = ty {
            bounded
                .bounds
                .push(syn::TypeParamBound::Lifetime(self.lifetime.clone()));
            self.found = true;
            let bounded = std::mem::replace(ty, syn::Type::Verbatim(Default::default()));
            *ty = syn::parse_quote!((#bounded));
        }
    }
}
