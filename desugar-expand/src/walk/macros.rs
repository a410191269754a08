//! Arguments of the standard macros whose arguments are expressions, so uses
//! of locals inside them can be found and rewritten like any other code.
//!
//! Input: `println!("{} {x}", a.len())`. Output: the literal, `a.len()`
//! (borrowed by `format_args!`), and the inline capture `x`.
//!
//! Any other macro stays tokens; a use of a local inside it is
//! [`crate::ir::MentionKind::Opaque`].

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{Expr, Token};

use crate::ir::MentionKind;

/// Formatting borrows its arguments for the macro call only.
const BORROWED: MentionKind = MentionKind::Place {
    may_move: false,
    lasting: false,
};

/// `matches!` matches its first argument, in place. A binding by value
/// there would move a part out, which nothing reads (`matches!(x, Some(_))`
/// is how it is written): the local is taken for still whole, and if a
/// part was moved after all, the expansion does not build rather than
/// drop the rest early (see `drop_flag::kind`).
const MATCHED: MentionKind = MentionKind::Place {
    may_move: false,
    lasting: false,
};

/// The parsed arguments of a known macro.
pub(crate) struct MacroArgs {
    items: Vec<Arg>,
    /// `assert!` or `debug_assert!`.
    assertion: bool,
    /// The macro prints its arguments' text (`assert!`'s message on
    /// failure, `dbg!`).
    quotes: bool,
    /// `vec![elem; n]`
    repeat: bool,
    /// The first argument is one the macro may change: the writer
    /// `write!` calls `write_fmt` on, the value `matches!` matches (its
    /// pattern may bind by `ref mut`).
    changes_first: bool,
}

struct Arg {
    name: Option<(syn::Ident, Token![=])>,
    expr: Expr,
    kind: Option<MentionKind>,
}

/// How a family of macros uses its arguments, by position: the leading ones
/// listed here, then either format arguments (borrowed) or values.
struct Family {
    leading: &'static [MentionKind],
    format: bool,
}

/// By name only: a macro of the user's named like one of these is taken
/// for it, as the expansion cannot see what a name resolves to (README, "A
/// macro of your own named like a standard one").
fn family(name: &str) -> Option<Family> {
    // `write!(w, ..)` is `w.write_fmt(..)`, which borrows `w` for the
    // call: the writer stays, to be dropped at the end of its scope.
    const RECEIVER: MentionKind = MentionKind::Place {
        may_move: false,
        lasting: false,
    };
    Some(match name {
        "print" | "println" | "eprint" | "eprintln" | "format" | "format_args" | "panic"
        | "unreachable" | "todo" | "unimplemented" => Family {
            leading: &[],
            format: true,
        },
        "write" | "writeln" => Family {
            leading: &[RECEIVER],
            format: true,
        },
        "assert" | "debug_assert" => Family {
            leading: &[MentionKind::Value],
            format: true,
        },
        "assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne" => Family {
            leading: &[BORROWED, BORROWED],
            format: true,
        },
        "vec" | "dbg" => Family {
            leading: &[],
            format: false,
        },
        _ => return None,
    })
}

/// Where the standard macro `name` takes its format string, among its
/// arguments (`0` for `format!`, `1` for `write!` and `assert!`): `None`
/// for one that does not format.
pub(crate) fn format_string_position(name: &str) -> Option<usize> {
    family(name)
        .filter(|family| family.format)
        .map(|family| family.leading.len())
}

