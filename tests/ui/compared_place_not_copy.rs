// A comparison's operand read through a reference the awaited call is
// given is read before the await, as rustc reads a number there; a value
// that is not `Copy` cannot be read so: compare the borrows instead,
// `&c.name == &lookup(c).await`.
use desugar::desugar;

pub struct Conn {
    pub name: String,
}

async fn lookup(c: &Conn) -> String {
    c.name.clone()
}

#[desugar]
async fn same_name(c: &Conn) -> bool {
    c.name == lookup(c).await
}

fn main() {}
