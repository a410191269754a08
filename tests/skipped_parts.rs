//! Parts of a local a pattern skips with `_` while it moves others out
//! (`Msg::Text(s, _) => send(s).await`): rustc leaves the skipped parts in
//! the partly moved local and drops them where the local's scope ends,
//! after the awaits that follow. The machine binds them to hidden locals
//! declared beside the local (`rewrite::skipped_parts`); before, it tried to
//! move the partly moved local into its state (E0382, "use of partially
//! moved value").
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

async fn send(s: String) -> usize {
    Leaf::new("send").pending(1).ready(s.len()).await
}

async fn tick() {
    Leaf::new("tick").pending(1).ready(()).await
}

pub enum Msg {
    Text(String, Probe),
    Triple(Probe, String, Probe),
    Req { body: String, meta: Probe },
    Num(u32, Probe),
    Close(Probe),
}

fn text(s: &str) -> Msg {
    Msg::Text(s.to_owned(), Probe::new("text meta"))
}

fn messages() -> Vec<fn() -> Msg> {
    vec![
        || text("hello"),
        || Msg::Triple(Probe::new("first"), "ab".to_owned(), Probe::new("last")),
        || Msg::Req {
            body: "abc".to_owned(),
            meta: Probe::new("req meta"),
        },
        || Msg::Num(4, Probe::new("num meta")),
        || Msg::Close(Probe::new("close")),
    ]
}

/// A parameter matched by arms that skip parts and await; a parameter after
/// it drops before what the arms skipped, as in rustc.
#[desugar]
async fn handle(msg: Msg, log: Probe, mut seen: u32) -> usize {
    seen += 1;
    let n = match msg {
        Msg::Text(s, _) => send(s).await,
        Msg::Triple(_, s, _) => send(s).await + 1,
        Msg::Req { body, meta: _ } => send(body).await + 2,
        Msg::Num(n, _) => n as usize,
        Msg::Close(p) => {
            drop(p);
            0
        }
    };
    log.touch();
    tick().await;
    n + seen as usize
}

/// The same with an `impl Trait` parameter after the message, which is
/// bound again untyped.
#[desugar]
async fn handle_tagged(msg: Msg, tag: impl std::fmt::Debug) -> String {
    let n = match msg {
        Msg::Text(s, _) => send(s).await,
        _ => 0,
    };
    tick().await;
    format!("{tag:?} {n}")
}

#[test]
fn arms_that_skip_parts_and_await() {
    for make in messages() {
        same_and_no_larger(
            || handle(make(), Probe::new("log"), 1),
            || handle_rustc(make(), Probe::new("log"), 1),
        );
        same_and_no_larger(
            || handle_tagged(make(), Probe::new("tag")),
            || handle_tagged_rustc(make(), Probe::new("tag")),
        );
    }
    both_send(
        &handle(text("a"), Probe::new("log"), 0),
        &handle_rustc(text("a"), Probe::new("log"), 0),
    );
}

/// A local of the body, matched by `if let`, with an `else` that awaits
/// too.
#[desugar]
async fn first_text(make: fn() -> Msg) -> usize {
    let before = Probe::new("before");
    let msg = make();
    let after = Probe::new("after");
    if let Msg::Text(s, _) = msg {
        after.touch();
        send(s).await
    } else {
        before.touch();
        tick().await;
        0
    }
}

/// Where the construct leaves the local whole on some path (here the
/// `else`), the machine keeps the local with a drop flag in every state of
/// its scope, beside the skipped parts: it may be larger than rustc's, which
/// keeps the skipped parts in the local's own bytes, by up to their size
/// (README, "Partial moves"). The behaviour is the same.
#[test]
fn an_if_let_that_skips_a_part() {
    for make in messages() {
        let report = assert_same(|| first_text(make), || first_text_rustc(make));
        let skipped = std::mem::size_of::<Probe>();
        assert!(report.left_size <= report.right_size + skipped, "{report}");
    }
}

/// A `let` that takes one element of a tuple and skips the other, the rest
/// of the block awaiting.
#[desugar]
async fn take_first(pair: (String, Probe), more: u32) -> usize {
    let (s, _) = pair;
    tick().await;
    send(s).await + more as usize
}

#[test]
fn a_let_that_skips_an_element() {
    assert_eq!(
        same_and_no_larger(
            || take_first(("abc".to_owned(), Probe::new("second")), 1),
            || take_first_rustc(("abc".to_owned(), Probe::new("second")), 1),
        ),
        "Ready(4)"
    );
}

/// A guarded arm, and a `let … else`, that skip a part (dogC4, builds 1
/// and 2: E0382 before).
#[desugar]
async fn guarded(msg: Msg) -> usize {
    match msg {
        Msg::Text(s, _) if s.len() > 2 => send(s).await,
        _ => 0,
    }
}

