//! Text processing across awaits, in shapes a dogfood run found that the
//! plain `async fn` builds and the machine did not, each compared with
//! rustc's twin (`assert_same`: every cancellation point, with and without
//! extra `Pending`s), no larger, and `Send` where the twin is.
//!
//! - Standard methods that store a borrow of their argument in the
//!   receiver, beside `push` and `insert`: a map's `entry(w)` (the word
//!   count keyed by `&str`), `extend`, `extend_from_slice`, `append`,
//!   `get_or_insert`, `resize`, `fill`, and `std::mem::replace(&mut prev,
//!   w)`: the text the stored borrow points into was moved into the state
//!   while borrowed (E0505, E0597).
//! - A `Vec` of borrows made by `vec![a.as_str()]`, `vec![&a]`,
//!   `[a.as_str()].to_vec()`, or a copy (`clone`, `to_vec`) of a
//!   `Vec<&str>`: taken for a value new by construction, which holds no
//!   borrow, so the text was moved into the state while borrowed.
//! - A capturing closure borrowed in place by an awaited call's argument
//!   (`split_count(&line, &|c| c == sep).await`, `scan(&text, &mut ||
//!   lines += 1).await`): rustc keeps it to the end of the statement,
//!   across the await; the machine dropped it first (E0716).
//! - The rewrite the error for a closure in a nested `for` loop's iterable
//!   asks for (`tests/ui/closure_in_nested_for_iterable.rs`): the closure
//!   bound before the outer loop, the iterable given a borrow of it.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};
use std::collections::{BTreeMap, HashMap};

async fn tick() {
    Leaf::new("tick").pending(1).ready(()).await;
}

#[desugar]
async fn word_counts(text: String) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for w in text.split_whitespace() {
        *counts.entry(w).or_insert(0) += 1;
    }
    tick().await;
    counts
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

#[desugar]
async fn grouped(text: String) -> usize {
    let mut by_first: HashMap<char, Vec<&str>> = HashMap::new();
    for w in text.split(' ') {
        by_first
            .entry(w.chars().next().unwrap_or(' '))
            .or_default()
            .push(w);
    }
    tick().await;
    by_first.values().map(Vec::len).sum()
}

#[desugar]
async fn extended(line: String) -> usize {
    let mut v: Vec<&str> = Vec::new();
    v.extend(line.split_whitespace());
    tick().await;
    v.len()
}

#[desugar]
async fn from_slice(line: String) -> usize {
    let mut v: Vec<&str> = Vec::new();
    v.extend_from_slice(&[line.as_str()]);
    tick().await;
    v.len()
}

#[desugar]
async fn appended(a: String) -> usize {
    let mut v: Vec<&str> = Vec::new();
    v.append(&mut vec![a.as_str()]);
    tick().await;
    v[0].len()
}

#[desugar]
async fn first_word(text: String) -> usize {
    let mut first: Option<&str> = None;
    for w in text.split(' ') {
        first.get_or_insert(w);
    }
    tick().await;
    first.map_or(0, str::len)
}

#[desugar]
async fn previous(text: String) -> usize {
    let mut prev = "";
    let mut n = 0;
    for w in text.split(' ') {
        let old = std::mem::replace(&mut prev, w);
        n += old.len();
    }
    tick().await;
    n + prev.len()
}

#[desugar]
async fn resized(s: String) -> usize {
    let mut v: Vec<&str> = Vec::new();
    v.resize(3, s.as_str());
    tick().await;
    v.iter().map(|w| w.len()).sum()
}

#[desugar]
async fn filled(s: String) -> usize {
    let mut v = vec![""; 2];
    v.fill(s.as_str());
    tick().await;
    v.concat().len()
}

#[test]
fn storing_methods() {
    let text = || "a bb a ccc".to_string();
    same_and_no_larger(|| word_counts(text()), || word_counts_rustc(text()));
    same_and_no_larger(|| grouped(text()), || grouped_rustc(text()));
    same_and_no_larger(|| extended(text()), || extended_rustc(text()));
    same_and_no_larger(|| from_slice(text()), || from_slice_rustc(text()));
    same_and_no_larger(|| appended(text()), || appended_rustc(text()));
    same_and_no_larger(|| first_word(text()), || first_word_rustc(text()));
    same_and_no_larger(|| previous(text()), || previous_rustc(text()));
    same_and_no_larger(|| resized(text()), || resized_rustc(text()));
    same_and_no_larger(|| filled(text()), || filled_rustc(text()));
    both_send(&word_counts(text()), &word_counts_rustc(text()));
    both_send(&grouped(text()), &grouped_rustc(text()));
    both_send(&previous(text()), &previous_rustc(text()));
}

async fn join_all(parts: &[&str], sep: &str) -> String {
    Leaf::new("join").pending(1).ready(()).await;
    parts.join(sep)
}

#[desugar]
async fn vec_of_views(a: String, b: String) -> String {
    let v = vec![a.as_str(), b.as_str()];
    join_all(&v, "+").await
}

