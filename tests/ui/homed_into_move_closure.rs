use desugar::desugar;

async fn ready() {}

#[desugar]
async fn move_closure() -> usize {
    let data = String::from("kept in place");
    let view = data.as_str();
    ready().await;
    let length = view.len();
    let owner = move || data.len();
    length + owner()
}

fn main() {}
