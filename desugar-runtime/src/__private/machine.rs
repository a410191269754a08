//! The future every desugared fn returns: a pinned state enum, a pinned area
//! for homed values, and the step closure that drives them.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

/// Implemented by each generated state enum (with `H` its homes area), so
/// the machine can mark completion, name the current state and drop a
/// suspended state without knowing the enum.
pub trait State<H> {
    /// The `Returned` variant.
    fn returned() -> Self;
    /// The `Panicked` variant.
    fn panicked() -> Self;
    /// Is this the `Returned` variant?
    fn is_returned(&self) -> bool;
    /// The name of the current variant, as rustc names it (`Unresumed`,
    /// `Suspend0`, …, `Returned`, `Panicked`).
    fn name(&self) -> &'static str;
    /// The machine's description. A constant and a type (below), not
    /// methods, so that each machine gives rustc no code to check for them.
    const INFO: crate::inspect::MachineInfo;
    /// The types of each state's fields, for [`State::field_layout`].
    type FieldTypes: super::StateTree;
    /// The machine's description.
    fn info() -> &'static crate::inspect::MachineInfo {
        &Self::INFO
    }
    /// The layout of field `field` of state `state` (indices into
    /// [`MachineInfo::states`](crate::inspect::MachineInfo::states)).
    fn field_layout(state: usize, field: usize) -> crate::inspect::FieldLayout {
        <Self::FieldTypes as super::StateTree>::layout(state, field)
    }
    /// Drops what a suspended state keeps, homed values included, in the
    /// order rustc drops a suspended future's locals; leaves `Returned`.
    /// States that keep no homed value leave this to the enum's own drop.
    fn drop_suspended(self: Pin<&mut Self>, homes: Pin<&mut H>) {
        let _ = (self, homes);
    }
}

pin_project_lite::pin_project! {
    /// The future returned by a `#[desugar]` fn.
    ///
    /// `state` is the visible enum (one variant per `.await`); `homes` holds
    /// the values that are borrowed across an await and so must not move;
    /// `step` runs the user's code from the current state to the next
    /// suspension or to the end.
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Machine<S, H, F>
    where
        S: State<H>,
    {
        #[pin]
        state: S,
        #[pin]
        homes: H,
        step: F,
    }

    impl<S, H, F> PinnedDrop for Machine<S, H, F>
    where
        S: State<H>,
    {
        fn drop(this: Pin<&mut Self>) {
            let this = this.project();
            S::drop_suspended(this.state, this.homes);
        }
    }
}

impl<S, H, F, O> Machine<S, H, F>
where
    S: State<H>,
    F: FnMut(Pin<&mut S>, Pin<&mut H>, &mut Context<'_>) -> Poll<O>,
{
    /// Builds the machine in its `Unresumed` state. The bound on `step` is
    /// here (not only on the `Future` impl) so that the closure's argument
    /// types are known while its body is type-checked.
    #[inline]
    pub fn new(state: S, homes: H, step: F) -> Self {
        Self { state, homes, step }
    }
}

impl<S: State<H>, H, F> Machine<S, H, F> {
    /// The name of the state the machine is in.
    pub fn state_name(&self) -> &'static str {
        self.state.name()
    }
}

impl<S: State<H>, H, F> crate::inspect::Inspect for Machine<S, H, F> {
    fn state_name(&self) -> &'static str {
        self.state.name()
    }

    fn info(&self) -> &'static crate::inspect::MachineInfo {
        S::info()
    }

    fn layout(&self) -> crate::inspect::Layout {
        crate::inspect::Layout {
            info: S::info(),
            size: core::mem::size_of::<Self>(),
            align: core::mem::align_of::<Self>(),
            homes: core::mem::size_of::<H>(),
            field: S::field_layout,
        }
    }
}

impl<S, H, F, O> Future for Machine<S, H, F>
where
    S: State<H>,
    F: FnMut(Pin<&mut S>, Pin<&mut H>, &mut Context<'_>) -> Poll<O>,
{
    type Output = O;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<O> {
        let this = self.project();
        let mut state = this.state;
        let mut homes = this.homes;
        // SAFETY: the pointers come from pinned places that stay pinned: the
        // step gets them back as `Pin`s, and `Poison` only drops in place.
        let state_ptr: *mut S = unsafe { state.as_mut().get_unchecked_mut() };
        // SAFETY: as above.
        let homes_ptr: *mut H = unsafe { homes.as_mut().get_unchecked_mut() };
        let poison = Poison::<S, H> {
            state: state_ptr,
            homes: homes_ptr,
        };
        // SAFETY: re-pinning a pinned place; this reference is the only one
        // used until the step returns (or unwinds, when `Poison` takes over).
        let state_pin = unsafe { Pin::new_unchecked(&mut *state_ptr) };
        // SAFETY: as above, for the homes area.
        let homes_pin = unsafe { Pin::new_unchecked(&mut *homes_ptr) };
        let out = (this.step)(state_pin, homes_pin, cx);
        core::mem::forget(poison);
        // The step leaves the state `Panicked` while the body runs, so a
        // panic poisons the machine. It returns after the body's locals are
        // dropped; only then is the future finished.
        if out.is_ready() {
            state.set(S::returned());
        }
        out
    }
}

/// Armed while the step runs. If it unwinds — a panic in the body, or in a
/// future it awaits — the machine is poisoned as rustc poisons its own:
/// what the current state keeps is dropped now, in rustc's order, and the
/// next poll panics with "`async fn` resumed after panicking". A finished
/// machine stays finished (polling it again keeps saying so).
struct Poison<S: State<H>, H> {
    state: *mut S,
    homes: *mut H,
}

impl<S: State<H>, H> Drop for Poison<S, H> {
    fn drop(&mut self) {
        // SAFETY: only reached while unwinding out of `Machine::poll`, whose
        // pinned state and homes these point to; nothing else uses them now.
        let (mut state, homes) = unsafe {
            (
                Pin::new_unchecked(&mut *self.state),
                Pin::new_unchecked(&mut *self.homes),
            )
        };
        if !state.is_returned() {
            S::drop_suspended(state.as_mut(), homes);
            state.set(S::panicked());
        }
    }
}