#[desugar]
async fn let_else(msg: Msg) -> usize {
    let Msg::Text(s, _) = msg else {
        return 0;
    };
    tick().await;
    send(s).await
}

#[test]
fn a_guarded_arm_and_a_let_else_that_skip_a_part() {
    for make in [
        || text("ab"),
        || text("abc"),
        || Msg::Close(Probe::new("close")),
    ] {
        same_and_no_larger(|| guarded(make()), || guarded_rustc(make()));
        same_and_no_larger(|| let_else(make()), || let_else_rustc(make()));
    }
}

/// The next message, after a `Pending`.
async fn recv(inbox: &mut Vec<Msg>) -> Option<Msg> {
    Leaf::new("recv").pending(1).ready(()).await;
    inbox.pop()
}

/// A message bound by a pattern for a block (`while let`, `if let`, `for`,
/// a `match` arm), then matched by arms that skip parts and await: the
/// usual event loop (dogC4, build 3: E0382 before). What is left of each
/// message drops at the end of its block, after the block's own locals.
#[desugar]
async fn event_loop(inbox: Vec<fn() -> Msg>) -> usize {
    let mut inbox: Vec<Msg> = inbox.into_iter().map(|make| make()).collect();
    let mut total = 0;
    while let Some(msg) = recv(&mut inbox).await {
        let seen = Probe::new("seen");
        total += match msg {
            Msg::Text(s, _) => send(s).await,
            Msg::Triple(_, s, _) => send(s).await + 1,
            _ => 0,
        };
        seen.touch();
    }
    total
}

#[desugar]
async fn bound_by_if_let_and_for(first: Option<Msg>, rest: Vec<Msg>) -> usize {
    let mut total = 0;
    if let Some(msg) = first {
        total += match msg {
            Msg::Text(s, _) => send(s).await,
            _ => 0,
        };
    }
    for msg in rest {
        if let Msg::Req { body, meta: _ } = msg {
            total += send(body).await;
        }
    }
    total
}

#[desugar]
async fn bound_by_an_arm(wrapped: Result<Msg, Probe>) -> usize {
    match wrapped {
        Ok(msg) => {
            let Msg::Text(s, _) = msg else {
                return 0;
            };
            send(s).await
        }
        Err(p) => {
            p.touch();
            tick().await;
            1
        }
    }
}

#[test]
fn locals_bound_by_patterns_whose_parts_are_skipped() {
    same_and_no_larger(|| event_loop(messages()), || event_loop_rustc(messages()));
    let msgs = || {
        (
            Some(text("first")),
            vec![
                Msg::Req {
                    body: "abc".to_owned(),
                    meta: Probe::new("meta"),
                },
                text("other"),
            ],
        )
    };
    same_and_no_larger(
        || {
            let (first, rest) = msgs();
            bound_by_if_let_and_for(first, rest)
        },
        || {
            let (first, rest) = msgs();
            bound_by_if_let_and_for_rustc(first, rest)
        },
    );
    for wrapped in [
        || Ok(text("ok")),
        || Err(Probe::new("err")),
        || Ok(Msg::Close(Probe::new("c"))),
    ] {
        same_and_no_larger(
            || bound_by_an_arm(wrapped()),
            || bound_by_an_arm_rustc(wrapped()),
        );
    }
}

/// The event loop written with `let … else`, whose pattern binds the
/// message alone (dogC8, build 1: E0382 before): the parts are bound
/// apart right after the `let`.
#[desugar]
async fn let_else_loop(mut queue: Vec<Msg>) -> usize {
    let mut total = 0;
    loop {
        let before = Probe::new("before");
        let Some(msg) = queue.pop() else { break };
        let after = Probe::new("after");
        total += match msg {
            Msg::Text(s, _) => send(s).await,
            Msg::Triple(_, s, _) => send(s).await + 1,
            _ => 0,
        };
        before.touch();
        after.touch();
    }
    total
}

/// Each arm that skips parts has its own hidden locals, kept apart from the
/// message's place, which the `_` arm leaves whole: the machine may be
/// larger than rustc's by up to what the arms skip (README, "Partial
/// moves").
#[test]
fn a_let_else_binding_the_message_alone() {
    let queue = || {
        messages()
            .into_iter()
            .map(|make| make())
            .collect::<Vec<_>>()
    };
    let report = assert_same(|| let_else_loop(queue()), || let_else_loop_rustc(queue()));
    let skipped = std::mem::size_of::<(Probe,)>() + std::mem::size_of::<(Probe, Probe)>();
    assert!(report.left_size <= report.right_size + skipped, "{report}");
}

pub struct Envelope {
    pub msg: Msg,
    pub from: Probe,
    pub hops: u32,
}

