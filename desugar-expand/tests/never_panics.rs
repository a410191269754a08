//! The expansion never panics and always returns Rust: an expansion, or a
//! `compile_error!` next to the item. Inputs here are ones the token fuzzer
//! (`desugar-fuzz tokens`) once found wrong; it runs many more.

use proc_macro2::TokenStream;

fn expand(source: &str) -> String {
    let item: TokenStream = source.parse().expect("the input is tokens");
    let output =
        std::panic::catch_unwind(|| desugar_expand::expand(TokenStream::new(), item.clone()))
            .unwrap_or_else(|_| panic!("the expansion panicked on: {source}"));
    let text = output.to_string();
    assert!(
        syn::parse2::<syn::File>(output).is_ok(),
        "the expansion of {source} is not Rust: {text}"
    );
    text
}

#[test]
fn raw_identifiers() {
    let text = expand("async fn f() -> u32 { let r#type = 1u32; g().await; r#type }");
    assert!(!text.contains("compile_error"), "{text}");
}

#[test]
fn a_block_tail_after_a_borrowed_temporary() {
    expand("async fn f() { if c { (&y()).await | 6 } z.await; }");
}

/// A discarded block's tail, followed by the drop of a temporary one of
/// its parts named (CI's token run, seed 1, input 17603).
#[test]
fn a_discarded_tail_before_a_temporary_s_drop() {
    expand(
        "async fn f() -> usize { { Pair { a: (s, x).len() as u32, b: if c { a.await } else { b.await } } } [] = 1; c.await }",
    );
}

#[test]
fn self_in_a_parameter_pattern() {
    let text = expand("async fn f((self): u32) -> u32 { self.count.await; 1 }");
    assert!(text.contains("compile_error"), "{text}");
}

#[test]
fn self_as_a_local_kept_across_an_await() {
    let text = expand("async fn f() -> u32 { let self = g().await; h().await; 1 }");
    assert!(text.contains("compile_error"), "{text}");
}

#[test]
fn not_an_item_at_all() {
    // An attribute only ever receives items; anything else gets the error
    // and its tokens back as they were.
    let output = desugar_expand::expand(TokenStream::new(), "let x = 5;".parse().unwrap());
    assert!(
        output.to_string().starts_with(":: core :: compile_error !"),
        "{output}"
    );
}

#[test]
fn a_destructuring_assignment_to_what_is_not_a_place() {
    // `[..held.1]` holds a range, not a place: left to rustc's error.
    expand("async fn f() -> u32 { [..held.1] = 3u32; g().await; held.1 }");
    expand("async fn f() { (a, b + 1) = pair; g().await; }");
}
