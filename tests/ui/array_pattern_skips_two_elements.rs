// An array pattern skipping two elements or more with `_` beside an
// element it moves out, on an array kept across an await that follows:
// rustc drops what is left of the array in an order of its own, so the
// build stops at the last skipped element saying to name the others; one
// skipped element, or `Copy` elements, build
// (`tests/skipped_fields_and_elements.rs`).
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn local(names: [String; 3]) -> usize {
    let [first, _, _] = names;
    ready().await;
    first.len()
}

#[desugar]
async fn arm(names: [String; 4]) -> usize {
    match names {
        [_, second, _, _] => {
            ready().await;
            second.len()
        }
    }
}

// A `..` among the elements skips how many the compiler knows: the same
// message, whose advice (name the elements) builds where `_` for each
// would not.
#[desugar]
async fn rest(names: [String; 3]) -> usize {
    let [first, ..] = names;
    ready().await;
    first.len()
}

fn main() {}
