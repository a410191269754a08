// A field that is not `Copy` moved out of a call's result in an awaited
// call's arguments (`send(request().body).await`): rustc keeps the rest of
// the value (`meta`) to the end of the statement, after the await, which
// the machine, keeping the value whole, cannot do once the field is moved
// out. The build stops at the call, saying to bind the field with `let`
// first (`tests/temporary_fields.rs` has the `Copy` fields, which build).
use desugar::desugar;
use desugar::harness::Probe;

async fn send(body: String) -> usize {
    body.len()
}

pub struct Request {
    pub body: String,
    pub meta: Probe,
}

fn request() -> Request {
    Request { body: String::from("hi"), meta: Probe::new("meta") }
}

#[desugar]
async fn sent() -> usize {
    send(request().body).await
}

fn main() {}
