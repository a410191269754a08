// A `select!` is awaited through an inner `async` block, which takes the
// locals its branches' code names when it starts; rustc uses them only in
// the branch that runs (a local moved there drops with it, or at the end
// of its scope when another branch wins). So that is a compile error
// saying to use the local after the macro.
#![allow(unused)]
use desugar::desugar;

mod futures {
    // Stands for `futures::select!`: the expansion only reads its tokens.
    macro_rules! select {
        ($($tokens:tt)*) => {
            async { 1u32 }.await
        };
    }
    pub(crate) use select;
}

fn fetch(n: u32) -> std::future::Ready<u32> {
    std::future::ready(n)
}

#[desugar]
async fn moved_in_a_branch(name: String) -> u32 {
    let got = futures::select! {
        x = fetch(1) => { drop(name); x },
        y = fetch(2) => y,
    };
    got
}

// Named only inside a format string, `"{name}"`, the same.
#[desugar]
async fn formatted_in_a_branch(name: String) -> u32 {
    let got = futures::select! {
        x = fetch(1) => { println!("{name}"); x },
        y = fetch(2) => y,
    };
    got
}

#[desugar]
async fn polled_in_place() -> u32 {
    let mut a = fetch(1);
    let got = futures::select! {
        x = a => x,
        complete => 0,
    };
    got
}

#[desugar]
async fn pattern_names_are_the_branch_s_own(x: u32) -> u32 {
    let got = futures::select! {
        x = fetch(1) => x + 1,
        complete => 0,
    };
    got + x
}

// Imported by its bare name (`use futures::select;`): a local polled in
// place is taken for `futures::select!`'s where it is declared `mut`, which
// `&mut a` needs, or a branch is `futures`' own (`complete =>`). A bare
// `select!` moving a local that is neither may be `tokio::select!`, which
// moves it, and builds (`tests/ui_pass/bare_select_moving_local.rs`).
mod imported {
    use super::futures::select;
    use super::fetch;
    use desugar::desugar;

    #[desugar]
    async fn polled_in_place_by_bare_name() -> u32 {
        let mut a = fetch(1);
        let mut b = fetch(2);
        select! {
            x = a => x,
            y = b => y,
        }
    }

    #[desugar]
    async fn polled_beside_complete() -> u32 {
        let a = fetch(1);
        select! {
            x = a => x,
            complete => 0,
        }
    }
}

fn main() {}
