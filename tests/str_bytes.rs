//! `bytes()` not awaited, on text: `str::bytes(&self)`, whose iterator
//! borrows the text for as long as it lives (`for b in s.bytes()` with an
//! await in the loop). The name is also an HTTP response's `bytes(self)`,
//! whose future is awaited at once (`resp.bytes().await`), and was taken
//! for that one everywhere: the machine dropped the `String` while the
//! iterator borrowed it (E0597, dogD1 build 1). Awaited at once, it is
//! still taken for a move.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

async fn per_byte(b: u8) -> u32 {
    Leaf::new(format!("b{b}"))
        .pending(1)
        .ready(u32::from(b))
        .await
}

#[desugar]
async fn over_parameter(src: String) -> u32 {
    let mut n = 0;
    for b in src.bytes() {
        n += per_byte(b).await;
    }
    n
}

#[desugar]
async fn over_local(x: u32) -> u32 {
    let text = format!("{x}.{x}");
    let mut n = 0;
    for b in text.bytes().rev() {
        n += per_byte(b).await;
    }
    n
}

pub struct Config {
    pub name: String,
    pub probe: Probe,
}

#[desugar]
async fn over_field(config: Config) -> u32 {
    let mut n = 0;
    for b in config.name.bytes() {
        n += per_byte(b).await;
    }
    config.probe.touch();
    n
}

/// A value made for the call is a temporary rustc keeps to the end of the
/// loop.
#[desugar]
async fn over_temporary(src: String) -> u32 {
    let mut n = 0;
    for b in src.to_uppercase().bytes() {
        n += per_byte(b).await;
    }
    n
}

/// The iterator kept in a local across the awaits that read it.
#[desugar]
async fn kept_iterator(src: String) -> u32 {
    let mut it = src.bytes();
    let first = per_byte(it.next().unwrap_or(0)).await;
    first + per_byte(it.next().unwrap_or(0)).await
}

#[derive(Debug)]
pub struct Response(Probe);

impl Response {
    pub async fn bytes(self) -> Vec<u8> {
        Leaf::new("bytes").pending(1).ready(()).await;
        self.0.label().as_bytes().to_vec()
    }
}

async fn respond(label: &'static str) -> Response {
    Leaf::new("send")
        .pending(1)
        .ready(Response(Probe::new(label)))
        .await
}

/// `bytes(self)` awaited at once moves the response into its future.
#[desugar]
async fn awaited_at_once(first: Response) -> usize {
    let body = first.bytes().await;
    let second = respond("second").await;
    per_byte(1).await;
    body.len() + second.bytes().await.len() + respond("third").await.bytes().await.len()
}

#[test]
fn bytes_of_text_borrow_it() {
    for src in ["", "ab", "xyz"] {
        same_and_no_larger(
            || over_parameter(src.into()),
            || over_parameter_rustc(src.into()),
        );
        same_and_no_larger(
            || over_temporary(src.into()),
            || over_temporary_rustc(src.into()),
        );
        same_and_no_larger(
            || kept_iterator(src.into()),
            || kept_iterator_rustc(src.into()),
        );
        let config = || Config {
            name: src.into(),
            probe: Probe::new("config"),
        };
        same_and_no_larger(|| over_field(config()), || over_field_rustc(config()));
    }
    same_and_no_larger(|| over_local(7), || over_local_rustc(7));
    both_send(
        &over_parameter("a".into()),
        &over_parameter_rustc("a".into()),
    );
    both_send(&over_local(1), &over_local_rustc(1));
    both_send(
        &over_temporary("a".into()),
        &over_temporary_rustc("a".into()),
    );
    both_send(&kept_iterator("a".into()), &kept_iterator_rustc("a".into()));
}

#[test]
fn bytes_awaited_at_once_take_the_response() {
    let first = || Response(Probe::new("first"));
    same_and_no_larger(
        || awaited_at_once(first()),
        || awaited_at_once_rustc(first()),
    );
    both_send(&awaited_at_once(first()), &awaited_at_once_rustc(first()));
}
