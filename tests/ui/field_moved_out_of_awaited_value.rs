// A field that is not `Copy` moved out of the value an await gives, in the
// operand of a later await of the statement (`send(fetch().await.body).await`):
// rustc keeps the rest of that value (`conn`), a temporary of the
// statement, to the statement's end, after the later await, which the
// machine, keeping the value whole, cannot do once the field is moved out.
// The build stops at the field, saying to bind it with `let` first (the
// `Copy` fields, which build and are kept as rustc keeps them, are in
// `tests/awaited_fields_in_awaits.rs`).
use desugar::desugar;
use desugar::harness::Probe;

async fn send(body: String) -> usize {
    body.len()
}

pub struct Response {
    pub body: String,
    pub conn: Probe,
}

async fn fetch() -> Response {
    Response { body: String::from("hi"), conn: Probe::new("conn") }
}

#[desugar]
async fn sent() -> usize {
    send(fetch().await.body).await
}

fn main() {}
