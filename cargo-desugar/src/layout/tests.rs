//! The reading of rustc's output on captured samples
//! (`tests/fixtures/layout/*.type-sizes`): seed 001's example, and the
//! fixture project with a fn of each shape.

use super::machines::{self, Machine};
use super::side_by_side;
use super::type_sizes::{self, Entry, TypeSize};

const SEED_001: &str = include_str!("../../tests/fixtures/layout/seed_001_fetch_two.type-sizes");
const PROJECT: &str = include_str!("../../tests/fixtures/layout/project.type-sizes");

fn field(kind: &str, name: &str, size: u64) -> Entry {
    Entry::Field {
        kind: kind.to_owned(),
        name: name.to_owned(),
        size,
    }
}

/// The size of the field `name` of a struct.
fn field_size(ty: &TypeSize, name: &str) -> Option<u64> {
    ty.fields.iter().find_map(|entry| match entry {
        Entry::Field {
            name: field, size, ..
        } if field == name => Some(*size),
        _ => None,
    })
}

fn find<'t>(machines: &'t [Machine<'t>], path: &str) -> &'t Machine<'t> {
    machines
        .iter()
        .find(|machine| machine.path == path)
        .unwrap_or_else(|| panic!("no machine {path}"))
}

#[test]
fn a_coroutine_block_is_read_variant_by_variant() {
    let types = type_sizes::parse(SEED_001);
    let twin = &types[0];
    assert_eq!(
        twin.name,
        "{async fn body of seeds::seed_001::fetch_two_rustc()}"
    );
    assert_eq!(
        (twin.size, twin.align, twin.discriminant),
        (168, 8, Some(1))
    );
    let names: Vec<&str> = twin.variants.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(
        names,
        ["Unresumed", "Suspend0", "Suspend1", "Returned", "Panicked"]
    );
    let suspend0 = twin.variant("Suspend0").unwrap();
    assert_eq!(suspend0.size, 143);
    assert_eq!(
        suspend0.entries,
        [
            field("upvar", "a", 16),
            field("upvar", "b", 16),
            field("local", "b", 16),
            Entry::Padding(8),
            field("local", "__awaitee", 88),
        ]
    );
    assert!(twin.fields.is_empty());
}

#[test]
fn a_struct_block_has_fields_and_an_enum_may_have_no_discriminant() {
    let types = type_sizes::parse(SEED_001);
    let future = types
        .iter()
        .find(|ty| ty.name.starts_with("desugar::__private::Machine<"))
        .unwrap();
    assert_eq!(future.size, 112);
    assert_eq!(field_size(future, "state"), Some(112));
    assert_eq!(field_size(future, "homes"), Some(0));
    assert!(future.variants.is_empty());

    let state = types
        .iter()
        .find(|ty| ty.name.starts_with("seeds::seed_001::fetch_two::__State<"))
        .unwrap();
    assert_eq!(state.discriminant, None, "the tag is in a niche");
    assert_eq!(state.variant("Returned").unwrap().size, 0);
}

#[test]
fn lines_of_other_shapes_are_skipped() {
    let text = "   Compiling x v0.1.0\nprint-type-size type: `A`: 4 bytes, alignment: 4 bytes\n\
                print-type-size     something new: 3 bytes\n\
                print-type-size     field `.x`: 4 bytes\nnot rustc\n";
    let types = type_sizes::parse(text);
    assert_eq!(
        types,
        [TypeSize {
            name: "A".to_owned(),
            size: 4,
            align: 4,
            fields: vec![field("field", "x", 4)],
            ..TypeSize::default()
        }]
    );
}

#[test]
fn seed_001_has_one_machine_with_its_twin() {
    let types = type_sizes::parse(SEED_001);
    let machines = machines::find(&types);
    assert_eq!(
        machines.len(),
        1,
        "wrappers and projections are not machines"
    );
    let machine = &machines[0];
    assert_eq!(machine.path, "seeds::seed_001::fetch_two");
    assert!(machine.is_named("fetch_two") && machine.is_named("seed_001::fetch_two"));
    assert!(!machine.is_named("two"));
    assert_eq!(machine.future.map(|f| f.size), Some(112));
    assert!(machine.state.name.contains("::fetch_two::__State<"));
    assert!(machine.homes.is_none());
    assert_eq!(machine.twin.map(|t| t.size), Some(168));
}

#[test]
fn every_shape_of_fn_meets_its_twin() {
    let types = type_sizes::parse(PROJECT);
    let machines = machines::find(&types);
    let paths: Vec<&str> = machines.iter().map(|m| m.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "Counter::bump",
            "W::hi",
            "borrow_across",
            "fetch_two",
            "generic"
        ]
    );
    for machine in &machines {
        assert!(machine.twin.is_some(), "{} has no twin", machine.path);
        assert!(machine.future.is_some(), "{} has no Machine", machine.path);
    }
    // The trait impl's twin is a method of a trait of its own.
    assert!(
        find(&machines, "W::hi")
            .twin
            .unwrap()
            .name
            .contains("GreetRustc_")
    );
}

#[test]
fn the_homes_are_found_through_the_machine() {
    let types = type_sizes::parse(PROJECT);
    let machines = machines::find(&types);
    let borrow = find(&machines, "borrow_across");
    let homes = borrow.homes.expect("borrow_across has homes");
    assert_eq!(homes.name, "borrow_across::__Homes<[u8; 64]>");
    assert_eq!(field_size(homes, "buf"), Some(64));
    assert_eq!(field_size(borrow.future.unwrap(), "homes"), Some(64));
}

#[test]
fn a_generic_fn_shows_the_instance_of_its_twin() {
    let types = type_sizes::parse(PROJECT);
    let machines = machines::find(&types);
    let generic = find(&machines, "generic");
    assert_eq!(generic.instances, 2, "u8 and String");
    assert_eq!(
        generic.twin.unwrap().name,
        "{async fn body of generic_rustc<u8>()}"
    );
    assert_eq!(
        generic.state.name,
        "generic::__State<u8, {async fn body of tick()}>"
    );
}

#[test]
fn without_a_twin_the_left_side_is_empty() {
    // seed 001's sample without its first block, rustc's twin.
    let start = SEED_001
        .find("print-type-size type: `pin_project_lite")
        .unwrap();
    let types = type_sizes::parse(&SEED_001[start..]);
    let machines = machines::find(&types);
    let text = side_by_side::render(&machines[0]);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "=== seeds::seed_001::fetch_two: #[desugar] 112 bytes \
             (no future of `fetch_two_rustc` in this target) ==="
        )
    );
    assert_eq!(lines.next(), Some("#[desugar]: fetch_two  112"));
    assert!(text.contains("\nSuspend1               112\n"), "{text}");
}
