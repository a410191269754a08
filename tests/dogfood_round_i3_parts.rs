//! Parts skipped beside a part moved out, in shapes a dogfood run found
//! that the plain `async fn` builds and the machine did not (or did, and
//! dropped a part early), each compared with rustc's twin (`assert_same`:
//! every cancellation point, with and without extra `Pending`s), no larger,
//! and `Send` where the twin is.
//!
//! - A tuple struct named by one segment (`Tagged(Token, s)`, `Tagged(_,
//!   s)`, also in `Some(..)`, a `for` pattern, on `v.pop()`): its skipped
//!   part was left in the value, which the machine then could not move
//!   (E0507). The field moved out proves it has no `Drop`, as for a struct
//!   pattern by name.
//! - A boxed parameter taken apart through a deref (`let (Token, s) = *b;`,
//!   `let Svc { name, log, p: _ } = *self;` with `self: Box<Self>`): what
//!   was left in the box kept it partly moved (E0382).
//! - A variant of a `Drop` enum matched beside a moved part (`(Slot::Full(_),
//!   s)`): its `_` was bound by value, out of a type with a `Drop` impl,
//!   and the build stopped with advice that did not apply; `(Slot::Empty,
//!   s)` built, but dropped the `Slot` before the arm's await.
//! - A constant in a struct pattern's field (`kind: DATA`) beside a field
//!   skipped with `_`: taken for a second skipped part whose drop order the
//!   pattern does not show (E0507).

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe, note};

pub struct Token;

impl Drop for Token {
    fn drop(&mut self) {
        note("token dropped");
    }
}

pub struct Tagged(pub Token, pub String);

fn tagged_value(text: &str) -> Tagged {
    Tagged(Token, text.into())
}

#[desugar]
async fn tagged_unit(t: Tagged) -> usize {
    let Tagged(Token, s) = t;
    Leaf::new("a").pending(1).ready(()).await;
    s.len()
}

#[desugar]
async fn tagged_wild(t: Tagged) -> usize {
    let Tagged(_, s) = t;
    Leaf::new("a").pending(1).ready(()).await;
    s.len()
}

#[desugar]
async fn tagged_in_some(t: Option<Tagged>) -> usize {
    match t {
        Some(Tagged(Token, s)) => Leaf::new("s").pending(1).ready(s).await.len(),
        None => 0,
    }
}

#[desugar]
async fn tagged_in_for(v: Vec<Tagged>) -> usize {
    let mut total = 0;
    for Tagged(Token, s) in v {
        total += Leaf::new("s").pending(1).ready(s).await.len();
    }
    total
}

pub struct Pair(pub String, pub Probe);

#[desugar]
async fn pair_popped(mut v: Vec<Pair>) -> usize {
    match v.pop() {
        Some(Pair(s, _)) => Leaf::new("s").pending(1).ready(s).await.len(),
        None => 0,
    }
}

#[test]
fn a_tuple_struct_by_name_with_a_part_skipped_beside_a_moved_one() {
    same_and_no_larger(
        || tagged_unit(tagged_value("ab")),
        || tagged_unit_rustc(tagged_value("ab")),
    );
    same_and_no_larger(
        || tagged_wild(tagged_value("ab")),
        || tagged_wild_rustc(tagged_value("ab")),
    );
    for some in [true, false] {
        let t = move || some.then(|| tagged_value("abc"));
        same_and_no_larger(|| tagged_in_some(t()), || tagged_in_some_rustc(t()));
    }
    let v = || vec![tagged_value("a"), tagged_value("bc")];
    same_and_no_larger(|| tagged_in_for(v()), || tagged_in_for_rustc(v()));
    let pairs = || {
        vec![
            Pair("a".into(), Probe::new("a")),
            Pair("bc".into(), Probe::new("b")),
        ]
    };
    same_and_no_larger(|| pair_popped(pairs()), || pair_popped_rustc(pairs()));
    same_and_no_larger(|| pair_popped(Vec::new()), || pair_popped_rustc(Vec::new()));
    both_send(
        &tagged_unit(tagged_value("a")),
        &tagged_unit_rustc(tagged_value("a")),
    );
    both_send(
        &tagged_wild(tagged_value("a")),
        &tagged_wild_rustc(tagged_value("a")),
    );
    both_send(&tagged_in_some(None), &tagged_in_some_rustc(None));
    both_send(&tagged_in_for(Vec::new()), &tagged_in_for_rustc(Vec::new()));
    both_send(&pair_popped(Vec::new()), &pair_popped_rustc(Vec::new()));
}

