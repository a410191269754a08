// A tail whose value is `()` and whose temporaries Rust 2021 drops after
// the block's locals: the message says to end it with `;`, and where syntax
// cannot tell the value is `()` (a method), offers that beside `let`. For a
// loop, whose `;` rustfmt removes, it says to bind what the loop goes over.
use std::cell::RefCell;

use desugar::desugar;

async fn ready() {}

struct Lease(Vec<u32>);

impl Lease {
    fn items(&self) -> &[u32] {
        &self.0
    }

    fn get(&self) -> Option<u32> {
        self.0.first().copied()
    }
}

fn lease() -> Lease {
    Lease(vec![1, 2])
}

#[desugar]
async fn for_loop(seen: &RefCell<Vec<u32>>) {
    let _local = String::from("local");
    ready().await;
    for x in lease().items() {
        seen.borrow_mut().push(*x)
    }
}

#[desugar]
async fn if_let_without_else(seen: &RefCell<Vec<u32>>) {
    let _local = String::from("local");
    ready().await;
    if let Some(x) = lease().get() {
        seen.borrow_mut().push(x)
    }
}

#[desugar]
async fn a_method_in_a_loop_body(seen: &RefCell<Vec<u32>>) {
    for x in 0..2 {
        let _local = String::from("local");
        ready().await;
        seen.borrow_mut().push(x)
    }
}

#[desugar]
async fn a_method_ending_the_body(seen: &RefCell<Vec<u32>>) {
    let _local = String::from("local");
    ready().await;
    seen.borrow_mut().push(1)
}

fn main() {}
