// A `match` on a local, one arm binding it by `ref` (`ref fresh @ Job {
// id: 0, .. }`, which does not await), another moving parts out of it and
// awaiting (dogM1). The machine keeps the local in place, where rustc
// borrows it for the `ref` arm and moves parts out of it for the other,
// and no part can move out of the place: the build stopped with a bare
// E0507 at the scrutinee. The compiler, asked whether each part moves,
// now stops it at the part, saying to bind the value whole with a guard
// (`fresh if fresh.id == 0 => ..`), which builds
// (`tests/patterns_beside_whole_arms.rs`).
use desugar::desugar;

async fn send(to: &str) -> usize {
    to.len()
}

pub struct Job {
    pub id: u32,
    pub to: String,
    pub lease: String,
}

#[desugar]
async fn route(j: Job) -> usize {
    match j {
        ref fresh @ Job { id: 0, .. } => fresh.to.len(),
        Job { to, id: _, lease: _l } => send(&to).await,
    }
}

fn main() {}
