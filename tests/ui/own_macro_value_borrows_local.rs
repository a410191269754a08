// A macro of your own whose value borrows a local it is given, kept across
// an await: the machine leaves the local where it is (a reference to a
// home could not be given to the macro's tokens), so rustc's borrow check
// of the machine rejects it, at the macro's argument (E0505, E0597). Give
// the macro a reference bound before it, `let r = &v; first!(r)`, and the
// local is kept in place (`tests/own_macros.rs`).
use desugar::desugar;

async fn ready() {}

macro_rules! first {
    ($v:expr) => {
        &$v[0]
    };
}

#[desugar]
async fn value_borrows_local(v: Vec<String>) -> usize {
    let f = first!(v);
    ready().await;
    f.len()
}

fn main() {}
