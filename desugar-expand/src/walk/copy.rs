//! Values that are visibly `Copy`, or like `&mut` have nothing to drop:
//! their type or their initializer says so. When such a value is dropped
//! cannot matter; the analysis needs no drop flag for it, and keeps it
//! across an await only if it is used after.

use syn::{Expr, Type};

/// Primitive numbers, `bool`, `char`, `()`, references, raw pointers, and
/// tuples and arrays of those. (A `&mut` is not `Copy`, but like them it
/// has nothing to drop, which is what the analysis asks.)
pub(crate) fn is_copy_type(ty: &Type) -> bool {
    match ty {
        Type::Path(_) => is_number_type(ty),
        Type::Reference(_) => true,
        Type::Ptr(_) | Type::Never(_) => true,
        Type::Tuple(tuple) => tuple.elems.iter().all(is_copy_type),
        Type::Array(array) => is_copy_type(&array.elem),
        Type::Paren(inner) => is_copy_type(&inner.elem),
        Type::Group(inner) => is_copy_type(&inner.elem),
        _ => false,
    }
}

/// A primitive number, `bool` or `char`, written as the type.
pub(crate) fn is_number_type(ty: &Type) -> bool {
    const PRIMITIVES: &[&str] = &[
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "char",
    ];
    match ty {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .get_ident()
            .is_some_and(|ident| PRIMITIVES.contains(&ident.to_string().as_str())),
        Type::Paren(inner) => is_number_type(&inner.elem),
        Type::Group(inner) => is_number_type(&inner.elem),
        _ => false,
    }
}

/// Arithmetic, casts and literals whose operands are all numbers: literals,
/// casts, and the locals `number` says are (`n + 1` with `n: u32`). A
/// user's operator impl on a reference could answer with anything, so a
/// reference is not a number here.
pub(crate) fn is_number_value(expr: &Expr, number: &dyn Fn(&Expr) -> bool) -> bool {
    match expr {
        Expr::Lit(lit) => matches!(
            lit.lit,
            syn::Lit::Int(_) | syn::Lit::Float(_) | syn::Lit::Bool(_) | syn::Lit::Char(_)
        ),
        Expr::Cast(cast) => is_number_type(&cast.ty),
        Expr::Paren(inner) => is_number_value(&inner.expr, number),
        Expr::Unary(unary) => {
            !matches!(unary.op, syn::UnOp::Deref(_)) && is_number_value(&unary.expr, number)
        }
        Expr::Binary(binary) => {
            is_number_value(&binary.left, number) && is_number_value(&binary.right, number)
        }
        Expr::MethodCall(call) => {
            NUMERIC.contains(&call.method.to_string().as_str())
                && is_number_value(&call.receiver, number)
        }
        Expr::Path(_) => number(expr),
        _ => false,
    }
}

/// Primitive numbers, `bool`, `char`, `()`, `String`, `'static`
/// references, and tuples, arrays and the standard owning containers
/// (`Vec<u32>`, `Option<String>`, `HashMap<u64, Vec<u8>>`) of those: a
/// value of such a type cannot hold a borrow of a local.
pub(crate) fn holds_no_borrow(ty: &Type) -> bool {
    match ty {
        Type::Reference(reference)
            if reference
                .lifetime
                .as_ref()
                .is_some_and(|lifetime| lifetime.ident == "static") =>
        {
            true
        }
        Type::Reference(_) | Type::Ptr(_) => false,
        Type::Path(path) if path.qself.is_none() && path.path.is_ident("String") => true,
        Type::Path(path) if path.qself.is_none() && owning_container_of_owned(&path.path) => true,
        Type::Tuple(tuple) => tuple.elems.iter().all(holds_no_borrow),
        Type::Array(array) => holds_no_borrow(&array.elem),
        Type::Paren(inner) => holds_no_borrow(&inner.elem),
        Type::Group(inner) => holds_no_borrow(&inner.elem),
        ty => is_copy_type(ty),
    }
}

