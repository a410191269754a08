//! Homed values: locals that something borrows across an `.await`.
//!
//! A carried local is moved into the state enum at an await and moved back
//! out after it. A local that is borrowed across an await cannot move, so it
//! lives in a [`Slot`] in the machine's pinned homes area instead, from its
//! `let` to the end of its scope — where rustc keeps it too (the generator
//! "prefix"). One whose scope holds a single await lives in a slot inside
//! that await's variant instead, as rustc overlaps it with the other states
//! (see [`Later`](super::Later)).
//!
//! While the body runs, a [`Home`] guard owns the value: it drops the value
//! when the local's scope ends (also while unwinding) and doubles as the
//! local's drop flag when the value is moved out. At a suspension the guard
//! is stored in the state as a one-byte [`Homed`] flag, or, where the local
//! is never moved before that await, as a [`Live`], which takes no byte (as
//! rustc keeps no drop flag for a local it never moves); on resuming it is
//! rebuilt from the flag and the slot. A suspended machine that is dropped
//! rebuilds the guards too, so its values drop in rustc's order.

use core::marker::{PhantomData, PhantomPinned};
use core::mem::MaybeUninit;
use core::pin::Pin;
use core::ptr::NonNull;

/// Storage for one homed local inside the machine's pinned homes area, or
/// in place in the variant of the one await its scope holds.
/// Starts empty; a [`Home`] fills it and owns what it holds.
///
/// Never `Unpin`: what it holds is borrowed where it is, so whatever holds a
/// slot (the homes area, a state enum) must stay pinned too.
#[repr(transparent)]
pub struct Slot<T>(MaybeUninit<T>, PhantomPinned);

impl<T> Slot<T> {
    /// An empty slot.
    #[inline]
    pub const fn new() -> Self {
        Slot(MaybeUninit::uninit(), PhantomPinned)
    }
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// A homed local as the state enum stores it while suspended: whether its
/// slot holds a value. The type parameter is the local's type, for the
/// layout (and the auto traits) to show what lives in the slot.
pub struct Homed<T> {
    live: bool,
    of: PhantomData<T>,
}

/// A homed local as the state enum stores it while suspended where its slot
/// always holds a value: nothing but its type, for the layout (and the auto
/// traits) to show what lives in the slot. The expansion stores one only at
/// an await that no move of the local comes before ([`Home::store_live`]).
pub struct Live<T> {
    of: PhantomData<T>,
}

/// A homed local as the state enum stores it while suspended in the `else`
/// of the `if let` whose scrutinee made it, which drops it first in Rust
/// 2024 and keeps it to the end of the `if let` in Rust 2021: its slot holds
/// a value exactly where `KEPT` (the expansion's constant for the edition
/// of the user's `if`, `{ !__RUST_2024_0 }`) says so. Nothing but its type,
/// as [`Live`]: no byte in either edition.
pub struct Edition<T, const KEPT: bool> {
    of: PhantomData<T>,
}

/// What a state stores for a homed local, [`Homed`], [`Live`] or
/// [`Edition`]: whether
/// its slot holds a value, read by [`Home::restore`].
pub trait Stored<T> {
    /// Does the slot hold a value?
    fn live(&self) -> bool;
}

impl<T> Stored<T> for Homed<T> {
    #[inline]
    fn live(&self) -> bool {
        self.live
    }
}

impl<T> Stored<T> for Live<T> {
    #[inline]
    fn live(&self) -> bool {
        true
    }
}

impl<T, const KEPT: bool> Stored<T> for Edition<T, KEPT> {
    #[inline]
    fn live(&self) -> bool {
        KEPT
    }
}

/// Owner of the value in a [`Slot`], and its drop flag.
pub struct Home<T> {
    ptr: NonNull<T>,
    live: bool,
    owns: PhantomData<T>,
}

// SAFETY: a `Home<T>` is the unique owner of a `T` (like `Box<T>`); sending
// it sends the `T`, sharing it shares only `&T`.
unsafe impl<T: Send> Send for Home<T> {}
// SAFETY: see above; `&Home<T>` gives no access beyond `&T`.
unsafe impl<T: Sync> Sync for Home<T> {}

impl<T> Home<T> {
    /// Moves `value` into `slot` and returns its owner.
    ///
    /// # Safety
    /// `slot` is a slot of a pinned machine's homes area, or of the variant
    /// its state stays in while the guard lives, that no other live `Home`
    /// owns; the machine outlives the returned guard (it is kept in the
    /// machine's state or in the step closure's frame).
    #[inline]
    pub unsafe fn new(slot: Pin<&mut Slot<T>>, value: T) -> Self {
        // SAFETY: the guard never moves the slot; the caller promises the
        // slot stays where it is for as long as the guard lives.
        let slot = unsafe { Pin::get_unchecked_mut(slot) };
        let ptr = NonNull::from(slot.0.write(value));
        Home {
            ptr,
            live: true,
            owns: PhantomData,
        }
    }

