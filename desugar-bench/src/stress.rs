//! The size-stress set: async fns written to make futures large, in the
//! ways rustc's own are known to grow (rust-lang/rust#62958, #59087,
//! #108906): large arrays kept across awaits, large arguments used after
//! one, deep nesting, many sequential awaits, loops holding buffers.
//!
//! Every fn here is `#[desugar]`, so its `_rustc` twin is the comparison;
//! the nesting rows compare two whole chains (see [`nesting`]).

use core::hint::black_box;

use desugar::desugar;

use crate::leaves::{poke, ready};

/// What the fns do with a buffer after an await, so that it is kept.
fn sum(bytes: &[u8]) -> u64 {
    bytes.iter().map(|&b| u64::from(b)).sum()
}

/// A 4 KiB array moved into the state across an await.
#[desugar]
pub async fn array_carried() -> u64 {
    let buf = [black_box(1u8); 4096];
    ready(()).await;
    sum(&buf)
}

/// A 4 KiB array borrowed by the awaited future.
#[desugar]
pub async fn array_borrowed() -> u64 {
    let mut buf = [0u8; 4096];
    let view = ready(&mut buf).await;
    view[0] = black_box(1);
    sum(&buf)
}

/// Two 2 KiB arrays in sequential scopes, each kept across its own await:
/// never alive together, so they can share bytes.
#[desugar]
pub async fn arrays_in_sequence() -> u64 {
    let first = {
        let a = [black_box(1u8); 2048];
        ready(()).await;
        sum(&a)
    };
    let second = {
        let b = [black_box(2u8); 2048];
        ready(()).await;
        sum(&b)
    };
    first + second
}

/// As [`arrays_in_sequence`], but each array is borrowed by its awaited
/// future.
#[desugar]
pub async fn borrowed_arrays_in_sequence() -> u64 {
    let first = {
        let mut a = [0u8; 2048];
        let view = ready(&mut a).await;
        view[0] = black_box(1);
        sum(&a)
    };
    let second = {
        let mut b = [0u8; 2048];
        let view = ready(&mut b).await;
        view[0] = black_box(2);
        sum(&b)
    };
    first + second
}

/// A 2 KiB array in each branch of an `if`, borrowed by the awaited future.
#[desugar]
pub async fn borrowed_arrays_in_branches(flag: bool) -> u64 {
    if flag {
        let mut a = [0u8; 2048];
        let view = ready(&mut a).await;
        view[0] = black_box(1);
        sum(&a)
    } else {
        let mut b = [0u8; 2048];
        let view = ready(&mut b).await;
        view[1] = black_box(2);
        sum(&b)
    }
}

/// A 2 KiB array in each arm of a `match`, kept across an await.
#[desugar]
pub async fn arrays_in_match_arms(which: u8) -> u64 {
    match which {
        0 => {
            let a = [black_box(1u8); 2048];
            ready(()).await;
            sum(&a)
        }
        1 => {
            let b = [black_box(2u8); 2048];
            ready(()).await;
            sum(&b)
        }
        _ => 0,
    }
}

/// A 1 KiB argument used after an await (rust-lang/rust#62958: rustc keeps
/// arguments in every state).
#[desugar]
pub async fn large_argument(arg: [u8; 1024]) -> u64 {
    ready(()).await;
    sum(&arg)
}

/// A 1 KiB argument borrowed by the awaited future.
#[desugar]
pub async fn large_argument_borrowed(arg: [u8; 1024]) -> u64 {
    let view = ready(&arg).await;
    sum(view)
}

/// A 1 KiB argument used before the first await only.
#[desugar]
pub async fn large_argument_used_before(arg: [u8; 1024]) -> u64 {
    let total = sum(&arg);
    ready(()).await;
    total
}

/// A 1 KiB argument and a 1 KiB local, both kept across two awaits.
#[desugar]
pub async fn large_argument_and_local(arg: [u8; 1024]) -> u64 {
    let local = [black_box(3u8); 1024];
    ready(()).await;
    let mid = sum(&arg);
    ready(()).await;
    mid + sum(&local) + sum(&arg)
}

