// A closure in the iterable of a `for` loop nested in another loop, whose
// body awaits: the iterator holding it is kept across the await, and the
// inner loop is written more than once. The error points at the closure
// and says to bind it before the outer loop.
use desugar::desugar;

async fn count(s: &str) -> usize {
    s.len()
}

#[desugar]
async fn nested_filter(chunks: Vec<&'static str>) -> usize {
    let mut n = 0;
    for c in chunks {
        for w in c.split(' ').filter(|w| !w.is_empty()) {
            n += count(w).await;
        }
    }
    n
}

fn main() {}