#[desugar]
async fn unboxed(b: Box<(Token, String)>, log: Probe) -> usize {
    let (Token, s) = *b;
    Leaf::new("a").pending(1).ready(()).await;
    log.touch();
    s.len()
}

pub struct Svc {
    name: String,
    log: Probe,
    p: Probe,
}

impl Svc {
    #[desugar]
    async fn finish(self: Box<Self>, extra: Probe) -> usize {
        let Svc { name, log, p: _ } = *self;
        Leaf::new("flush").pending(1).ready(()).await;
        log.touch();
        extra.touch();
        name.len()
    }
}

fn svc() -> Box<Svc> {
    Box::new(Svc {
        name: "ab".into(),
        log: Probe::new("log"),
        p: Probe::new("p"),
    })
}

#[test]
fn a_boxed_parameter_taken_apart_through_a_deref_beside_a_skipped_part() {
    let b = || Box::new((Token, String::from("ab")));
    same_and_no_larger(
        || unboxed(b(), Probe::new("log")),
        || unboxed_rustc(b(), Probe::new("log")),
    );
    same_and_no_larger(
        || svc().finish(Probe::new("extra")),
        || svc().finish_rustc(Probe::new("extra")),
    );
    both_send(
        &unboxed(b(), Probe::new("log")),
        &unboxed_rustc(b(), Probe::new("log")),
    );
    both_send(
        &svc().finish(Probe::new("extra")),
        &svc().finish_rustc(Probe::new("extra")),
    );
}

pub enum Slot {
    Empty,
    Full(u32),
}

impl Drop for Slot {
    fn drop(&mut self) {
        note("slot dropped");
    }
}

#[desugar]
async fn slot_beside(pair: (Slot, String)) -> usize {
    match pair {
        (Slot::Empty, s) => Leaf::new("s").pending(1).ready(s).await.len(),
        (Slot::Full(_), s) => Leaf::new("f").pending(1).ready(s).await.len() + 1,
    }
}

#[test]
fn a_variant_of_a_drop_enum_matched_beside_a_moved_part() {
    for empty in [true, false] {
        let pair = move || {
            let slot = if empty { Slot::Empty } else { Slot::Full(1) };
            (slot, String::from("ab"))
        };
        same_and_no_larger(|| slot_beside(pair()), || slot_beside_rustc(pair()));
        both_send(&slot_beside(pair()), &slot_beside_rustc(pair()));
    }
}

pub struct Frame {
    pub kind: u8,
    pub payload: String,
    pub trailer: Probe,
}

const DATA: u8 = 1;

#[desugar]
async fn data_len(f: Frame) -> usize {
    match f {
        Frame {
            kind: DATA,
            payload,
            trailer: _,
        } => Leaf::new("d").pending(1).ready(payload).await.len(),
        _ => 0,
    }
}

#[test]
fn a_constant_in_a_struct_pattern_beside_a_skipped_field() {
    for kind in [1, 2] {
        let frame = move || Frame {
            kind,
            payload: "ab".into(),
            trailer: Probe::new("t"),
        };
        same_and_no_larger(|| data_len(frame()), || data_len_rustc(frame()));
        both_send(&data_len(frame()), &data_len_rustc(frame()));
    }
}
