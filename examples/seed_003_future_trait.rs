//! Seed 003, "The Future trait, for real": async fns awaiting the seed's
//! hand-written futures — `CountdownFuture`, `Delay`, a join of two
//! `DelayedValue`s and the `IntoFuture` of `DatabaseQuery` — each under
//! `#[desugar]` and run by the harness beside its rustc twin. What the fns
//! print shows in the traces as `note: …`.
//!
//! ```sh
//! cargo run --example seed_003_future_trait
//! ```

mod common;
mod seeds {
    pub mod seed_003;
}

use common::run_both;
use seeds::seed_003::{
    countdown, countdown_rustc, database_query, database_query_rustc, delay, delay_rustc,
    delayed_values, delayed_values_rustc,
};

fn main() {
    run_both("countdown()", countdown, countdown_rustc);
    run_both("delay()", delay, delay_rustc);
    run_both("delayed_values()", delayed_values, delayed_values_rustc);
    run_both("database_query()", database_query, database_query_rustc);
}