impl MacroArgs {
    /// `None` for a macro whose arguments are not known to be expressions.
    pub(crate) fn parse(mac: &syn::Macro) -> Option<MacroArgs> {
        let name = mac.path.segments.last()?.ident.to_string();
        if name == "matches" {
            let (scrutinee, pattern) = mac.parse_body_with(parse_matches).ok()?;
            return Some(MacroArgs {
                items: vec![
                    Arg {
                        name: None,
                        expr: scrutinee,
                        kind: Some(MATCHED),
                    },
                    Arg {
                        name: None,
                        expr: Expr::Verbatim(pattern),
                        kind: None,
                    },
                ],
                repeat: false,
                assertion: false,
                quotes: false,
                changes_first: true,
            });
        }
        let family = family(&name)?;
        if name == "vec"
            && let Ok((elem, count)) = mac.parse_body_with(parse_repeat)
        {
            let value = |expr| Arg {
                name: None,
                expr,
                kind: Some(MentionKind::Value),
            };
            return Some(MacroArgs {
                items: vec![value(elem), value(count)],
                repeat: true,
                assertion: false,
                quotes: false,
                changes_first: false,
            });
        }
        let parsed = mac
            .parse_body_with(Punctuated::<RawArg, Token![,]>::parse_terminated)
            .ok()?;
        let mut items = Vec::new();
        let mut seen_format = false;
        for (index, raw) in parsed.into_iter().enumerate() {
            let kind = if let Some(kind) = family.leading.get(index) {
                Some(*kind)
            } else if family.format && !seen_format && is_str_lit(&raw.expr) {
                seen_format = true;
                None
            } else if family.format {
                Some(BORROWED)
            } else {
                Some(MentionKind::Value)
            };
            items.push(Arg {
                name: raw.name,
                expr: raw.expr,
                kind,
            });
        }
        Some(MacroArgs {
            items,
            repeat: false,
            assertion: name == "assert" || name == "debug_assert",
            quotes: name == "dbg" || name.contains("assert"),
            changes_first: name == "write" || name == "writeln",
        })
    }

    /// The argument the macro itself may change what it names through
    /// (see `changes_first`). Every other one it borrows shared
    /// (formatting, `assert_eq!`) or takes by value (`vec!`, `dbg!`,
    /// `assert!`'s condition): only running it may change something.
    pub(crate) fn changed_arg(&self) -> Option<&Expr> {
        self.items
            .first()
            .filter(|_| self.changes_first)
            .map(|arg| &arg.expr)
    }

    /// Each expression argument.
    pub(crate) fn args(&self) -> impl Iterator<Item = &Expr> {
        self.items
            .iter()
            .filter(|arg| arg.kind.is_some())
            .map(|arg| &arg.expr)
    }

    /// The values a `vec!` holds: each element, or the one `vec![elem; n]`
    /// repeats.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Expr> {
        self.args().take(if self.repeat { 1 } else { usize::MAX })
    }

    /// Each expression argument with how the macro uses it.
    pub(crate) fn args_mut(&mut self) -> impl Iterator<Item = (&mut Expr, MentionKind)> {
        self.items
            .iter_mut()
            .filter_map(|arg| arg.kind.map(|kind| (&mut arg.expr, kind)))
    }

    /// Locals named inside the format string: `"{x}"`, `"{x:?}"`, and the
    /// widths and precisions `"{v:>w$.prec$}"` takes from `w` and `prec`.
    pub(crate) fn inline_captures(&self) -> Vec<(syn::Ident, Span)> {
        let mut out = Vec::new();
        for arg in &self.items {
            if let (
                None,
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(lit),
                    ..
                }),
            ) = (arg.kind, &arg.expr)
            {
                // `captures` returns plain identifiers only.
                for capture in super::format_string::captures(&lit.value()) {
                    out.push((syn::Ident::new(&capture.name, lit.span()), lit.span()));
                }
            }
        }
        out
    }

    /// The condition of an `assert!`/`debug_assert!` given no message.
    /// Does the macro print its arguments' text? A rewrite there shows.
    pub(crate) fn quotes(&self) -> bool {
        self.quotes
    }

    pub(crate) fn bare_assertion(&self) -> Option<&Expr> {
        match (self.assertion, self.items.as_slice()) {
            (true, [condition]) => Some(&condition.expr),
            _ => None,
        }
    }

    /// Passes a local named inside the format string as a named argument
    /// instead (`"{x}"` with `x = value`), unless one is given already.
    pub(crate) fn push_named(&mut self, name: syn::Ident, value: Expr) {
        if self
            .items
            .iter()
            .any(|arg| arg.name.as_ref().is_some_and(|(n, _)| *n == name))
        {
            return;
        }
        self.items.push(Arg {
            name: Some((name, Default::default())),
            expr: value,
            kind: None,
        });
    }

    /// Appends a message, a format string without arguments (not walked).
    pub(crate) fn push_message(&mut self, message: syn::LitStr) {
        self.items.push(Arg {
            name: None,
            expr: syn::parse_quote!(#message),
            kind: None,
        });
    }

    /// The arguments as macro input again.
    /// Writes the arguments back into `tokens`, the macro's, where they
    /// changed: tokens left as the user wrote them keep the spacing rustc
    /// prints them with (`assert!`'s message: `v[0]`, `&9`), which tokens
    /// made again lose (`v [0]`, `& 9`).
    pub(crate) fn write_back(self, tokens: &mut TokenStream) {
        let new = self.into_tokens();
        if new.to_string() != tokens.to_string() {
            *tokens = new;
        }
    }

    pub(crate) fn into_tokens(self) -> TokenStream {
        let mut tokens = TokenStream::new();
        let separator = if self.repeat {
            quote::quote!(;)
        } else {
            quote::quote!(,)
        };
        for (index, arg) in self.items.into_iter().enumerate() {
            if index > 0 {
                separator.to_tokens(&mut tokens);
            }
            if let Some((name, eq)) = arg.name {
                name.to_tokens(&mut tokens);
                eq.to_tokens(&mut tokens);
            }
            arg.expr.to_tokens(&mut tokens);
        }
        tokens
    }
}

