// A closure that consumes what it captures (`FnOnce`), called on some
// paths only before an await (`if flag { f(); }`): where the call did not
// run, rustc keeps the closure to the end of its scope, so the machine
// keeps it with a drop flag and calls it in place, which a call that
// consumes it cannot be (E0507). Move it into the call: `let _ = { f }();`.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn called_on_some_paths(flag: bool, name: String) -> usize {
    let f = move || {
        let n = name.len();
        drop(name);
        n
    };
    if flag {
        f();
    }
    ready().await;
    1
}

#[desugar]
async fn moved_into_its_call(flag: bool, name: String) -> usize {
    let f = move || {
        let n = name.len();
        drop(name);
        n
    };
    if flag {
        let _ = { f }();
    }
    ready().await;
    1
}

fn main() {}
