//! Seed 001, "Async, illustrated": `fetch_two` under `#[desugar]`, run by
//! the harness beside rustc's own version, `fetch_two_rustc`: both fetches
//! succeed, the first fails, the second fails.
//!
//! ```sh
//! cargo run --example seed_001_fetch_two
//! ```

mod common;
mod seeds {
    pub mod seed_001;
}

use seeds::seed_001::{fetch_two, fetch_two_rustc};

fn main() {
    for (a, b) in [("a", "bc"), ("", "bc"), ("a", "")] {
        common::run_both(
            &format!("fetch_two({a:?}, {b:?})"),
            || fetch_two(a, b),
            || fetch_two_rustc(a, b),
        );
    }
}