struct RawArg {
    name: Option<(syn::Ident, Token![=])>,
    expr: Expr,
}

impl syn::parse::Parse for RawArg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let name = if input.peek(syn::Ident) && input.peek2(Token![=]) && !input.peek2(Token![==]) {
            Some((input.parse()?, input.parse()?))
        } else {
            None
        };
        Ok(RawArg {
            name,
            expr: input.parse()?,
        })
    }
}

/// `matches!(value, pattern)`: the value, and the pattern as tokens. A
/// guard (`pattern if cond`) names the pattern's bindings, which the
/// walk cannot tell from locals, so a `matches!` with one stays opaque.
fn parse_matches(input: ParseStream) -> syn::Result<(Expr, TokenStream)> {
    let scrutinee: Expr = input.parse()?;
    input.parse::<Token![,]>()?;
    let pattern: TokenStream = input.parse()?;
    let guarded = pattern
        .clone()
        .into_iter()
        .any(|tree| matches!(&tree, proc_macro2::TokenTree::Ident(i) if i == "if"));
    if guarded || pattern.is_empty() {
        return Err(input.error("a guard, or no pattern"));
    }
    Ok((scrutinee, pattern))
}

/// A macro whose arguments' temporaries live to the end of the statement
/// holding it, as a call's do: `vec!` is a call of an array, `dbg!` and
/// `matches!` a `match` on their argument.
pub(crate) fn keeps_temporaries(mac: &syn::Macro) -> bool {
    mac.path.segments.last().is_some_and(|segment| {
        ["vec", "dbg", "matches"]
            .iter()
            .any(|name| segment.ident == name)
    })
}

fn parse_repeat(input: ParseStream) -> syn::Result<(Expr, Expr)> {
    let elem: Expr = input.parse()?;
    input.parse::<Token![;]>()?;
    let count: Expr = input.parse()?;
    if !input.is_empty() {
        return Err(input.error("unexpected tokens"));
    }
    Ok((elem, count))
}

fn is_str_lit(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(_),
            ..
        })
    )
}

/// Macros whose expansion awaits (`futures::join!(a, b)`, `select!`): rustc
/// expands them after `#[desugar]` runs, so their `.await`s are not in the
/// tokens. The expansion awaits such a macro through an inner `async` block.
pub(crate) fn is_awaiting_macro(mac: &syn::Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|segment| is_awaiting_macro_name(&segment.ident))
}

/// Does the macro always expand to an expression: an awaiting macro, one
/// whose arguments the walk reads ([`family`]), or one of the standard
/// library's that give a constant?
pub(crate) fn gives_value(mac: &syn::Macro) -> bool {
    mac.path.segments.last().is_some_and(|segment| {
        let name = segment.ident.to_string();
        is_awaiting_macro_name(&segment.ident)
            || family(&name).is_some()
            || name == "matches"
            || evaluates_nothing(mac)
    })
}