fn envelopes() -> Vec<fn() -> Envelope> {
    messages()
        .into_iter()
        .map(|make| {
            // A fn pointer per message: the closures capture nothing.
            let wrap: fn() -> Envelope = match make().kind() {
                0 => || Envelope {
                    msg: text("hello"),
                    from: Probe::new("from"),
                    hops: 2,
                },
                1 => || Envelope {
                    msg: Msg::Triple(Probe::new("first"), "ab".to_owned(), Probe::new("last")),
                    from: Probe::new("from"),
                    hops: 1,
                },
                _ => || Envelope {
                    msg: Msg::Close(Probe::new("close")),
                    from: Probe::new("from"),
                    hops: 0,
                },
            };
            wrap
        })
        .collect()
}

impl Msg {
    fn kind(&self) -> u8 {
        match self {
            Msg::Text(..) => 0,
            Msg::Triple(..) => 1,
            _ => 2,
        }
    }
}

/// The message destructured beside other fields (dogC8, build 2: E0382
/// before). rustc drops the bindings of one pattern in the reverse of
/// their order: `from` first, then what the arm left of `msg`; `from` is
/// bound again after the hidden locals, so it still drops first.
#[desugar]
async fn destructured_envelope(e: Envelope) -> usize {
    let Envelope {
        msg,
        mut from,
        hops,
    } = e;
    let n = match msg {
        Msg::Text(s, _) => send(s).await,
        Msg::Triple(_, s, _) => send(s).await + 1,
        _ => 0,
    };
    from.touch();
    from = Probe::new("replaced from");
    tick().await;
    from.touch();
    n + hops as usize
}

/// The bindings listed the other way round: `msg`, after `from`, is the
/// one whose parts drop first, and nothing is bound again.
#[desugar]
async fn envelope_listed_backwards(e: Envelope) -> usize {
    let Envelope { from, hops, msg } = e;
    let n = match msg {
        Msg::Text(s, _) => send(s).await,
        _ => 0,
    };
    tick().await;
    from.touch();
    n + hops as usize
}

/// Bound beside a guard by `if let`, `for` and a `match` arm, whose
/// blocks get the hidden locals and the guard bound again at their start.
#[desugar]
async fn bound_beside_a_guard(
    next: Option<(Msg, Probe)>,
    inbox: Vec<(Probe, Msg, Probe)>,
    last: Result<(Msg, Probe), Probe>,
) -> usize {
    let mut total = 0;
    if let Some((msg, mut guard)) = next {
        let inner = Probe::new("if inner");
        total += match msg {
            Msg::Text(s, _) => send(s).await,
            _ => 0,
        };
        guard.touch();
        guard = Probe::new("new guard");
        inner.touch();
        guard.touch();
    }
    for (before, msg, after) in inbox {
        total += match msg {
            Msg::Triple(_, s, _) => send(s).await,
            _ => 1,
        };
        before.touch();
        after.touch();
    }
    match last {
        Ok((msg, guard)) => {
            if let Msg::Text(s, _) = msg {
                total += send(s).await;
            }
            guard.touch();
        }
        Err(p) => p.touch(),
    }
    total
}

/// Both bindings of one pattern keep parts: the second is bound again and
/// then gets hidden locals of its own after the first's.
#[desugar]
async fn both_halves_skip_parts(pair: (Msg, Msg)) -> usize {
    let (first, second) = pair;
    let a = match first {
        Msg::Text(s, _) => send(s).await,
        _ => 0,
    };
    let b = match second {
        Msg::Text(s, _) => send(s).await,
        Msg::Triple(_, s, _) => send(s).await,
        _ => 0,
    };
    tick().await;
    a + b
}

#[test]
fn parts_skipped_in_a_local_bound_beside_others() {
    for make in envelopes() {
        same_and_no_larger(
            || destructured_envelope(make()),
            || destructured_envelope_rustc(make()),
        );
        same_and_no_larger(
            || envelope_listed_backwards(make()),
            || envelope_listed_backwards_rustc(make()),
        );
    }
    for first in messages() {
        for second in messages() {
            same_and_no_larger(
                || both_halves_skip_parts((first(), second())),
                || both_halves_skip_parts_rustc((first(), second())),
            );
        }
        let args = || {
            let inbox = vec![
                (Probe::new("b1"), first(), Probe::new("a1")),
                (Probe::new("b2"), text("x"), Probe::new("a2")),
            ];
            (
                Some((first(), Probe::new("guard"))),
                inbox,
                Ok((first(), Probe::new("ok guard"))),
            )
        };
        same_and_no_larger(
            || {
                let (next, inbox, last) = args();
                bound_beside_a_guard(next, inbox, last)
            },
            || {
                let (next, inbox, last) = args();
                bound_beside_a_guard_rustc(next, inbox, last)
            },
        );
    }
    same_and_no_larger(
        || bound_beside_a_guard(None, Vec::new(), Err(Probe::new("err"))),
        || bound_beside_a_guard_rustc(None, Vec::new(), Err(Probe::new("err"))),
    );
    both_send(
        &destructured_envelope(envelopes()[0]()),
        &destructured_envelope_rustc(envelopes()[0]()),
    );
}
