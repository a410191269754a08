// As `awaited_receiver_moved_beside_operand`, inside `vec![..]`: while
// `code().await` is suspended, a receiver `close` borrowed would be a
// temporary rustc drops after the newer `open().await` it also borrows,
// and a moved one an operand dropped before it. The machine keeps the
// older receiver as a borrowed one, where `close` has moved it.
// Written `Connection::close(open().await, ..)`, it builds.
use desugar::desugar;

struct Connection;

impl Connection {
    fn close(self, code: u32) -> u32 {
        code
    }

    fn code(&self, code: u32) -> u32 {
        code
    }
}

async fn open() -> Connection {
    Connection
}

async fn code() -> u32 {
    7
}

#[desugar]
async fn closed() -> usize {
    let codes = vec![open().await.close(open().await.code(code().await)), 1];
    codes.len()
}

fn main() {}
