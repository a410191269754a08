// A constant in a struct pattern's field (`kind: DATA`) beside a field
// skipped with `_` and one moved out, an await after: the machine binds
// the skipped fields apart in the order the pattern lists them, which need
// not be the order rustc drops them in, so it takes the constant's field
// for `Copy`, with nothing to drop. Of a type that is not `Copy`, the
// build stops at the constant saying to compare it in a guard instead
// (`tests/dogfood_round_i3_parts.rs` has the `Copy` one, which builds).
use desugar::desugar;

async fn ready() {}

#[derive(PartialEq, Eq)]
pub struct Code(pub u8);

pub struct Frame {
    pub kind: Code,
    pub payload: String,
    pub trailer: String,
}

const DATA: Code = Code(1);

#[desugar]
async fn data_len(f: Frame) -> usize {
    match f {
        Frame { kind: DATA, payload, trailer: _ } => {
            ready().await;
            payload.len()
        }
        _ => 0,
    }
}

fn main() {}
