//! `cargo bench --bench expansion`: `desugar_expand::expand` alone on the
//! 100 fns of the macro-cost crate (see `desugar_bench::generated`), the
//! part of the build that is the macro's own work.

use divan::Bencher;
use proc_macro2::TokenStream;

use desugar_bench::generated::{FNS, async_fn};

fn main() {
    divan::main();
}

/// All 100 fns, expanded one after the other (as rustc calls the attribute).
#[divan::bench(sample_count = 30)]
fn expand_100_fns(bencher: Bencher) {
    let inputs: Vec<TokenStream> = (0..FNS)
        .map(|i| async_fn(i).parse().expect("generated fn parses"))
        .collect();
    bencher
        .with_inputs(|| inputs.clone())
        .bench_local_values(|inputs| {
            inputs
                .into_iter()
                .map(|item| desugar_expand::expand(TokenStream::new(), item))
                .collect::<Vec<_>>()
        });
}
