//! The machine described: its states, what each keeps, and a Mermaid
//! diagram of the transitions. The expansion prints it into the state enum's
//! `State` impl (for `Inspect::info` at run time) and into its doc comment;
//! `cargo desugar` prints it without compiling anything.
//!
//! Output, for seed 001's `fetch_two`:
//! ```text
//! stateDiagram-v2
//!     [*] --> Unresumed
//!     Unresumed --> Suspend0: fetch(a).await
//!     Suspend0 --> Suspend0: Pending
//!     Suspend0 --> Suspend1: fetch(b).await
//!     Suspend0 --> Returned: return
//!     Suspend1 --> Suspend1: Pending
//!     Suspend1 --> Returned: return
//!     Returned --> [*]
//! ```

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::layout::Layout;
use super::step::Transitions;
use crate::ir::Shown;
use crate::names;

/// A machine, described.
#[derive(Clone, Debug)]
pub struct Description {
    /// The fn's name.
    pub name: String,
    /// `Unresumed`, `Suspend0`, …, `Returned`, `Panicked`.
    pub states: Vec<StateDescription>,
    /// A Mermaid `stateDiagram-v2`.
    pub mermaid: String,
}

/// One state of a described machine.
#[derive(Clone, Debug)]
pub struct StateDescription {
    pub name: String,
    /// The await a `SuspendN` state stands for.
    pub awaits: Option<String>,
    /// The values it keeps, in the order the variant lists (and drops) them.
    pub fields: Vec<FieldDescription>,
}

/// How a state keeps a value (the run-time twin of this is
/// `desugar::inspect::FieldKind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// The future being awaited, pinned in place.
    Awaitee,
    /// An argument, before the first poll.
    Argument,
    /// A local moved into the state at the await and out of it after.
    Carried,
    /// A local borrowed across the await, kept in the pinned homes area.
    Homed,
    /// A local borrowed across this await and no other, kept pinned in
    /// this variant.
    InPlace,
}

impl FieldKind {
    /// Its letter in the encoded description.
    fn code(self) -> char {
        match self {
            FieldKind::Awaitee => 'W',
            FieldKind::Argument => 'A',
            FieldKind::Carried => 'C',
            FieldKind::Homed => 'H',
            FieldKind::InPlace => 'I',
        }
    }
}

/// One value a state keeps.
#[derive(Clone, Debug)]
pub struct FieldDescription {
    /// The local's name; for a temporary, the code that made it.
    pub name: String,
    /// A value the user's code did not name (a temporary, a value awaited
    /// or made before a later await of its statement): `name` is the code
    /// that made it (`Probe::new("t")`), not the expansion's hidden name.
    pub temporary: bool,
    pub kind: FieldKind,
    /// The type parameter the enum gives it (`T0`, `F1`).
    pub param: String,
    /// A homed or in-place value the state keeps a one-byte flag for,
    /// saying whether a move took it out; not one that always has a value
    /// there.
    pub flag: bool,
}

impl FieldDescription {
    /// Its letter in the encoded description: its kind's, in lower case
    /// for a homed or in-place value kept without a flag.
    fn code(&self) -> char {
        let code = self.kind.code();
        if matches!(self.kind, FieldKind::Homed | FieldKind::InPlace) && !self.flag {
            code.to_ascii_lowercase()
        } else {
            code
        }
    }
}

impl Description {
    pub(crate) fn new(layout: &Layout, transitions: &[Transitions]) -> Self {
        let mut states = vec![StateDescription {
            name: "Unresumed".to_owned(),
            awaits: None,
            fields: layout
                .params()
                .iter()
                .map(|&l| FieldDescription {
                    name: shown_name(layout.field(l)),
                    temporary: false,
                    kind: FieldKind::Argument,
                    param: layout.param(l),
                    flag: false,
                })
                .collect(),
        }];
        for k in 0..layout.suspensions() {
            let mut fields = vec![FieldDescription {
                name: "__awaitee".to_owned(),
                temporary: false,
                kind: FieldKind::Awaitee,
                param: format!("F{k}"),
                flag: false,
            }];
            fields.extend(layout.variant_fields(k).map(|l| FieldDescription {
                name: match layout.shown(l) {
                    Some(Shown::Value(text) | Shown::Name(text)) => text.clone(),
                    None => shown_name(layout.field(l)),
                },
                temporary: matches!(layout.shown(l), Some(Shown::Value(_))),
                kind: if layout.in_place(l) == Some(k) {
                    FieldKind::InPlace
                } else if layout.is_homed(l) {
                    FieldKind::Homed
                } else {
                    FieldKind::Carried
                },
                param: layout.param_name_at(l, k),
                // No byte where the edition says whether it has a value
                // (`__private::Edition`).
                flag: layout.is_homed(l)
                    && !layout.is_live_at(l, k)
                    && layout.kept_in_2021_only(l, k).is_none(),
            }));
            states.push(StateDescription {
                name: format!("Suspend{k}"),
                awaits: Some(layout.await_source(k).to_owned()),
                fields,
            });
        }
        for name in ["Returned", "Panicked"] {
            states.push(StateDescription {
                name: name.to_owned(),
                awaits: None,
                fields: Vec::new(),
            });
        }
        let mermaid = mermaid(layout, transitions);
        Description {
            name: layout.fn_name().to_owned(),
            states,
            mermaid,
        }
    }

