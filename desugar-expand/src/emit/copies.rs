//! Awaits the expansion writes more than once whose future is a type of
//! its own in each copy: an `async` block, an awaiting macro (awaited
//! through one), a call given a closure. To resume inside a loop, or after
//! a branch that awaits, the code is written once per way of reaching it,
//! and each copy's future would be another type for the one `__awaitee`
//! field of its state. Each copy's future goes into its own variant of
//! `__private::Copies` instead, so that the field has one type.
//!
//! Before (the first of two copies of one await):
//! `let __awaitee = IntoFuture::into_future(async { .. });`
//!
//! After:
//! ```text
//! let __awaitee = Copies::First { future: IntoFuture::into_future(async { .. }) };
//! ```
//! and in the second copy `Copies::Rest { future: .. }`; with three copies
//! or more the last variant nests again (`Rest { future: First { .. } }`).

use std::cell::Cell;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{AwaitId, LocalId};
use crate::names;

/// The awaits whose future is written more than once, how many times, and
/// how many copies the arms have written so far; and the same for the
/// `let`s of an `async` block wrapped where the block is made (see
/// [`CopiesPlan::wrap_block`]).
#[derive(Default)]
pub(crate) struct CopiesPlan {
    awaits: Vec<(AwaitId, usize, Cell<usize>)>,
    blocks: Vec<(LocalId, usize, Cell<usize>)>,
}

impl CopiesPlan {
    /// For the awaits and the blocks' `let`s written `count` times each.
    pub(crate) fn new(counts: &[(AwaitId, usize)], blocks: &[(LocalId, usize)]) -> Self {
        CopiesPlan {
            awaits: counts
                .iter()
                .map(|&(k, count)| (k, count, Cell::new(0)))
                .collect(),
            blocks: blocks
                .iter()
                .map(|&(local, count)| (local, count, Cell::new(0)))
                .collect(),
        }
    }

    /// The future of the next copy of await `k`, in its variant if `k` is
    /// written more than once.
    pub(crate) fn wrap(&self, k: AwaitId, future: TokenStream) -> TokenStream {
        let Some((_, count, written)) = self.awaits.iter().find(|(await_id, ..)| *await_id == k)
        else {
            return future;
        };
        next_copy(count, written, future)
    }

    /// Is the `async` block `local`'s `let` binds wrapped where it is made?
    pub(crate) fn wraps_block(&self, local: LocalId) -> bool {
        self.blocks.iter().any(|(l, ..)| *l == local)
    }

    /// The `async` block of the next copy of `local`'s `let`, in its
    /// variant. A block moved on into another local's value (`let boxed =
    /// Box::pin(job);`, `let race = Select(Box::pin(job), tick);`) makes
    /// that value a type of its own in each copy too, which no await can
    /// wrap any more; wrapped where it is made, the block has one type in
    /// every copy, and so has whatever holds it (the tag inside the `Box`,
    /// where there is one).
    ///
    /// Before (the first of two copies): `let job = async { .. };`
    /// After: `let job = ::desugar::__private::Copies::First { future: async { .. } };`
    pub(crate) fn wrap_block(&self, local: LocalId, block: TokenStream) -> TokenStream {
        let Some((_, count, written)) = self.blocks.iter().find(|(l, ..)| *l == local) else {
            return block;
        };
        next_copy(count, written, block)
    }
}

/// The next of `count` copies of `future` (`written` so far), in its
/// variant of `Copies`.
fn next_copy(count: &usize, written: &Cell<usize>, future: TokenStream) -> TokenStream {
    let index = written.get();
    written.set(index + 1);
    let private = names::private();
    // Copy `index` of `count`: `Rest` `index` times around `First`; the
    // last copy has no `First`, so that every type parameter is some
    // copy's future.
    let mut wrapped = if index + 1 < *count {
        quote!(#private::Copies::First { future: #future })
    } else {
        future
    };
    for _ in 0..index.min(count.saturating_sub(1)) {
        wrapped = quote!(#private::Copies::Rest { future: #wrapped });
    }
    wrapped
}
