// A `ref` binding beside a part the pattern moves, in an arm that awaits:
// the machine moves the `ref` part out of the value and borrows it there.
// In Rust 2021 the value may be a reference (`it.next()` of a `v.iter()`),
// whose parts the pattern binds by reference already: `a` would be a
// `&&String`, and `a.clone()` would clone the reference where rustc clones
// the `String`. Rust 2024 rejects `ref` there; in Rust 2021 the build
// stops at the `ref`. Written `Some((a, b))`, without `ref`, it builds,
// `a` the `&String` it was.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn first_label(v: Vec<(String, u32)>) -> usize {
    let mut it = v.iter();
    let n = match it.next() {
        Some((ref a, b)) => {
            ready().await;
            let c = a.clone();
            c.len() + *b as usize
        }
        None => 0,
    };
    n
}

fn main() {}
