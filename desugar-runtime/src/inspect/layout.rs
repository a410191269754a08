//! Sizes, measured on the types rustc inferred for the state enum.

use core::fmt;

use super::info::{FieldInfo, FieldKind, MachineInfo, StateInfo};

/// Size and alignment of one kept value's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldLayout {
    /// `size_of` of the value's type (for a homed value, of the value in the
    /// homes area; the state itself keeps a one-byte flag, or nothing).
    pub size: usize,
    /// `align_of` of the value's type.
    pub align: usize,
    /// `type_name` of the value's type.
    pub type_name: &'static str,
}

impl FieldLayout {
    /// The layout of `T`.
    pub fn of<T>() -> Self {
        FieldLayout {
            size: core::mem::size_of::<T>(),
            align: core::mem::align_of::<T>(),
            type_name: core::any::type_name::<T>(),
        }
    }
}

/// A machine's sizes. Its `Display` follows rustc's `-Zprint-type-sizes`, so
/// the two can be read side by side.
#[derive(Clone, Copy)]
pub struct Layout {
    /// The machine's description.
    pub info: &'static MachineInfo,
    /// `size_of_val` of the whole future.
    pub size: usize,
    /// Its alignment.
    pub align: usize,
    /// The size of the homes area (0 when no value is homed).
    pub homes: usize,
    /// The layout of field `field` of state `state`, by index into
    /// [`MachineInfo::states`](super::MachineInfo::states) and [`StateInfo::fields`](super::StateInfo::fields).
    pub field: fn(state: usize, field: usize) -> FieldLayout,
}

impl Layout {
    /// The layout of one kept value, by state and field index.
    pub fn field(&self, state: usize, field: usize) -> FieldLayout {
        (self.field)(state, field)
    }

    /// Every value a state keeps, with its state and its layout, state by
    /// state in the order the states are listed.
    /// (`desugar`'s crate docs have an example.)
    pub fn fields(&self) -> impl Iterator<Item = (StateInfo, FieldInfo, FieldLayout)> + '_ {
        self.info.states().enumerate().flat_map(move |(s, state)| {
            state
                .fields()
                .enumerate()
                .map(move |(f, field)| (state, field, self.field(s, f)))
        })
    }

    /// The bytes a state's fields take in the enum, before padding: a homed
    /// value counts as its one-byte flag (if it has one), one in place as
    /// itself and its flag.
    pub fn state_bytes(&self, state: usize) -> usize {
        let Some(info) = self.info.state(state) else {
            return 0;
        };
        info.fields()
            .enumerate()
            .map(|(index, field)| {
                let flag = usize::from(field.flag);
                match field.kind {
                    FieldKind::Homed => flag,
                    FieldKind::InPlace => self.field(state, index).size + flag,
                    _ => self.field(state, index).size,
                }
            })
            .sum()
    }
}

impl fmt::Debug for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "print-type-size type: `desugared machine of {}()`: {} bytes, alignment: {} bytes",
            self.info.name(),
            self.size,
            self.align
        )?;
        if self.homes > 0 {
            writeln!(f, "print-type-size     homes area: {} bytes", self.homes)?;
        }
        for (index, state) in self.info.states().enumerate() {
            write!(
                f,
                "print-type-size     variant `{}`: {} bytes",
                state.name,
                self.state_bytes(index)
            )?;
            match state.awaits {
                Some(awaits) => writeln!(f, " (at `{awaits}`)")?,
                None => writeln!(f)?,
            }
            for (field_index, field) in state.fields().enumerate() {
                let layout = self.field(index, field_index);
                write!(f, "print-type-size         ")?;
                // A temporary has no name: it is shown as the code that
                // made it.
                if field.temporary {
                    write!(f, "temporary `{}`", field.name)?;
                } else {
                    write!(f, "{} `.{}`", field.kind.rustc_word(), field.name)?;
                }
                if field.kind == FieldKind::Homed {
                    writeln!(
                        f,
                        ": {} bytes (homed: {} bytes in the homes area), type: `{}`",
                        usize::from(field.flag),
                        layout.size,
                        layout.type_name
                    )?;
                } else if field.kind == FieldKind::InPlace {
                    let flag = if field.flag {
                        ", and a 1-byte flag"
                    } else {
                        ""
                    };
                    writeln!(
                        f,
                        ": {} bytes, alignment: {} bytes (in place{flag}), type: `{}`",
                        layout.size, layout.align, layout.type_name
                    )?;
                } else {
                    writeln!(
                        f,
                        ": {} bytes, alignment: {} bytes, type: `{}`",
                        layout.size, layout.align, layout.type_name
                    )?;
                }
            }
        }
        Ok(())
    }
}
