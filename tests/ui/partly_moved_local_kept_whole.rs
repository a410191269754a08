// A pattern that moves one part of `pair` out and skips the rest with `..`
// leaves the rest for rustc to drop at the end of the scope, after the
// await. The machine cannot keep a partly moved value across an await: it
// keeps `pair` whole, and a part moved out of it does not build (where the
// part is `Copy`, it builds and runs as in rustc). Parts skipped with `_`
// are bound apart from the local (`tests/skipped_parts.rs`); `..` does not
// say how many there are: the build stops at the `..`, saying to write `_`
// for each part instead: `let (name, _, _) = pair;`.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn partly_moved(pair: (String, u32, Vec<u8>)) -> usize {
    let (name, ..) = pair;
    ready().await;
    name.len()
}

fn main() {}
