//! A Rust 2021 crate using `#[desugar]`: its tests compare machines with
//! their twins where the two editions drop temporaries at different points
//! (the workspace's other crates are Rust 2024).
