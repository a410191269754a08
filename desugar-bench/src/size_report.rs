//! The size report: both tables, where they stand against the targets
//! (every fn no larger than rustc's; geometric mean at most 0.9× on the
//! stress set), and on request the layout of every desugared machine.

use std::fmt::Write;

use crate::size_rows;
use crate::size_table::Table;

/// The stress set's target for the geometric mean of the ratios.
pub const STRESS_MEAN_TARGET: f64 = 0.9;

/// The report, as Markdown; with `layouts`, each desugared machine's layout
/// report follows.
pub fn report(layouts: bool) -> String {
    let tables = [size_rows::seeds(), size_rows::stress()];
    let mut out = String::new();
    for table in &tables {
        writeln!(out, "{table}").unwrap();
    }
    for table in &tables {
        verdict(&mut out, table);
    }
    let mean = tables[1].geometric_mean();
    let met = if mean <= STRESS_MEAN_TARGET {
        "met"
    } else {
        "MISSED"
    };
    writeln!(
        out,
        "- stress-set geometric mean {mean:.3} (target ≤ {STRESS_MEAN_TARGET}): {met}"
    )
    .unwrap();
    if layouts {
        for row in tables.iter().flat_map(|table| &table.rows) {
            writeln!(
                out,
                "\n{} (rustc: {} bytes)\n{}",
                row.call, row.rustc, row.layout
            )
            .unwrap();
        }
    }
    out
}

/// "every fn ≤ rustc": met, or the fns that miss it.
fn verdict(out: &mut String, table: &Table) {
    let larger: Vec<String> = table
        .larger()
        .map(|row| format!("`{}` ({} > {})", row.call, row.desugared, row.rustc))
        .collect();
    if larger.is_empty() {
        writeln!(out, "- {}: every fn ≤ rustc: met", table.title).unwrap();
    } else {
        writeln!(
            out,
            "- {}: every fn ≤ rustc: MISSED by {}",
            table.title,
            larger.join(", ")
        )
        .unwrap();
    }
}
