//! One desugared fn's layout beside its twin's: rustc's future for the
//! twin on the left, the desugared future on the right, block by block
//! (total, discriminant, each state with what it keeps, the homes), so
//! the bytes of a state on one side face the same state on the other.
//!
//! ```text
//! === seeds::seed_001::fetch_two: rustc 168 bytes, #[desugar] 112 bytes ===
//! rustc: fetch_two_rustc  168   #[desugar]: fetch_two    112
//!   align                   8     align                    8
//!                                 field state            112
//!                                 field homes              0
//!                                 field step               0
//! discriminant              1   discriminant (niche)       0
//! Unresumed                32   Unresumed                 40
//!   upvar a                16     padding                  8
//!   upvar b                16     field a                 16
//!                                 field b                 16
//! ```

use std::fmt::Write as _;

use super::machines::Machine;
use super::type_sizes::{Entry, TypeSize};

/// One side's rows of one block: a label and a value.
type Rows = Vec<(String, String)>;

/// Input: a desugared fn found in rustc's output. Output: its two layouts
/// side by side, a header line first.
pub fn render(machine: &Machine<'_>) -> String {
    let ours_size = machine.future.unwrap_or(machine.state).size;
    let mut out = match machine.twin {
        Some(twin) => format!(
            "=== {}: rustc {} bytes, #[desugar] {ours_size} bytes ===\n",
            machine.path, twin.size
        ),
        None => format!(
            "=== {}: #[desugar] {ours_size} bytes (no future of `{}_rustc` in this target) ===\n",
            machine.path,
            machine.name()
        ),
    };
    if machine.instances > 1 {
        let _ = writeln!(
            out,
            "(one of the {} instances of this generic fn)",
            machine.instances
        );
    }
    let blocks = blocks(machine);
    let width = |side: fn(&(Rows, Rows)) -> &Rows| {
        let rows = || blocks.iter().flat_map(|block| side(block).iter());
        let label = rows()
            .map(|(label, _)| label.chars().count())
            .max()
            .unwrap_or(0);
        let value = rows().map(|(_, value)| value.len()).max().unwrap_or(0);
        (label, value)
    };
    let (left_label, left_value) = width(|block| &block.0);
    let (right_label, right_value) = width(|block| &block.1);
    for (left, right) in &blocks {
        for row in 0..left.len().max(right.len()) {
            let cell = |rows: &Rows, label_width: usize, value_width: usize| match rows.get(row) {
                Some((label, value)) => format!("{label:label_width$}  {value:>value_width$}"),
                None => " ".repeat(label_width + 2 + value_width),
            };
            let right = cell(right, right_label, right_value);
            // Without a twin, the left side is left out.
            let line = match machine.twin {
                Some(_) => format!("{}   {right}", cell(left, left_label, left_value)),
                None => right,
            };
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    out
}

/// The blocks of rows, each a pair (rustc's rows, ours).
fn blocks(machine: &Machine<'_>) -> Vec<(Rows, Rows)> {
    let twin = machine.twin;
    let state = machine.state;
    let mut blocks = vec![(
        twin.map(|twin| {
            vec![
                (
                    format!("rustc: {}_rustc", machine.name()),
                    twin.size.to_string(),
                ),
                row("  align", twin.align),
            ]
        })
        .unwrap_or_default(),
        ours_total(machine),
    )];
    if twin.is_some_and(|twin| twin.discriminant.is_some()) || state.discriminant.is_some() {
        // Without a discriminant of its own, the tag is in a niche: values
        // a field never takes.
        let discriminant = |ty: &TypeSize| match ty.discriminant {
            Some(size) => vec![row("discriminant", size)],
            None => vec![row("discriminant (niche)", 0)],
        };
        blocks.push((
            twin.map(discriminant).unwrap_or_default(),
            discriminant(state),
        ));
    }
    for name in variant_names(twin, state) {
        let variant = |ty: &TypeSize| -> Rows {
            let Some(variant) = ty.variant(&name) else {
                return Vec::new();
            };
            let mut rows = vec![row(&name, variant.size)];
            rows.extend(variant.entries.iter().map(entry));
            rows
        };
        blocks.push((twin.map(variant).unwrap_or_default(), variant(state)));
    }
    let end_padding = |ty: &TypeSize| -> Rows {
        match ty.end_padding {
            0 => Vec::new(),
            size => vec![row("end padding", size)],
        }
    };
    blocks.push((
        twin.map(end_padding).unwrap_or_default(),
        end_padding(state),
    ));
    if let Some(homes) = machine.homes {
        let mut rows = vec![row("homes (pinned)", homes.size)];
        rows.extend(homes.fields.iter().map(entry));
        blocks.push((Vec::new(), rows));
    }
    blocks.retain(|(left, right)| !(left.is_empty() && right.is_empty()));
    blocks
}

/// The desugared future's total: its size, alignment and what `Machine`
/// holds (the state enum, the homes, the step closure).
fn ours_total(machine: &Machine<'_>) -> Rows {
    let future = machine.future.unwrap_or(machine.state);
    let mut rows = vec![
        (
            format!("#[desugar]: {}", machine.name()),
            future.size.to_string(),
        ),
        row("  align", future.align),
    ];
    if machine.future.is_some() {
        rows.extend(future.fields.iter().map(entry));
    }
    rows
}

/// A field (`  upvar a`, with `__self` shown as `self`, as the states table
/// names it) or padding, indented under its variant.
fn entry(entry: &Entry) -> (String, String) {
    match entry {
        Entry::Field { kind, name, size } => {
            let name = if name == "__self" { "self" } else { name };
            row(&format!("  {kind} {name}"), *size)
        }
        Entry::Padding(size) => row("  padding", *size),
    }
}

fn row(label: &str, size: u64) -> (String, String) {
    (label.to_owned(), size.to_string())
}

/// The variants of both sides, in the machine's order: `Unresumed`,
/// `Suspend0`, `Suspend1`, …, `Returned`, `Panicked`, then any other.
fn variant_names(twin: Option<&TypeSize>, state: &TypeSize) -> Vec<String> {
    let mut names: Vec<String> = twin
        .into_iter()
        .chain([state])
        .flat_map(|ty| ty.variants.iter().map(|variant| variant.name.clone()))
        .collect();
    names.sort_by_key(|name| rank(name));
    names.dedup();
    names
}

fn rank(name: &str) -> (u8, u64, String) {
    match name {
        "Unresumed" => (0, 0, String::new()),
        "Returned" => (2, 0, String::new()),
        "Panicked" => (3, 0, String::new()),
        _ => match name.strip_prefix("Suspend").and_then(|n| n.parse().ok()) {
            Some(n) => (1, n, String::new()),
            None => (4, 0, name.to_owned()),
        },
    }
}
