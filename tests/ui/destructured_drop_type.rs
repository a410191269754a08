// `Token` implements `Drop`, so `let Token { id } = token;` copies `id` and
// leaves `token` whole, which rustc drops at the end of its scope, after
// the await. Syntax took the pattern for a move: the compiler, asked about
// the type, stops the build at the pattern, saying to bind the field by
// reference or copy it out (`let id = token.id;`). So for a `Token` inside
// a tuple, an `Option` or a struct without a `Drop` impl: the rest moves,
// the `Token` stays.
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

struct Wrap(Token);

#[desugar]
async fn in_a_tuple(pair: (Token, String)) -> usize {
    let (Token { id }, name) = pair;
    ready().await;
    id as usize + name.len()
}

#[desugar]
async fn in_an_option(maybe: Option<Token>) -> u32 {
    let n = if let Some(Token { id }) = maybe { id } else { 0 };
    ready().await;
    n
}

#[desugar]
async fn in_a_struct(wrap: Wrap) -> u32 {
    let Wrap(Token { id }) = wrap;
    ready().await;
    id
}

fn main() {}
