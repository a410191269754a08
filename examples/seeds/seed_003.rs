//! Seed 003, "The Future trait, for real": hand-written futures
//! (`CountdownFuture`, `Delay`, `DelayedValue`, the `IntoFuture` of
//! `DatabaseQuery`) and the async fns that await them — the seed's
//! `#[tokio::main] async fn main`s, named here after what they await.
//!
//! The futures are the seed's, with two changes that make every run the
//! same: tokio's `sleep` is a harness leaf that is `Pending` once per
//! started 100 ms, and `Delay`, whose seed version spawns a thread that
//! sleeps until the deadline and then wakes the task, is a leaf that is
//! `Pending` once and wakes the task from another thread. `tokio::join!` is
//! the hand-written `join` below. A `println!` in this file is
//! recorded in the harness trace (as `note: …`) instead of printed.

use std::future::{Future, IntoFuture, poll_fn};
use std::pin::{Pin, pin};
use std::task::{Context, Poll};
use std::time::Duration;

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};

use self::tokio::time::sleep;

/// `println!`, recorded in the harness trace instead of printed.
macro_rules! println {
    ($($arg:tt)*) => {
        desugar::harness::note(format!($($arg)*))
    };
}

/// A stand-in for tokio's timer: a sleep is a leaf that is `Pending` once
/// per started 100 ms (and wakes the task at once).
mod tokio {
    pub mod time {
        use desugar::harness::{Leaf, LeafFuture};
        use std::time::Duration;

        /// `tokio::time::Sleep`.
        pub type Sleep = LeafFuture<()>;

        /// `tokio::time::sleep`, scripted.
        pub fn sleep(duration: Duration) -> Sleep {
            let pendings = duration.as_millis().div_ceil(100);
            Leaf::new(format!("sleep {duration:?}"))
                .pending(pendings.try_into().unwrap())
                .ready(())
        }
    }
}

/// A `join` of two futures from `std` alone, standing in for `tokio::join!`:
/// each poll polls every future not yet finished, in argument order, with
/// the caller's `Context`; a finished future is dropped at once (tokio keeps
/// its output in a `MaybeDone` in its place).
async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let mut a = pin!(Some(a));
    let mut b = pin!(Some(b));
    let (mut out_a, mut out_b) = (None, None);
    poll_fn(|cx| {
        if let Some(future) = a.as_mut().as_pin_mut()
            && let Poll::Ready(out) = future.poll(cx)
        {
            out_a = Some(out);
            a.set(None);
        }
        if let Some(future) = b.as_mut().as_pin_mut()
            && let Poll::Ready(out) = future.poll(cx)
        {
            out_b = Some(out);
            b.set(None);
        }
        if out_a.is_some() && out_b.is_some() {
            Poll::Ready((out_a.take().unwrap(), out_b.take().unwrap()))
        } else {
            Poll::Pending
        }
    })
    .await
}

// "Building a Future by Hand"

struct CountdownFuture {
    remaining: u32,
}

impl Future for CountdownFuture {
    type Output = String;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        if self.remaining == 0 {
            Poll::Ready("Liftoff!".to_string())
        } else {
            println!(" countdown: {}", self.remaining);
            self.remaining -= 1;
            cx.waker().wake_by_ref(); // Schedule another poll immediately
            Poll::Pending
        }
    }
}

#[desugar]
pub async fn countdown() {
    let result = CountdownFuture { remaining: 3 }.await;
    println!("{result}");
}

// "The Waker Contract"

/// The seed's `Delay`, made deterministic: instead of checking the clock
/// and spawning a thread that sleeps until the deadline, it waits on a leaf
/// that is `Pending` once and, like the seed's thread, calls `wake()` from
/// another thread.
struct Delay {
    timer: LeafFuture<()>,
}

impl Delay {
    fn new(dur: Duration) -> Self {
        Delay {
            timer: Leaf::new(format!("delay {dur:?}"))
                .pending(1)
                .wake_from_thread()
                .ready(()),
        }
    }
}

impl Future for Delay {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        Pin::new(&mut self.timer).poll(cx)
    }
}

#[desugar]
pub async fn delay() {
    println!("waiting...");
    Delay::new(Duration::from_secs(1)).await;
    println!("done!");
}

// "A Practical Example: Combining Manual Futures with Async"

/// A future that yields a value after a delay,
/// wrapping tokio's sleep internally.
struct DelayedValue<T> {
    value: Option<T>,
    delay: Pin<Box<tokio::time::Sleep>>,
}

impl<T> DelayedValue<T> {
    fn new(value: T, duration: Duration) -> Self {
        DelayedValue {
            value: Some(value),
            delay: Box::pin(sleep(duration)),
        }
    }
}

impl<T: Unpin> Future for DelayedValue<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        // First, check if the delay is complete
        match self.delay.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(()) => {
                let value = self.value.take().expect("polled after completion");
                Poll::Ready(value)
            }
        }
    }
}

#[desugar]
pub async fn delayed_values() {
    let fast = DelayedValue::new("fast", Duration::from_millis(100));
    let slow = DelayedValue::new("slow", Duration::from_millis(500));

    // Run concurrently
    let (a, b) = join(fast, slow).await;
    println!("{a}, {b}"); // prints after ~500ms
}

// "The Relationship Between Future and IntoFuture"

struct DatabaseQuery {
    sql: String,
}

impl IntoFuture for DatabaseQuery {
    type Output = Vec<String>;
    type IntoFuture = Pin<Box<dyn Future<Output = Vec<String>> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            // Simulate query execution
            sleep(Duration::from_millis(100)).await;
            vec![format!("result of: {}", self.sql)]
        })
    }
}

#[desugar]
pub async fn database_query() {
    let query = DatabaseQuery {
        sql: "SELECT * FROM users".to_string(),
    };

    // This calls into_future() automatically
    let results = query.await;
    println!("{results:?}");
}
