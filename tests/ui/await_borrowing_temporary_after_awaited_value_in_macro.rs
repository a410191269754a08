// Both awaits are in `format!`'s arguments, a scope of its own: whether the
// first awaited value drops before or after the second's borrowed
// temporary depends on whether `label` borrows or moves it, which syntax
// cannot tell. Binding the first awaited value with `let` first builds.
use desugar::desugar;

struct Named(String);

impl Named {
    fn label(&self, n: usize) -> usize {
        self.0.len() + n
    }
}

async fn named() -> Named {
    Named(String::from("a"))
}

async fn measure(text: &str) -> usize {
    text.len()
}

#[desugar]
async fn described() -> String {
    format!("{}", named().await.label(measure(&String::from("bc")).await))
}

fn main() {}
