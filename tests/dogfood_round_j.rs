//! Shapes of valid code that a dogfood run found not to build, each
//! compared with rustc's twin (`assert_same`: every cancellation point,
//! with and without extra `Pending`s), no larger, and `Send` where the twin
//! is.
//!
//! - A local named by a `macro_rules!` of the fn, called in a closure that
//!   `map` runs before an await, its result kept across the await in a
//!   `let` whose written type holds no borrow (`let out: Vec<u32> = ..`):
//!   the written type did not count for a standard container, and the
//!   local was kept in place, where the macro could not be given it
//!   (dogI3, build 10).
//! - Silent before: a unit variant or unit struct named by a path inside a
//!   struct pattern (`Job { lease: Lease::Free, payload }`, `Grant {
//!   token: auth::Token, body }`) or in parentheses in a tuple pattern
//!   (`((Lease::Free), p)`), of a type with a `Drop` impl: rustc leaves it
//!   in the value, to drop at the end of the scope; the machine took it
//!   for a part with nothing to drop and dropped it at the first
//!   suspension (dogJ3, silent 1 and 2). It is now bound apart as `_` is;
//!   where the pattern is not rewritten so (`Some(Lease::Free)` beside
//!   `Some(held)`), the build stops at the path
//!   (`tests/ui/path_of_drop_type_beside_moved_part.rs`). A path of a type
//!   without a `Drop` impl holds nothing to drop, and builds as before.
//! - A struct pattern skipping several fields in a loop body, checked for
//!   their drop order: the check's borrows kept the parts in place, where
//!   their types were not known yet (E0282, dogJ3 build 1).
//! - Parts skipped by a tuple around a struct pattern, or by two arrays
//!   one element each (`(_, Inner { b, a: _ })`, `([x, _], [_, q])`), whose
//!   drop order the pattern shows: the build stopped with the message for
//!   parts whose order it does not (dogJ3, section 3).

