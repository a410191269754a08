// A `macro_rules!` defined in the body whose rules write `.await`: rustc
// expands it inside the `async fn`, the machine in its step function,
// which is no `async` code (rustc's bare E0728, dogN2 2.1). #[desugar]
// reads the body's rules, so it stops at the call saying to write the
// `.await` outside the macro. (A macro of the crate's is rustc's E0728:
// `await_in_own_macro.rs`.)
use desugar::desugar;

async fn fetch(n: u32) -> u32 {
    n
}

#[desugar]
async fn body_macro(n: u32) -> u32 {
    macro_rules! get {
        ($k:expr) => {
            fetch($k).await
        };
    }
    let a = get!(n);
    a + 1
}

// The rules give the future, the call is awaited: this builds.
#[desugar]
async fn awaited_outside(n: u32) -> u32 {
    macro_rules! get {
        ($k:expr) => {
            fetch($k)
        };
    }
    let a = get!(n).await;
    a + 1
}

fn main() {}
