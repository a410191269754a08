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

    fn with(self, v: u32) -> Counter {
        Counter(self.0 + v)
    }

    fn title(&self) -> String {
        format!("counter {}", self.0)
    }
}

#[desugar]
async fn after_effect() -> u32 {
    Counter::new().weight() + ready().await
}

// A scrutinee's temporary lives to the end of the statement, across the
// await; arms and `if` bodies are scopes of their own, and build.
#[desugar]
async fn after_scrutinee() -> u32 {
    let n = match Counter::new().weight() {
        0 => 1,
        k => k,
    } + ready().await;
    n
}

// The value of a method syntax does not know, read by a standard one
// (`len`): the receiver, `Counter::new()`, lives to the end of the
// statement in rustc, across the await (it dropped before it in the
// machine: a silent difference until this was an error).
#[desugar]
async fn after_unknown_method_read_by_a_known_one() -> u32 {
    Counter::new().title().len() as u32 + ready().await
}

// A chain awaiting in two arguments: the part bound ahead of the first
// await (`Counter::new()`) begins what is left before the second, which the
// error points at, rather than at the attribute.
#[desugar]
async fn chain_awaiting_twice() -> u32 {
    let c = Counter::new().with(ready().await).with(ready().await);
    c.0
}

fn main() {}
