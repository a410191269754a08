//! The desugared fns among the types rustc laid out, each with its twin.
//!
//! For a `#[desugar] async fn fetch_two` rustc lays out three types of
//! interest (the first two once per instance of a generic fn):
//!
//! - `path::fetch_two::__State<..>`: the state enum;
//! - `desugar::__private::Machine<path::fetch_two::__State<..>, H, {closure}>`:
//!   the whole future, where `H` is the homes struct
//!   (`path::fetch_two::__Homes<..>`) or `()`;
//! - `{async fn body of path::fetch_two_rustc()}`: rustc's own future for
//!   the untouched twin.

use std::collections::{BTreeMap, HashMap};

use super::type_names::{arguments, fn_path, split_generics};
use super::type_sizes::{Entry, TypeSize};

/// One desugared fn's future, and rustc's for its twin.
pub struct Machine<'t> {
    /// The fn's path as rustc names it, without generic arguments
    /// (`seeds::seed_001::fetch_two`, `Counter::bump`, `W::hi`).
    pub path: String,
    /// `Machine<__State<..>, H, _>`: state, homes and step closure.
    pub future: Option<&'t TypeSize>,
    pub state: &'t TypeSize,
    /// `__Homes<..>`, when some local is borrowed across an await.
    pub homes: Option<&'t TypeSize>,
    /// How many instances of the state enum rustc laid out (more than one
    /// for a generic fn: the one beside the twin's is shown).
    pub instances: usize,
    /// `{async fn body of <path>_rustc()}`, if this target lays it out.
    pub twin: Option<&'t TypeSize>,
}

impl Machine<'_> {
    /// Whether `name` names this fn: its path or the end of it
    /// (`fetch_two`, `Client::get`).
    pub fn is_named(&self, name: &str) -> bool {
        self.path == name || self.path.ends_with(&format!("::{name}"))
    }

    /// The fn's own name.
    pub fn name(&self) -> &str {
        self.path.rsplit("::").next().unwrap_or(&self.path)
    }
}

/// Input: the types rustc laid out, largest first. Output: every desugared
/// fn among them, by path.
pub fn find(types: &[TypeSize]) -> Vec<Machine<'_>> {
    let by_name: HashMap<&str, &TypeSize> = types.iter().map(|ty| (ty.name.as_str(), ty)).collect();
    let mut states: BTreeMap<String, Vec<&TypeSize>> = BTreeMap::new();
    let mut twins: BTreeMap<String, Vec<&TypeSize>> = BTreeMap::new();
    // The first (largest) `Machine` of each state enum, and its homes type.
    let mut futures: HashMap<&str, (&TypeSize, &str)> = HashMap::new();
    for ty in types {
        if let Some(path) = state_path(&ty.name) {
            states.entry(path).or_default().push(ty);
        } else if let Some(path) = twin_path(&ty.name) {
            twins.entry(path).or_default().push(ty);
        } else if let Some((state, homes)) = machine_parts(&ty.name) {
            futures.entry(state).or_insert((ty, homes));
        }
    }
    // A twin whose path differs from its machine's: pair by name when only
    // one fits.
    for path in states.keys() {
        if twins.contains_key(path) {
            continue;
        }
        let name = path.rsplit("::").next().unwrap_or(path);
        let suffix = format!("::{name}");
        let fits: Vec<&String> = twins
            .keys()
            .filter(|twin| {
                !states.contains_key(*twin) && (*twin == name || twin.ends_with(&suffix))
            })
            .collect();
        if let [only] = fits.as_slice() {
            let only = (*only).clone();
            let instances = twins.remove(&only).unwrap_or_default();
            twins.insert(path.clone(), instances);
        }
    }
    states
        .into_iter()
        .map(|(path, instances)| {
            let twin_instances = twins.remove(&path).unwrap_or_default();
            let (state, twin) = pick(&instances, &twin_instances);
            let future = futures.get(state.name.as_str()).copied();
            let homes = future.and_then(|(_, homes)| by_name.get(homes).copied());
            let future = future.map(|(future, _)| future);
            Machine {
                path,
                future,
                state,
                homes,
                instances: instances.len(),
                twin,
            }
        })
        .collect()
}

/// The instance of the state enum to show, and the twin's beside it: of a
/// generic fn, the largest pair whose arguments have the same sizes (the
/// same instance, most likely); else the largest of each.
fn pick<'t>(
    states: &[&'t TypeSize],
    twins: &[&'t TypeSize],
) -> (&'t TypeSize, Option<&'t TypeSize>) {
    for &twin in twins {
        let arguments = argument_sizes(twin);
        if let Some(&state) = states
            .iter()
            .find(|state| argument_sizes(state) == arguments)
        {
            return (state, Some(twin));
        }
    }
    (states[0], twins.first().copied())
}

/// The sizes of what `Unresumed` holds (the arguments), sorted.
fn argument_sizes(ty: &TypeSize) -> Vec<u64> {
    let mut sizes: Vec<u64> = ty
        .variant("Unresumed")
        .into_iter()
        .flat_map(|variant| &variant.entries)
        .filter_map(|entry| match entry {
            Entry::Field { size, .. } => Some(*size),
            Entry::Padding(_) => None,
        })
        .collect();
    sizes.sort_unstable();
    sizes
}

/// `a::f` for `a::f::__State<..>`.
fn state_path(name: &str) -> Option<String> {
    let (path, _) = split_generics(name);
    path.strip_suffix("::__State").map(fn_path)
}

/// `a::f` for `{async fn body of a::f_rustc()}`.
fn twin_path(name: &str) -> Option<String> {
    let body = name.strip_prefix("{async fn body of ")?.strip_suffix('}')?;
    let path = fn_path(body.strip_suffix("()").unwrap_or(body));
    path.strip_suffix("_rustc").map(str::to_owned)
}

/// The state enum and the homes type of `…::Machine<State, Homes, Step>`,
/// when `State` is a desugared state enum.
fn machine_parts(name: &str) -> Option<(&str, &str)> {
    let (path, args) = split_generics(name);
    if !path.ends_with("::Machine") {
        return None;
    }
    let args = arguments(args?);
    let (state, homes) = (*args.first()?, *args.get(1)?);
    state_path(state)?;
    Some((state, homes))
}
