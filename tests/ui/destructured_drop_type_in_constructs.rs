// A type with a `Drop` impl destructured by a pattern binding a `Copy`
// field, which only copies it: rustc keeps the value to the end of its
// scope (for a `for` or `while let` element, of its iteration), after the
// await that follows, where the machine, taking the pattern for a move,
// would drop it before. In an `if let`, beside a `_` arm with a guard, in
// a `for` and a `while let` pattern, the compiler is asked, and the build
// stops at the pattern saying to bind the field by reference.
use desugar::desugar;

async fn ready() {}

pub enum Job {
    Run(u32),
    Stop,
}

impl Drop for Job {
    fn drop(&mut self) {}
}

pub struct Ticket(u32);

impl Drop for Ticket {
    fn drop(&mut self) {}
}

#[desugar]
async fn if_let(job: Job) -> u32 {
    if let Job::Run(n) = job {
        ready().await;
        n
    } else {
        0
    }
}

#[desugar]
async fn if_let_value(job: Job) -> u32 {
    let n = if let Job::Run(n) = job { n } else { 0 };
    ready().await;
    n
}

#[desugar]
async fn guarded(t: Ticket) -> u32 {
    let n = match t {
        Ticket(id) if id > 0 => id,
        _ => 0,
    };
    ready().await;
    n
}

#[desugar]
async fn each(ts: Vec<Ticket>) -> u32 {
    let mut s = 0;
    for Ticket(id) in ts {
        ready().await;
        s += id;
    }
    s
}

#[desugar]
async fn popped(mut ts: Vec<Ticket>) -> u32 {
    let mut s = 0;
    while let Some(Ticket(id)) = ts.pop() {
        ready().await;
        s += id;
    }
    s
}

fn main() {}
