//! The fields of a state that keeps values in place in its own variant.
//!
//! A value borrowed across exactly one await lives, in rustc's layout, in
//! that await's variant, overlapping the other states. The expansion does
//! the same: the variant holds the value's pinned [`Slot`](super::Slot),
//! which is filled *before* the machine suspends there (the awaited future
//! is made from a borrow of it). So the machine enters that state early,
//! and the awaited future and the other values the state keeps are written
//! in only at the suspension: each is a [`Later`], and a `__held` flag of
//! the variant says whether they are written. (An `enum` of "written" and
//! "not yet" inside the variant would need a tag and padding of its own,
//! which rustc's layout does not have.)

use core::mem::MaybeUninit;
use core::pin::Pin;

/// A value of a state kept in place, written when the machine suspends
/// there and taken back when it resumes. Its variant's `__held` flag says
/// whether it holds a value; it never drops what it holds by itself.
///
/// Pinning is structural only for the awaited future ([`Later::pinned`]);
/// the other values are moved in and out ([`Later::take`]).
#[repr(transparent)]
pub struct Later<T>(MaybeUninit<T>);

impl<T> Later<T> {
    /// Nothing written yet.
    #[inline]
    pub const fn new() -> Self {
        Later(MaybeUninit::uninit())
    }

    /// Writes the value as the machine suspends. Whatever was there before
    /// was taken or dropped (or never written).
    #[inline]
    pub fn write(self: Pin<&mut Self>, value: T) {
        // SAFETY: writing moves nothing out of the pinned place; a value
        // written here stays until it is taken or dropped in place.
        unsafe { self.get_unchecked_mut() }.0.write(value);
    }

    /// Moves the value out as the machine resumes.
    ///
    /// # Safety
    /// A value was written and not taken or dropped since (the variant's
    /// `__held` flag was set), and it was never pinned through
    /// [`Later::pinned`].
    #[inline]
    pub unsafe fn take(self: Pin<&mut Self>) -> T {
        // SAFETY: initialized (see above), and not structurally pinned, so
        // moving it out is fine; the caller clears `__held` so it is taken
        // once.
        unsafe { self.get_unchecked_mut().0.assume_init_read() }
    }

    /// The awaited future, pinned where it was written.
    ///
    /// # Safety
    /// A value was written and not dropped since (the variant's `__held`
    /// flag is set).
    #[inline]
    pub unsafe fn pinned(self: Pin<&mut Self>) -> Pin<&mut T> {
        // SAFETY: initialized (see above); the value is never moved out (it
        // is dropped in place), so pinning it is structural.
        unsafe { self.map_unchecked_mut(|later| later.0.assume_init_mut()) }
    }

    /// Drops the awaited future in place, as rustc drops it once it is
    /// ready, or first when a suspended future is dropped.
    ///
    /// # Safety
    /// As for [`Later::pinned`]; the caller clears `__held` first, so a
    /// panicking destructor does not lead to a second drop.
    #[inline]
    pub unsafe fn drop_in_place(self: Pin<&mut Self>) {
        // SAFETY: initialized (see above) and dropped once.
        unsafe { self.get_unchecked_mut().0.assume_init_drop() }
    }
}

impl<T> Default for Later<T> {
    fn default() -> Self {
        Self::new()
    }
}
