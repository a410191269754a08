//! Prints the size tables: every seed fn and the size-stress set, desugared
//! against rustc, with the ratio per fn and the geometric mean.
//!
//! ```sh
//! cargo run -p desugar-bench --bin sizes              # the tables
//! cargo run -p desugar-bench --bin sizes -- --layouts # and every machine's layout
//! ```

fn main() {
    let layouts = std::env::args().any(|arg| arg == "--layouts");
    print!("{}", desugar_bench::size_report::report(layouts));
}
