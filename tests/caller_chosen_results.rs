//! Methods whose result's type the caller chooses (`parse`, an HTTP
//! response's `json`), called on a value made in a statement that awaits,
//! which the expansion checks (see `receiver_check`): rustc types the call
//! from the code after it (`let n: u32 = echo(s.trim().parse()..).await`),
//! and so must the check's copy of the call, or the machine does not build
//! where the twin does (E0284 "type annotations needed", dogD11 build 1).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

async fn echo<T: std::fmt::Debug>(t: T) -> T {
    Leaf::new("echo").pending(1).ready(t).await
}

#[desugar]
async fn parse_port(s: &str) -> u32 {
    let n: u32 = echo(s.trim().parse().unwrap_or(0)).await;
    n + 1
}

#[derive(Debug)]
pub struct Response(Probe);

impl Response {
    pub fn new(label: &str) -> Response {
        Response(Probe::new(label))
    }

    pub async fn json<T: From<u8> + std::fmt::Debug>(self) -> T {
        Leaf::new("json").pending(1).ready(()).await;
        T::from(self.0.label().len() as u8)
    }
}

/// `json(self)` moves the response into its future; the check says so
/// once its copy of the call has the call's type.
#[desugar]
async fn decoded(label: &'static str) -> u64 {
    let n: u64 = Response::new(label).json().await;
    let m: u32 = echo(Response::new("again").json().await).await;
    n + u64::from(m)
}

#[test]
fn the_check_copies_the_type_the_code_after_the_call_gives() {
    for s in [" 80 ", "x", ""] {
        same_and_no_larger(|| parse_port(s), || parse_port_rustc(s));
    }
    both_send(&parse_port("1"), &parse_port_rustc("1"));
    same_and_no_larger(|| decoded("abc"), || decoded_rustc("abc"));
}
