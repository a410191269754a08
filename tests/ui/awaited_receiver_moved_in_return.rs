// `close` takes `self`, but syntax cannot tell it from a `&self` method:
// in a `return`, a moved receiver drops before the temporary the later
// await borrows, a borrowed one after it. The machine keeps it as the
// borrowed one, where it is already moved.
// Written `return Connection::close(open().await, wait(&String::from("log")).await) + 1;`,
// it builds.
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

async fn wait(_log: &str) -> u32 {
    7
}

#[desugar]
async fn closed(early: bool) -> u32 {
    if early {
        return open().await.close(wait(&String::from("log")).await) + 1;
    }
    0
}

fn main() {}
