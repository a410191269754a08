// `close` takes `self`, but syntax cannot tell it from a `&self` method: a
// value awaited in a scrutinee whose arms await is kept to the end of the
// `match` (as rustc keeps a borrowed one), where it is already moved.
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

#[desugar]
async fn closed() -> u32 {
    match open().await.close(code().await) {
        7 => code().await,
        other => other,
    }
}

#[desugar]
async fn closed_with(code: u32) -> u32 {
    match open().await.close(code) {
        7 => self::code().await,
        other => other,
    }
}

fn main() {}