/// A standard container that owns what it holds, by name (`Vec<T>`,
/// `std::collections::HashMap<K, V>`), given only types that hold no
/// borrow: a lifetime written among its arguments, or a hasher or
/// allocator type, is taken to hold one.
fn owning_container_of_owned(path: &syn::Path) -> bool {
    const CONTAINERS: &[&str] = &[
        "Vec",
        "VecDeque",
        "LinkedList",
        "BinaryHeap",
        "HashMap",
        "HashSet",
        "BTreeMap",
        "BTreeSet",
        "Box",
        "Rc",
        "Arc",
        "Option",
        "Result",
    ];
    let Some(last) = path.segments.last() else {
        return false;
    };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    let leading = path.segments.len() - 1;
    path.segments
        .iter()
        .take(leading)
        .all(|segment| segment.arguments.is_none())
        && CONTAINERS.contains(&last.ident.to_string().as_str())
        && args
            .args
            .iter()
            .all(|arg| matches!(arg, syn::GenericArgument::Type(ty) if holds_no_borrow(ty)))
}

/// Standard methods that answer with a number or a `bool` about their
/// receiver, which they borrow for the call only (but `count`, which
/// consumes an iterator).
pub(crate) const ANSWERS: &[&str] = &[
    "len",
    "count",
    "is_empty",
    "is_some",
    "is_none",
    "is_ok",
    "is_err",
    "contains",
    "contains_key",
    "starts_with",
    "ends_with",
    "capacity",
    "eq",
    "ne",
    // A `char`'s (by value) and a byte's (by reference) classes.
    "is_alphabetic",
    "is_alphanumeric",
    "is_numeric",
    "is_whitespace",
    "is_ascii",
    "is_ascii_digit",
    "is_ascii_hexdigit",
    "is_ascii_alphabetic",
    "is_ascii_alphanumeric",
    "is_ascii_whitespace",
    "is_ascii_punctuation",
    "is_ascii_uppercase",
    "is_ascii_lowercase",
    "len_utf8",
];
/// A number's own methods: they answer with a number (or an `Option` of
/// one, or a `bool`: `is_multiple_of`) and take the number by value; so
/// does a `char`'s `to_digit`.
pub(crate) const NUMERIC: &[&str] = &[
    "checked_add",
    "checked_sub",
    "checked_mul",
    "checked_div",
    "checked_rem",
    "wrapping_add",
    "wrapping_sub",
    "wrapping_mul",
    "saturating_add",
    "saturating_sub",
    "saturating_mul",
    "pow",
    "abs",
    "min",
    "max",
    "count_ones",
    "count_zeros",
    "leading_zeros",
    "trailing_zeros",
    "rotate_left",
    "rotate_right",
    "swap_bytes",
    "is_multiple_of",
    "is_power_of_two",
    "abs_diff",
    "rem_euclid",
    "div_euclid",
    "checked_pow",
    "saturating_pow",
    "wrapping_pow",
    "to_digit",
];

/// An initializer whose value is visibly `Copy`: literals, arithmetic of
/// those, comparisons, casts, shared borrows, tuples and arrays of such
/// values, `None::<T>` / `Some(..)` / `Ok::<T, E>(..)` of `Copy` types and
/// values, and the standard methods that answer with a number or a `bool`
/// (`len`, `is_empty`, …).
pub(crate) fn is_copy_value(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(lit) => !super::is_text_literal(&lit.lit),
        Expr::Cast(_) => true,
        Expr::Unary(unary) => {
            !matches!(unary.op, syn::UnOp::Deref(_)) && is_copy_value(&unary.expr)
        }
        // A comparison or `&&`/`||` answers with a `bool`; arithmetic on a
        // user's type may not answer with a `Copy` value unless both sides
        // are plainly numbers.
        Expr::Binary(binary) => {
            use syn::BinOp::*;
            match binary.op {
                Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_) | And(_) | Or(_) => true,
                _ => is_copy_value(&binary.left) && is_copy_value(&binary.right),
            }
        }
        // A borrow of a place (`&mut` too: nothing to drop); `&String::new()`
        // would extend a temporary, which then lives (and drops) with the
        // reference.
        Expr::Reference(reference) => is_place(&reference.expr),
        Expr::Tuple(tuple) => tuple.elems.iter().all(is_copy_value),
        Expr::Array(array) => array.elems.iter().all(is_copy_value),
        Expr::Repeat(repeat) => is_copy_value(&repeat.expr),
        Expr::Path(path) => is_copy_variant(&path.path, &[]),
        Expr::Call(call) => match &*call.func {
            Expr::Path(path) => is_copy_variant(&path.path, &call.args.iter().collect::<Vec<_>>()),
            _ => false,
        },
        Expr::Paren(inner) => is_copy_value(&inner.expr),
        Expr::MethodCall(call) => {
            let method = call.method.to_string();
            ANSWERS.contains(&method.as_str())
                // A number's own methods answer with numbers (or an
                // `Option` of one): `4u32.checked_sub(n)`, `(a ^ b).count_ones()`.
                || (NUMERIC.contains(&method.as_str()) && is_copy_value(&call.receiver))
        }
        _ => false,
    }
}

