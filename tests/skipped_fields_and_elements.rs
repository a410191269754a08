//! Parts skipped with `_` beside a part moved out, kept across an await
//! that follows, where the order what is left of the value drops in is
//! not the order the pattern lists them in, each compared with rustc's
//! twin (`assert_same`: every cancellation point, with and without extra
//! `Pending`s), no larger, and `Send` where the twin is.
//!
//! - A struct pattern skipping two fields or more (`Frame { payload, kind:
//!   _, trailer: _ }`, what the message for `..` tells to write): rustc
//!   drops the skipped fields in the order the struct declares them. Where
//!   at most one of them has something to drop, the order cannot show, and
//!   they are bound apart as one skipped field is; the build stopped with
//!   rustc's E0507 before. Where two of them drop, the build stops at the
//!   pattern (`tests/ui/struct_pattern_skips_two_dropping_fields.rs`).
//! - An array pattern skipping one element (`let [a, _] = pair;`, `[_, b,
//!   c]` in a `match`, `([a, _], _)`): what is left of the array is that
//!   element, bound apart as a tuple's part is; E0508 before. Skipping
//!   more, the build stops where an element moves
//!   (`tests/ui/array_pattern_skips_two_elements.rs`); `Copy` elements
//!   move nothing and build.
//! - A pattern skipping parts with `..` beside a part moved out, in an arm
//!   that does not await, with no await after the `match` (`(a, ..) if
//!   quick => ..` beside `(a, _) => { x.await; .. }`): nothing it leaves
//!   is kept across an await, so it builds as written; the check for a
//!   `..` stopped the build there.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

pub struct Frame {
    pub kind: u8,
    pub payload: Probe,
    pub trailer: Probe,
    pub seq: u32,
}

fn frame() -> Frame {
    Frame {
        kind: 7,
        payload: Probe::new("payload"),
        trailer: Probe::new("trailer"),
        seq: 3,
    }
}

#[desugar]
async fn frame_let(f: Frame) -> u32 {
    let Frame {
        payload,
        kind: _,
        trailer: _,
        seq,
    } = f;
    Leaf::new("a").pending(1).ready(()).await;
    payload.touch();
    seq
}

#[desugar]
async fn frame_out_of_order(f: Option<Frame>) -> u32 {
    match f {
        Some(Frame {
            seq: _,
            trailer: _,
            payload,
            kind: _,
        }) => {
            Leaf::new("a").pending(1).ready(()).await;
            payload.touch();
            1
        }
        None => 0,
    }
}

#[desugar]
async fn frame_if_let(f: Option<Frame>) -> u32 {
    if let Some(Frame {
        payload: _,
        kind: _,
        trailer,
        seq,
    }) = f
    {
        Leaf::new("a").pending(1).ready(()).await;
        trailer.touch();
        return seq;
    }
    0
}

#[test]
fn struct_patterns_skipping_fields_of_which_one_drops() {
    same_and_no_larger(|| frame_let(frame()), || frame_let_rustc(frame()));
    both_send(&frame_let(frame()), &frame_let_rustc(frame()));
    for f in [|| Some(frame()), || None] {
        same_and_no_larger(|| frame_out_of_order(f()), || frame_out_of_order_rustc(f()));
        same_and_no_larger(|| frame_if_let(f()), || frame_if_let_rustc(f()));
    }
    both_send(&frame_out_of_order(None), &frame_out_of_order_rustc(None));
    both_send(&frame_if_let(None), &frame_if_let_rustc(None));
}

fn probes<const N: usize>(tag: &str) -> [Probe; N] {
    std::array::from_fn(|at| Probe::new(format!("{tag}{at}")))
}

#[desugar]
async fn first_of_pair(pair: [Probe; 2]) -> u32 {
    let [a, _] = pair;
    Leaf::new("a").pending(1).ready(()).await;
    a.touch();
    1
}

#[desugar]
async fn last_two(three: [Probe; 3]) -> u32 {
    match three {
        [_, b, c] => {
            Leaf::new("a").pending(1).ready(()).await;
            c.touch();
            b.touch();
            2
        }
    }
}

#[desugar]
async fn array_in_tuple(both: ([Probe; 2], Probe)) -> u32 {
    let ([a, _], _) = both;
    Leaf::new("a").pending(1).ready(()).await;
    a.touch();
    1
}

#[desugar]
async fn copied_elements(bytes: [u8; 4]) -> u8 {
    let [hi, _, _, lo] = bytes;
    let n = Leaf::new("a").pending(1).ready(hi).await;
    n ^ lo
}

#[desugar]
async fn rest_after_the_last_await(f: Frame, pair: (Probe, Probe)) -> u32 {
    let n = Leaf::new("a").pending(1).ready(1).await;
    let (first, ..) = pair;
    first.touch();
    match f {
        Frame { payload, .. } if n > 0 => {
            payload.touch();
            n
        }
        Frame { seq, .. } => seq,
    }
}

#[desugar]
async fn rest_in_an_arm_that_does_not_await(pair: (Probe, Probe), quick: bool) -> u32 {
    match pair {
        (a, ..) if quick => {
            a.touch();
            0
        }
        (a, _) => {
            Leaf::new("a").pending(1).ready(()).await;
            a.touch();
            1
        }
    }
}

#[test]
fn rests_with_no_await_after_them() {
    let pair = || (Probe::new("x"), Probe::new("y"));
    for quick in [true, false] {
        same_and_no_larger(
            || rest_in_an_arm_that_does_not_await(pair(), quick),
            || rest_in_an_arm_that_does_not_await_rustc(pair(), quick),
        );
    }
    both_send(
        &rest_in_an_arm_that_does_not_await(pair(), true),
        &rest_in_an_arm_that_does_not_await_rustc(pair(), true),
    );
    same_and_no_larger(
        || rest_after_the_last_await(frame(), pair()),
        || rest_after_the_last_await_rustc(frame(), pair()),
    );
    both_send(
        &rest_after_the_last_await(frame(), pair()),
        &rest_after_the_last_await_rustc(frame(), pair()),
    );
}

#[test]
fn array_patterns_skipping_one_element() {
    same_and_no_larger(
        || first_of_pair(probes("p")),
        || first_of_pair_rustc(probes("p")),
    );
    both_send(
        &first_of_pair(probes("p")),
        &first_of_pair_rustc(probes("p")),
    );
    same_and_no_larger(|| last_two(probes("p")), || last_two_rustc(probes("p")));
    both_send(&last_two(probes("p")), &last_two_rustc(probes("p")));
    let both = || (probes("p"), Probe::new("t"));
    same_and_no_larger(|| array_in_tuple(both()), || array_in_tuple_rustc(both()));
    both_send(&array_in_tuple(both()), &array_in_tuple_rustc(both()));
    same_and_no_larger(
        || copied_elements([1, 2, 3, 4]),
        || copied_elements_rustc([1, 2, 3, 4]),
    );
}
