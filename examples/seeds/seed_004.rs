//! Seed 004, "Understanding Rust's Future Trait and Async Execution Model":
//! `my_async_fn`, which connects to `127.0.0.1:3000` with tokio's
//! `TcpStream`.
//!
//! The stand-in `TcpStream::connect` is a harness leaf that is `Pending`
//! once, wakes the task from another thread (as a reactor thread would when
//! the socket is ready) and then connects. A `println!` in this file is
//! recorded in the harness trace (as `note: …`) instead of printed.

use std::io;

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};

/// `println!`, recorded in the harness trace instead of printed.
macro_rules! println {
    ($($arg:tt)*) => {
        desugar::harness::note(format!($($arg)*))
    };
}

/// Stand-in for `tokio::net::TcpStream`.
#[derive(Debug)]
struct TcpStream;

impl TcpStream {
    /// `TcpStream::connect`, scripted.
    fn connect(addr: &str) -> LeafFuture<io::Result<TcpStream>> {
        Leaf::new(format!("connect {addr}"))
            .pending(1)
            .wake_from_thread()
            .ready(Ok(TcpStream))
    }
}

#[desugar]
pub async fn my_async_fn() {
    println!("hello from async");
    let _socket = TcpStream::connect("127.0.0.1:3000").await.unwrap();
    println!("async TCP operation complete");
}