    /// The owner of a local declared without a value (`let x;`), which a
    /// later assignment fills through [`Home::set`].
    ///
    /// # Safety
    /// As for [`Home::new`].
    #[inline]
    pub unsafe fn vacant(slot: Pin<&mut Slot<T>>) -> Self {
        // SAFETY: as in `new`.
        let slot = unsafe { Pin::get_unchecked_mut(slot) };
        Home {
            ptr: NonNull::from(slot).cast(),
            live: false,
            owns: PhantomData,
        }
    }

    /// The local's place, for the user's code to use under the local's own
    /// name. The lifetime is not tied to the guard: the value may stay
    /// borrowed across a suspension, while the guard is moved between states.
    ///
    /// # Safety
    /// The borrow does not outlive the local's scope. The expansion only
    /// hands this reference to the user's code within that scope, and rustc
    /// has borrow-checked the same code in the `_rustc` twin, where the local
    /// is an ordinary local.
    #[inline]
    pub unsafe fn place_mut<'a>(&self) -> &'a mut T {
        // SAFETY: `ptr` points into a pinned slot that outlives the scope the
        // caller uses the reference in (see above).
        unsafe { &mut *self.ptr.as_ptr() }
    }

    /// Shared form of [`Home::place_mut`], for locals not declared `mut`.
    ///
    /// # Safety
    /// As for [`Home::place_mut`].
    #[inline]
    pub unsafe fn place<'a>(&self) -> &'a T {
        // SAFETY: as in `place_mut`.
        unsafe { &*self.ptr.as_ptr() }
    }

    /// Moves the value out (the user's code moved or copied the local). The
    /// slot keeps its bytes, so a `Copy` local stays readable, and the guard
    /// no longer drops it.
    ///
    /// # Safety
    /// The slot holds a value: rustc's check of the twin guarantees that the
    /// user's code only moves an initialized local.
    #[inline]
    pub unsafe fn take(&mut self) -> T {
        self.live = false;
        // SAFETY: initialized (see above); `live` is now false, so the value
        // will not be dropped here a second time.
        unsafe { self.ptr.as_ptr().read() }
    }

    /// The guard as the state stores it across a suspension. The value stays
    /// in its slot, owned by the flag until [`Home::restore`].
    #[inline]
    pub fn store(self) -> Homed<T> {
        let live = self.live;
        core::mem::forget(self);
        Homed {
            live,
            of: PhantomData,
        }
    }

    /// [`Home::store`] at an await that no move of the local comes before,
    /// on any path: the slot holds a value there, and the state keeps no
    /// byte to say so.
    ///
    /// # Panics
    /// If the value was moved out after all: the expansion's analysis is
    /// wrong, and a [`Live`] restored would drop a value that is not there.
    #[inline]
    pub fn store_live(self) -> Live<T> {
        assert!(self.live, "desugar: a local kept as always live was moved");
        core::mem::forget(self);
        Live { of: PhantomData }
    }

    /// [`Home::store`] in the `else` of the `if let` that made the local,
    /// which drops it first where the code is Rust 2024: the slot holds a
    /// value there exactly in Rust 2021 (`KEPT`), and the state keeps no
    /// byte to say so.
    ///
    /// # Panics
    /// If the value is there and `KEPT` says it is not, or the other way
    /// round: the expansion's analysis is wrong.
    #[inline]
    pub fn store_edition<const KEPT: bool>(self) -> Edition<T, KEPT> {
        assert!(
            self.live == KEPT,
            "desugar: a value the edition drops before an `else` was kept, or one it keeps was moved"
        );
        core::mem::forget(self);
        Edition { of: PhantomData }
    }

