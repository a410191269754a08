//! The state table: one line per state, with the await it stands for and
//! the values it keeps, each with its type parameter in the state enum and
//! its kind.
//!
//! ```text
//! state      await           keeps
//! Unresumed  -               a: T0 (Argument), b: T1 (Argument)
//! Suspend0   fetch(a).await  __awaitee: F0 (Awaitee), b: T1 (Carried)
//! Returned   -               -
//! ```

use std::fmt::Write as _;

use desugar_expand::{FieldDescription, FieldKind, StateDescription};

/// Input: the described states. Output: the table, with a heading line and
/// its columns aligned.
pub fn table(states: &[StateDescription]) -> String {
    let mut rows = vec![["state".to_owned(), "await".to_owned(), "keeps".to_owned()]];
    rows.extend(states.iter().map(|state| {
        let awaits = state.awaits.as_deref().unwrap_or("-").to_owned();
        let fields = if state.fields.is_empty() {
            "-".to_owned()
        } else {
            let fields: Vec<String> = state.fields.iter().map(field).collect();
            fields.join(", ")
        };
        [state.name.clone(), awaits, fields]
    }));
    let width = |column: usize| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (name_width, awaits_width) = (width(0), width(1));
    let mut out = String::new();
    for [name, awaits, fields] in &rows {
        let _ = writeln!(out, "{name:name_width$}  {awaits:awaits_width$}  {fields}");
    }
    out
}

/// `name: T1 (Carried)`; a temporary, which has no name, as the code that
/// made it: ``temporary `Probe::new("t")`: T1 (InPlace)``.
fn field(field: &FieldDescription) -> String {
    if field.temporary {
        format!(
            "temporary `{}`: {} ({})",
            field.name,
            field.param,
            kind(field.kind)
        )
    } else {
        format!("{}: {} ({})", field.name, field.param, kind(field.kind))
    }
}

/// The kind as the table names it (the variant's name).
fn kind(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Awaitee => "Awaitee",
        FieldKind::Argument => "Argument",
        FieldKind::Carried => "Carried",
        FieldKind::Homed => "Homed",
        FieldKind::InPlace => "InPlace",
    }
}
