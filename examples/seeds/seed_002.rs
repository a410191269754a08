//! Seed 002, "The Transformation in Detail": `process` and the functions the
//! post uses to explain future sizes, self-references, nesting and boxing.
//!
//! The seed leaves its helpers undefined (`fetch_length`, `log_result`,
//! `some_async_call`, `use_array`, ...) and sleeps with tokio's timer. The
//! stand-ins below are harness leaves, so every run is the same; a
//! `println!` in a seed fn is recorded in the harness trace (as
//! `note: …`), so the harness checks that both versions print the same
//! lines at the same points.

use desugar::harness::{Leaf, LeafFuture};

/// Stand-in for the post's unnamed async calls: `Pending` once, then `()`.
fn some_async_call() -> LeafFuture<()> {
    Leaf::new("some_async_call").pending(1).ready(())
}

/// `println!`, recorded in the harness trace instead of printed.
macro_rules! println {
    ($($arg:tt)*) => {
        desugar::harness::note(format!($($arg)*))
    };
}

/// A stand-in for the part of tokio the post uses, `time::sleep` and
/// `join!`: a sleep is a leaf that is `Pending` once per started 100 ms, and
/// `join!` (like tokio's) awaits in its own expansion.
mod tokio {
    /// `tokio::join!` for two futures: polls both until both are ready.
    macro_rules! join {
        ($a:expr, $b:expr $(,)?) => {
            desugar::harness::join2($a, $b).await
        };
    }
    pub(crate) use join;

    pub mod time {
        use desugar::harness::{Leaf, LeafFuture};
        use std::time::Duration;

        /// `tokio::time::sleep`, scripted.
        pub fn sleep(duration: Duration) -> LeafFuture<()> {
            let pendings = duration.as_millis().div_ceil(100);
            Leaf::new(format!("sleep {duration:?}"))
                .pending(pendings.try_into().unwrap())
                .ready(())
        }
    }
}

/// "The Transformation in Detail".
pub mod transformation {
    use desugar::desugar;
    use desugar::harness::{Leaf, LeafFuture};

    /// Stand-in: the length of `s`, after one `Pending`. An async fn, so that
    /// its future borrows `s` (the `trimmed` of `process`) across the await.
    async fn fetch_length(s: &str) -> usize {
        Leaf::new("fetch_length").pending(1).ready(s.len()).await
    }

    /// Stand-in: `Pending` once, then `()`.
    fn log_result(value: usize) -> LeafFuture<()> {
        Leaf::new(format!("log_result {value}"))
            .pending(1)
            .ready(())
    }

    #[desugar]
    pub async fn process(input: String) -> usize {
        let trimmed = input.trim().to_string(); // created before first await
        let result = fetch_length(&trimmed).await; // State 0 -> State 1
        let doubled = result * 2; // alive across nothing
        log_result(doubled).await; // State 1 -> State 2
        doubled
    }
}

/// "Why State Machines Can Be Large".
pub mod large {
    use super::some_async_call;
    use desugar::desugar;
    use desugar::harness::note;

    /// Stand-in for the post's `process(&big_buffer)`.
    fn process(buffer: &[u8]) {
        note(format!("process {} bytes", buffer.len()));
    }

    /// Stand-in.
    fn use_array(arr: &[u8; 65536]) {
        note(format!("use_array {} bytes", arr.len()));
    }

    #[desugar]
    pub async fn large_future() {
        let big_buffer = vec![0u8; 1_000_000]; // 1MB on the heap, 24 bytes on stack
        some_async_call().await; // big_buffer alive here = stored in state
        process(&big_buffer);
    }

    #[desugar]
    pub async fn also_large() {
        let arr = [0u8; 65536]; // 64KB - this IS stored inline in the state machine
        some_async_call().await; // arr is 64KB in the state struct
        use_array(&arr);
    }
}

/// "The Self-Referential Problem and Pin".
pub mod self_reference {
    use super::some_async_call;
    use desugar::desugar;

    #[desugar]
    pub async fn self_ref_example() {
        let data = String::from("hello");
        let reference = data.as_str(); // reference into data
        some_async_call().await; // both data and reference stored in State0
        println!("{}", reference);
    }
}

/// "Examining Real State Machine Sizes".
pub mod real_sizes {
    use super::tokio;
    use desugar::desugar;

    #[desugar]
    pub async fn small_future() -> u32 {
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        42
    }

    #[desugar]
    pub async fn larger_future() -> Vec<u8> {
        let data = vec![0u8; 100]; // heap-allocated, 24 bytes on stack
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        data
    }

    #[desugar]
    pub async fn measure() {
        use std::mem::size_of_val;
        let f1 = small_future();
        let f2 = larger_future();
        println!("small_future size: {} bytes", size_of_val(&f1));
        println!("larger_future size: {} bytes", size_of_val(&f2));
        // Run them to avoid warnings
        let _ = tokio::join!(f1, f2);
    }
}

/// "Nested Futures and Composition". `outer_rustc`, the twin, has the same
/// body as `outer`, so both await the desugared `inner`.
pub mod nested {
    use super::tokio;
    use desugar::desugar;

    #[desugar]
    pub async fn inner() -> u32 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        42
    }

    #[desugar]
    pub async fn outer() -> u32 {
        let x = inner().await; // InnerFuture stored in OuterFuture's State0
        x + 1
    }
}

/// "Using async-std-inspect or cargo-expand to See Generated Code".
pub mod boxing {
    use desugar::desugar;

    #[desugar]
    #[allow(unused_variables)] // the seed binds the output to `f` and leaves it unused
    pub async fn large_caller() {
        // Instead of:
        // let f = large_async_fn().await;
        // Use Box::pin to heap-allocate the state machine:
        let f = Box::pin(large_async_fn()).await;
    }

    #[desugar]
    pub async fn large_async_fn() -> Vec<u8> {
        vec![]
    }
}
