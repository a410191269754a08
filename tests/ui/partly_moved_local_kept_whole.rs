// A pattern that moves one part of `pair` out and skips the other leaves
// the rest for rustc to drop at the end of the scope, after the await. The
// machine cannot keep a partly moved value across an await: it keeps
// `pair` whole, and a part moved out of it does not build (where the part
// is `Copy`, it builds and runs as in rustc). Bind every part instead:
// `let (name, _rest) = pair;`.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn partly_moved(pair: (String, u32)) -> usize {
    let (name, _) = pair;
    ready().await;
    name.len()
}

fn main() {}
