//! Values pinned in the body, `let f = pin!(fut);` and `pin_mut!(fut);`
//! (written here as `futures::pin_mut!` is): each compared with rustc's
//! twin by the harness, around a future that checks it is never moved once
//! polled, nor before it is dropped (`Pin`'s promise; it panics if
//! broken). Run under valgrind with the other machines (`.ci/valgrind`).

use core::future::Future;
use core::marker::PhantomPinned;
use core::pin::{Pin, pin};
use core::task::{Context, Poll, Waker};

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

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

/// Where the twin is `Send`, the machine must be (DESIGN.md, promise 5).
fn assert_send<T: Send>(_: &T) {}

/// `futures::poll!`: one poll of an `Unpin` future.
macro_rules! poll {
    ($future:expr) => {{
        let mut future = $future;
        ::core::future::poll_fn(|cx| Poll::Ready(Future::poll(Pin::new(&mut future), cx))).await
    }};
}

/// Pending `pending` times, then ready with `value`; remembers where it was
/// first polled, and panics if it is polled or dropped anywhere else.
struct Stays {
    at: Option<usize>,
    pending: u32,
    value: u32,
    _probe: Probe,
    _pinned: PhantomPinned,
}

impl Stays {
    fn new(pending: u32, value: u32) -> Stays {
        Stays {
            at: None,
            pending,
            value,
            _probe: Probe::new("stays"),
            _pinned: PhantomPinned,
        }
    }

    fn check(&mut self) {
        let here = self as *const Stays as usize;
        match self.at {
            Some(at) => assert_eq!(at, here, "a pinned value moved"),
            None => self.at = Some(here),
        }
    }
}

impl Future for Stays {
    type Output = u32;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        // SAFETY: nothing is moved out of the pinned value; `check` only
        // reads and records its address.
        let this = unsafe { self.get_unchecked_mut() };
        this.check();
        if this.pending == 0 {
            return Poll::Ready(this.value);
        }
        this.pending -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

impl Drop for Stays {
    fn drop(&mut self) {
        if self.at.is_some() {
            self.check();
        }
    }
}

/// `pin!` around a value awaited through its pin after another await.
#[desugar]
async fn pinned_then_awaited(p: Probe) -> u32 {
    let mut f = pin!(Stays::new(2, 5));
    let first = poll!(f.as_mut());
    let tick = Leaf::new("tick").pending(1).ready(1u32).await;
    let rest = f.as_mut().await;
    p.touch();
    u32::from(first.is_pending()) + tick + rest
}

/// `pin_mut!` on a local polled once per iteration of a loop that awaits
/// between polls: the loop's body is written twice, the value stays put.
#[desugar]
async fn pinned_in_a_loop(rounds: u32) -> u32 {
    let stays = Stays::new(rounds, 7);
    pin_mut!(stays);
    let mut waited = 0;
    loop {
        match poll!(stays.as_mut()) {
            Poll::Ready(v) => break v + waited,
            Poll::Pending => waited += Leaf::new("wait").pending(1).ready(1u32).await,
        }
    }
}

/// A pinned value in scope at an await and not used after it: it stays
/// where it was pinned until it drops at the end of its scope.
#[desugar]
async fn pinned_and_dropped_later() -> u32 {
    let mut f = pin!(Stays::new(1, 3));
    let first = poll!(f.as_mut());
    let later = Leaf::new("later").pending(2).ready(4u32).await;
    later + u32::from(first.is_pending())
}

/// Takes a value and lets it go.
fn give_up<T>(_: T) {}

/// The same with the pin given up before the await, polled where it is
/// made: the value it pinned may not move though nothing borrows it across
/// the await.
#[desugar]
async fn pin_dropped_before_an_await() -> u32 {
    let mut f = pin!(Stays::new(1, 3));
    let first: bool = f
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
        .is_pending();
    give_up(f);
    let later = Leaf::new("later").pending(2).ready(4u32).await;
    later + u32::from(first)
}

/// `pin!` in a branch that awaits.
#[desugar]
async fn pinned_in_a_branch(flag: bool) -> u32 {
    if flag {
        let f = pin!(Stays::new(2, 9));
        f.await
    } else {
        0
    }
}

#[test]
fn pinned_values_stay_put_as_in_rustc() {
    assert_send(&pinned_then_awaited(Probe::new("p")));
    assert_send(&pinned_in_a_loop(2));
    assert_send(&pinned_in_a_branch(true));
    assert_send(&pinned_and_dropped_later());
    for flag in [false, true] {
        let report = assert_same(
            || pinned_in_a_branch(flag),
            move || pinned_in_a_branch_rustc(flag),
        );
        assert_eq!(report.outcome, if flag { "Ready(9)" } else { "Ready(0)" });
    }
    let report = assert_same(
        || pinned_then_awaited(Probe::new("p")),
        || pinned_then_awaited_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(7)");
    for rounds in [0, 2] {
        let report = assert_same(
            || pinned_in_a_loop(rounds),
            move || pinned_in_a_loop_rustc(rounds),
        );
        assert_eq!(report.outcome, format!("Ready({})", 7 + rounds));
    }
    let report = assert_same(pinned_and_dropped_later, pinned_and_dropped_later_rustc);
    assert_eq!(report.outcome, "Ready(5)");
    let report = assert_same(
        pin_dropped_before_an_await,
        pin_dropped_before_an_await_rustc,
    );
    assert_eq!(report.outcome, "Ready(5)");
}

/// A value pinned inside an `async move` block that owns it: the block
/// takes the local when it is made, as the macro's expansion inside it
/// cannot be seen (it was taken for a borrow, and rejected).
#[desugar]
async fn pinned_inside_a_block(p: Probe) -> u32 {
    let stays = Stays::new(1, 6);
    let other = Stays::new(2, 1);
    let block = async move {
        pin_mut!(stays);
        let other = pin!(other);
        stays.await + other.await
    };
    let first = Leaf::new("first").pending(1).ready(1u32).await;
    p.touch();
    first + block.await
}

#[test]
fn a_block_pins_what_it_owns() {
    assert_send(&pinned_inside_a_block(Probe::new("p")));
    let report = assert_same(
        || pinned_inside_a_block(Probe::new("p")),
        || pinned_inside_a_block_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(8)");
}
