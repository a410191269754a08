//! The conditions of `#[cfg(..)]` and `#[cfg_attr(..)]`, read as rustc
//! reads them: `not(..)`, `all(..)`, `any(..)` around options (`test`,
//! `feature = "metrics"`), which only rustc can evaluate. Each distinct
//! option is taken as set in some machines and not in the others.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::quote;

/// The options the body's conditions name, in the order they appear, each
/// with the attribute that named it first.
#[derive(Default)]
pub(super) struct Options(Vec<(TokenStream, Span)>);

/// Which options a machine takes as set, by index into [`Options`].
pub(super) type Assignment = [bool];

/// A `cfg` predicate over [`Options`].
pub(super) enum Predicate {
    /// The option of this index.
    Option(usize),
    /// `true` or `false`, which needs no option.
    Literal(bool),
    Not(Box<Predicate>),
    All(Vec<Predicate>),
    Any(Vec<Predicate>),
}

/// An attribute that configures code, as far as the expansion follows it.
pub(super) enum Configuring {
    /// `#[cfg(predicate)]`: the code is there only where it holds.
    Cfg(Predicate),
    /// `#[cfg_attr(predicate, attrs..)]` whose attributes configure code in
    /// turn (`cfg_attr(unix, cfg(test))`): where the predicate holds, the
    /// code has those attributes.
    CfgAttr(Predicate, Vec<syn::Attribute>),
}

impl Options {
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// Where the option of this index was first named.
    pub(super) fn span(&self, index: usize) -> Span {
        self.0[index].1
    }

    /// What `attr` does to the code it is on, with the options it names
    /// added: `None` for any other attribute (a `cfg_attr` that only adds
    /// attributes such as `allow`, which rustc applies to every machine
    /// alike), and for one that does not parse, which rustc reports.
    pub(super) fn read(&mut self, attr: &syn::Attribute) -> Option<Configuring> {
        configuring(attr, &mut |tokens, span| {
            let text = tokens.to_string();
            Some(
                self.0
                    .iter()
                    .position(|(option, _)| option.to_string() == text)
                    .unwrap_or_else(|| {
                        self.0.push((tokens, span));
                        self.0.len() - 1
                    }),
            )
        })
    }

    /// As [`Self::read`], for an attribute read before: its options are
    /// all known.
    pub(super) fn find(&self, attr: &syn::Attribute) -> Option<Configuring> {
        configuring(attr, &mut |tokens, _| {
            let text = tokens.to_string();
            self.0
                .iter()
                .position(|(option, _)| option.to_string() == text)
        })
    }

    /// The condition under which a machine is compiled: every option set
    /// or not as `assignment` says, `all(test, not(feature = "metrics"))`.
    pub(super) fn condition(&self, assignment: &Assignment) -> TokenStream {
        let parts = self.0.iter().zip(assignment).map(|((option, _), &set)| {
            if set {
                option.clone()
            } else {
                quote!(not(#option))
            }
        });
        quote!(all(#(#parts),*))
    }
}

impl Predicate {
    pub(super) fn holds(&self, assignment: &Assignment) -> bool {
        match self {
            Predicate::Option(index) => assignment[*index],
            Predicate::Literal(value) => *value,
            Predicate::Not(inner) => !inner.holds(assignment),
            Predicate::All(all) => all.iter().all(|p| p.holds(assignment)),
            Predicate::Any(any) => any.iter().any(|p| p.holds(assignment)),
        }
    }
}

/// An option's index, given its tokens and where they are.
type OptionIndex<'a> = dyn FnMut(TokenStream, Span) -> Option<usize> + 'a;

fn configuring(attr: &syn::Attribute, option: &mut OptionIndex) -> Option<Configuring> {
    let syn::Meta::List(list) = &attr.meta else {
        return None;
    };
    let span = list.path.segments.first()?.ident.span();
    if list.path.is_ident("cfg") {
        let [predicate] = <[TokenStream; 1]>::try_from(split(list.tokens.clone())).ok()?;
        return Some(Configuring::Cfg(parse_predicate(predicate, span, option)?));
    }
    let (predicate, attrs) = cfg_attr_parts(attr)?;
    if !attrs.iter().any(configures) {
        return None;
    }
    Some(Configuring::CfgAttr(
        parse_predicate(predicate, span, option)?,
        attrs,
    ))
}

/// Is the attribute a `cfg`, or a `cfg_attr` adding one (at any depth)?
fn configures(attr: &syn::Attribute) -> bool {
    attr.path().is_ident("cfg")
        || cfg_attr_parts(attr).is_some_and(|(_, attrs)| attrs.iter().any(configures))
}

/// `cfg_attr(predicate, a, b)`: the predicate, and `#[a]`, `#[b]`.
fn cfg_attr_parts(attr: &syn::Attribute) -> Option<(TokenStream, Vec<syn::Attribute>)> {
    let syn::Meta::List(list) = &attr.meta else {
        return None;
    };
    if !list.path.is_ident("cfg_attr") {
        return None;
    }
    let mut parts = split(list.tokens.clone()).into_iter();
    let predicate = parts.next()?;
    let attrs = parts
        .map(|meta| {
            Some(syn::Attribute {
                pound_token: attr.pound_token,
                style: attr.style,
                bracket_token: attr.bracket_token,
                meta: syn::parse2(meta).ok()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some((predicate, attrs))
}

fn parse_predicate(tokens: TokenStream, span: Span, option: &mut OptionIndex) -> Option<Predicate> {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    match trees.as_slice() {
        [] => None,
        [TokenTree::Ident(literal)] if literal == "true" || literal == "false" => {
            Some(Predicate::Literal(literal == "true"))
        }
        [TokenTree::Ident(name), TokenTree::Group(group)]
            if group.delimiter() == Delimiter::Parenthesis
                && ["not", "all", "any"].iter().any(|op| name == op) =>
        {
            let inner = split(group.stream())
                .into_iter()
                .map(|part| parse_predicate(part, span, option))
                .collect::<Option<Vec<_>>>()?;
            if name == "all" {
                return Some(Predicate::All(inner));
            }
            if name == "any" {
                return Some(Predicate::Any(inner));
            }
            let [one] = <[Predicate; 1]>::try_from(inner).ok()?;
            Some(Predicate::Not(Box::new(one)))
        }
        _ => option(tokens, span).map(Predicate::Option),
    }
}

/// The comma-separated parts of a list, a trailing comma allowed.
fn split(tokens: TokenStream) -> Vec<TokenStream> {
    let mut parts = vec![TokenStream::new()];
    for tree in tokens {
        if matches!(&tree, TokenTree::Punct(p) if p.as_char() == ',') {
            parts.push(TokenStream::new());
        } else if let Some(part) = parts.last_mut() {
            part.extend([tree]);
        }
    }
    if parts.last().is_some_and(TokenStream::is_empty) {
        parts.pop();
    }
    parts
}
