use desugar::desugar;

#[derive(Default)]
struct Config {
    retries: u32,
    timeout: u32,
}

async fn defaults() -> Config {
    Config::default()
}

#[desugar]
async fn struct_rest() -> u32 {
    let config = Config {
        retries: 3,
        ..defaults().await
    };
    config.retries + config.timeout
}

fn main() {}
