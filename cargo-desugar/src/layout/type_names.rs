//! Reading the type names rustc prints: splitting off generic arguments,
//! and the path of a fn as both of its futures name it.
//!
//! rustc names the desugared state enum after the fn it sits in and the
//! twin's future after the twin, generics and all:
//!
//! ```text
//! seeds::seed_001::fetch_two::__State<&str, &str, std::vec::Vec<u8>, ..>
//! {async fn body of seeds::seed_001::fetch_two_rustc()}
//! <W<T> as Greet>::hi::__State<&W<u8>, ..>
//! {async fn body of <W<u8> as GreetRustc_0ed2d85c<u8>>::hi_rustc()}
//! ```
//!
//! [`fn_path`] turns both into the same path (`W::hi` for the last two).

/// Input: a type name. Output: the path before its last generic arguments,
/// and those arguments (`("a::B", Some("u8, C<D>"))` for `a::B<u8, C<D>>`).
pub fn split_generics(name: &str) -> (&str, Option<&str>) {
    if !name.ends_with('>') || name.ends_with("->") {
        return (name, None);
    }
    let bytes = name.as_bytes();
    let mut depth = 0usize;
    let mut index = bytes.len();
    while index > 0 {
        index -= 1;
        match bytes[index] {
            b'>' if index == 0 || bytes[index - 1] != b'-' => depth += 1,
            b'<' => {
                depth -= 1;
                if depth == 0 {
                    return (&name[..index], Some(&name[index + 1..name.len() - 1]));
                }
            }
            _ => {}
        }
    }
    (name, None)
}

/// Input: generic arguments (`&str, Vec<u8>, (A, B)`). Output: each, split at
/// the commas outside any brackets.
pub fn arguments(args: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let bytes = args.as_bytes();
    for (index, &byte) in bytes.iter().enumerate() {
        match byte {
            b'<' | b'(' | b'[' | b'{' => depth += 1,
            b'>' if index > 0 && bytes[index - 1] == b'-' => {}
            b'>' | b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                out.push(args[start..index].trim());
                start = index + 1;
            }
            _ => {}
        }
    }
    let last = args[start..].trim();
    if !last.is_empty() {
        out.push(last);
    }
    out
}

/// Input: a path as rustc prints it. Output: the path without generic
/// arguments, a qualified `<Type as Trait>::rest` read as `Type::rest`, so
/// the machine's path and its twin's meet (`<W<u8> as Greet>::hi` → `W::hi`).
pub fn fn_path(path: &str) -> String {
    let path = path.trim();
    if path.starts_with('<')
        && let Some(close) = matching_close(path)
    {
        let inner = &path[1..close];
        let self_type = top_level_as(inner).map_or(inner, |at| &inner[..at]);
        return format!("{}{}", fn_path(self_type), fn_path(&path[close + 1..]));
    }
    let mut out = String::with_capacity(path.len());
    let mut depth = 0usize;
    let bytes = path.as_bytes();
    for (index, ch) in path.char_indices() {
        match ch {
            '<' => depth += 1,
            '>' if index > 0 && bytes[index - 1] == b'-' => {}
            '>' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    // `Foo::<T>::bar` left `Foo::::bar`.
    out.replace("::::", "::")
}

/// Where the `<` at the start of `text` closes.
fn matching_close(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    for (index, &byte) in bytes.iter().enumerate() {
        match byte {
            b'<' => depth += 1,
            b'>' if index > 0 && bytes[index - 1] == b'-' => {}
            b'>' => {
                depth -= 1;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}

/// Where ` as ` is in `Type as Trait`, outside brackets.
fn top_level_as(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0i32;
    for (index, &byte) in bytes.iter().enumerate() {
        match byte {
            b'<' | b'(' | b'[' => depth += 1,
            b'>' if index > 0 && bytes[index - 1] == b'-' => {}
            b'>' | b')' | b']' => depth -= 1,
            b' ' if depth == 0 && text[index..].starts_with(" as ") => return Some(index),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generics_split_off_the_end() {
        assert_eq!(
            split_generics("a::__State<&str, Vec<u8>, fn(&()) -> &()>"),
            ("a::__State", Some("&str, Vec<u8>, fn(&()) -> &()"))
        );
        assert_eq!(split_generics("a::__State"), ("a::__State", None));
        assert_eq!(
            split_generics("<W<T> as Greet>::hi::__State<&W<u8>>"),
            ("<W<T> as Greet>::hi::__State", Some("&W<u8>"))
        );
    }

    #[test]
    fn arguments_split_outside_brackets() {
        assert_eq!(
            arguments("a::S<u8, (A, B)>, (), {closure@src/lib.rs:5:1: 5:11}"),
            ["a::S<u8, (A, B)>", "()", "{closure@src/lib.rs:5:1: 5:11}"]
        );
    }

    #[test]
    fn paths_meet_without_generics_or_traits() {
        assert_eq!(
            fn_path("seeds::seed_001::fetch_two"),
            "seeds::seed_001::fetch_two"
        );
        assert_eq!(fn_path("generic_rustc<u8>"), "generic_rustc");
        assert_eq!(fn_path("Foo::<T>::bar"), "Foo::bar");
        assert_eq!(fn_path("<W<T> as Greet>::hi"), "W::hi");
        assert_eq!(
            fn_path("<W<u8> as GreetRustc_0ed2d85c<u8>>::hi_rustc"),
            "W::hi_rustc"
        );
    }
}
