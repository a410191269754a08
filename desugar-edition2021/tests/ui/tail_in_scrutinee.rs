// A block in the scrutinee of a `match`, an `if let`, a `while let` or a
// `for` loop whose body awaits, whose tail makes a temporary: Rust 2021
// keeps it to the end of the construct, across the await. The machine
// would drop it with the block. Each builds once the block binds the value
// with `let` and ends with it (`{ let n = make().len(); n }`).
#![allow(unused_braces)]

use desugar::desugar;

async fn ready<T>(value: T) -> T {
    value
}

struct Made(String);

impl Made {
    fn len(&self) -> usize {
        self.0.len()
    }
}

fn make() -> Made {
    Made(String::from("made"))
}

#[desugar]
async fn matched() -> usize {
    match { make().len() } {
        4 => ready(1).await,
        _ => 0,
    }
}

#[desugar]
async fn in_a_tuple() -> usize {
    match (1, { make().len() }) {
        (1, 4) => ready(1).await,
        _ => 0,
    }
}

#[desugar]
async fn if_let() -> usize {
    let mut n = 0;
    if let 4 = { make().len() } {
        n += ready(1).await;
    }
    n
}

#[desugar]
async fn if_let_else() -> usize {
    if let 3 = { make().len() } {
        0
    } else {
        ready(1).await
    }
}

#[desugar]
async fn while_let() -> usize {
    let mut n = 0;
    while let 4 = { make().len() } {
        n += ready(1).await;
        if n > 1 {
            break;
        }
    }
    n
}

#[desugar]
async fn for_loop() -> usize {
    let mut n = 0;
    for i in { 0..make().len() } {
        n += ready(i).await;
    }
    n
}

fn main() {}
