// A `select!` or `join!` is awaited through an inner `async move` block
// where every local it names is visibly `Copy`: the block takes a copy of
// each when it starts. A branch (or a future) that changes one would change
// the copy, where rustc changes the fn's local: the machine returned 5
// where the twin returns 6. So that is a compile error saying to change the
// local after the macro, with the value the macro gives.
#![allow(unused)]
use desugar::desugar;

mod futures {
    // Stand for `futures::select!` and `futures::join!`: the expansion
    // only reads their tokens.
    macro_rules! select {
        ($($tokens:tt)*) => {
            async { ::core::default::Default::default() }.await
        };
    }
    macro_rules! join {
        ($($tokens:tt)*) => {
            async { (1u32, 2u32) }.await
        };
    }
    pub(crate) use {join, select};
}

fn fetch(n: u32) -> std::future::Ready<u32> {
    std::future::ready(n)
}

#[desugar]
async fn changed_in_a_branch() -> u32 {
    let mut n = 5u32;
    futures::select! {
        x = fetch(1) => { n += x; },
        y = fetch(2) => { n = y; },
    }
    n
}

#[desugar]
async fn changed_in_a_future() -> u32 {
    let mut n = 5u32;
    let (a, _) = futures::join!(async { n += 1; 1u32 }, fetch(2));
    n + a
}

#[desugar]
async fn a_branch_s_own_name_may_change(x: u32) -> u32 {
    let got: u32 = futures::select! {
        x = fetch(1) => { x += 1; x },
        complete => 0,
    };
    got + x
}

fn main() {}
