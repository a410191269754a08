//! `Inspect::layout` reads each kept value's type from the `State` impl's
//! `FieldTypes`, a type (a balanced tree of `Row`s of `Field`s) rather than
//! a `match` with a call per field (BENCHMARKS.md, "Build time"). Every
//! field of every state reports its own type, an index past the end the
//! layout of `()`, and a machine with more states than rustc's recursion
//! limit (128) builds: the tree nests as deep as the logarithm of the count.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no larger,
//! and `Send` as the twin is.

use std::any::type_name;
use std::mem::{align_of, size_of};

use desugar::Inspect;
use desugar::desugar;
use desugar::harness::{Leaf, Report, assert_same};
use desugar::inspect::FieldLayout;

/// Compares the machine with its twin, and fails if it is larger; returns
/// the outcome.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

fn layout_of<T>() -> FieldLayout {
    FieldLayout {
        size: size_of::<T>(),
        align: align_of::<T>(),
        type_name: type_name::<T>(),
    }
}

/// Five values of five types, kept across different awaits.
#[desugar]
async fn five_types(seed: u8) -> usize {
    let bytes = [seed; 3];
    let short = Leaf::new("a").pending(1).ready(u16::from(seed)).await;
    let text = String::from("five");
    let list: Vec<u32> = vec![1, 2];
    let pair = (seed, 7u64);
    Leaf::new("b").pending(1).ready(()).await;
    let more = Leaf::new("c").pending(1).ready(list.len()).await;
    bytes.len() + usize::from(short) + text.len() + more + pair.1 as usize
}

#[test]
fn every_field_reports_its_own_type() {
    let future = five_types(3);
    let info = future.info();
    let layout = future.layout();
    let expected = |name: &str| match name {
        "seed" => Some(layout_of::<u8>()),
        "bytes" => Some(layout_of::<[u8; 3]>()),
        "short" => Some(layout_of::<u16>()),
        "text" => Some(layout_of::<String>()),
        "list" => Some(layout_of::<Vec<u32>>()),
        "pair" => Some(layout_of::<(u8, u64)>()),
        _ => None,
    };
    let mut checked = 0;
    for (s, state) in info.states().enumerate() {
        let count = state.fields().count();
        for (f, field) in state.fields().enumerate() {
            if let Some(want) = expected(field.name) {
                assert_eq!(layout.field(s, f), want, "{} in {}", field.name, state.name);
                checked += 1;
            }
        }
        assert_eq!(layout.field(s, count), layout_of::<()>(), "{}", state.name);
    }
    assert!(checked >= 8, "{layout}");
    let states = info.states().count();
    assert_eq!(layout.field(states, 0), layout_of::<()>());
    both_send(&five_types(3), &five_types_rustc(3));
    same_and_no_larger(assert_same(|| five_types(3), || five_types_rustc(3)));
}

/// One await per literal: 130 suspend states, each keeping `total`.
macro_rules! many_awaits {
    ($($n:literal)*) => {
        #[desugar]
        async fn many_awaits(start: u32) -> u32 {
            let mut total = start;
            $(total += Leaf::new("s").ready($n).await;)*
            total
        }
    };
}

many_awaits!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 100 101 102 103 104 105 106 107 108 109 110 111 112 113 114 115 116 117 118 119 120 121 122 123 124 125 126 127 128 129 130);

#[test]
fn more_states_than_the_recursion_limit() {
    let future = many_awaits(1);
    let info = future.info();
    let layout = future.layout();
    let states = info.states().count();
    assert!(states > 128, "{states}");
    let (last, state) = info
        .states()
        .enumerate()
        .find(|(_, s)| s.name == "Suspend129")
        .expect("a state per await");
    let total = state.fields().position(|f| f.name == "total").unwrap();
    assert_eq!(layout.field(last, total), layout_of::<u32>());
    both_send(&many_awaits(1), &many_awaits_rustc(1));
    same_and_no_larger(assert_same(|| many_awaits(1), || many_awaits_rustc(1)));
}
