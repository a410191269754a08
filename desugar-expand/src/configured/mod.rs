//! Stage 0: code under `#[cfg(..)]` inside the body. The attribute sees
//! the body before rustc removes the code a `cfg` configures out, and
//! cannot evaluate the conditions itself (`test`, features, targets): the
//! analysis would count an await that never runs, or a move of a local
//! that never happens (and drop it early). So the expansion writes one
//! machine for each way the conditions can go, each from the body as rustc
//! will see it there, under its own `#[cfg(..)]`; rustc keeps one. The
//! twin is written once, as the user wrote it.
//!
//! Before:
//! ```text
//! async fn handle(x: u32) -> u32 { #[cfg(test)] flush().await; work(x).await }
//! ```
//! After:
//! ```text
//! #[cfg(all(test))] fn handle(x: u32) -> impl Future<..> { /* flush, then work */ }
//! #[cfg(all(not(test)))] fn handle(x: u32) -> impl Future<..> { /* work */ }
//! ```
//!
//! `cfg(not(test))` names the same option as `cfg(test)`; each distinct
//! option doubles the machines, so a body may name at most [`MAX_OPTIONS`].

mod condition;
mod inert;
mod prune;

use std::borrow::Cow;

use proc_macro2::TokenStream;
use quote::quote;

use condition::Options;
use prune::Mode;

/// At most 16 machines for one fn.
const MAX_OPTIONS: usize = 4;

/// The fn as rustc will see it under `condition`.
pub(crate) struct Configuration<'a> {
    /// `#[cfg(..)]` for its machine; `None` when the body has no
    /// conditions and the fn is the user's own.
    pub condition: Option<TokenStream>,
    pub item: Cow<'a, syn::ItemFn>,
}

/// Does the body (or a parameter) carry a `cfg` or `cfg_attr` at all?
/// Most do not, and are not walked again.
pub(crate) fn is_configured(item: &syn::ItemFn) -> bool {
    prune::names_cfg(item)
}

/// One configuration of `item` for each way its body's conditions can go,
/// the one with every option set first.
pub(crate) fn configurations(item: &syn::ItemFn) -> syn::Result<Vec<Configuration<'_>>> {
    let Some(options) = options(item)? else {
        return Ok(vec![Configuration {
            condition: None,
            item: Cow::Borrowed(item),
        }]);
    };
    let count = options.len();
    Ok((0..1usize << count)
        .map(|index| {
            // Index 0 sets every option.
            let assignment: Vec<bool> = (0..count).map(|bit| index & (1 << bit) == 0).collect();
            let condition = options.condition(&assignment);
            Configuration {
                condition: Some(quote!(#[cfg(#condition)])),
                item: Cow::Owned(configured(item, &options, &assignment)),
            }
        })
        .collect())
}

/// `item` with every option its body's conditions name taken as set: what
/// `cargo desugar` describes.
pub(crate) fn with_every_option_set(item: &syn::ItemFn) -> syn::Result<Cow<'_, syn::ItemFn>> {
    Ok(match options(item)? {
        None => Cow::Borrowed(item),
        Some(options) => Cow::Owned(configured(item, &options, &vec![true; options.len()])),
    })
}

/// The options the conditions in `item` name, if any.
fn options(item: &syn::ItemFn) -> syn::Result<Option<Options>> {
    if !is_configured(item) {
        return Ok(None);
    }
    let mut options = Options::default();
    // Reading changes nothing: the walk is the one that removes code.
    prune::configure(&mut item.clone(), Mode::Read(&mut options));
    if options.len() > MAX_OPTIONS {
        return Err(syn::Error::new(
            options.span(MAX_OPTIONS),
            format!(
                "#[desugar] writes a machine for each way the `#[cfg(..)]` conditions in the body can go, and takes at most \
                 {MAX_OPTIONS} options (16 machines); this is one more: move the code it configures into a fn of its own, \
                 or make it depend on an option named before"
            ),
        ));
    }
    Ok((options.len() > 0).then_some(options))
}

