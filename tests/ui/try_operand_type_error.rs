// A type error inside the operand of `?`: the machine's copy of the error
// stands where the twin's does, so rustc reports it once, at the user's
// argument.
use desugar::desugar;

async fn ready() {}

fn parse(text: &str) -> Result<u32, ()> {
    text.parse().map_err(|_| ())
}

#[desugar]
async fn parsed() -> Result<u32, ()> {
    ready().await;
    let n = parse(5)?;
    Ok(n)
}

fn main() {}