/// 32 sequential awaits, each result feeding the next, with a `String`
/// kept across all of them.
#[desugar]
pub async fn many_sequential_awaits(start: u64) -> u64 {
    let label = black_box(String::from("many"));
    let a0 = start;
    let a1 = ready(a0 + 1).await;
    let a2 = ready(a1 + 2).await;
    let a3 = ready(a2 + 3).await;
    let a4 = ready(a3 + 4).await;
    let a5 = ready(a4 + 5).await;
    let a6 = ready(a5 + 6).await;
    let a7 = ready(a6 + 7).await;
    let a8 = ready(a7 + 8).await;
    let a9 = ready(a8 + 9).await;
    let a10 = ready(a9 + 10).await;
    let a11 = ready(a10 + 11).await;
    let a12 = ready(a11 + 12).await;
    let a13 = ready(a12 + 13).await;
    let a14 = ready(a13 + 14).await;
    let a15 = ready(a14 + 15).await;
    let a16 = ready(a15 + 16).await;
    let a17 = ready(a16 + 17).await;
    let a18 = ready(a17 + 18).await;
    let a19 = ready(a18 + 19).await;
    let a20 = ready(a19 + 20).await;
    let a21 = ready(a20 + 21).await;
    let a22 = ready(a21 + 22).await;
    let a23 = ready(a22 + 23).await;
    let a24 = ready(a23 + 24).await;
    let a25 = ready(a24 + 25).await;
    let a26 = ready(a25 + 26).await;
    let a27 = ready(a26 + 27).await;
    let a28 = ready(a27 + 28).await;
    let a29 = ready(a28 + 29).await;
    let a30 = ready(a29 + 30).await;
    let a31 = ready(a30 + 31).await;
    let a32 = ready(a31 + 32).await;
    a32 + label.len() as u64
}

/// A 1 KiB buffer borrowed by the awaited future in every iteration. (The
/// awaited future returns `()`: `let view = ready(&mut buf).await;` in a
/// loop does not compile under `#[desugar]`, see `BENCHMARKS.md`.)
#[desugar]
pub async fn loop_borrowing_buffer(n: usize) -> u64 {
    let mut buf = [0u8; 1024];
    for i in 0..n {
        poke(&mut buf, i % 1024).await;
    }
    sum(&buf)
}

/// A fresh 512-byte array in every iteration, kept across the iteration's
/// await.
#[desugar]
pub async fn loop_array_per_iteration(n: usize) -> u64 {
    let mut total = 0;
    for i in 0..n {
        let chunk = [black_box(i as u8); 512];
        ready(()).await;
        total += sum(&chunk);
    }
    total
}

/// A `Vec` filled from awaited values in a loop, with a 256-byte scratch
/// array kept across every await.
#[desugar]
pub async fn loop_filling_vec(n: u64) -> u64 {
    let mut out = Vec::new();
    let scratch = [black_box(5u8); 256];
    let mut i = 0;
    while i < n {
        let v = ready(i).await;
        out.push(v + u64::from(scratch[(i % 256) as usize]));
        i += 1;
    }
    out.iter().sum()
}

/// Deep nesting: ten async fns, each awaiting the one below and keeping a
/// 32-byte frame across the await. A twin calls the same (desugared) fns as
/// its original, so the chain is written once in a macro and instantiated
/// twice, with and without `#[desugar]`.
pub mod nesting {
    macro_rules! nest {
        (@level $($attr:meta)?; $name:ident $below:ident) => {
            $(#[$attr])?
            pub async fn $name(n: u64) -> u64 {
                let frame = [core::hint::black_box(n as u8); 32];
                let v = $below(n).await;
                v + u64::from(frame[(v % 32) as usize])
            }
        };
        ($($attr:meta)?) => {
            $(#[$attr])?
            pub async fn nest0(n: u64) -> u64 {
                crate::leaves::ready(n).await
            }
            nest!(@level $($attr)?; nest1 nest0);
            nest!(@level $($attr)?; nest2 nest1);
            nest!(@level $($attr)?; nest3 nest2);
            nest!(@level $($attr)?; nest4 nest3);
            nest!(@level $($attr)?; nest5 nest4);
            nest!(@level $($attr)?; nest6 nest5);
            nest!(@level $($attr)?; nest7 nest6);
            nest!(@level $($attr)?; nest8 nest7);
            nest!(@level $($attr)?; nest9 nest8);
        };
    }

    /// The chain with `#[desugar]` on every level.
    pub mod desugared {
        use desugar::desugar;

        nest!(desugar);
    }

    /// The same chain as rustc compiles it.
    pub mod rustc {
        nest!();
    }
}
