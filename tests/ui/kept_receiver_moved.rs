// `close` takes `self`, but syntax cannot tell it from a `&self` method:
// the receiver is kept in place across the next await, as what `close`
// answers might borrow it, and nothing can move out of it there. The build
// stops at the receiver saying to write the move out
// (`tests/ui/kept_local_moved_by_method.rs`).
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
