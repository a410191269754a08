// A field that is not `Copy` moved out of the value `get(a).await?` gives,
// in a literal beside another value the statement keeps (`tag`, moved into
// the literal before it): rustc keeps the rest of the first response
// (`conn`), a temporary of the statement, to the statement's end, and
// drops it after the values made after it; the machine keeps the value
// whole to drop it there, which it cannot do once the field is moved out.
// The build stops at the field, saying to bind it with `let` first (it was
// a bare E0382 "use of partially moved value"; the `Copy` fields and the
// rewrite the message asks for are in `tests/tried_fields_in_aggregates.rs`).
use desugar::desugar;
use desugar::harness::Probe;

pub struct Resp {
    pub status: u32,
    pub body: String,
    pub conn: Probe,
}

async fn get(n: u32) -> Result<Resp, ()> {
    Ok(Resp { status: n, body: String::from("hi"), conn: Probe::new("conn") })
}

pub struct User {
    pub tag: Probe,
    pub name: String,
    pub status: u32,
}

#[desugar]
async fn fetch_user(a: u32, b: u32, tag: Probe) -> Result<User, ()> {
    let u = User { tag, name: get(a).await?.body, status: get(b).await?.status };
    Ok(u)
}

fn main() {}
