//! The awaited future of a state that holds it directly (`Suspend0 {
//! __awaitee: Awaited<F0>, .. }`).
//!
//! A plain field would offer the future's niches to the state enum, and
//! rustc would store the enum's discriminant in one of them: a `bool` of
//! the future (`PendingOnce { value: u64, polled: bool }`) holding `2`,
//! `3`, `4` for `Unresumed`, `Returned`, `Panicked`. That saves the tag's
//! byte, but every poll then decodes the niche before it can jump to the
//! state's arm, twice the instructions of rustc's own dispatch, which reads
//! a tag of its own (BENCHMARKS.md, "Poll cost"). An `UnsafeCell` has no
//! niche to offer, so the enum keeps a tag beside the future, as rustc's
//! coroutine does. (`Later`, the future of a state entered before it
//! suspends, is a `MaybeUninit` and hides them already.)
//!
//! ```
//! use desugar_runtime::__private::Awaited;
//! use std::mem::size_of;
//! assert_eq!(size_of::<Awaited<bool>>(), size_of::<bool>());
//! assert_eq!(size_of::<Option<Awaited<bool>>>(), 2);
//! ```

use core::cell::UnsafeCell;
use core::future::Future;
use core::panic::RefUnwindSafe;
use core::pin::Pin;

/// The awaited future, pinned structurally: it is dropped where it is and
/// never moved out.
#[repr(transparent)]
pub struct Awaited<F>(UnsafeCell<F>);

impl<F> Awaited<F> {
    /// Holds the future the machine is about to suspend on.
    #[inline(always)]
    pub const fn new(future: F) -> Self {
        Awaited(UnsafeCell::new(future))
    }
}

// `pinned` asks for `F: Future` itself, so that a future that is not one
// is reported at this call, where the expansion's own messages for it
// (`BlockValue`'s, for one) are, as at a plain `Future::poll` of it.
impl<F: Future> Awaited<F> {
    /// The future, pinned where the state holds it, to be polled.
    #[inline(always)]
    pub fn pinned(self: Pin<&mut Self>) -> Pin<&mut F> {
        // SAFETY: pinning is structural: nothing moves the future out of
        // the wrapper (there is no method that takes or replaces it), and
        // the wrapper has no `Drop` of its own: the future is dropped in
        // place with it. The `&mut` is the only access, so going through
        // the cell aliases nothing.
        unsafe { self.map_unchecked_mut(|awaited| awaited.0.get_mut()) }
    }
}

// SAFETY: `UnsafeCell` is `!Sync` because a shared reference to it may be
// used to mutate its content; nothing reachable through a `&Awaited<F>`
// touches the future at all (its only access is `pinned`, through
// `Pin<&mut Self>`), so sharing the wrapper between threads shares at most
// what sharing `F` would. The bound keeps the machine `Sync` exactly where
// its twin, which holds `F` itself, is.
unsafe impl<F: Sync> Sync for Awaited<F> {}

/// As for `Sync`: a shared reference reaches nothing inside, so the
/// wrapper is as unwind-safe behind one as the future is.
impl<F: RefUnwindSafe> RefUnwindSafe for Awaited<F> {}
