//! [`Trace`]: the events of one run, in order.

use core::fmt;
use core::ops::Deref;
use std::string::{String, ToString};
use std::vec::Vec;

use super::diff::TraceDiff;
use super::event::Event;

/// The events of one run, in the order they happened.
///
/// `Display` prints one event per line (see [`Event`]); [`Trace::diff`]
/// finds the first event where two traces part ways.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trace {
    /// The events, oldest first.
    pub events: Vec<Event>,
}

impl Trace {
    /// The index of the first event that differs, or where the shorter trace
    /// ends; `None` when the traces are equal.
    pub fn first_difference(&self, other: &Trace) -> Option<usize> {
        let common = self.events.len().min(other.events.len());
        match (0..common).find(|&i| self.events[i] != other.events[i]) {
            Some(i) => Some(i),
            None if self.events.len() == other.events.len() => None,
            None => Some(common),
        }
    }

    /// A side-by-side diff of `self` (left) and `other` (right), or `None`
    /// when they are equal.
    pub fn diff(&self, other: &Trace) -> Option<TraceDiff> {
        let index = self.first_difference(other)?;
        Some(TraceDiff {
            index,
            left: self.clone(),
            right: other.clone(),
        })
    }

    /// Each event's line, without the indentation (handy for `assert_eq!`).
    pub fn lines(&self) -> Vec<String> {
        self.events
            .iter()
            .map(|e| e.to_string().trim_start().to_string())
            .collect()
    }

    /// The labels of the probes dropped, in drop order: what a drop-order
    /// test usually asserts on.
    pub fn probe_drops(&self) -> Vec<&str> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::ProbeDropped(label) => Some(label.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The names of the leaves polled, in poll order.
    pub fn leaf_polls(&self) -> Vec<&str> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::LeafPolled { leaf, .. } => Some(leaf.as_str()),
                _ => None,
            })
            .collect()
    }
}

impl Deref for Trace {
    type Target = [Event];
    fn deref(&self) -> &[Event] {
        &self.events
    }
}

impl From<Vec<Event>> for Trace {
    fn from(events: Vec<Event>) -> Self {
        Trace { events }
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for event in &self.events {
            writeln!(f, "{event}")?;
        }
        Ok(())
    }
}
