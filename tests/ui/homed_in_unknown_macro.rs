use desugar::desugar;

async fn ready() {}

macro_rules! length {
    ($s:expr) => {
        $s.len()
    };
}

#[desugar]
async fn unknown_macro() -> usize {
    let data = String::from("kept in place");
    let view = data.as_str();
    ready().await;
    length!(data) + view.len()
}

fn main() {}
