//! [`Probe`]: a value that logs its creation, use and drop.

use core::fmt;
use std::string::String;

use super::event::Event;
use super::recorder;

/// A labelled value that logs `  new probe "a"` when created,
/// `  use probe "a"` when [touched](Probe::touch) and `  drop probe "a"` when
/// dropped, to the current trace (nothing when no trace is being recorded).
///
/// Put probes where an async fn keeps values (parameters, locals,
/// temporaries) to see when each one is dropped: on completion, on
/// cancellation after any poll, while unwinding.
///
/// `Send + Sync`, so it does not change whether a future is `Send`. Two
/// probes are equal when their labels are (so a probe may be an output).
#[derive(PartialEq, Eq)]
pub struct Probe {
    label: String,
}

impl Probe {
    /// Creates a probe and logs its creation.
    pub fn new(label: impl Into<String>) -> Self {
        let probe = Probe {
            label: label.into(),
        };
        recorder::log(|| Event::ProbeCreated(probe.label.clone()));
        probe
    }

    /// Logs a use of the probe. Calling it after an `.await` keeps the probe
    /// alive across that await, as a real local would be.
    pub fn touch(&self) {
        recorder::log(|| Event::ProbeUsed(self.label.clone()));
    }

    /// The probe's label.
    pub fn label(&self) -> &str {
        &self.label
    }
}

impl Drop for Probe {
    fn drop(&mut self) {
        recorder::log(|| Event::ProbeDropped(self.label.clone()));
    }
}

impl fmt::Debug for Probe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Probe({:?})", self.label)
    }
}