/// A place made of locals, fields, indexes and derefs: borrowing it makes no
/// temporary.
fn is_place(expr: &Expr) -> bool {
    match expr {
        Expr::Path(path) => path.qself.is_none() && path.path.get_ident().is_some(),
        Expr::Field(field) => is_place(&field.base),
        Expr::Index(index) => is_place(&index.expr),
        Expr::Unary(unary) => matches!(unary.op, syn::UnOp::Deref(_)) && is_place(&unary.expr),
        Expr::Paren(inner) => is_place(&inner.expr),
        _ => false,
    }
}

/// `None::<T>`, `Some(v)`, `Ok::<T, E>(v)`, `Err::<T, E>(v)`: `Copy` when the
/// type arguments given are and the value is.
fn is_copy_variant(path: &syn::Path, args: &[&Expr]) -> bool {
    let Some(last) = path.segments.last() else {
        return false;
    };
    let types: Vec<&Type> = match &last.arguments {
        syn::PathArguments::AngleBracketed(generics) => generics
            .args
            .iter()
            .filter_map(|arg| match arg {
                syn::GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let name = last.ident.to_string();
    let (value_ok, type_count) = match (name.as_str(), args) {
        ("None", []) => (true, 1),
        ("Some", [value]) => (is_copy_value(value), 0),
        ("Ok" | "Err", [value]) => (is_copy_value(value), 2),
        _ => return false,
    };
    value_ok && types.len() == type_count && types.iter().all(|ty| is_copy_type(ty))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> bool {
        is_copy_value(&syn::parse_str(text).unwrap())
    }

    #[test]
    fn values_visibly_copy() {
        for text in [
            "5u32",
            "a < b",
            "x.len() == 0",
            "1 + 2",
            "&x",
            "&v[i].field",
            "&*boxed",
            "&mut x",
            "(1u8, true)",
            "[0u8; 4]",
            "None::<u32>",
            "Some(3u32)",
            "Ok::<u32, u32>(6u32)",
            "n as usize",
            "4u32.checked_sub(n)",
            "(1u8 ^ 2).count_ones()",
        ] {
            assert!(value(text), "{text} is Copy");
        }
    }

    #[test]
    fn values_that_may_need_dropping() {
        for text in [
            // A user's type may add a number and answer with its own type.
            "big + 1",
            // The temporary the reference extends drops with it.
            "&String::new()",
            "&vec![1][0]",
            "&mut make()",
            "\"text\"",
            "None",
            "None::<String>",
            "Some(name)",
            "Ok::<u32, String>(1u32)",
            "(1u8, name)",
            "make()",
            "big.checked_sub(n)",
        ] {
            assert!(!value(text), "{text} may need dropping");
        }
    }

    #[test]
    fn types_holding_no_borrow() {
        let holds_none = |text: &str| holds_no_borrow(&syn::parse_str(text).unwrap());
        for text in [
            "u32",
            "String",
            "&'static str",
            "Vec<u32>",
            "Option<(String, u8)>",
            "std::collections::HashMap<u64, Vec<String>>",
            "Result<Box<[u8; 4]>, String>",
        ] {
            assert!(holds_none(text), "{text} holds no borrow");
        }
        for text in [
            "&str",
            "Vec<&str>",
            "Option<Wrapper>",
            "Vec<Cow<'a, str>>",
            "HashMap<u32, u32, S>",
            "Vec",
            "Chars",
        ] {
            assert!(!holds_none(text), "{text} may hold a borrow");
        }
    }
}
