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

fn main() {}
