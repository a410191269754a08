use desugar::desugar;

trait Fetch {
    #[desugar]
    async fn fetch(&self) -> u32;
}

fn main() {}
