//! Seed 001, "Async, illustrated": `fetch_two`, whose state diagram has four
//! states (Start, polling `fetch(a)`, polling `fetch(b)`, Complete).
//!
//! The seed leaves `fetch`, `Bytes` and `Error` undefined. Here `fetch` is a
//! harness leaf that is `Pending` once and then returns the bytes of its
//! argument, or an error for an empty one.

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};

/// The seed's `Bytes` (the `bytes` crate's type): the bytes fetched.
pub type Bytes = Vec<u8>;

/// Why a fetch failed.
#[derive(Debug, PartialEq)]
pub enum Error {
    /// `fetch("")`: nothing to fetch.
    EmptyUrl,
}

/// Stand-in for `fetch`: `Pending` once, then the bytes of `url`.
fn fetch(url: &str) -> LeafFuture<Result<Bytes, Error>> {
    let response = if url.is_empty() {
        Err(Error::EmptyUrl)
    } else {
        Ok(url.as_bytes().to_vec())
    };
    Leaf::new(format!("fetch {url:?}"))
        .pending(1)
        .ready(response)
}

#[desugar]
pub async fn fetch_two(a: &str, b: &str) -> Result<(Bytes, Bytes), Error> {
    let r1 = fetch(a).await?;
    let r2 = fetch(b).await?;
    Ok((r1, r2))
}
