// A closure kept across an await inside a loop: the loop's body is written
// once for the first iteration and once for those after a resume.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn closure_in_loop() -> u32 {
    let mut n = 0u32;
    loop {
        if n >= 2 {
            break;
        }
        n += 1;
        let add = |a: u32| a + 1;
        ready().await;
        n = add(n);
    }
    n
}

// Kept only because a value its call gives lives across the await: the
// message says to write that value's type (`let w: usize = weight(2);`).
#[desugar]
async fn weighed_in_loop(items: Vec<String>) -> Vec<usize> {
    let mut out = vec![];
    for item in &items {
        let weight = |k: usize| item.len() * k;
        let w = weight(2);
        ready().await;
        out.push(w);
    }
    out
}

fn main() {}
