//! Seed 002, "The Transformation in Detail": `process` and the functions the
//! post sizes up (`large_future`, `also_large`, `self_ref_example`,
//! `small_future`, `larger_future`, `inner`/`outer`, `large_caller`), each
//! under `#[desugar]` and run by the harness beside its rustc twin.
//!
//! ```sh
//! cargo run --example seed_002_transformation
//! ```

mod common;
mod seeds {
    pub mod seed_002;
}

use common::run_both;
use seeds::seed_002::{boxing, large, nested, real_sizes, self_reference, transformation};

fn main() {
    run_both(
        r#"process(" hello ")"#,
        || transformation::process(" hello ".to_string()),
        || transformation::process_rustc(" hello ".to_string()),
    );
    run_both(
        "large_future()",
        large::large_future,
        large::large_future_rustc,
    );
    run_both("also_large()", large::also_large, large::also_large_rustc);
    run_both(
        "self_ref_example()",
        self_reference::self_ref_example,
        self_reference::self_ref_example_rustc,
    );
    run_both(
        "small_future()",
        real_sizes::small_future,
        real_sizes::small_future_rustc,
    );
    run_both(
        "larger_future()",
        real_sizes::larger_future,
        real_sizes::larger_future_rustc,
    );
    run_both("inner()", nested::inner, nested::inner_rustc);
    run_both("outer()", nested::outer, nested::outer_rustc);
    run_both(
        "large_caller()",
        boxing::large_caller,
        boxing::large_caller_rustc,
    );
}
