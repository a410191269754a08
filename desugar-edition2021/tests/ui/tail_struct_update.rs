// In Rust 2021 the base of a struct update in a tail, a temporary that
// still holds the field the literal names in its place, drops after the
// block's locals; the machine would drop it before, as Rust 2024 does.
// Written `let value = Opts { .., ..Default::default() }; value`, it builds.
use desugar::desugar;

async fn ready() {}

#[derive(Default)]
pub struct Opts {
    pub retries: u32,
    pub name: String,
}

impl Opts {
    fn defaults(&self) -> Opts {
        Opts::default()
    }
}

#[desugar]
async fn opts() -> Opts {
    let _local = String::from("local");
    ready().await;
    Opts { name: String::from("given"), ..Default::default() }
}

#[desugar]
async fn from_a_method(c: Opts) -> Option<Opts> {
    let _local = String::from("local");
    ready().await;
    Some(Opts { name: String::from("given"), ..c.defaults() })
}

// A base that leaves only a number behind has nothing to drop: it builds.
#[desugar]
async fn numbers_only() -> Opts {
    let _local = String::from("local");
    ready().await;
    Opts { retries: 3, ..Default::default() }
}

fn main() {}
