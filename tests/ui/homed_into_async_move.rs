use desugar::desugar;

async fn ready() {}

#[desugar]
async fn async_move() -> usize {
    let data = String::from("kept in place");
    let view = data.as_str();
    ready().await;
    let length = view.len();
    let owner = async move { data.len() };
    length + owner.await
}

fn main() {}
