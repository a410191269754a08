//! The rows of the size tables: every seed fn, and the size-stress set.

use crate::leaves::ready;
use crate::seeds::{seed_000, seed_001, seed_002, seed_003, seed_004};
use crate::size_table::{Row, Table};
use crate::stress::{self, nesting};
use crate::workloads::{desugared_chain, rustc_chain};

/// Every async fn of the seed examples.
pub fn seeds() -> Table {
    use seed_002::{boxing, large, nested, real_sizes, self_reference, transformation};
    Table {
        title: "Seed examples",
        rows: vec![
            Row::new(
                "seed_000::fetch_and_parse",
                seed_000::fetch_and_parse("/answer"),
                seed_000::fetch_and_parse_rustc("/answer"),
            ),
            Row::new(
                "seed_001::fetch_two",
                seed_001::fetch_two("a", "b"),
                seed_001::fetch_two_rustc("a", "b"),
            ),
            Row::new(
                "seed_002::process",
                transformation::process(" hi ".into()),
                transformation::process_rustc(" hi ".into()),
            ),
            Row::new(
                "seed_002::large_future",
                large::large_future(),
                large::large_future_rustc(),
            ),
            Row::new(
                "seed_002::also_large",
                large::also_large(),
                large::also_large_rustc(),
            ),
            Row::new(
                "seed_002::self_ref_example",
                self_reference::self_ref_example(),
                self_reference::self_ref_example_rustc(),
            ),
            Row::new(
                "seed_002::small_future",
                real_sizes::small_future(),
                real_sizes::small_future_rustc(),
            ),
            Row::new(
                "seed_002::larger_future",
                real_sizes::larger_future(),
                real_sizes::larger_future_rustc(),
            ),
            Row::new(
                "seed_002::measure",
                real_sizes::measure(),
                real_sizes::measure_rustc(),
            ),
            Row::new("seed_002::inner", nested::inner(), nested::inner_rustc()),
            Row::new("seed_002::outer", nested::outer(), nested::outer_rustc()),
            Row::new(
                "seed_002::large_caller",
                boxing::large_caller(),
                boxing::large_caller_rustc(),
            ),
            Row::new(
                "seed_002::large_async_fn",
                boxing::large_async_fn(),
                boxing::large_async_fn_rustc(),
            ),
            Row::new(
                "seed_003::countdown",
                seed_003::countdown(),
                seed_003::countdown_rustc(),
            ),
            Row::new(
                "seed_003::delay",
                seed_003::delay(),
                seed_003::delay_rustc(),
            ),
            Row::new(
                "seed_003::delayed_values",
                seed_003::delayed_values(),
                seed_003::delayed_values_rustc(),
            ),
            Row::new(
                "seed_003::database_query",
                seed_003::database_query(),
                seed_003::database_query_rustc(),
            ),
            Row::new(
                "seed_004::my_async_fn",
                seed_004::my_async_fn(),
                seed_004::my_async_fn_rustc(),
            ),
        ],
    }
}

/// The size-stress set.
pub fn stress() -> Table {
    Table {
        title: "Size-stress set",
        rows: vec![
            Row::new(
                "array_carried",
                stress::array_carried(),
                stress::array_carried_rustc(),
            ),
            Row::new(
                "array_borrowed",
                stress::array_borrowed(),
                stress::array_borrowed_rustc(),
            ),
            Row::new(
                "arrays_in_sequence",
                stress::arrays_in_sequence(),
                stress::arrays_in_sequence_rustc(),
            ),
            Row::new(
                "borrowed_arrays_in_sequence",
                stress::borrowed_arrays_in_sequence(),
                stress::borrowed_arrays_in_sequence_rustc(),
            ),
            Row::new(
                "borrowed_arrays_in_branches",
                stress::borrowed_arrays_in_branches(true),
                stress::borrowed_arrays_in_branches_rustc(true),
            ),
            Row::new(
                "arrays_in_match_arms",
                stress::arrays_in_match_arms(0),
                stress::arrays_in_match_arms_rustc(0),
            ),
            Row::new(
                "large_argument",
                stress::large_argument([1; 1024]),
                stress::large_argument_rustc([1; 1024]),
            ),
            Row::new(
                "large_argument_borrowed",
                stress::large_argument_borrowed([1; 1024]),
                stress::large_argument_borrowed_rustc([1; 1024]),
            ),
            Row::new(
                "large_argument_used_before",
                stress::large_argument_used_before([1; 1024]),
                stress::large_argument_used_before_rustc([1; 1024]),
            ),
            Row::new(
                "large_argument_and_local",
                stress::large_argument_and_local([1; 1024]),
                stress::large_argument_and_local_rustc([1; 1024]),
            ),
            Row::new(
                "many_sequential_awaits",
                stress::many_sequential_awaits(1),
                stress::many_sequential_awaits_rustc(1),
            ),
            Row::new(
                "loop_borrowing_buffer",
                stress::loop_borrowing_buffer(4),
                stress::loop_borrowing_buffer_rustc(4),
            ),
            Row::new(
                "loop_array_per_iteration",
                stress::loop_array_per_iteration(4),
                stress::loop_array_per_iteration_rustc(4),
            ),
            Row::new(
                "loop_filling_vec",
                stress::loop_filling_vec(4),
                stress::loop_filling_vec_rustc(4),
            ),
            Row::new(
                "nest9 (10 levels, 32-byte frames)",
                nesting::desugared::nest9(1),
                nesting::rustc::nest9(1),
            ),
            Row::new(
                "level9 (10 levels, generic leaf)",
                desugared_chain::level9(ready(1u64)),
                rustc_chain::level9(ready(1u64)),
            ),
        ],
    }
}
