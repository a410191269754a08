//! `cargo bench --bench sizes`: the size tables (the same as
//! `cargo run -p desugar-bench --bin sizes`), so that `cargo bench` prints
//! every figure. Sizes do not depend on timing; nothing is iterated.

fn main() {
    print!("{}", desugar_bench::size_report::report(false));
}
