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

macro_rules! log {
    ($($tokens:tt)*) => {
        println!($($tokens)*)
    };
}

// A string given to the macro names `width` as a width, which must be the
// `usize` itself: the reference the machine names it by would not do.
// (Formatted, `"{width}"`, the reference prints the same, and builds.)
#[desugar]
async fn width_named_in_a_string() -> String {
    let width = 6usize;
    let view = &width;
    ready().await;
    log!("[{:width$}] {width}", 1);
    view.to_string()
}

macro_rules! url {
    ($base:expr, $id:expr) => {
        format!("{}/{}", $base, $id)
    };
}

// A closure without `move` borrows what a macro inside it names, whatever
// the macro does; kept across an await, it keeps `base` in place. (The
// macro's value alone, `let u = url!(base, 1);`, is taken not to borrow.)
#[desugar]
async fn closure_kept_across_an_await(base: String) -> usize {
    let link = || url!(base, 1);
    ready().await;
    link().len()
}

async fn give_back(v: Vec<u32>) -> Vec<u32> {
    v
}

// A `macro_rules!` of the fn naming a local given back in a loop, which
// keeps it in place (dogI3, build 6): the macro is given the local by its
// calls, where the machine cannot give it the home; the message says to
// make the local an argument of the rules, given a reference.
#[desugar]
async fn macro_of_the_fn(mut c: Vec<u32>, rounds: u32) -> u32 {
    macro_rules! sum {
        () => {
            c.iter().sum::<u32>()
        };
    }
    for _ in 0..rounds {
        c = give_back(c).await;
    }
    sum!()
}

macro_rules! bump {
    ($c:expr) => {
        $c += 1
    };
}

// A macro that changes the local it names, inside a closure kept across
// an await: the message says to bind `&mut count` and name `*value`
// (`&count` would not build: E0594), as `tests/ready_in_poll_fn.rs` does.
#[desugar]
async fn changed_by_the_macro(n: u32) -> u32 {
    let mut count = 0;
    let mut step = || bump!(count);
    step();
    ready().await;
    step();
    count + n
}

fn main() {}
