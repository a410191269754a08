// A borrowed constant is left for rustc to promote to a `static` (see
// `tests/promoted_constants.rs`), but a constant of a type with a `Drop`
// impl is not promoted: rustc keeps it as a temporary to the end of the
// statement, or of the block where a `let` extends it, across the awaits
// there. The compiler, asked about the type, stops the build at the value,
// saying to bind it with `let` first; so for a named constant of such a
// type (`Guard::NONE`, `Guard::SPARE`), and for one used by value in a
// statement that awaits, which rustc makes before the await and the machine
// after.
// A constant without a `Drop` impl (`&Some(1)`) builds.
use desugar::desugar;

async fn ready() {}

async fn send(_: &Guard) {}

#[derive(PartialEq)]
struct Guard(u32);

impl Guard {
    const NONE: Guard = Guard(0);
    const SPARE: Guard = Guard(9);

    fn id(&self) -> u32 {
        self.0
    }
}

impl Drop for Guard {
    fn drop(&mut self) {}
}

async fn lookup(id: u32) -> u32 {
    id
}

#[desugar]
async fn extended() -> u32 {
    let guard = &Guard(1);
    ready().await;
    guard.0
}

#[desugar]
async fn awaited_operand() {
    send(&Guard(2)).await;
}

#[desugar]
async fn named_constants() -> u32 {
    let spare = &Guard::SPARE;
    lookup(Guard::NONE.id()).await + spare.0
}

async fn redeem(guard: Guard, seat: u32) -> u32 {
    guard.0 + seat
}

async fn flag(_: bool) {}

#[desugar]
async fn compared(g: Guard) {
    flag(g == Guard(0)).await;
}

#[desugar]
async fn by_value() -> u32 {
    redeem(Guard::SPARE, lookup(1).await).await
}

#[desugar]
async fn promoted() -> u32 {
    let one = &Some(1);
    ready().await;
    one.unwrap_or(0)
}

fn main() {}
