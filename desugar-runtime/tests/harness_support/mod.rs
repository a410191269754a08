//! Shared by the `harness_*` tests: an async fn and the same function written
//! out by hand as an enum state machine, the way the seeds explain rustc's
//! lowering. The pair is the harness's model of "a `#[desugar]` fn and its
//! rustc twin".

// Each test crate includes this module but uses only part of it.
#![allow(dead_code)]

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use desugar_runtime::harness::{LeafFuture, Probe, StateName};

/// Builds the leaf the function awaits, so tests can script it.
pub type MakeLeaf = fn() -> LeafFuture<u32>;

/// The async fn.
pub async fn two_steps(tag: Probe, make: MakeLeaf) -> u32 {
    let v = make().await;
    tag.touch();
    v + 1
}

/// `two_steps` by hand: one variant per state, as rustc names them.
pub enum TwoSteps {
    /// Before the first poll: the parameters.
    Unresumed { tag: Probe, make: MakeLeaf },
    /// Suspended at `make().await`. The awaitee is dropped before `tag` on
    /// cancellation, as in rustc's machine, because it is declared first.
    Suspend0 {
        awaitee: LeafFuture<u32>,
        tag: Probe,
    },
    /// Finished.
    Returned,
    /// The body panicked (or is running: the state is `Panicked` while a
    /// poll is in progress, so a panic leaves it poisoned).
    Panicked,
}

impl TwoSteps {
    pub fn new(tag: Probe, make: MakeLeaf) -> Self {
        TwoSteps::Unresumed { tag, make }
    }
}

impl Future for TwoSteps {
    type Output = u32;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        let this = self.get_mut();
        loop {
            match core::mem::replace(this, TwoSteps::Panicked) {
                TwoSteps::Unresumed { tag, make } => {
                    *this = TwoSteps::Suspend0 {
                        awaitee: make(),
                        tag,
                    };
                }
                // Bind `tag` before `awaitee`: if polling the awaitee
                // panics, locals drop in reverse binding order, so the
                // awaitee goes first — rustc's unwinding order.
                TwoSteps::Suspend0 { tag, mut awaitee } => match Pin::new(&mut awaitee).poll(cx) {
                    Poll::Pending => {
                        *this = TwoSteps::Suspend0 { awaitee, tag };
                        return Poll::Pending;
                    }
                    Poll::Ready(v) => {
                        drop(awaitee);
                        tag.touch();
                        drop(tag);
                        *this = TwoSteps::Returned;
                        return Poll::Ready(v + 1);
                    }
                },
                TwoSteps::Returned => panic!("`async fn` resumed after completion"),
                TwoSteps::Panicked => panic!("`async fn` resumed after panicking"),
            }
        }
    }
}

impl StateName for TwoSteps {
    fn state_name(&self) -> &'static str {
        match self {
            TwoSteps::Unresumed { .. } => "Unresumed",
            TwoSteps::Suspend0 { .. } => "Suspend0",
            TwoSteps::Returned => "Returned",
            TwoSteps::Panicked => "Panicked",
        }
    }
}

/// Runs `f`, which must panic, and returns the panic's message.
pub fn panic_of(f: impl FnOnce()) -> String {
    let payload =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).expect_err("expected a panic");
    desugar_runtime::harness::panic_message(&*payload)
}