    /// `State::INFO` and `State::FieldTypes` for the generated impl, which
    /// `State::info` and `State::field_layout` read. The description is one
    /// string literal, which rustc checks at no cost, where tables of
    /// structs cost it as much as a fn body; the fields' types are one type,
    /// where a `match` with a generic call per field is code to check.
    /// Before: `fn info() -> &'static MachineInfo { static INFO: MachineInfo = MachineInfo::__new(".."); &INFO }`
    ///         `fn field_layout(state: usize, field: usize) -> FieldLayout { match (state, field) { (0, 0) => FieldLayout::of::<T0>(), .. } }`
    /// After:  `const INFO: MachineInfo = MachineInfo::__new("..");`
    ///         `type FieldTypes = (Row<Field<T0>>, Row<(Field<F0>, Field<T1>)>);`
    pub(crate) fn impl_items(&self) -> TokenStream {
        let private = names::private();
        let encoded = self.encoded();
        let rows = self.states.iter().map(|state| {
            let fields = state.fields.iter().map(|field| {
                let param = format_ident!("{}", field.param);
                quote!(#private::Field<#param>)
            });
            let fields = balanced(fields.collect());
            quote!(#private::Row<#fields>)
        });
        let states = balanced(rows.collect());
        quote! {
            const INFO: #private::MachineInfo = #private::MachineInfo::__new(#encoded);
            type FieldTypes = #states;
        }
    }

    /// The description in the format `desugar::inspect` reads (its
    /// `encoding` module): strings with their byte length, counts, and a
    /// letter per field kind, after a `T` for a temporary.
    ///
    /// Before: `fetch_two` (282 bytes of Mermaid), `Unresumed { a, b }`, `Suspend0 { __awaitee, b }` at `fetch(a).await`, …
    /// After:  `9:fetch_two282:stateDiagram-v2…5;9:Unresumed-2;A1:aA1:b8:Suspend0+14:fetch(a).await2;W9:__awaiteeC1:b…`
    /// (and a temporary kept in place, without a flag: `Ti15:Probe::new("t")`)
    fn encoded(&self) -> String {
        fn string(out: &mut String, text: &str) {
            let _ = write!(out, "{}:{text}", text.len());
        }
        let mut out = String::new();
        string(&mut out, &self.name);
        string(&mut out, &self.mermaid);
        let _ = write!(out, "{};", self.states.len());
        for state in &self.states {
            string(&mut out, &state.name);
            match &state.awaits {
                Some(text) => {
                    out.push('+');
                    string(&mut out, text);
                }
                None => out.push('-'),
            }
            let _ = write!(out, "{};", state.fields.len());
            for field in &state.fields {
                if field.temporary {
                    out.push('T');
                }
                out.push(field.code());
                string(&mut out, &field.name);
            }
        }
        out
    }
}

fn mermaid(layout: &Layout, transitions: &[Transitions]) -> String {
    let mut out = String::from("stateDiagram-v2\n    [*] --> Unresumed\n");
    for (arm, arm_transitions) in transitions.iter().enumerate() {
        let from = if arm == 0 {
            "Unresumed".to_owned()
        } else {
            format!("Suspend{}", arm - 1)
        };
        if arm > 0 {
            let _ = writeln!(out, "    {from} --> {from}: Pending");
        }
        for &k in &arm_transitions.to {
            let _ = writeln!(out, "    {from} --> Suspend{k}: {}", layout.await_source(k));
        }
        if arm_transitions.returns {
            let _ = writeln!(out, "    {from} --> Returned: return");
        }
    }
    out.push_str("    Returned --> [*]\n");
    out
}

/// A field's name as users know it: the receiver is `self` in their code
/// (and in rustc's `-Zprint-type-sizes`), whatever the expansion calls it.
fn shown_name(field: &syn::Ident) -> String {
    crate::names::shown(&field.to_string()).to_owned()
}

/// `items` as a balanced tree of pairs, `()` for none: the shape
/// `__private::FieldTree` and `StateTree` read, nested only as deep as the
/// logarithm of the count.
fn balanced(mut items: Vec<TokenStream>) -> TokenStream {
    match items.len() {
        0 => quote!(()),
        1 => items.remove(0),
        len => {
            let right = balanced(items.split_off(len / 2));
            let left = balanced(items);
            quote!((#left, #right))
        }
    }
}
