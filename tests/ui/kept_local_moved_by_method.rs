// A local the machine keeps in place across the awaits after it (the
// awaited future may borrow it: `conn.query(sql).await`, `rx.recv().await`)
// given as the receiver to a method syntax does not know, which takes it
// by value (a builder's `send(self)`, `header(self, ..)`). Kept in place,
// the local is reached through a reference, and nothing can move out of
// it: the build stops at the receiver, saying to write the move out
// (`Req::send(req)` or `{ req }.send()`), which the machine lowers as
// rustc moves it (`tests/moved_receivers.rs`). A method taking `&self` or
// `&mut self` on such a local builds.
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};
use std::io::{Cursor, Read};

pub struct Req {
    p: Probe,
    n: u32,
}

impl Req {
    fn header(mut self, k: u32) -> Self {
        self.n += k;
        self
    }

    fn send(self) -> LeafFuture<u32> {
        let n = self.n;
        drop(self);
        Leaf::new("send").pending(1).ready(n)
    }

    fn peek(&self) -> LeafFuture<u32> {
        self.p.touch();
        Leaf::new("peek").pending(1).ready(self.n)
    }

    fn bump(&mut self) -> u32 {
        self.n += 1;
        self.n
    }
}

async fn skip(reader: &mut Cursor<Vec<u8>>) -> usize {
    reader.set_position(1);
    1
}

fn client() -> Req {
    Req { p: Probe::new("req"), n: 1 }
}

/// The awaited call's receiver.
#[desugar]
async fn sent() -> u32 {
    let req = client().header(2);
    let r = req.send().await;
    r
}

/// The receiver of a chain's first call.
#[desugar]
async fn chained() -> u32 {
    let req = client();
    let r = req.header(1).send().await;
    r
}

/// Given back to the local it came from, and then awaited.
#[desugar]
async fn reassigned(flag: bool) -> u32 {
    let mut req = client();
    if flag {
        req = req.header(3);
    }
    let r = req.send().await;
    r
}

/// `io::Read::bytes(self)`, which syntax reads as `str::bytes(&self)`
/// where it is not awaited: write `Read::bytes(reader)`.
#[desugar]
async fn read_bytes() -> usize {
    let mut reader = Cursor::new(vec![1u8, 2, 3]);
    let n = skip(&mut reader).await;
    let rest = reader.bytes().count();
    n + rest
}

/// Methods that borrow it build, used before the await and after it.
#[desugar]
async fn borrowed() -> u32 {
    let mut req = client();
    let n = req.bump();
    let r = req.peek().await;
    r + n + req.bump()
}

fn main() {}
