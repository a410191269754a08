//! Seed 000, "Async Internals": `fetch_and_parse`, the chapter's example of
//! the enum an async fn turns into (`Start` / `WaitingForGet` / `Done`).
//!
//! The seed leaves `http_get`, `parse`, `Data` and `Error` undefined. Here
//! `http_get` is a harness leaf that is `Pending` once and then answers from
//! a fixed table, and `parse` reads a number.

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};

/// What `parse` makes of a body: the number in it.
#[derive(Debug, PartialEq)]
pub struct Data(pub u32);

/// Why `fetch_and_parse` failed.
#[derive(Debug, PartialEq)]
pub enum Error {
    /// `http_get` found nothing at this URL.
    NotFound(String),
    /// The body is not a number.
    Parse(String),
}

/// Stand-in for `http_get`: `Pending` once, then the body stored for `url`.
fn http_get(url: &str) -> LeafFuture<Result<String, Error>> {
    let response = match url {
        "/answer" => Ok("42".to_string()),
        "/greeting" => Ok("hello".to_string()),
        _ => Err(Error::NotFound(url.to_string())),
    };
    Leaf::new("http_get").pending(1).ready(response)
}

/// Stand-in for `parse`.
fn parse(body: &str) -> Result<Data, Error> {
    body.parse()
        .map(Data)
        .map_err(|_| Error::Parse(body.to_string()))
}

#[desugar]
pub async fn fetch_and_parse(url: &str) -> Result<Data, Error> {
    let body = http_get(url).await?;
    let parsed = parse(&body)?;
    Ok(parsed)
}
