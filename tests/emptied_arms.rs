//! A value a `match` may take (`Some(Ok(n)) =>` beside `Some(Err(_)) =>`),
//! awaited across in an arm whose pattern matches only a value with nothing
//! to drop (`None => x.await`). The machine keeps the value with a drop
//! flag elsewhere; in that arm rustc keeps nothing for it, and the machine
//! keeps its type alone. Before, it asked there whether the value was
//! `Copy`, where the code after the await had not settled its type yet
//! (`map(str::parse)`, whose result type the `let` gives): the expansion
//! did not build (E0277 about `ViaCopy`, `DropOnly` and `Flagged`).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

/// The first word parsed, its type given by the `let` after the match.
#[desugar]
async fn parse_first(line: String) -> Result<u32, String> {
    let mut parts = line.split(' ');
    let arg: u32 = match parts.next().map(str::parse) {
        Some(Ok(n)) => n,
        Some(Err(_)) => return Err("bad".into()),
        None => Leaf::new("default").pending(1).ready(1).await,
    };
    Ok(arg)
}

/// The same on a local whose value has something to drop, with probes to
/// see what drops when: taken in one arm, left whole in another, and
/// awaited across where it is `None`.
#[desugar]
async fn take_or_wait(r: Option<Result<Probe, Probe>>, after: Probe) -> usize {
    let n = match r {
        Some(Ok(p)) => {
            p.touch();
            1
        }
        Some(Err(_)) => 2,
        None => Leaf::new("wait").pending(1).ready(3).await,
    };
    after.touch();
    n
}

#[test]
fn awaits_where_the_value_has_nothing_to_drop() {
    for line in ["5", "x", "", "7 8"] {
        let line = line.to_string();
        same_and_no_larger(
            || parse_first(line.clone()),
            || parse_first_rustc(line.clone()),
        );
        both_send(&parse_first(line.clone()), &parse_first_rustc(line.clone()));
    }
    let inputs = [
        || Some(Ok(Probe::new("ok"))),
        || Some(Err(Probe::new("err"))),
        || None,
    ];
    for input in inputs {
        same_and_no_larger(
            || take_or_wait(input(), Probe::new("after")),
            || take_or_wait_rustc(input(), Probe::new("after")),
        );
        both_send(
            &take_or_wait(input(), Probe::new("after")),
            &take_or_wait_rustc(input(), Probe::new("after")),
        );
    }
}
