use desugar::desugar;

async fn ready() -> u32 {
    1
}

struct Counter(u32);

impl Counter {
    fn new() -> Counter {
        Counter(2)
    }

    fn weight(&self) -> u32 {
        self.0
    }
}

#[desugar]
async fn after_effect() -> u32 {
    Counter::new().weight() + ready().await
}

fn main() {}
