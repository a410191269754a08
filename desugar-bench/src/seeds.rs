//! The seeds' async fns, compiled from `examples/seeds/` as they are, so the
//! size table covers every example the project ships.
//!
//! Seed 002's `join!` stand-in names `$crate::seeds::seed_002`, so the
//! modules sit at that path here too.

#[path = "../../examples/seeds/seed_000.rs"]
pub mod seed_000;
#[path = "../../examples/seeds/seed_001.rs"]
pub mod seed_001;
#[path = "../../examples/seeds/seed_002.rs"]
pub mod seed_002;
#[path = "../../examples/seeds/seed_003.rs"]
pub mod seed_003;
#[path = "../../examples/seeds/seed_004.rs"]
pub mod seed_004;
