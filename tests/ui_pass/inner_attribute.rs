// An inner attribute at the start of the body annotates the fn, in the
// machine as in the twin: with every warning denied, `#![allow(..)]` lets
// the twin keep an unused variable (`unused_variables`, which the machine
// allows anyway) and the machine a name that is not snake case (the twin
// allows `non_snake_case` for its own name).
#![deny(warnings)]

use desugar::desugar;

async fn ready(n: u32) -> u32 {
    n
}

#[desugar]
async fn legacy(x: u32) -> u32 {
    #![allow(unused_variables, non_snake_case)]
    let Scratch = 5;
    ready(x).await
}

fn main() {
    let _ = legacy(1);
}
