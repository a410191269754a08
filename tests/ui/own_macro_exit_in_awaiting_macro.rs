// A `select!` is awaited through an inner `async` block. A `return`, `?`
// or `break` in a macro of the user's own in one of its branches is out of
// the expansion's sight; in the block it would leave the block, not the fn
// (and the block's value would go on as the macro's). So it does not build:
// the block's value is wrapped (the message says to write the `return`
// outside the macro), a `?` finds a block that does not return `Result`,
// and a `break` cannot leave an `async` block.
use desugar::desugar;

macro_rules! select_biased {
    ($a:pat = $fa:expr => $ea:expr, $b:pat = $fb:expr => $eb:expr $(,)?) => {
        match ::desugar::harness::join2($fa, $fb).await {
            ($a, _) if true => $ea,
            (_, $b) => $eb,
        }
    };
}

macro_rules! ensure_small {
    ($v:expr) => {
        if $v > 3 {
            return Err(format!("too big: {}", $v));
        }
    };
}

macro_rules! parse {
    ($s:expr) => {
        $s.parse::<u32>().map_err(|e| e.to_string())?
    };
}

macro_rules! stop_if {
    ($c:expr) => {
        if $c {
            break;
        }
    };
}

fn fetch<T>(v: T) -> std::future::Ready<T> {
    std::future::ready(v)
}

#[desugar]
async fn returns_in_a_branch() -> Result<u32, String> {
    let got: Result<u32, String> = select_biased! {
        x = fetch(5u32) => { ensure_small!(x); Ok(x) },
        y = fetch(1u32) => Ok(y),
    };
    got
}

#[desugar]
async fn tries_in_a_branch() -> Result<u32, String> {
    let got: Result<u32, String> = select_biased! {
        x = fetch("7") => Ok(parse!(x)),
        _y = fetch("1") => Ok(1),
    };
    got
}

#[desugar]
async fn breaks_in_a_branch() -> u32 {
    let mut n = 0;
    loop {
        n += select_biased! {
            x = fetch(1u32) => { stop_if!(x > 0); x },
            y = fetch(2u32) => y,
        };
    }
    n
}

fn main() {}
