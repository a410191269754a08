//! Sizes, round BP: shapes the hunts through `pin!`, `poll_fn` and
//! `let … else` found larger than rustc's future. Each machine is
//! compared with rustc's twin (`assert_same`: every cancellation point,
//! with and without extra `Pending`s, so the drops after each number of
//! polls too), must be no larger, and `Send` where the twin is.

mod common;

use std::pin::pin;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

/// `futures::pin_mut!`, by its own words: each local shadowed by a pin of
/// its value, moved into a local of the macro's.
macro_rules! pin_mut {
    ($($x:ident),* $(,)?) => { $(
        let mut $x = $x;
        #[allow(unused_mut)]
        // SAFETY: the value was moved into the macro's own local, which the
        // pin shadows: nothing can name it again to move it, as in
        // `futures::pin_mut!`.
        let mut $x = unsafe { ::core::pin::Pin::new_unchecked(&mut $x) };
    )* };
}

async fn look(p: &Probe) -> usize {
    Leaf::new("look").pending(1).ready(()).await;
    p.label().len()
}

fn number(n: u32) -> u32 {
    Probe::new(format!("number {n}")).touch();
    n
}

async fn read(n: &u32) -> u32 {
    Leaf::new("read").pending(1).ready(()).await;
    *n + 1
}

/// A `let … else` whose value borrows a temporary the `let` extends, with
/// an `else` that awaits: rustc drops the temporary before the `else`
/// runs, and keeps it in the variant of the await after the `let` only,
/// where the `else`'s own temporary takes its bytes in the `else`'s
/// state. The machine kept it in the homes area, with a flag at both
/// awaits (160 bytes against 144).
#[desugar]
async fn extended_in_let_else(o: Option<u32>) -> usize {
    let (p, Some(_n)) = (&Probe::new("ext"), o) else {
        return look(&Probe::new("elsetmp")).await;
    };
    look(p).await
}

/// The same with a `Copy` temporary (a number), whose drop is a copy: its
/// storage still ends as the `else` starts, in rustc as in the machine.
#[desugar]
async fn extended_number_in_let_else(o: Option<u32>) -> u32 {
    let (r, Some(n)) = (&number(4), o) else {
        let other = number(9);
        return read(&other).await;
    };
    read(r).await + n
}

/// Two temporaries extended, an `else` that awaits and goes on with the
/// loop, and an await after the `let`: the temporaries are made again on
/// each turn.
#[desugar]
async fn extended_in_a_loop(items: Vec<Option<u32>>) -> usize {
    let mut total = 0;
    for o in items {
        let (p, q, Some(n)) = (&Probe::new("p"), &Probe::new("q"), o) else {
            total += look(&Probe::new("skipped")).await;
            continue;
        };
        total += look(p).await + look(q).await + n as usize;
    }
    total
}

#[test]
fn a_let_else_temporary_is_kept_by_the_await_after_it_only() {
    for o in [Some(1), None] {
        same_and_no_larger(|| extended_in_let_else(o), || extended_in_let_else_rustc(o));
        same_and_no_larger(
            || extended_number_in_let_else(o),
            || extended_number_in_let_else_rustc(o),
        );
    }
    let items = || vec![Some(1), None, Some(3)];
    same_and_no_larger(
        || extended_in_a_loop(items()),
        || extended_in_a_loop_rustc(items()),
    );
    both_send(
        &extended_in_let_else(None),
        &extended_in_let_else_rustc(None),
    );
    both_send(
        &extended_number_in_let_else(None),
        &extended_number_in_let_else_rustc(None),
    );
    both_send(
        &extended_in_a_loop(items()),
        &extended_in_a_loop_rustc(items()),
    );
}

fn fetch(name: &str, v: u32) -> LeafFuture<u32> {
    Leaf::new(name).pending(1).ready(v)
}

/// A future with a probe of its own once polled, which shows when it is
/// dropped.
async fn probed(name: &'static str, v: u32) -> u32 {
    let _probe = Probe::new(name);
    fetch(name, v).await
}

/// Two pinned futures, one of which an `if` chooses: the other `Pin<&mut
/// _>` may still be there after the `if`, where rustc keeps nothing of it,
/// as it has nothing to drop. The machine kept each with a drop flag (288
/// bytes against 280).
#[desugar]
async fn chosen_pin(left: bool) -> u32 {
    let p = Probe::new("p");
    let a = pin!(probed("a", 1));
    let b = pin!(probed("b", 2));
    let c = if left { a } else { b };
    let n = c.await;
    p.touch();
    n + fetch("after", 3).await
}

/// The same with `pin_mut!`, a `match`, and the pin the `match` did not
/// choose polled after it.
#[desugar]
async fn chosen_pin_mut(which: u8) -> u32 {
    let a = probed("a", 1);
    let b = probed("b", 2);
    pin_mut!(a, b);
    let first = match which {
        0 => a,
        _ => b.as_mut(),
    };
    let n = first.await;
    let m = if which == 0 { b.await } else { 0 };
    n + m + fetch("after", 3).await
}

#[test]
fn a_pin_an_if_chose_keeps_no_flag() {
    for left in [true, false] {
        same_and_no_larger(|| chosen_pin(left), || chosen_pin_rustc(left));
    }
    for which in [0, 1] {
        same_and_no_larger(|| chosen_pin_mut(which), || chosen_pin_mut_rustc(which));
    }
    both_send(&chosen_pin(true), &chosen_pin_rustc(true));
    both_send(&chosen_pin_mut(0), &chosen_pin_mut_rustc(0));
}

/// A `poll_fn` closure capturing a local, awaited in a `while` loop: the
/// loop's code is written twice, each copy's closure a type of its own,
/// and the awaited future is wrapped in `__private::Copies`, whose tag
/// does not fit in the state's padding (56 bytes against 48; README,
/// "Other shapes where the machine is larger"). Compared for its
/// behaviour only.
#[desugar]
async fn polled_in_a_loop(n: u32) -> u32 {
    let p = Probe::new("p");
    let mut count = 0u32;
    let mut left = n;
    while left > 0 {
        std::future::poll_fn(|cx| {
            count += 1;
            if count % 2 == 1 {
                cx.waker().wake_by_ref();
                std::task::Poll::Pending
            } else {
                std::task::Poll::Ready(())
            }
        })
        .await;
        left -= 1;
    }
    p.touch();
    count
}

#[test]
fn a_poll_fn_in_a_loop_behaves_as_rustc_s() {
    for n in [0, 1, 3] {
        let _ = desugar::harness::assert_same(|| polled_in_a_loop(n), || polled_in_a_loop_rustc(n));
    }
    both_send(&polled_in_a_loop(1), &polled_in_a_loop_rustc(1));
}