    /// The guard again, on resuming (or on dropping a suspended machine).
    ///
    /// # Safety
    /// `slot` is the slot `flag` was stored from, as for [`Home::new`].
    #[inline]
    pub unsafe fn restore(slot: Pin<&mut Slot<T>>, flag: impl Stored<T>) -> Self {
        // SAFETY: as in `new`; the flag says whether the slot holds a value.
        let slot = unsafe { Pin::get_unchecked_mut(slot) };
        Home {
            ptr: NonNull::from(slot).cast(),
            live: flag.live(),
            owns: PhantomData,
        }
    }

    /// Assigns the local: drops the old value if there is one, stores the new.
    #[inline]
    pub fn set(&mut self, value: T) {
        if self.live {
            self.live = false;
            // SAFETY: `live` says the slot holds a value; it is cleared first
            // so a panicking destructor does not lead to a second drop.
            unsafe { self.ptr.as_ptr().drop_in_place() };
        }
        // SAFETY: the slot is valid for writes for the guard's life.
        unsafe { self.ptr.as_ptr().write(value) };
        self.live = true;
    }
}

impl<T> Drop for Home<T> {
    #[inline]
    fn drop(&mut self) {
        if self.live {
            // SAFETY: the slot holds a value that this guard owns, and the
            // machine (and with it the slot) is still alive.
            unsafe { self.ptr.as_ptr().drop_in_place() }
        }
    }
}

/// [`Home::restore`] in the `else` of the `if let` that made the local,
/// where its home is there in Rust 2021 only (`[Slot<T>; 1]` there,
/// `[Slot<T>; 0]` in Rust 2024, where the local lived in the variant of
/// the one await of its `if let` before the `else`, and is gone: see
/// `emit::layout` in the expansion). In Rust 2021 (`KEPT`), the guard of
/// the value in that slot; in Rust 2024, a guard of no value, which
/// points nowhere and is never reached through (the expansion binds no
/// name to its place, and nothing moves into or out of a scrutinee's
/// temporary in its `else`).
///
/// # Safety
/// In Rust 2021, as for [`Home::restore`]: `slots` holds the slot `flag`
/// was stored from.
#[inline]
pub unsafe fn restore_in_edition<T, const KEPT: bool, const N: usize>(
    slots: Pin<&mut [Slot<T>; N]>,
    flag: Edition<T, KEPT>,
) -> Home<T> {
    if KEPT {
        // SAFETY: `KEPT` is Rust 2021, where the caller promises (see
        // `# Safety`) that `slots` holds the slot `flag` was stored from,
        // which is what `Home::restore` requires.
        unsafe { Home::restore(edition_slot(slots), flag) }
    } else {
        Home {
            ptr: NonNull::dangling(),
            live: false,
            owns: PhantomData,
        }
    }
}

/// The one slot of a homed local's storage that is there in one edition
/// only, `[Slot<T>; 1]` in it and `[Slot<T>; 0]` in the other (see
/// `emit::layout` in the expansion: a temporary an `if let`'s `else` drops
/// first in Rust 2024 shares its home with the `else`'s own there, and has
/// one of its own in Rust 2021). The expansion reaches it only in the
/// edition it is there in.
///
/// # Panics
/// If the array is empty: the expansion's analysis is wrong.
#[inline]
pub fn edition_slot<T, const N: usize>(slots: Pin<&mut [Slot<T>; N]>) -> Pin<&mut Slot<T>> {
    // SAFETY: an element of a pinned array is pinned too (the array is
    // never moved out of, nor its elements), as a pinned struct's field
    // that is projected structurally; nothing here moves it.
    unsafe {
        slots.map_unchecked_mut(|slots| match slots.first_mut() {
            Some(slot) => slot,
            None => panic!("desugar: a home reached in the edition it is not kept in"),
        })
    }
}
