// An item a macro of the crate's declares in statement position
// (`helper!(triple, 3)` expanding to `fn triple(..)`) is not seen: the
// machine declares the block's written items where every state sees
// them, but cannot read this macro's expansion, so the code after an
// await would not find `triple` (rustc's bare E0425). Where a name the
// macro is given is called after an await of the block, and no local or
// item has it, the build stops there saying what to write. (A macro
// defined in the body whose rules make items alone, and `thread_local!`,
// build: `tests/item_macros_in_body.rs`.)
use desugar::desugar;

async fn fetch(v: u32) -> u32 {
    v
}

macro_rules! helper {
    ($name:ident, $k:expr) => {
        fn $name(v: u32) -> u32 {
            v * $k
        }
    };
}

#[desugar]
async fn item_macro(n: u32) -> u32 {
    helper!(triple, 3);
    let v = fetch(n).await;
    triple(v)
}

// Called before the await only, it is where the macro put it: this builds.
#[desugar]
async fn called_before_the_await(n: u32) -> u32 {
    helper!(double, 2);
    let v = double(n);
    fetch(v).await
}

fn main() {}
