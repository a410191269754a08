//! Two impls of one generic trait for one type, and two traits of the same
//! name for one type, in one module: each impl's twins live in a trait of
//! their own.
#![deny(warnings)]

use desugar::desugar;

trait Sink<Item> {
    #[allow(async_fn_in_trait)]
    async fn send(&mut self, item: Item) -> usize;
}

#[derive(Default)]
struct VecSink {
    items: Vec<String>,
}

#[desugar]
impl Sink<u32> for VecSink {
    async fn send(&mut self, item: u32) -> usize {
        self.items.push(item.to_string());
        self.items.len()
    }
}

#[desugar]
impl Sink<String> for VecSink {
    async fn send(&mut self, item: String) -> usize {
        self.items.push(item);
        self.items.len()
    }
}

trait Lookup {
    #[allow(async_fn_in_trait)]
    async fn find(&self, key: &str) -> usize;
}

mod other {
    pub trait Lookup {
        #[allow(async_fn_in_trait)]
        async fn find(&self, key: u32) -> u32;
    }
}

struct Dict;

#[desugar]
impl Lookup for Dict {
    async fn find(&self, key: &str) -> usize {
        key.len()
    }
}

#[desugar]
impl other::Lookup for Dict {
    async fn find(&self, key: u32) -> u32 {
        key
    }
}

fn main() {
    let mut sink = VecSink::default();
    drop(Sink::<u32>::send(&mut sink, 3));
    drop(Sink::<String>::send(&mut sink, String::new()));
    drop((Lookup::find(&Dict, "a"), other::Lookup::find(&Dict, 1)));
}
