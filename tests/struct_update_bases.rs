//! The base of a struct update that is a value, `..Default::default()`, is
//! a temporary in rustc: the fields the literal does not name move out of
//! it, and what is left (the fields the literal names, replaced) drops at
//! the end of the statement, or of the construct whose scrutinee or
//! iterable holds it. Where that statement awaits, or the construct's body
//! does, it lives across the await. The machine keeps it as long, is no
//! larger, and is `Send` as the twin is.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

/// Two fields with something to drop: the literals below name `headers`
/// and take `body` from the base.
#[derive(Debug)]
pub struct Request {
    pub retries: u32,
    pub headers: Probe,
    pub body: Probe,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            retries: 1,
            headers: Probe::new("default headers"),
            body: Probe::new("default body"),
        }
    }
}

fn send(r: Request) -> LeafFuture<u32> {
    r.body.touch();
    Leaf::new("send").pending(1).ready(r.retries)
}

fn look(r: &Request) -> LeafFuture<u32> {
    r.body.touch();
    Leaf::new("look").pending(1).ready(r.retries)
}

pub struct Client {
    pub name: Probe,
}

impl Client {
    fn defaults(&self) -> Request {
        self.name.touch();
        Request::default()
    }
}

#[desugar]
async fn in_awaited_call(seen: Probe) -> u32 {
    let n = send(Request {
        headers: Probe::new("mine"),
        ..Default::default()
    })
    .await;
    seen.touch();
    n
}