/// The standard library's macros that give a constant, made of their
/// arguments' text or of the compiler's facts, never evaluating an
/// argument (`stringify!(x)` is `"x"`, `concat!`, `line!`, `env!`, …). (Not
/// `include!`: the code it includes may use the fn's locals.)
const EVALUATES_NOTHING: &[&str] = &[
    "concat",
    "stringify",
    "env",
    "option_env",
    "include_str",
    "include_bytes",
    "line",
    "column",
    "file",
    "module_path",
    "cfg",
];

/// Is the macro one of [`EVALUATES_NOTHING`]? A local named there is not
/// used.
pub(crate) fn evaluates_nothing(mac: &syn::Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|segment| EVALUATES_NOTHING.contains(&segment.ident.to_string().as_str()))
}

/// Could the macro's expansion `break` or `continue` out of the code
/// around it? One of the user's own may (`macro_rules! stop { () => {
/// break } }`): what it expands to is not in its tokens. A standard macro
/// the expansion knows does not, unless its tokens hold a jump or a call
/// of such a macro (`println!("{}", some_or!(x, continue))`).
pub(crate) fn may_jump(mac: &syn::Macro) -> bool {
    is_own_macro(mac) || tokens_may_jump(mac.tokens.clone())
}

/// A `break` or `continue` in the tokens, at any depth, or a call of a
/// macro that may expand to one ([`may_jump`]).
pub(crate) fn tokens_may_jump(tokens: TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    trees.iter().enumerate().any(|(index, tree)| match tree {
        TokenTree::Ident(ident) => {
            let called = matches!(trees.get(index + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!')
                && matches!(trees.get(index + 2), Some(TokenTree::Group(_)));
            ident == "break" || ident == "continue" || (called && !is_known(&ident.to_string()))
        }
        TokenTree::Group(group) => tokens_may_jump(group.stream()),
        TokenTree::Punct(_) | TokenTree::Literal(_) => false,
    })
}

/// [`tokens_may_jump`], or a `return`, a `?` or a panic (`panic!`,
/// `unreachable!`, `todo!`, `unimplemented!`): code that may not go on to
/// what follows it.
pub(crate) fn tokens_may_leave(tokens: TokenStream) -> bool {
    fn leaves(tokens: TokenStream) -> bool {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        trees.iter().enumerate().any(|(index, tree)| match tree {
            TokenTree::Ident(ident) => {
                let called =
                    matches!(trees.get(index + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
                ident == "return"
                    || (called
                        && ["panic", "unreachable", "todo", "unimplemented"]
                            .contains(&ident.to_string().as_str()))
            }
            TokenTree::Punct(p) => p.as_char() == '?',
            TokenTree::Group(group) => leaves(group.stream()),
            TokenTree::Literal(_) => false,
        })
    }
    tokens_may_jump(tokens.clone()) || leaves(tokens)
}

/// A macro of the user's own (or of a crate's): not one of the standard
/// library's the expansion knows, nor an awaiting one. Its expansion is
/// out of sight.
pub(crate) fn is_own_macro(mac: &syn::Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_none_or(|segment| !is_known(&segment.ident.to_string()))
}

/// A standard macro the expansion reads by its name, whose own expansion
/// holds no `break` or `continue`.
pub(crate) fn is_known(name: &str) -> bool {
    family(name).is_some()
        || name == "matches"
        || EVALUATES_NOTHING.contains(&name)
        || awaiting(name)
        || matches!(
            name,
            "pin" | "pin_mut" | "poll" | "addr_of" | "addr_of_mut" | "compile_error"
        )
}

/// Is the macro one of the standard library's that never return
/// (`panic!`, `unreachable!`, `todo!`, `unimplemented!`)?
pub(crate) fn never_returns(mac: &syn::Macro) -> bool {
    mac.path.segments.last().is_some_and(|segment| {
        ["panic", "unreachable", "todo", "unimplemented"]
            .iter()
            .any(|name| segment.ident == name)
    })
}

/// The last segment of an awaiting macro's path ([`is_awaiting_macro`]).
pub(crate) fn is_awaiting_macro_name(name: &proc_macro2::Ident) -> bool {
    awaiting(&name.to_string())
}

fn awaiting(name: &str) -> bool {
    matches!(
        name,
        "join" | "try_join" | "select" | "select_biased" | "pending"
    )
}
