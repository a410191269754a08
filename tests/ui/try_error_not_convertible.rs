// `?` on an error the function's error type has no `From` for: both copies
// of the error name the two types.
use desugar::desugar;

struct ParseError;
struct AppError;

async fn parse() -> Result<u32, ParseError> {
    Ok(1)
}

#[desugar]
async fn app() -> Result<u32, AppError> {
    let n = parse().await?;
    Ok(n)
}

fn main() {}
