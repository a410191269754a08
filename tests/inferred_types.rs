//! Types rustc learns from code after an await, needed by code the machine
//! also runs without reaching that await (after a loop that may end first,
//! or after a branch that may not be taken). Each fn is written as users
//! write it, without annotations, and is compared with rustc's twin.

use std::collections::HashMap;

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

/// The machines are `Send` where their twins are.
fn assert_send<F: Send>(_: &F) {}

/// The element type of `pages` is given by the `push` after the await;
/// the code after the loop, which also runs when `ids` is empty, calls a
/// method on an element.
mod collected_in_a_loop {
    use super::*;

    #[desugar]
    async fn total_length(ids: Vec<u32>) -> usize {
        let mut pages = Vec::new();
        for id in ids {
            let page = Leaf::new("page")
                .pending(1)
                .ready(format!("page {id}"))
                .await;
            pages.push(page);
        }
        pages.iter().map(|p| p.len()).sum()
    }

    #[test]
    fn builds_and_behaves_as_rustc() {
        assert_send(&total_length_rustc(vec![]));
        assert_send(&total_length(vec![]));
        for ids in [vec![], vec![1], vec![7, 42, 3]] {
            let _ = assert_same(
                || total_length(ids.clone()),
                || total_length_rustc(ids.clone()),
            );
        }
    }
}

/// The same through a `while` loop whose value comes from an `if` inside
/// it, and an `Option` read after the loop.
mod pushed_in_a_branch_of_a_while_loop {
    use super::*;

    #[desugar]
    async fn first_long(limit: u32) -> Option<usize> {
        let mut found = Vec::new();
        let mut n = 0;
        while n < limit {
            n += 1;
            let word = Leaf::new("word")
                .pending(usize::from(n % 2 == 0))
                .ready("word".repeat(n as usize))
                .await;
            if word.len() > 4 {
                found.push(word);
            }
        }
        found.first().map(|w| w.len())
    }

    #[test]
    fn builds_and_behaves_as_rustc() {
        for limit in [0, 1, 3] {
            let _ = assert_same(|| first_long(limit), || first_long_rustc(limit));
        }
    }
}

/// A map filled in an `if` that awaits; the code after the `if` runs also
/// when it is not taken.
mod filled_in_a_branch {
    use super::*;

    #[desugar]
    async fn lookup(fetch: bool) -> usize {
        let guard = Probe::new("guard");
        let mut cache = HashMap::new();
        if fetch {
            let value = Leaf::new("fetch")
                .pending(1)
                .ready(String::from("value"))
                .await;
            cache.insert(1u8, value);
        }
        guard.touch();
        cache.values().map(|v| v.len()).sum()
    }

    #[test]
    fn builds_and_behaves_as_rustc() {
        for fetch in [false, true] {
            let _ = assert_same(|| lookup(fetch), || lookup_rustc(fetch));
        }
    }
}

/// Two awaits in the loop body: the code between them gives the type, and
/// the second await's value is added after it.
mod between_two_awaits {
    use super::*;

    #[desugar]
    async fn pairs(n: u32) -> usize {
        let mut names = Vec::new();
        for i in 0..n {
            let name = Leaf::new("name").pending(1).ready(format!("n{i}")).await;
            names.push(name);
            let extra = Leaf::new("extra").ready(String::from("x")).await;
            names.push(extra);
        }
        names.iter().map(|s| s.len()).sum::<usize>() + names.len()
    }

    #[test]
    fn builds_and_behaves_as_rustc() {
        for n in [0, 2] {
            let _ = assert_same(|| pairs(n), || pairs_rustc(n));
        }
    }
}

/// Code after the await that builds an `async` block is not written again
/// (each copy would be a type of its own, and `tasks` holds one type):
/// this builds as it did.
mod async_blocks_collected_in_a_loop {
    use super::*;

    #[desugar]
    async fn run_all(n: u32) -> u32 {
        let mut tasks = Vec::new();
        for i in 0..n {
            let v = Leaf::new("v").pending(1).ready(i).await;
            tasks.push(async move { v * 2 });
        }
        let mut sum = 0;
        for task in tasks {
            sum += task.await;
        }
        sum
    }

    #[test]
    fn builds_and_behaves_as_rustc() {
        for n in [0, 3] {
            let _ = assert_same(|| run_all(n), || run_all_rustc(n));
        }
    }
}