fn configured(item: &syn::ItemFn, options: &Options, assignment: &[bool]) -> syn::ItemFn {
    let mut configured = item.clone();
    prune::configure(&mut configured, Mode::Apply(options, assignment));
    configured
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    fn configure(source: &str) -> Vec<(String, String)> {
        let item: syn::ItemFn = syn::parse_str(source).unwrap();
        configurations(&item)
            .unwrap()
            .into_iter()
            .map(|c| {
                (
                    c.condition.map(|c| c.to_string()).unwrap_or_default(),
                    c.item.block.to_token_stream().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn an_option_and_its_negation_make_two_machines() {
        let configured = configure(
            "async fn f() -> u32 { #[cfg(test)] let z = a.await; #[cfg(not(test))] let z = b.await; z }",
        );
        assert_eq!(
            configured,
            [
                (
                    "# [cfg (all (test))]".into(),
                    "{ let z = a . await ; z }".into()
                ),
                (
                    "# [cfg (all (not (test)))]".into(),
                    "{ let z = b . await ; z }".into()
                ),
            ]
        );
    }

    #[test]
    fn arms_fields_elements_and_parameters_are_configured() {
        let configured = configure(
            "async fn f(#[cfg(unix)] a: u32, b: u32) { \
               match k { #[cfg(unix)] 0 => x.await, _ => y } \
               S { #[cfg(unix)] a: 1, b: [#[cfg(unix)] 1, 2] }; }",
        );
        assert_eq!(configured.len(), 2);
        assert_eq!(
            configured[1].1, "{ match k { _ => y } S { b : [2] } ; }",
            "{configured:?}"
        );
        let item: syn::ItemFn =
            syn::parse_str("async fn f(#[cfg(unix)] a: u32, b: u32) { b }").unwrap();
        let without = &configurations(&item).unwrap()[1].item;
        assert_eq!(without.sig.inputs.len(), 1);
    }

    #[test]
    fn cfg_attr_configures_only_through_a_cfg() {
        let configured = configure(
            "async fn f() { #[cfg_attr(feature = \"x\", cfg(any()))] a.await; #[cfg_attr(unix, allow(unused))] b; }",
        );
        assert_eq!(
            configured,
            [
                (
                    "# [cfg (all (feature = \"x\"))]".into(),
                    "{ # [cfg_attr (unix , allow (unused))] b ; }".into()
                ),
                (
                    "# [cfg (all (not (feature = \"x\")))]".into(),
                    "{ a . await ; # [cfg_attr (unix , allow (unused))] b ; }".into()
                ),
            ]
        );
    }

    #[test]
    fn a_statement_touching_nothing_followed_stays_in_one_machine() {
        let configured =
            configure("async fn f(n: u32) { #[cfg(unix)] metrics::count(\"hits\"); a.await; }");
        assert_eq!(configured.len(), 1, "{configured:?}");
        for touching in [
            "#[cfg(unix)] metrics::count(n);",
            "#[cfg(unix)] metrics::count(\"x\")?;",
            "#[cfg(unix)] log!(\"x\");",
            "#[cfg(unix)] metrics::flush().await;",
        ] {
            let configured = configure(&format!("async fn f(n: u32) {{ {touching} a.await; }}"));
            assert_eq!(configured.len(), 2, "{touching}");
        }
    }

    #[test]
    fn items_and_bodies_without_conditions_are_left_alone() {
        let configured =
            configure("async fn f() { #[cfg(test)] fn helper() {} #[allow(unused)] let a = 1; }");
        assert_eq!(configured.len(), 1);
        assert_eq!(configured[0].0, "");
    }

    #[test]
    fn at_most_four_options() {
        let item: syn::ItemFn = syn::parse_str(
            "async fn f() { #[cfg(a)] x.await; #[cfg(b)] x.await; #[cfg(any(c, not(a)))] x.await; #[cfg(d)] x.await; #[cfg(e)] x.await; }",
        )
        .unwrap();
        let Err(err) = configurations(&item) else {
            panic!("five options are refused");
        };
        assert!(err.to_string().contains("at most 4 options"), "{err}");
    }
}
