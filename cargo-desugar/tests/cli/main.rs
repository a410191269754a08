//! Runs the built `cargo-desugar` on the example files in `tests/fixtures/`
//! and checks what it prints and the exit status a shell sees; `layout`
//! runs on captured rustc output through a stand-in for cargo, and once on
//! the fixture project with the real one.

mod errors;
mod help;
mod layout;
mod sections;
mod selection;
mod snapshots;
mod support;
