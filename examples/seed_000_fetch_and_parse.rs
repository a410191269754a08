//! Seed 000, "Async Internals": `fetch_and_parse` under `#[desugar]`, run by
//! the harness beside rustc's own version, `fetch_and_parse_rustc`: a body
//! that parses, one that does not, and a URL that `http_get` fails on (the
//! `?` right after the await).
//!
//! ```sh
//! cargo run --example seed_000_fetch_and_parse
//! ```

mod common;
mod seeds {
    pub mod seed_000;
}

use seeds::seed_000::{fetch_and_parse, fetch_and_parse_rustc};

fn main() {
    for url in ["/answer", "/greeting", "/missing"] {
        common::run_both(
            &format!("fetch_and_parse({url:?})"),
            || fetch_and_parse(url),
            || fetch_and_parse_rustc(url),
        );
    }
}
