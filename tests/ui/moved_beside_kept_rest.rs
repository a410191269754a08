// A `match` on a tuple holding a `&mut` (`match (st, ev)`, the actor's
// `match (&mut self.state, event)`), one arm binding through the `&mut`
// beside a `..` and awaiting, another moving a part out of the owned event
// (dogM1 3a). The `..` arm's bindings may borrow through a `&mut` the value
// holds, so the value is kept in place, where no part can move out of it:
// the build stopped with a bare E0507 in the expansion. The compiler, asked
// whether the part moves, now stops it at the part, saying to name what
// the `..` skips, which builds (`tests/parts_beside_whole_values.rs`).
use desugar::desugar;

async fn ready() {}

pub enum State {
    Open { sock: String, sent: u32 },
    Idle,
}

pub enum Ev {
    Send(String),
    Close,
}

#[desugar]
async fn on_event(st: &mut State, ev: Ev) -> usize {
    match (st, ev) {
        (State::Open { sock, .. }, Ev::Close) => {
            ready().await;
            sock.len()
        }
        (_, Ev::Send(msg)) => msg.len(),
        _ => 1,
    }
}

fn main() {
    let _ = State::Idle;
}
