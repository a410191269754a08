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

fn main() {}
