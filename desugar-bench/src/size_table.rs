//! A table of future sizes, desugared against rustc, with the ratio per fn
//! and the geometric mean of the ratios.

use core::fmt;
use core::future::Future;

use desugar::Inspect;
use desugar::inspect::Layout;

/// One async fn's future, measured both ways.
pub struct Row {
    /// The call measured, as written in the table.
    pub call: &'static str,
    /// `size_of_val` of the desugared future.
    pub desugared: usize,
    /// `size_of_val` of rustc's future for the same body.
    pub rustc: usize,
    /// The desugared machine's layout report.
    pub layout: Layout,
}

impl Row {
    /// Measures the two futures of `call` (neither is polled).
    pub fn new<A, B>(call: &'static str, desugared: A, rustc: B) -> Row
    where
        A: Future + Inspect,
        B: Future,
    {
        Row {
            call,
            desugared: size_of_val(&desugared),
            rustc: size_of_val(&rustc),
            layout: desugared.layout(),
        }
    }

    /// Desugared size over rustc's.
    pub fn ratio(&self) -> f64 {
        self.desugared as f64 / self.rustc as f64
    }
}

/// A titled set of rows.
pub struct Table {
    /// What the rows have in common.
    pub title: &'static str,
    /// One row per fn.
    pub rows: Vec<Row>,
}

impl Table {
    /// The geometric mean of the rows' ratios.
    pub fn geometric_mean(&self) -> f64 {
        let logs: f64 = self.rows.iter().map(|row| row.ratio().ln()).sum();
        (logs / self.rows.len() as f64).exp()
    }

    /// The rows whose desugared future is larger than rustc's.
    pub fn larger(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|row| row.desugared > row.rustc)
    }
}

/// A Markdown table: one line per fn, then the geometric mean.
impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}\n", self.title)?;
        writeln!(f, "| fn | desugared (bytes) | rustc (bytes) | ratio |")?;
        writeln!(f, "| --- | ---: | ---: | ---: |")?;
        for row in &self.rows {
            let flag = if row.desugared > row.rustc {
                " **larger**"
            } else {
                ""
            };
            writeln!(
                f,
                "| `{}` | {} | {} | {:.3}{flag} |",
                row.call,
                row.desugared,
                row.rustc,
                row.ratio()
            )?;
        }
        writeln!(f, "| geometric mean | | | {:.3} |", self.geometric_mean())
    }
}

#[cfg(test)]
mod tests {
    use super::{Row, Table};
    use crate::leaves::ready;

    #[desugar::desugar]
    async fn twice(n: u64) -> u64 {
        ready(n).await * 2
    }

    #[test]
    fn geometric_mean_of_equal_ratios_is_that_ratio() {
        let row = || Row::new("twice(1)", twice(1), twice_rustc(1));
        let table = Table {
            title: "t",
            rows: vec![row(), row()],
        };
        let ratio = table.rows[0].ratio();
        assert!((table.geometric_mean() - ratio).abs() < 1e-12);
    }
}
