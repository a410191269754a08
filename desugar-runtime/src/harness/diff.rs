//! [`TraceDiff`]: two traces side by side, with the first difference marked.

use core::fmt;
use std::string::{String, ToString};

use super::trace::Trace;

/// How many equal events to show before the first difference; earlier ones
/// are elided so a long run still prints a diff that fits a screen.
const CONTEXT_BEFORE: usize = 12;
/// How many events to show after the first difference: enough to see whether
/// the traces re-align (a swap) or keep diverging.
const CONTEXT_AFTER: usize = 6;
/// Widest left column; longer lines are cut so the right column stays aligned.
const MAX_WIDTH: usize = 48;

/// Two traces that differ, and where they first do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceDiff {
    /// Index of the first differing event (or the length of the shorter trace
    /// when one is a prefix of the other).
    pub index: usize,
    /// The left trace, in full.
    pub left: Trace,
    /// The right trace, in full.
    pub right: Trace,
}

impl TraceDiff {
    /// The line for event `i` of `trace`, or `(end)` past its end.
    fn line(trace: &Trace, i: usize) -> String {
        trace
            .get(i)
            .map_or_else(|| "(end)".to_string(), ToString::to_string)
    }

    /// One sentence naming the first differing event on both sides.
    pub fn summary(&self) -> String {
        let left = Self::line(&self.left, self.index);
        let right = Self::line(&self.right, self.index);
        std::format!(
            "first difference at event #{}: left `{}`, right `{}`",
            self.index,
            left.trim_start(),
            right.trim_start()
        )
    }
}

impl fmt::Display for TraceDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.summary())?;
        let longest = self.left.len().max(self.right.len());
        let start = self.index.saturating_sub(CONTEXT_BEFORE);
        let end = (self.index + CONTEXT_AFTER + 1).min(longest.max(self.index + 1));
        let width = (start..end)
            .map(|i| Self::line(&self.left, i).chars().count())
            .max()
            .unwrap_or(0)
            .clamp(4, MAX_WIDTH);
        writeln!(f, "     #  {:<width$} | right", "left")?;
        if start > 0 {
            writeln!(f, "        … {start} equal events …")?;
        }
        for i in start..end {
            let marker = if i == self.index { '>' } else { ' ' };
            let left: String = Self::line(&self.left, i).chars().take(MAX_WIDTH).collect();
            let right = Self::line(&self.right, i);
            let sep = if self.left.get(i) == self.right.get(i) {
                '|'
            } else {
                '≠'
            };
            writeln!(f, "{marker} {i:>4}  {left:<width$} {sep} {right}")?;
        }
        if end < longest {
            writeln!(f, "        … {} more events …", longest - end)?;
        }
        Ok(())
    }
}
