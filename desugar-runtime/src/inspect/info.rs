//! The static description of a machine, written by the expansion.

/// A desugared fn's machine.
#[derive(Debug)]
pub struct MachineInfo {
    /// The fn's name.
    pub name: &'static str,
    /// Its states, `Unresumed` first, then `Suspend0`, …, `Returned`,
    /// `Panicked`.
    pub states: &'static [StateInfo],
    /// A Mermaid `stateDiagram-v2` of the states and the awaits that lead
    /// from one to the next.
    pub mermaid: &'static str,
}

/// One state (one variant of the state enum).
#[derive(Debug)]
pub struct StateInfo {
    /// `Unresumed`, `Suspend0`, …
    pub name: &'static str,
    /// For a `SuspendN` state, the await it stands for (`fetch(url).await`).
    pub awaits: Option<&'static str>,
    /// The values the state keeps, in the order the variant lists (and drops)
    /// them.
    pub fields: &'static [FieldInfo],
}

/// One value a state keeps.
#[derive(Debug)]
pub struct FieldInfo {
    /// The local's name (`__awaitee` for the future being awaited).
    pub name: &'static str,
    /// How it is kept.
    pub kind: FieldKind,
}

/// How a state keeps a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// The future being awaited, pinned in place.
    Awaitee,
    /// An argument, before the first poll.
    Argument,
    /// A local moved into the state at the await and out of it after.
    Carried,
    /// A local that something borrows across the await: it stays in the
    /// pinned homes area, and the state keeps a one-byte flag for it.
    Homed,
    /// A local that something borrows across this await and no other: it
    /// lives pinned in this state's variant, as rustc keeps it, beside a
    /// one-byte flag.
    InPlace,
}

impl FieldKind {
    /// What rustc's `-Zprint-type-sizes` calls such a field.
    pub(crate) fn rustc_word(self) -> &'static str {
        match self {
            FieldKind::Argument => "upvar",
            FieldKind::Awaitee | FieldKind::Carried | FieldKind::Homed | FieldKind::InPlace => {
                "local"
            }
        }
    }
}