// The vec! is the shape under test, where a slice would do.
#[allow(clippy::useless_vec)]
#[desugar]
async fn vec_in_place(line: String) -> String {
    join_all(&vec![line.trim(), "x"], "+").await
}

#[desugar]
async fn vec_of_refs(a: String) -> usize {
    let v = vec![&a];
    tick().await;
    v[0].len()
}

#[desugar]
async fn repeated_view(a: String) -> usize {
    let v = vec![a.trim(); 3];
    tick().await;
    v.concat().len()
}

#[desugar]
async fn array_to_vec(a: String) -> usize {
    let v = [a.as_str()].to_vec();
    tick().await;
    v[0].len()
}

#[desugar]
async fn cloned_views(line: String) -> usize {
    let parts: Vec<&str> = line.split(',').collect();
    let copy = parts.clone();
    drop(parts);
    tick().await;
    copy.iter().map(|p| p.len()).sum()
}

#[desugar]
async fn copied_slice(line: String) -> usize {
    let parts: Vec<&str> = line.split(',').collect();
    let copy = parts.to_vec();
    drop(parts);
    tick().await;
    copy.len()
}

#[test]
fn vecs_of_borrows() {
    let text = || " a,bb ".to_string();
    same_and_no_larger(
        || vec_of_views(text(), "c".into()),
        || vec_of_views_rustc(text(), "c".into()),
    );
    same_and_no_larger(|| vec_in_place(text()), || vec_in_place_rustc(text()));
    same_and_no_larger(|| vec_of_refs(text()), || vec_of_refs_rustc(text()));
    same_and_no_larger(|| repeated_view(text()), || repeated_view_rustc(text()));
    same_and_no_larger(|| array_to_vec(text()), || array_to_vec_rustc(text()));
    same_and_no_larger(|| cloned_views(text()), || cloned_views_rustc(text()));
    same_and_no_larger(|| copied_slice(text()), || copied_slice_rustc(text()));
    both_send(&cloned_views(text()), &cloned_views_rustc(text()));
    both_send(&vec_in_place(text()), &vec_in_place_rustc(text()));
}

async fn split_count(s: &str, is_sep: &dyn Fn(char) -> bool) -> usize {
    Leaf::new("split").pending(1).ready(()).await;
    s.split(is_sep).count()
}

async fn scan(s: &str, on_nl: &mut dyn FnMut()) -> usize {
    Leaf::new("scan").pending(1).ready(()).await;
    s.chars().filter(|&c| c == '\n').for_each(|_| on_nl());
    s.len()
}

async fn keep_words(s: &str, keep: &dyn Fn(&str) -> bool) -> usize {
    Leaf::new("keep").pending(1).ready(()).await;
    s.split(' ').filter(|w| keep(w)).count()
}

#[desugar]
async fn fields(line: String, sep: char) -> usize {
    split_count(&line, &|c| c == sep).await
}

#[desugar]
async fn count_lines(text: String) -> (usize, usize) {
    let mut lines = 0;
    let n = scan(&text, &mut || lines += 1).await;
    (n, lines)
}

#[desugar]
async fn typed_words(text: String, prefix: String) -> usize {
    keep_words(&text, &|w: &str| w.starts_with(prefix.as_str())).await + prefix.len()
}

// Captures nothing: promoted to a static, its signature from the type it
// is borrowed as, as before.
#[desugar]
async fn promoted_words(text: String) -> usize {
    keep_words(&text, &|w| !w.is_empty()).await
}

#[desugar]
async fn moved_into_closure(text: String, probe: Probe) -> usize {
    keep_words(&text, &move |w: &str| {
        probe.touch();
        w.len() > 1
    })
    .await
}

#[test]
fn closures_borrowed_by_awaited_calls() {
    let text = || "a,b;c\nd e\n".to_string();
    same_and_no_larger(|| fields(text(), ','), || fields_rustc(text(), ','));
    same_and_no_larger(|| count_lines(text()), || count_lines_rustc(text()));
    same_and_no_larger(
        || typed_words("ab ac b".into(), "a".into()),
        || typed_words_rustc("ab ac b".into(), "a".into()),
    );
    same_and_no_larger(|| promoted_words(text()), || promoted_words_rustc(text()));
    same_and_no_larger(
        || moved_into_closure(text(), Probe::new("p")),
        || moved_into_closure_rustc(text(), Probe::new("p")),
    );
}

async fn count(name: &str, s: &str) -> usize {
    Leaf::new(name).pending(1).ready(s.len()).await
}

#[desugar]
async fn nested_filter(chunks: Vec<&'static str>) -> usize {
    let keep = |w: &&str| !w.is_empty();
    let mut n = 0;
    for c in chunks {
        for w in c.split(' ').filter(&keep) {
            n += count(w, w).await;
        }
    }
    n
}

#[test]
fn closure_bound_before_nested_loops() {
    let chunks = || vec!["a b", " cc", ""];
    same_and_no_larger(|| nested_filter(chunks()), || nested_filter_rustc(chunks()));
    both_send(&nested_filter(chunks()), &nested_filter_rustc(chunks()));
}
