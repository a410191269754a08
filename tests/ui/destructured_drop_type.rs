// `Token` implements `Drop`, so `let Token { id } = token;` copies `id` and
// leaves `token` whole, which rustc drops at the end of its scope, after
// the await. Syntax took the pattern for a move: the compiler, asked about
// the type, stops the build, saying to bind the field by reference or copy
// it out (`let id = token.id;`).
use desugar::desugar;

async fn ready() {}

struct Token {
    id: u32,
}

impl Drop for Token {
    fn drop(&mut self) {}
}

#[desugar]
async fn destructured(token: Token) -> u32 {
    let Token { id } = token;
    ready().await;
    id
}

#[desugar]
async fn matched(token: Token) -> u32 {
    let n = match token {
        Token { id: 0 } => 1,
        Token { id } => id,
    };
    ready().await;
    n
}

fn main() {}
