//! The locals a format string names: inline captures (`{x}`, `{x:?}`) and
//! the widths and precisions taken from a named argument (`{v:>w$}`,
//! `{v:.prec$}`), each of which is a use of a local of that name where no
//! argument is given under it.
//!
//! Input: `"[{v:>w$}] {{x}} {0:.prec$} {:.*} {:1$} {p:p}"`. Output: `v`
//! (formatted), `w` and `prec` (not: they must be `usize`), `p` (not: `:p`
//! prints an address). `{{` is no placeholder, and numbers and `*` name
//! positional arguments.

use proc_macro2::Literal;

/// A name a format string captures.
#[derive(Debug, PartialEq)]
pub(crate) struct Capture {
    pub name: String,
    /// Captured as an argument formatted by a trait that formats a
    /// reference as it formats the value behind it (`{x}`, `{x:?}`,
    /// `{x:#x}`): not a width or precision, which must be a `usize`, nor
    /// `{x:p}`, which prints the address of what a reference points to.
    pub formatted: bool,
}

/// What a string literal would capture as a format string, in the order
/// written: `"{x} {y:w$}"` gives `x`, `y`, `w`. Any other literal gives
/// nothing.
pub(crate) fn literal_captures(literal: &Literal) -> Vec<Capture> {
    match syn::Lit::new(literal.clone()) {
        syn::Lit::Str(text) => captures(&text.value()),
        _ => Vec::new(),
    }
}

/// What `format` captures (see the module's doc); the grammar is the one
/// `std::fmt` documents: `{[argument][:[[fill]align][sign]['#']['0']
/// [width]['.' precision][type]]}`, where a width or precision is an
/// integer, `name$`, `integer$` or (a precision only) `*`.
pub(crate) fn captures(format: &str) -> Vec<Capture> {
    let mut out = Vec::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '{' {
            continue;
        }
        if chars.peek() == Some(&'{') {
            chars.next();
            continue;
        }
        let argument: String =
            std::iter::from_fn(|| chars.next_if(|&c| c != '}' && c != ':')).collect();
        let spec: Vec<char> = match chars.next_if_eq(&':') {
            Some(_) => std::iter::from_fn(|| chars.next_if(|&c| c != '}')).collect(),
            None => Vec::new(),
        };
        let (counts, pointer) = spec_parts(&spec);
        if let Some(name) = identifier(argument.trim()) {
            out.push(Capture {
                name,
                formatted: !pointer,
            });
        }
        out.extend(counts.into_iter().map(|name| Capture {
            name,
            formatted: false,
        }));
    }
    out
}

/// What a format spec (what follows `:`) reads: the names it takes a
/// width or precision from (`>w$` gives `w`, `0w$.prec$?` gives `w` and
/// `prec`), and whether its type is `p`.
fn spec_parts(spec: &[char]) -> (Vec<String>, bool) {
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '^' | '>'));
    let mut at = 0;
    // `[[fill]align]`: a fill is any character, and comes before an align.
    if is_align(spec.get(1)) {
        at = 2;
    } else if is_align(spec.first()) {
        at = 1;
    }
    if matches!(spec.get(at), Some('+' | '-')) {
        at += 1;
    }
    if spec.get(at) == Some(&'#') {
        at += 1;
    }
    // The `0` flag, unless it is the width `0$` (the first argument).
    if spec.get(at) == Some(&'0') && spec.get(at + 1) != Some(&'$') {
        at += 1;
    }
    let mut counts = Vec::new();
    // `[width]`: a word followed by `$` is an argument; a word that is not
    // is the width itself (digits) or the type (`x`, `?` after it).
    let width = word(&spec[at..]);
    if spec.get(at + width.len()) == Some(&'$') {
        counts.extend(identifier(&width.iter().collect::<String>()));
        at += width.len() + 1;
    } else if width.first().is_some_and(char::is_ascii_digit) {
        at += width.len();
    }
    if spec.get(at) == Some(&'.') {
        at += 1;
        let precision = word(&spec[at..]);
        if spec.get(at + precision.len()) == Some(&'$') {
            counts.extend(identifier(&precision.iter().collect::<String>()));
            at += 1;
        } else if spec.get(at) == Some(&'*') {
            at += 1;
        }
        at += precision.len();
    }
    let pointer = spec
        .get(at..)
        .is_some_and(|rest| rest.iter().collect::<String>().trim() == "p");
    (counts, pointer)
}

/// The number (digits) or identifier `chars` starts with, if any.
fn word(chars: &[char]) -> &[char] {
    let number = chars.first().is_some_and(char::is_ascii_digit);
    let end = chars
        .iter()
        .position(|&c| {
            if number {
                !c.is_ascii_digit()
            } else {
                !(c.is_alphanumeric() || c == '_')
            }
        })
        .unwrap_or(chars.len());
    &chars[..end]
}

/// `name` if it is an identifier (not a number, `_`, a keyword or empty).
fn identifier(name: &str) -> Option<String> {
    let starts_as_one = name.starts_with(|c: char| c.is_alphabetic() || c == '_');
    (starts_as_one && syn::parse_str::<syn::Ident>(name).is_ok()).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(format: &str) -> Vec<String> {
        captures(format).into_iter().map(|c| c.name).collect()
    }

    #[test]
    fn arguments_widths_and_precisions() {
        let names_found = names("[{v:>w$}] {{x}} {0:.prec$} {:.*} {:1$} {y:?} {z:#x} {}");
        assert_eq!(names_found, ["v", "w", "prec", "y", "z"]);
        assert_eq!(names("{v:0w$.p$?}"), ["v", "w", "p"]);
        assert_eq!(names("{:x>w$}"), ["w"]);
        assert!(names("{:0$}").is_empty());
        assert_eq!(names("{ v }{:+#010.3}"), ["v"]);
        assert_eq!(names("{:w$x}{:.*}"), ["w"]);
    }

    #[test]
    fn formatted_arguments() {
        let formatted = |format| {
            captures(format)
                .into_iter()
                .map(|c| (c.name, c.formatted))
                .collect::<Vec<_>>()
        };
        let yes = |name: &str| (name.to_owned(), true);
        let no = |name: &str| (name.to_owned(), false);
        assert_eq!(formatted("{a:>w$?}"), [yes("a"), no("w")]);
        assert_eq!(
            formatted("{a:p}{b:#p}{c:.*}{d:.3p}"),
            [no("a"), no("b"), yes("c"), no("d")]
        );
        assert_eq!(
            formatted("{a:x>5}{b:.prec$e}"),
            [yes("a"), yes("b"), no("prec")]
        );
    }

    #[test]
    fn only_string_literals_capture() {
        let text: Literal = syn::parse_str::<syn::LitStr>(r##"r#"{a} {b:w$}"#"##)
            .map(|lit| lit.token())
            .unwrap_or_else(|_| Literal::string(""));
        let found: Vec<String> = literal_captures(&text)
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(found, ["a", "b", "w"]);
        assert!(literal_captures(&Literal::u32_suffixed(3)).is_empty());
        assert!(literal_captures(&Literal::character('{')).is_empty());
    }
}
