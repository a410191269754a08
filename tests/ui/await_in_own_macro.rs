// A macro of the user's own that awaits in its expansion, under a name
// `#[desugar]` does not know as awaiting: its `.await` lands in the
// machine's step function.
use desugar::desugar;

async fn ready() -> u32 {
    1
}

macro_rules! both {
    ($a:expr, $b:expr) => {
        ($a.await, $b.await)
    };
}

#[desugar]
async fn own_macro() -> u32 {
    let (a, b) = both!(ready(), ready());
    a + b
}

fn main() {}
