// A `move` closure borrowed by a `let` is a temporary the `let` extends to
// the end of the block, where rustc drops it with what it owns, after the
// await. The machine names it, to keep it as long; named apart from the
// `let`, the closure no longer gets its signature from the `let`'s type
// (`&dyn Fn(&str)` asks for any lifetime of `&str`), and the expansion does
// not build. Bind the closure with a `let` of its own, its parameters'
// types written: `let c = move |e: &str| ..; let on_event: &dyn Fn(&str) = &c;`.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn serve(conn: String) -> usize {
    let on_event: &dyn Fn(&str) = &move |e| {
        let _ = (e, conn.len());
    };
    on_event("start");
    ready().await;
    1
}

fn main() {}
