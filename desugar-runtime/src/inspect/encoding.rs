//! The format the expansion writes a machine's description in, and its
//! reader. `desugar-expand`'s `emit::describe` writes it; the two must agree.
//!
//! ```text
//! machine := string(fn name) string(mermaid) count(states) state*
//! state   := string(name) awaits count(fields) field*
//! awaits  := "-" | "+" string(the await's source)
//! field   := ["T" (a temporary: its name is the code that made it)] kind string(name)
//! kind    := "W" (awaitee) | "A" (argument) | "C" (carried) | "H" (homed) | "I" (in place)
//! string  := decimal byte length ":" the bytes
//! count   := decimal ";"
//! ```
//!
//! Strings carry their length because an await's source may hold any
//! character. Only the expansion writes these strings; should one be cut
//! short anyway, reading it yields empty strings and no more entries, never
//! a panic.

use super::info::FieldKind;

/// A position in an encoded description.
#[derive(Clone, Copy)]
pub(crate) struct Reader {
    rest: &'static str,
}

impl Reader {
    pub(crate) fn new(encoded: &'static str) -> Self {
        Reader { rest: encoded }
    }

    pub(crate) fn string(&mut self) -> &'static str {
        let len = self.number(b':');
        let (taken, rest) = self.rest.split_at_checked(len).unwrap_or((self.rest, ""));
        self.rest = rest;
        taken
    }

    pub(crate) fn optional_string(&mut self) -> Option<&'static str> {
        match self.byte() {
            Some(b'+') => Some(self.string()),
            _ => None,
        }
    }

    pub(crate) fn count(&mut self) -> usize {
        self.number(b';')
    }

    /// Whether a field is a temporary (its kind's letter comes after a
    /// `T`), its kind, and whether the state keeps a flag for it: a homed
    /// or in-place value's letter is in lower case where it has none.
    pub(crate) fn kind(&mut self) -> Option<(bool, FieldKind, bool)> {
        let temporary = self.rest.starts_with('T');
        if temporary {
            self.byte();
        }
        let (kind, flag) = match self.byte()? {
            b'W' => (FieldKind::Awaitee, false),
            b'A' => (FieldKind::Argument, false),
            b'C' => (FieldKind::Carried, false),
            b'H' => (FieldKind::Homed, true),
            b'h' => (FieldKind::Homed, false),
            b'I' => (FieldKind::InPlace, true),
            b'i' => (FieldKind::InPlace, false),
            _ => return None,
        };
        Some((temporary, kind, flag))
    }

    fn byte(&mut self) -> Option<u8> {
        let first = *self.rest.as_bytes().first()?;
        // The format's own bytes are ASCII, so this is a char boundary.
        self.rest = self.rest.get(1..).unwrap_or("");
        Some(first)
    }

    /// Decimal digits up to `end` (consumed); 0 where there are none.
    fn number(&mut self, end: u8) -> usize {
        let digits = self.rest.bytes().take_while(u8::is_ascii_digit).count();
        let value = self.rest[..digits].bytes().fold(0usize, |n, d| {
            n.saturating_mul(10).saturating_add(usize::from(d - b'0'))
        });
        self.rest = &self.rest[digits..];
        if self.rest.as_bytes().first() == Some(&end) {
            self.rest = &self.rest[1..];
        }
        value
    }
}

/// A counted list (`count entry*`), read one entry at a time.
#[derive(Clone, Copy)]
pub(crate) struct List {
    reader: Reader,
    left: usize,
}

impl List {
    /// The list whose count `reader` is at.
    pub(crate) fn new(mut reader: Reader) -> Self {
        let left = reader.count();
        List { reader, left }
    }

    /// The next entry, read by `read`; `None` after the last one (or where
    /// `read` finds none).
    pub(crate) fn entry<T>(&mut self, read: impl FnOnce(&mut Reader) -> Option<T>) -> Option<T> {
        self.left = self.left.checked_sub(1)?;
        read(&mut self.reader)
    }

    pub(crate) fn left(&self) -> usize {
        self.left
    }

    /// Where the list ends, once every entry has been read.
    pub(crate) fn reader(&self) -> Reader {
        self.reader
    }
}

#[cfg(test)]
mod tests {
    use super::super::info::{FieldKind, MachineInfo};

    // `é` is two bytes: lengths count bytes.
    const FETCH: &str = "5:fetch10:diagram\n:)3;9:Unresumed-1;A3:url8:Suspend0+23:get(url, \"é:1;\").await2;W9:__awaiteeH4:page8:Returned-0;";

    #[test]
    fn reads_what_the_expansion_writes() {
        let info = MachineInfo::__new(FETCH);
        assert_eq!(info.name(), "fetch");
        assert_eq!(info.mermaid(), "diagram\n:)");
        assert_eq!(info.states().len(), 3);
        assert!(
            info.states()
                .map(|s| s.name)
                .eq(["Unresumed", "Suspend0", "Returned"])
        );
        let suspended = info.state(1).unwrap();
        assert_eq!(suspended.awaits, Some("get(url, \"é:1;\").await"));
        assert!(suspended.fields().map(|f| (f.name, f.kind)).eq([
            ("__awaitee", FieldKind::Awaitee),
            ("page", FieldKind::Homed)
        ]));
        assert_eq!(info.state(2).unwrap().fields().count(), 0);
        assert!(info.state(3).is_none());
        assert!(suspended.fields().all(|f| !f.temporary));
    }

    #[test]
    fn a_temporary_is_named_by_the_code_that_made_it() {
        let info = MachineInfo::__new(
            "1:f0:3;9:Unresumed-0;8:Suspend0+28:look(&Probe::new(\"t\")).await3;W9:__awaiteeTi15:Probe::new(\"t\")C1:n8:Returned-0;",
        );
        let suspended = info.state(1).unwrap();
        assert!(
            suspended
                .fields()
                .map(|f| (f.name, f.kind, f.temporary))
                .eq([
                    ("__awaitee", FieldKind::Awaitee, false),
                    ("Probe::new(\"t\")", FieldKind::InPlace, true),
                    ("n", FieldKind::Carried, false)
                ])
        );
    }

    #[test]
    fn a_value_kept_without_a_flag_has_its_letter_in_lower_case() {
        let info = MachineInfo::__new(
            "1:f0:3;9:Unresumed-0;8:Suspend0+7:x.await3;W9:__awaiteeh1:ai1:b8:Returned-0;",
        );
        let suspended = info.state(1).unwrap();
        assert!(suspended.fields().map(|f| (f.name, f.kind, f.flag)).eq([
            ("__awaitee", FieldKind::Awaitee, false),
            ("a", FieldKind::Homed, false),
            ("b", FieldKind::InPlace, false)
        ]));
    }

    #[test]
    fn a_cut_description_reads_as_less_without_panicking() {
        for end in 0..FETCH.len() {
            let Some(cut) = FETCH.get(..end) else {
                continue;
            };
            let info = MachineInfo::__new(cut);
            let _ = (info.name(), info.mermaid());
            for state in info.states() {
                let _ = (state.name, state.awaits, state.fields().count());
            }
        }
    }
}
