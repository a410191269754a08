// `close` takes `self`, but syntax cannot tell it from a `&self` method:
// the receiver is kept across the next await, where it is already moved.
use desugar::desugar;

async fn ready() {}

struct Connection;

impl Connection {
    fn close(self) -> u32 {
        7
    }
}

#[desugar]
async fn kept_receiver(connection: Connection) -> u32 {
    let code = connection.close();
    ready().await;
    code
}

fn main() {}