#[test]
fn a_base_in_an_awaited_call_lives_across_the_await() {
    let outcome = same_and_no_larger(
        || in_awaited_call(Probe::new("seen")),
        || in_awaited_call_rustc(Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(1)");
    both_send(
        &in_awaited_call(Probe::new("seen")),
        &in_awaited_call_rustc(Probe::new("seen")),
    );
}

/// The same, as a statement of its own and as the fn's tail.
#[desugar]
async fn as_statement_and_tail(seen: Probe) -> u32 {
    send(Request {
        headers: Probe::new("first"),
        ..Default::default()
    })
    .await;
    seen.touch();
    send(Request {
        headers: Probe::new("second"),
        ..Request::default()
    })
    .await
}

#[test]
fn a_base_in_an_awaited_statement_and_tail_lives_across_the_await() {
    let outcome = same_and_no_larger(
        || as_statement_and_tail(Probe::new("seen")),
        || as_statement_and_tail_rustc(Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(1)");
    both_send(
        &as_statement_and_tail(Probe::new("seen")),
        &as_statement_and_tail_rustc(Probe::new("seen")),
    );
}

#[desugar]
async fn from_a_method(client: Client, seen: Probe) -> u32 {
    let n = send(Request {
        headers: Probe::new("mine"),
        ..client.defaults()
    })
    .await;
    seen.touch();
    n
}

#[test]
fn a_method_value_as_the_base_lives_across_the_await() {
    let client = || Client {
        name: Probe::new("client"),
    };
    let outcome = same_and_no_larger(
        || from_a_method(client(), Probe::new("seen")),
        || from_a_method_rustc(client(), Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(1)");
    both_send(
        &from_a_method(client(), Probe::new("seen")),
        &from_a_method_rustc(client(), Probe::new("seen")),
    );
}

#[desugar]
async fn borrowed(seen: Probe) -> u32 {
    let n = look(&Request {
        headers: Probe::new("mine"),
        ..Default::default()
    })
    .await;
    seen.touch();
    n
}

#[test]
fn a_borrowed_literal_with_a_base_lives_across_the_await() {
    let outcome = same_and_no_larger(
        || borrowed(Probe::new("seen")),
        || borrowed_rustc(Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(1)");
    both_send(
        &borrowed(Probe::new("seen")),
        &borrowed_rustc(Probe::new("seen")),
    );
}

/// Two literals with bases in one awaited call, and a temporary borrowed
/// beside them: all drop at the end of the statement, in rustc's order.
#[desugar]
async fn two_bases(seen: Probe) -> u32 {
    let n = pair(
        Request {
            headers: Probe::new("one"),
            ..Default::default()
        },
        &Probe::new("borrowed"),
        Request {
            body: Probe::new("two"),
            ..Request::default()
        },
    )
    .await;
    seen.touch();
    n
}

fn pair(a: Request, b: &Probe, c: Request) -> LeafFuture<u32> {
    b.touch();
    Leaf::new("pair").pending(1).ready(a.retries + c.retries)
}

#[test]
fn two_bases_and_a_borrow_drop_in_rustcs_order() {
    let outcome = same_and_no_larger(
        || two_bases(Probe::new("seen")),
        || two_bases_rustc(Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(2)");
    both_send(
        &two_bases(Probe::new("seen")),
        &two_bases_rustc(Probe::new("seen")),
    );
}

#[desugar]
async fn in_scrutinee(seen: Probe) -> u32 {
    let n = match (Request {
        headers: Probe::new("mine"),
        ..Request::default()
    })
    .retries
    {
        1 => Leaf::new("one").pending(1).ready(1).await,
        k => k,
    };
    seen.touch();
    n
}

#[test]
fn a_base_in_a_scrutinee_lives_across_the_arms_await() {
    let outcome = same_and_no_larger(
        || in_scrutinee(Probe::new("seen")),
        || in_scrutinee_rustc(Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(1)");
    both_send(
        &in_scrutinee(Probe::new("seen")),
        &in_scrutinee_rustc(Probe::new("seen")),
    );
}

#[desugar]
async fn in_if_let(seen: Probe) -> u32 {
    let mut n = 0;
    if let Some(k) = Some(
        Request {
            headers: Probe::new("mine"),
            ..Request::default()
        }
        .retries,
    ) {
        n = Leaf::new("then").pending(1).ready(k).await;
    }
    seen.touch();
    n
}

#[test]
fn a_base_in_an_if_let_lives_across_the_bodys_await() {
    let outcome = same_and_no_larger(
        || in_if_let(Probe::new("seen")),
        || in_if_let_rustc(Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(1)");
    both_send(
        &in_if_let(Probe::new("seen")),
        &in_if_let_rustc(Probe::new("seen")),
    );
}

#[desugar]
async fn in_for(seen: Probe) -> u32 {
    let mut n = 0;
    for r in vec![
        Request {
            headers: Probe::new("mine"),
            ..Request::default()
        }
        .retries,
    ] {
        n += Leaf::new("body").pending(1).ready(r).await;
    }
    seen.touch();
    n
}

#[test]
fn a_base_in_a_for_iterable_lives_across_the_bodys_await() {
    let outcome = same_and_no_larger(
        || in_for(Probe::new("seen")),
        || in_for_rustc(Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(1)");
    both_send(
        &in_for(Probe::new("seen")),
        &in_for_rustc(Probe::new("seen")),
    );
}

/// Already right before the fix: the base in a `let` (kept by `&`, or moved
/// into the value) before an await.
#[desugar]
async fn in_lets(seen: Probe) -> u32 {
    let r = &Request {
        headers: Probe::new("borrowed"),
        ..Default::default()
    };
    let o = Request {
        headers: Probe::new("owned"),
        ..Default::default()
    };
    let n = Leaf::new("between").pending(1).ready(1).await;
    seen.touch();
    n + r.retries + o.retries
}

#[test]
fn bases_in_lets_and_places_match_rustc() {
    let outcome = same_and_no_larger(
        || in_lets(Probe::new("seen")),
        || in_lets_rustc(Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(3)");
    both_send(
        &in_lets(Probe::new("seen")),
        &in_lets_rustc(Probe::new("seen")),
    );
}

impl Request {
    fn from_probe(p: &Probe) -> Request {
        p.touch();
        Request::default()
    }
}

/// A field visibly `Copy` beside the one kept (it leaves nothing to drop),
/// a base that borrows a temporary of its own, made after the fields, and
/// a literal that names only numbers, whose base leaves nothing to keep.
#[desugar]
async fn copy_fields_and_borrowing_base(seen: Probe) -> u32 {
    let a = send(Request {
        retries: 2,
        headers: Probe::new("mine"),
        ..Request::from_probe(&Probe::new("made from"))
    })
    .await;
    let b = send(Request {
        retries: 5,
        ..Default::default()
    })
    .await;
    seen.touch();
    a + b
}

#[test]
fn copy_fields_and_a_base_with_temporaries_match_rustc() {
    let outcome = same_and_no_larger(
        || copy_fields_and_borrowing_base(Probe::new("seen")),
        || copy_fields_and_borrowing_base_rustc(Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(7)");
    both_send(
        &copy_fields_and_borrowing_base(Probe::new("seen")),
        &copy_fields_and_borrowing_base_rustc(Probe::new("seen")),
    );
}

/// The literal itself matched, an arm borrowing from it across its await.
#[desugar]
async fn literal_matched(seen: Probe) -> u32 {
    let n = match (Request {
        headers: Probe::new("mine"),
        ..Request::default()
    }) {
        Request {
            retries: 1,
            ref body,
            ..
        } => {
            let n = Leaf::new("one").pending(1).ready(1).await;
            body.touch();
            n
        }
        Request { retries, .. } => retries,
    };
    seen.touch();
    n
}

#[test]
fn a_matched_literal_with_a_base_matches_rustc() {
    let outcome = same_and_no_larger(
        || literal_matched(Probe::new("seen")),
        || literal_matched_rustc(Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(1)");
    both_send(
        &literal_matched(Probe::new("seen")),
        &literal_matched_rustc(Probe::new("seen")),
    );
}

/// `Self { .., ..Self::default() }` in a method.
#[desugar]
impl Request {
    async fn resend(&self, headers: Probe, seen: Probe) -> u32 {
        send(Self {
            headers,
            ..Self::default()
        })
        .await
            + self.retries
            + seen.label().len() as u32
    }
}

#[test]
fn a_base_in_a_method_matches_rustc() {
    let outcome = same_and_no_larger(
        || async {
            let r = Request::default();
            r.resend(Probe::new("mine"), Probe::new("seen")).await
        },
        || async {
            let r = Request::default();
            r.resend_rustc(Probe::new("mine"), Probe::new("seen")).await
        },
    );
    assert_eq!(outcome, "Ready(6)");
}

impl Request {
    /// A method of the user's taking the literal by value, which the
    /// expansion asks the compiler about.
    fn sent(self) -> LeafFuture<u32> {
        send(self)
    }
}

fn send_all(rs: Vec<Request>) -> LeafFuture<u32> {
    let n = rs.iter().map(|r| r.retries).sum();
    Leaf::new("send_all").pending(1).ready(n)
}

fn header(ok: bool) -> Result<Probe, u32> {
    if ok { Ok(Probe::new("header")) } else { Err(7) }
}

/// The literal as the receiver of a method of the user's, inside `vec!`,
/// and with a field that `?` gives (returning early from the fn before
/// the base is made, or after the fields before it).
#[desugar]
async fn receiver_macro_and_tried(seen: Probe, ok: bool) -> Result<u32, u32> {
    let a = Request {
        headers: Probe::new("receiver"),
        ..Default::default()
    }
    .sent()
    .await;
    let b = send_all(vec![Request {
        headers: Probe::new("in vec"),
        ..Default::default()
    }])
    .await;
    let c = send(Request {
        headers: header(ok)?,
        retries: 4,
        ..Request::from_probe(&Probe::new("made from"))
    })
    .await;
    seen.touch();
    Ok(a + b + c)
}

#[test]
fn a_receiver_a_macro_argument_and_a_tried_field_match_rustc() {
    for ok in [true, false] {
        same_and_no_larger(
            || receiver_macro_and_tried(Probe::new("seen"), ok),
            || receiver_macro_and_tried_rustc(Probe::new("seen"), ok),
        );
        both_send(
            &receiver_macro_and_tried(Probe::new("seen"), ok),
            &receiver_macro_and_tried_rustc(Probe::new("seen"), ok),
        );
    }
}

/// A hook the literal names, a closure boxed as a trait object, which
/// must keep the type the literal expects of it; the default one holds a
/// probe, which rustc drops after the await.
pub struct Hooks {
    pub on_done: Option<Box<dyn Fn(u32) -> u32 + Send>>,
    pub name: Probe,
}

impl Default for Hooks {
    fn default() -> Self {
        let p = Probe::new("default hook");
        Hooks {
            on_done: Some(Box::new(move |n| {
                p.touch();
                n
            })),
            name: Probe::new("hooks"),
        }
    }
}

fn run(h: Hooks) -> LeafFuture<u32> {
    h.name.touch();
    let n = h.on_done.map_or(0, |f| f(1));
    Leaf::new("run").pending(1).ready(n)
}

#[desugar]
async fn boxed_closure_field(seen: Probe) -> u32 {
    let n = run(Hooks {
        on_done: Some(Box::new(|n| n + 1)),
        ..Default::default()
    })
    .await;
    seen.touch();
    n
}

#[test]
fn a_field_coerced_to_the_type_the_literal_expects_matches_rustc() {
    let outcome = same_and_no_larger(
        || boxed_closure_field(Probe::new("seen")),
        || boxed_closure_field_rustc(Probe::new("seen")),
    );
    assert_eq!(outcome, "Ready(2)");
    both_send(
        &boxed_closure_field(Probe::new("seen")),
        &boxed_closure_field_rustc(Probe::new("seen")),
    );
}
