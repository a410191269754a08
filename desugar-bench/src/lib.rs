//! Benchmarks of `#[desugar]` against rustc's own async fns, every figure a
//! ratio against rustc's version measured in the same run:
//!
//! - **size**: `size_of_val` of the desugared future against its `_rustc`
//!   twin's, for every seed fn and a size-stress set
//!   (`cargo run -p desugar-bench --bin sizes`, also `cargo bench --bench sizes`);
//! - **poll cost**: a million awaits of a leaf that is ready at once, or
//!   `Pending` once, directly and through ten nested fns: wall time
//!   (`cargo bench --bench poll`) and instructions counted by callgrind
//!   (`cargo bench --bench instructions`);
//! - **macro cost**: the build of a generated crate of 100 async fns with
//!   and without `#[desugar]` (`cargo run --release -p desugar-bench --bin build_cost`),
//!   and `desugar_expand::expand` alone on those fns
//!   (`cargo bench --bench expansion`).
//!
//! `BENCHMARKS.md` at the repository root has the latest figures.

pub mod callgrind;
pub mod executor;
pub mod generated;
pub mod leaves;
pub mod seeds;
pub mod size_report;
pub mod size_rows;
pub mod size_table;
pub mod stress;
pub mod workloads;
