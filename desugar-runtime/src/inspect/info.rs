//! The static description of a machine, written by the expansion.
//!
//! The expansion writes it as one string (see [`super::encoding`]) rather
//! than as nested `static` tables: a string literal costs rustc next to
//! nothing to check, where a table of structs costs it as much as a fn
//! body, for every `#[desugar]` fn of a crate. These types read it.

use super::encoding::{List, Reader};

/// A desugared fn's machine.
#[derive(Clone, Copy)]
pub struct MachineInfo {
    encoded: &'static str,
}

impl MachineInfo {
    #[doc(hidden)]
    /// Written by the expansion only: `encoded` is in the format of
    /// [`super::encoding`].
    pub const fn __new(encoded: &'static str) -> Self {
        MachineInfo { encoded }
    }

    /// The fn's name.
    pub fn name(&self) -> &'static str {
        Reader::new(self.encoded).string()
    }

    /// A Mermaid `stateDiagram-v2` of the states and the awaits that lead
    /// from one to the next.
    pub fn mermaid(&self) -> &'static str {
        let mut reader = Reader::new(self.encoded);
        reader.string();
        reader.string()
    }

    /// Its states, `Unresumed` first, then `Suspend0`, …, `Returned`,
    /// `Panicked`.
    pub fn states(&self) -> States {
        let mut reader = Reader::new(self.encoded);
        reader.string();
        reader.string();
        States(List::new(reader))
    }

    /// State `index` of [`Self::states`].
    pub fn state(&self, index: usize) -> Option<StateInfo> {
        self.states().nth(index)
    }
}

impl core::fmt::Debug for MachineInfo {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("MachineInfo")
            .field("name", &self.name())
            .field("states", &self.states())
            .field("mermaid", &self.mermaid())
            .finish()
    }
}

/// The states of a machine, in order ([`MachineInfo::states`]).
#[derive(Clone)]
pub struct States(List);

impl Iterator for States {
    type Item = StateInfo;

    fn next(&mut self) -> Option<StateInfo> {
        self.0.entry(|reader| {
            let name = reader.string();
            let awaits = reader.optional_string();
            let fields = *reader;
            // Past this state's fields, to the next state.
            let mut skipped = Fields(List::new(*reader));
            skipped.by_ref().for_each(drop);
            *reader = skipped.0.reader();
            Some(StateInfo {
                name,
                awaits,
                fields,
            })
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.0.left(), Some(self.0.left()))
    }
}

impl ExactSizeIterator for States {}

impl core::fmt::Debug for States {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// One state (one variant of the state enum).
#[derive(Clone, Copy)]
pub struct StateInfo {
    /// `Unresumed`, `Suspend0`, …
    pub name: &'static str,
    /// For a `SuspendN` state, the await it stands for (`fetch(url).await`).
    pub awaits: Option<&'static str>,
    fields: Reader,
}

impl StateInfo {
    /// The values the state keeps, in the order the variant lists (and drops)
    /// them.
    pub fn fields(&self) -> Fields {
        Fields(List::new(self.fields))
    }
}

impl core::fmt::Debug for StateInfo {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("StateInfo")
            .field("name", &self.name)
            .field("awaits", &self.awaits)
            .field("fields", &self.fields())
            .finish()
    }
}

/// The values a state keeps, in order ([`StateInfo::fields`]).
#[derive(Clone)]
pub struct Fields(List);

impl Iterator for Fields {
    type Item = FieldInfo;

    fn next(&mut self) -> Option<FieldInfo> {
        self.0.entry(|reader| {
            let (temporary, kind, flag) = reader.kind()?;
            let name = reader.string();
            Some(FieldInfo {
                name,
                kind,
                flag,
                temporary,
            })
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.0.left()))
    }
}

impl core::fmt::Debug for Fields {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// One value a state keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    /// The local's name (`__awaitee` for the future being awaited, as rustc
    /// names it); for a [`temporary`](Self::temporary), the code that made
    /// it, as the user wrote it (`Probe::new("t")`).
    pub name: &'static str,
    /// How it is kept.
    pub kind: FieldKind,
    /// A [`FieldKind::Homed`] or [`FieldKind::InPlace`] value the state
    /// keeps a one-byte flag for, saying whether a move took it out: not
    /// one that no move comes before, which always has a value there.
    pub flag: bool,
    /// A value the user's code does not name, kept as rustc keeps it: a
    /// temporary the awaited call borrows (`Probe::new("t")` in
    /// `look(&Probe::new("t")).await`), a scrutinee's temporary kept across
    /// a `match`'s arms, a value awaited or made before a later await of
    /// its statement (`number(1).await` in `add(number(1).await,
    /// f().await)`). Its [`name`](Self::name) is the code that made it.
    pub temporary: bool,
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
    /// pinned homes area, and the state keeps a one-byte flag for it where
    /// it may have been moved ([`FieldInfo::flag`]).
    Homed,
    /// A local that something borrows across this await and no other: it
    /// lives pinned in this state's variant, as rustc keeps it, beside a
    /// one-byte flag where it may have been moved ([`FieldInfo::flag`]).
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
