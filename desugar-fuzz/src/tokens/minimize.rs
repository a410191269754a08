//! Minimising a failing input: remove token trees, or unwrap groups, while
//! the expansion still fails the same way.

use proc_macro2::TokenStream;

use super::check::{Verdict, check};
use super::mutate::{Tree, from_stream, to_stream};

/// The same kind of failure (the messages may differ in names).
fn same_kind(a: &Verdict, b: &Verdict) -> bool {
    match (a, b) {
        (Verdict::Panicked(x), Verdict::Panicked(y)) => first_words(x) == first_words(y),
        (Verdict::Unparseable(x), Verdict::Unparseable(y)) => x == y,
        _ => false,
    }
}

fn first_words(message: &str) -> String {
    message
        .split_whitespace()
        .skip(1)
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The smallest item found (by removing trees one at a time, to a fixed
/// point) on which the expansion fails like `verdict`.
pub fn minimize(args: &TokenStream, item: &TokenStream, verdict: &Verdict) -> TokenStream {
    let mut best = from_stream(item.clone());
    loop {
        let mut changed = false;
        let mut index = 0;
        while let Some(candidate) = edit(&best, index) {
            index += 1;
            if same_kind(&check(args, &to_stream(&candidate)), verdict) {
                best = candidate;
                changed = true;
                index -= 1;
            }
        }
        if !changed {
            return to_stream(&best);
        }
    }
}

/// The `index`th one-step edit of `trees` (removals, then unwrappings, in
/// depth-first order), or `None` when there are fewer.
fn edit(trees: &[Tree], index: usize) -> Option<Vec<Tree>> {
    let mut counter = index;
    remove(trees, &mut counter).or_else(|| unwrap(trees, &mut counter))
}

fn remove(trees: &[Tree], counter: &mut usize) -> Option<Vec<Tree>> {
    for (i, tree) in trees.iter().enumerate() {
        if *counter == 0 {
            let mut out = trees.to_vec();
            out.remove(i);
            return Some(out);
        }
        *counter -= 1;
        if let Tree::Group(delimiter, inner) = tree
            && let Some(edited) = remove(inner, counter)
        {
            let mut out = trees.to_vec();
            out[i] = Tree::Group(*delimiter, edited);
            return Some(out);
        }
    }
    None
}

fn unwrap(trees: &[Tree], counter: &mut usize) -> Option<Vec<Tree>> {
    for (i, tree) in trees.iter().enumerate() {
        let Tree::Group(delimiter, inner) = tree else {
            continue;
        };
        if *counter == 0 {
            let mut out = trees.to_vec();
            out.splice(i..=i, inner.iter().cloned());
            return Some(out);
        }
        *counter -= 1;
        if let Some(edited) = unwrap(inner, counter) {
            let mut out = trees.to_vec();
            out[i] = Tree::Group(*delimiter, edited);
            return Some(out);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{edit, remove};
    use crate::tokens::mutate::{from_stream, to_stream};

    #[test]
    fn edits_cover_every_tree() {
        let trees = from_stream("a (b c) d".parse().unwrap());
        let removals: Vec<String> = (0..5)
            .map_while(|i| remove(&trees, &mut { i }).map(|t| to_stream(&t).to_string()))
            .collect();
        assert_eq!(
            removals,
            ["(b c) d", "a d", "a (c) d", "a (b) d", "a (b c)"]
        );
        assert_eq!(to_stream(&edit(&trees, 5).unwrap()).to_string(), "a b c d");
        assert!(edit(&trees, 6).is_none());
    }
}
