//! Standard methods that take `self` (`Option::or`, `xor`, `Result::and`,
//! `Iterator::partition`, `reduce`, `unzip`, `take_while`, `scan`,
//! `min_by_key`, …) called on a local before an await: the local is moved,
//! and the machine keeps nothing of it, as rustc (README, "Values consumed
//! by a method"). Taken for a borrow, the local was kept across the await,
//! which does not build (E0507).

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

fn assert_send<T: Send>(_: &T) {}

async fn later() {
    Leaf::new("x").pending(1).ready(()).await
}

#[desugar]
async fn options(
    cli: Option<String>,
    env: Option<String>,
    a: Option<Probe>,
    b: Option<Probe>,
) -> String {
    let name = cli.or(env);
    let one = a.xor(b).map(|p| p.label().len()).unwrap_or(0);
    later().await;
    format!("{} {one}", name.unwrap_or_default())
}

#[desugar]
async fn results(first: Result<Probe, String>, second: Result<u32, String>) -> u32 {
    let both = first.and(second);
    later().await;
    both.unwrap_or(0)
}

#[desugar]
async fn iterators(words: Vec<String>, pairs: Vec<(u32, Probe)>) -> usize {
    let short = words.clone().into_iter();
    let (small, large): (Vec<String>, Vec<String>) = short.partition(|w| w.len() < 3);
    let all = words.clone().into_iter();
    let joined = all.reduce(|a, b| a + &b).unwrap_or_default();
    let each = pairs.into_iter();
    let (numbers, probes): (Vec<u32>, Vec<Probe>) = each.unzip();
    let leading = words.iter();
    let prefix = leading.take_while(|w| !w.is_empty()).count();
    let counted = words.iter();
    let lengths: Vec<usize> = counted
        .scan(0, |sum, w| {
            *sum += w.len();
            Some(*sum)
        })
        .collect();
    let longest = words.iter();
    let longest = longest.max_by_key(|w| w.len()).cloned().unwrap_or_default();
    later().await;
    small.len()
        + large.len()
        + joined.len()
        + numbers.len()
        + probes.len()
        + prefix
        + lengths.len()
        + longest.len()
}

#[test]
fn a_local_consumed_by_a_standard_method_is_not_kept() {
    let report = assert_same(
        || options(None, Some("e".into()), Some(Probe::new("a")), None),
        || options_rustc(None, Some("e".into()), Some(Probe::new("a")), None),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    assert_send(&options(None, None, None, None));
    for second in [Ok(2), Err("no".to_string())] {
        let report = assert_same(
            || results(Ok(Probe::new("p")), second.clone()),
            || results_rustc(Ok(Probe::new("p")), second.clone()),
        );
        assert!(report.left_size <= report.right_size, "{report}");
    }
    assert_send(&results(Err(String::new()), Ok(1)));
    let words = || vec!["ab".to_string(), "cde".to_string()];
    let pairs = || vec![(1, Probe::new("one")), (2, Probe::new("two"))];
    let report = assert_same(
        || iterators(words(), pairs()),
        || iterators_rustc(words(), pairs()),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    assert_send(&iterators(words(), pairs()));
}
