//! A bare `select!` given a local that is not `mut`, with no branch only
//! `futures::select!` has, may be `tokio::select!`, which moves the futures
//! it is given: the inner `async` block the macro is awaited through takes
//! the local, and the machine builds (a `futures::select!` there, which
//! needs `&mut a`, would not build in the twin either).
#![deny(warnings)]

use desugar::desugar;

/// Stands for `tokio::select!`: moves the futures it polls.
macro_rules! select {
    ($a:pat = $fa:expr => $ea:expr, $b:pat = $fb:expr => $eb:expr $(,)?) => {
        match ($fa.await, $fb.await) {
            ($a, _) if true => $ea,
            (_, $b) => $eb,
        }
    };
}

fn fetch(n: u32) -> std::future::Ready<u32> {
    std::future::ready(n)
}

#[desugar]
async fn moved_into_select() -> u32 {
    let a = fetch(1);
    let b = fetch(2);
    select! {
        x = a => x,
        y = b => y,
    }
}

fn main() {
    let _ = moved_into_select();
}
