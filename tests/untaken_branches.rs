//! A local that a `match` or `if let` whose arm awaits may take, used again
//! where the construct did not take it: in the `else` of the `if let`, in
//! an arm whose pattern binds nothing (`_ => reject(msg)`), or on the other
//! branch of an `if` around the construct. That is the usual shape of a
//! message handler ("handle `Data`, else log or reject the message"). The
//! machine keeps the local with a drop flag, matched in place, and the use
//! reads it there, where the flag still holds the value; before, such a use
//! counted as a use after the match, and the machine did not build (E0507,
//! "cannot move out of a shared reference").
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

#[derive(Debug)]
pub enum Msg {
    Data(Vec<u8>),
    Tagged(Probe, u32),
}

fn data() -> Msg {
    Msg::Data(vec![1, 2, 3])
}

fn tagged() -> Msg {
    Msg::Tagged(Probe::new("tag"), 7)
}

async fn write(token: Vec<u8>) -> usize {
    Leaf::new("write").pending(1).ready(token.len()).await
}

fn reject(msg: Msg) -> usize {
    match msg {
        Msg::Data(_) => 1,
        Msg::Tagged(p, n) => {
            p.touch();
            n as usize
        }
    }
}

#[desugar]
async fn else_of_if_let(input: Msg) -> usize {
    if let Msg::Data(token) = input {
        write(token).await
    } else {
        reject(input)
    }
}

#[desugar]
async fn wildcard_arm(input: Msg) -> usize {
    let n = match input {
        Msg::Data(token) => write(token).await,
        _ => {
            let text = format!("{input:?}");
            text.len() + reject(input)
        }
    };
    Leaf::new("after").pending(1).ready(n).await
}

/// The use on the other branch of an `if` around the `match`.
#[desugar]
async fn other_branch(authed: bool, input: Option<String>) -> usize {
    if authed {
        match input {
            Some(t) => Leaf::new("send").pending(1).ready(t.len()).await,
            _ => 2,
        }
    } else {
        drop(input);
        0
    }
}

/// The local read in the `else` and the value left whole there kept across
/// an await that follows, to drop where its scope ends.
#[desugar]
async fn kept_after_else(input: Msg) -> usize {
    let n = if let Msg::Data(token) = input {
        write(token).await
    } else {
        let Msg::Tagged(p, _) = &input else {
            return 0;
        };
        p.touch();
        9
    };
    Leaf::new("after").pending(1).ready(n).await
}

#[test]
fn uses_where_the_match_did_not_take_the_value() {
    for make in [data, tagged] {
        same_and_no_larger(|| else_of_if_let(make()), || else_of_if_let_rustc(make()));
        same_and_no_larger(|| wildcard_arm(make()), || wildcard_arm_rustc(make()));
        same_and_no_larger(|| kept_after_else(make()), || kept_after_else_rustc(make()));
    }
    for (authed, input) in [(true, Some("ab")), (true, None), (false, Some("ab"))] {
        let input = || input.map(str::to_owned);
        same_and_no_larger(
            || other_branch(authed, input()),
            || other_branch_rustc(authed, input()),
        );
    }
    both_send(&else_of_if_let(data()), &else_of_if_let_rustc(data()));
    both_send(&wildcard_arm(data()), &wildcard_arm_rustc(data()));
}
