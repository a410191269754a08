//! Seed 004, "Understanding Rust's Future Trait and Async Execution Model":
//! `my_async_fn` under `#[desugar]`, run by the harness beside its rustc
//! twin, with a scripted stand-in for tokio's `TcpStream::connect`. What it
//! prints shows in the trace as `note: …`.
//!
//! ```sh
//! cargo run --example seed_004_my_async_fn
//! ```

mod common;
mod seeds {
    pub mod seed_004;
}

use seeds::seed_004::{my_async_fn, my_async_fn_rustc};

fn main() {
    common::run_both("my_async_fn()", my_async_fn, my_async_fn_rustc);
}