mod common;
use common::{Conn, both_send, conn, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

#[desugar]
async fn adjusted(items: Vec<u32>) -> Vec<u32> {
    let bias = 3;
    macro_rules! adj {
        ($v:expr) => {
            $v + bias
        };
    }
    let out: Vec<u32> = items.iter().map(|&i| adj!(i)).collect();
    Leaf::new("k").pending(1).ready(()).await;
    out
}

#[test]
fn values_of_containers_typed_as_owning() {
    same_and_no_larger(|| adjusted(vec![1, 2]), || adjusted_rustc(vec![1, 2]));
    both_send(&adjusted(vec![1]), &adjusted_rustc(vec![1]));
}

pub enum Lease {
    Free,
    Held(u32),
}

impl Drop for Lease {
    fn drop(&mut self) {
        desugar::harness::note("lease released");
    }
}

pub struct Job {
    pub lease: Lease,
    pub payload: Probe,
}

fn job(held: bool) -> Job {
    Job {
        lease: if held { Lease::Held(7) } else { Lease::Free },
        payload: Probe::new("payload"),
    }
}

#[desugar]
async fn unleased(j: Job) -> u32 {
    match j {
        Job {
            lease: Lease::Free,
            payload,
        } => {
            Leaf::new("work").pending(1).ready(()).await;
            payload.touch();
            1
        }
        _ => 0,
    }
}

#[desugar]
async fn unleased_in_parens(t: (Lease, Probe)) -> u32 {
    #[allow(unused_parens)]
    let ((Lease::Free), payload) = t else {
        return 0;
    };
    Leaf::new("work").pending(1).ready(()).await;
    payload.touch();
    1
}

#[test]
fn paths_left_in_the_value() {
    for held in [false, true] {
        same_and_no_larger(|| unleased(job(held)), || unleased_rustc(job(held)));
        let pair = || {
            let lease = if held { Lease::Held(1) } else { Lease::Free };
            (lease, Probe::new("payload"))
        };
        same_and_no_larger(
            || unleased_in_parens(pair()),
            || unleased_in_parens_rustc(pair()),
        );
    }
    both_send(&unleased(job(false)), &unleased_rustc(job(false)));
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    A,
    B,
}

#[derive(Debug, PartialEq)]
pub enum CVerb {
    GET,
    POST,
}

pub struct CReq {
    pub verb: CVerb,
    pub body: Probe,
    pub tail: u32,
}

/// A unit variant of a type without `Drop` beside a part moved out of a
/// tuple the `match` makes, and an all-capitals variant in a struct
/// pattern beside a skipped field: each holds nothing to drop. Taking
/// every path for a part left in the value made the first not build
/// (E0507), and the second was read as a constant (dogJ4, builds 3 and 5).
#[desugar]
async fn routed(kind: Kind, m: Option<Probe>) -> u32 {
    match (kind, m) {
        (Kind::A, Some(d)) => {
            Leaf::new("a").pending(1).ready(()).await;
            d.touch();
            1
        }
        _ => 0,
    }
}

#[desugar]
async fn got(r: CReq) -> u32 {
    match r {
        CReq {
            verb: CVerb::GET,
            body,
            tail: _,
        } => {
            Leaf::new("get").pending(1).ready(()).await;
            body.touch();
            1
        }
        _ => 0,
    }
}

#[test]
fn paths_of_types_without_drop() {
    for kind in [Kind::A, Kind::B] {
        same_and_no_larger(
            || routed(kind, Some(Probe::new("d"))),
            || routed_rustc(kind, Some(Probe::new("d"))),
        );
    }
    both_send(&routed(Kind::A, None), &routed_rustc(Kind::A, None));
    for verb in [|| CVerb::GET, || CVerb::POST] {
        let req = || CReq {
            verb: verb(),
            body: Probe::new("body"),
            tail: 7,
        };
        same_and_no_larger(|| got(req()), || got_rustc(req()));
    }
}

#[desugar]
async fn first_in_a_loop(n: u32) -> u32 {
    let mut total = 0;
    for round in 0..n {
        let c = Leaf::new("mk").pending(1).ready(conn(round)).await;
        let Conn {
            sock,
            buf: _,
            log: _,
            id,
        } = c;
        Leaf::new("use").pending(1).ready(()).await;
        sock.touch();
        total += id;
    }
    total
}

pub struct Inner {
    pub a: Probe,
    pub b: Probe,
}

#[desugar]
async fn tuple_around_a_struct(t: (Probe, Inner)) -> u32 {
    let (_, Inner { b, a: _ }) = t;
    Leaf::new("use").pending(1).ready(()).await;
    b.touch();
    1
}

#[desugar]
async fn two_arrays(t: ([Probe; 2], [Probe; 2])) -> u32 {
    let ([x, _], [_, q]) = t;
    Leaf::new("use").pending(1).ready(()).await;
    q.touch();
    x.touch();
    2
}

#[test]
fn skipped_parts_in_an_order_the_pattern_shows() {
    same_and_no_larger(|| first_in_a_loop(2), || first_in_a_loop_rustc(2));
    both_send(&first_in_a_loop(2), &first_in_a_loop_rustc(2));
    let t = || {
        let inner = Inner {
            a: Probe::new("a"),
            b: Probe::new("b"),
        };
        (Probe::new("first"), inner)
    };
    same_and_no_larger(
        || tuple_around_a_struct(t()),
        || tuple_around_a_struct_rustc(t()),
    );
    both_send(
        &tuple_around_a_struct(t()),
        &tuple_around_a_struct_rustc(t()),
    );
    let arrays = || {
        let left = [Probe::new("x"), Probe::new("y")];
        (left, [Probe::new("p"), Probe::new("q")])
    };
    same_and_no_larger(|| two_arrays(arrays()), || two_arrays_rustc(arrays()));
    both_send(&two_arrays(arrays()), &two_arrays_rustc(arrays()));
}
