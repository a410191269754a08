//! Values that are visibly `Copy`: their type or their initializer says so.
//! A `Copy` value has no destructor, so when it is dropped cannot matter;
//! the analysis needs no drop flag for it.

use syn::{Expr, Type};

/// Primitive numbers, `bool`, `char`, `()`, shared references, raw
/// pointers, and tuples and arrays of those.
pub(crate) fn is_copy_type(ty: &Type) -> bool {
    const PRIMITIVES: &[&str] = &[
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "char",
    ];
    match ty {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .get_ident()
            .is_some_and(|ident| PRIMITIVES.contains(&ident.to_string().as_str())),
        Type::Reference(reference) => reference.mutability.is_none(),
        Type::Ptr(_) | Type::Never(_) => true,
        Type::Tuple(tuple) => tuple.elems.iter().all(is_copy_type),
        Type::Array(array) => is_copy_type(&array.elem),
        Type::Paren(inner) => is_copy_type(&inner.elem),
        Type::Group(inner) => is_copy_type(&inner.elem),
        _ => false,
    }
}

/// An initializer whose value is a number, a `bool` or a `char`: literals,
/// arithmetic and comparisons of those, casts, and the standard methods
/// that answer with one (`len`, `is_empty`, …).
pub(crate) fn is_copy_value(expr: &Expr) -> bool {
    const ANSWERS: &[&str] = &[
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
    ];
    match expr {
        Expr::Lit(lit) => !matches!(
            lit.lit,
            syn::Lit::Str(_) | syn::Lit::ByteStr(_) | syn::Lit::CStr(_)
        ),
        Expr::Cast(_) => true,
        Expr::Unary(unary) => {
            !matches!(unary.op, syn::UnOp::Deref(_)) && is_copy_value(&unary.expr)
        }
        Expr::Binary(binary) => is_copy_value(&binary.left) || is_copy_value(&binary.right),
        Expr::Paren(inner) => is_copy_value(&inner.expr),
        Expr::MethodCall(call) => ANSWERS.contains(&call.method.to_string().as_str()),
        _ => false,
    }
}
