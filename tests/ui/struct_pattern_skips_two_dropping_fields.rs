// A struct pattern skipping two fields with `_` beside a field it moves
// out, each of them with something to drop, on a value kept across an
// await that follows: rustc drops them in the order the struct declares
// its fields, which the pattern need not show, so the build stops at the
// later of the two saying to name all but one
// (`tests/skipped_fields_and_elements.rs` has the shapes that build).
use desugar::desugar;

async fn ready() {}

pub struct Conn {
    pub sock: String,
    pub log: Vec<u8>,
    pub buf: String,
    pub id: u32,
}

#[desugar]
async fn local(c: Conn) -> usize {
    let Conn { sock, buf: _, log: _, id: _ } = c;
    ready().await;
    sock.len()
}

#[desugar]
async fn arm(c: Option<Conn>) -> usize {
    match c {
        Some(Conn { log: _, sock, buf: _, .. }) => {
            ready().await;
            sock.len()
        }
        None => 0,
    }
}

fn main() {}
