//! In Rust 2021 a plain fn's `impl Future` captures only the lifetimes its
//! bounds name: the twin of a `pub` fn, a plain fn returning its async fn's
//! future (`desugar-expand/src/emit/twin.rs`), names every lifetime the
//! async fn's future captures, elided ones too, as the machine does.

use desugar::desugar;
use desugar::harness::{assert_same, Leaf, Probe};

#[desugar]
pub async fn first_word(text: &str, probe: Probe) -> &str {
    Leaf::new("tick").pending(1).ready(()).await;
    probe.touch();
    let word = text.split(' ').next().unwrap_or("");
    word
}

#[desugar]
pub async fn counted(items: &[u32], seen: &mut Vec<u32>) -> usize {
    for item in items {
        seen.push(Leaf::new("item").pending(1).ready(*item).await);
    }
    seen.len()
}

#[test]
fn twins_capture_elided_lifetimes() {
    let text = String::from("one two");
    let report = assert_same(
        || first_word(&text, Probe::new("p")),
        || first_word_rustc(&text, Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(\"one\")");
    let report = assert_same(
        || async {
            let mut seen = Vec::new();
            counted(&[1, 2], &mut seen).await
        },
        || async {
            let mut seen = Vec::new();
            counted_rustc(&[1, 2], &mut seen).await
        },
    );
    assert_eq!(report.outcome, "Ready(2)");
}
