// `close` takes `self`, but syntax cannot tell it from a `&self` method.
// While `code().await` is suspended, rustc holds a borrowed receiver as a
// temporary, dropped after the operand `open().await` of the pending
// `send(..)`, and a moved one as an operand, dropped before it: the machine
// keeps the receiver as a borrowed one, where it is already moved.
// Written `Connection::close(open().await, code().await)`, it builds.
use desugar::desugar;

struct Connection;

impl Connection {
    fn close(self, code: u32) -> u32 {
        code
    }
}

async fn open() -> Connection {
    Connection
}

async fn code() -> u32 {
    7
}

fn send(_: Connection, code: u32) -> u32 {
    code
}

#[desugar]
async fn closed() -> u32 {
    let code = send(open().await, open().await.close(code().await));
    code
}

fn main() {}
