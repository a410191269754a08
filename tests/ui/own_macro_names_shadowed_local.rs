use desugar::desugar;

async fn ready() -> u32 {
    1
}

// `add!` reads the first `total` (3), bound before it; a call given the
// local by name would read the second.
#[desugar]
async fn shadowed_after_definition() -> u32 {
    let total = 3;
    macro_rules! add {
        ($e:expr) => {
            total + $e
        };
    }
    let total = ready().await;
    add!(total)
}

// The rules bind a name of their own, which a local given by name could
// then mean.
#[desugar]
async fn rules_bind_a_name() -> u32 {
    let total = 3;
    macro_rules! twice {
        ($e:expr) => {{
            let total = total * 2;
            total + $e
        }};
    }
    let n = ready().await;
    twice!(n)
}

fn main() {}
