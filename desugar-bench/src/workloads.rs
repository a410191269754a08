//! What the poll-cost benchmarks run: loops of awaits, desugared and as
//! rustc compiles them, picked by [`Workload`] and [`Variant`].
//!
//! The flat loops await a leaf directly; their rustc version is the
//! `_rustc` twin `#[desugar]` keeps. The chains await the leaf through ten
//! nested async fns. A twin's body calls the same (desugared) fns as the
//! original, so the chain is written once in a macro and instantiated
//! twice: with `#[desugar]` on every level, and as plain `async fn`s.

use core::hint::black_box;

use desugar::desugar;

use crate::executor::block_on;
use crate::leaves::{pending_once, ready};

/// Awaits `n` leaves that are ready at once.
#[desugar]
pub async fn ready_loop(n: u64) -> u64 {
    let mut total = 0u64;
    for i in 0..n {
        total = total.wrapping_add(ready(black_box(i)).await);
    }
    total
}

/// Awaits `n` leaves that are each `Pending` once.
#[desugar]
pub async fn pending_loop(n: u64) -> u64 {
    let mut total = 0u64;
    for i in 0..n {
        total = total.wrapping_add(pending_once(black_box(i)).await);
    }
    total
}

/// Ten async fns, each awaiting the one below it; `level0` awaits the leaf
/// it is given. `$($attr)?` is `desugar` or nothing.
macro_rules! chain {
    (@level $($attr:meta)?; $name:ident $below:ident) => {
        $(#[$attr])?
        pub async fn $name<F: Future<Output = u64>>(leaf: F) -> u64 {
            $below(leaf).await
        }
    };
    ($($attr:meta)?) => {
        use core::future::Future;
        use core::hint::black_box;

        use crate::leaves::{pending_once, ready};

        $(#[$attr])?
        pub async fn level0<F: Future<Output = u64>>(leaf: F) -> u64 {
            leaf.await
        }
        chain!(@level $($attr)?; level1 level0);
        chain!(@level $($attr)?; level2 level1);
        chain!(@level $($attr)?; level3 level2);
        chain!(@level $($attr)?; level4 level3);
        chain!(@level $($attr)?; level5 level4);
        chain!(@level $($attr)?; level6 level5);
        chain!(@level $($attr)?; level7 level6);
        chain!(@level $($attr)?; level8 level7);
        chain!(@level $($attr)?; level9 level8);

        /// Awaits `n` ready leaves, each through ten levels.
        $(#[$attr])?
        pub async fn ready_chain(n: u64) -> u64 {
            let mut total = 0u64;
            for i in 0..n {
                total = total.wrapping_add(level9(ready(black_box(i))).await);
            }
            total
        }

        /// Awaits `n` leaves that are `Pending` once, each through ten levels.
        $(#[$attr])?
        pub async fn pending_chain(n: u64) -> u64 {
            let mut total = 0u64;
            for i in 0..n {
                total = total.wrapping_add(level9(pending_once(black_box(i))).await);
            }
            total
        }
    };
}

/// The chain with `#[desugar]` on every level.
pub mod desugared_chain {
    use desugar::desugar;

    chain!(desugar);
}

/// The same chain as rustc compiles it.
pub mod rustc_chain {
    chain!();
}

/// What is awaited a million times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Workload {
    /// A leaf that is ready at once, awaited directly.
    Ready,
    /// A leaf that is `Pending` once, awaited directly.
    Pending,
    /// A ready leaf awaited through ten nested async fns.
    ReadyChain,
    /// A `Pending`-once leaf awaited through ten nested async fns.
    PendingChain,
}

impl Workload {
    /// Every workload, in the order the tables list them.
    pub const ALL: [Workload; 4] = [
        Workload::Ready,
        Workload::Pending,
        Workload::ReadyChain,
        Workload::PendingChain,
    ];

    /// The row label in tables.
    pub fn label(self) -> &'static str {
        match self {
            Workload::Ready => "ready leaf",
            Workload::Pending => "pending-once leaf",
            Workload::ReadyChain => "ready leaf, 10 nested fns",
            Workload::PendingChain => "pending-once leaf, 10 nested fns",
        }
    }

    /// The name the instruction-count driver is told on its command line.
    pub fn name(self) -> &'static str {
        match self {
            Workload::Ready => "ready",
            Workload::Pending => "pending",
            Workload::ReadyChain => "ready-chain",
            Workload::PendingChain => "pending-chain",
        }
    }

    /// The workload called `name` (see [`Workload::name`]).
    pub fn from_name(name: &str) -> Option<Workload> {
        Workload::ALL.into_iter().find(|w| w.name() == name)
    }
}

/// Which machine runs the workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// The `#[desugar]` machine.
    Desugared,
    /// rustc's own state machine.
    Rustc,
}

impl Variant {
    /// Both variants, desugared first.
    pub const BOTH: [Variant; 2] = [Variant::Desugared, Variant::Rustc];

    /// The name the instruction-count driver is told on its command line.
    pub fn name(self) -> &'static str {
        match self {
            Variant::Desugared => "desugared",
            Variant::Rustc => "rustc",
        }
    }

    /// The variant called `name` (see [`Variant::name`]).
    pub fn from_name(name: &str) -> Option<Variant> {
        Variant::BOTH.into_iter().find(|v| v.name() == name)
    }
}

/// The number of awaits each workload runs.
pub const AWAITS: u64 = 1_000_000;

/// Runs `workload` on `variant` with `n` awaits to completion and returns
/// its output (the sum of the leaves' values, the same for both variants).
pub fn run(workload: Workload, variant: Variant, n: u64) -> u64 {
    let n = black_box(n);
    match (workload, variant) {
        (Workload::Ready, Variant::Desugared) => measured(ready_loop(n)),
        (Workload::Ready, Variant::Rustc) => measured(ready_loop_rustc(n)),
        (Workload::Pending, Variant::Desugared) => measured(pending_loop(n)),
        (Workload::Pending, Variant::Rustc) => measured(pending_loop_rustc(n)),
        (Workload::ReadyChain, Variant::Desugared) => measured(desugared_chain::ready_chain(n)),
        (Workload::ReadyChain, Variant::Rustc) => measured(rustc_chain::ready_chain(n)),
        (Workload::PendingChain, Variant::Desugared) => measured(desugared_chain::pending_chain(n)),
        (Workload::PendingChain, Variant::Rustc) => measured(rustc_chain::pending_chain(n)),
    }
}

/// Runs one future to completion. Never inlined, and named so that the
/// instruction counter can count inside it alone (`--toggle-collect`),
/// leaving out process start-up.
#[inline(never)]
pub fn measured<F: core::future::Future>(future: F) -> F::Output {
    block_on(future)
}

#[cfg(test)]
mod tests {
    use super::{Variant, Workload, run};

    #[test]
    fn both_variants_compute_the_same_sum() {
        for workload in Workload::ALL {
            let expected = (0..1000u64).sum::<u64>();
            for variant in Variant::BOTH {
                assert_eq!(
                    run(workload, variant, 1000),
                    expected,
                    "{workload:?} {variant:?}"
                );
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for workload in Workload::ALL {
            assert_eq!(Workload::from_name(workload.name()), Some(workload));
        }
        for variant in Variant::BOTH {
            assert_eq!(Variant::from_name(variant.name()), Some(variant));
        }
    }
}
