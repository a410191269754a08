//! Writes what `#[desugar]` makes of the async fns in a file, formatted with
//! prettyplease, to read where a machine's size or cost comes from.
//!
//! ```sh
//! cargo run -p desugar-bench --bin expansion -- input.rs [output.rs]
//! ```
//!
//! Every `async fn` item of `input.rs` is expanded (as if it carried
//! `#[desugar]`); other items are kept. Without `output.rs` the text goes to
//! standard output.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::Item;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(input) = args.first() else {
        eprintln!("usage: expansion INPUT.rs [OUTPUT.rs]");
        std::process::exit(2);
    };
    let source = std::fs::read_to_string(input).unwrap_or_else(|err| panic!("{input}: {err}"));
    let mut file: syn::File =
        syn::parse_str(&source).unwrap_or_else(|err| panic!("{input}: {err}"));
    for item in &mut file.items {
        if let Item::Fn(item_fn) = item
            && item_fn.sig.asyncness.is_some()
        {
            let expanded = desugar_expand::expand(TokenStream::new(), item_fn.to_token_stream());
            *item = Item::Verbatim(expanded);
        }
    }
    let reparsed: syn::File = syn::parse2(file.to_token_stream()).expect("the expansion parses");
    let text = prettyplease::unparse(&reparsed);
    match args.get(1) {
        Some(output) => {
            std::fs::write(output, text).unwrap_or_else(|err| panic!("{output}: {err}"))
        }
        None => print!("{text}"),
    }
}
