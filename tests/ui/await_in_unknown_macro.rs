use desugar::desugar;

async fn ready() -> u32 {
    1
}

macro_rules! double {
    ($e:expr) => {
        2 * $e
    };
}

#[desugar]
async fn unknown_macro() -> u32 {
    double!(ready().await)
}

fn main() {}
