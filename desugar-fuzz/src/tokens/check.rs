//! Running the expansion on one input and judging what it returned.

use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro2::{TokenStream, TokenTree};

/// What the expansion did with an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// An expansion that parses as items, without `compile_error!`.
    Expanded,
    /// A `compile_error!` (with whatever else it returned).
    Rejected,
    /// It panicked, with this message.
    Panicked(String),
    /// No `compile_error!`, and the output does not parse: the message.
    Unparseable(String),
}

/// Runs `desugar_expand::expand` (and `describe`, the other entry point)
/// on `args` and `item`.
pub fn check(args: &TokenStream, item: &TokenStream) -> Verdict {
    let expanded = catch_unwind(AssertUnwindSafe(|| {
        desugar_expand::expand(args.clone(), item.clone())
    }));
    let output = match expanded {
        Ok(output) => output,
        Err(payload) => return Verdict::Panicked(message(&*payload)),
    };
    if let Err(payload) = catch_unwind(AssertUnwindSafe(|| {
        let _ = desugar_expand::describe(item.clone());
    })) {
        return Verdict::Panicked(format!("in describe: {}", message(&*payload)));
    }
    if has_compile_error(&output) {
        return Verdict::Rejected;
    }
    match syn::parse2::<syn::File>(output) {
        Ok(_) => Verdict::Expanded,
        Err(err) => Verdict::Unparseable(err.to_string()),
    }
}

/// A top-level `compile_error!` (as in `::core::compile_error! { .. }`).
fn has_compile_error(stream: &TokenStream) -> bool {
    stream
        .clone()
        .into_iter()
        .any(|tree| matches!(tree, TokenTree::Ident(ident) if ident == "compile_error"))
}

fn message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(a panic without a message)".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::{Verdict, check};

    #[test]
    fn verdicts() {
        let none = proc_macro2::TokenStream::new();
        let good = "async fn f() -> u32 { g().await }".parse().unwrap();
        assert_eq!(check(&none, &good), Verdict::Expanded);
        let bad = "fn f() {}".parse().unwrap();
        assert_eq!(check(&none, &bad), Verdict::Rejected);
    }
}
