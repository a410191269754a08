// `pair` is moved whole on one path and not on the other, so the machine
// keeps it with a drop flag, from which a part cannot be moved out (README,
// "Partial moves"). The error points at the move (`pair.0`), not at the
// attribute.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn pick(x: u32) -> String {
    let pair = (String::from("a"), String::from("b"));
    let kept = match x {
        1 => pair.0,
        _ => {
            let (a, _b) = pair;
            a
        }
    };
    ready().await;
    kept
}

fn main() {}
