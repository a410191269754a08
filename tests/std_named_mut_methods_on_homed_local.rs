//! SILENT MISMATCH, breadth: the same bug as own_skip_on_homed_local.rs for
//! 19 method names of a reader's own, each `fn NAME(&mut self, ..)` that
//! advances `pos`, called after `let head = r.take(1).await;` (which keeps
//! `r` in place). All but `last` lose the advance: left Ready(([97], 1)),
//! right Ready(([97], 2)).
//! Run: cp repros/std_named_mut_methods_on_homed_local.rs tests/ && cargo test --test std_named_mut_methods_on_homed_local
mod common;
use common::same_and_no_larger;
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};
pub struct R<'a> {
    buf: &'a [u8],
    pos: usize,
}
impl<'a> R<'a> {
    fn take(&mut self, n: usize) -> LeafFuture<&'a [u8]> {
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Leaf::new("take").pending(1).ready(s)
    }
    fn skip(&mut self, _x: usize) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("skip").pending(1).ready(())
    }
    fn skip_while(&mut self, _f: impl Fn(u8) -> bool) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("skip_while").pending(1).ready(())
    }
    fn step_by(&mut self, _x: usize) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("step_by").pending(1).ready(())
    }
    fn count(&mut self) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("count").pending(1).ready(())
    }
    fn fold(&mut self, _i: usize, _f: impl Fn(usize, u8) -> usize) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("fold").pending(1).ready(())
    }
    fn map(&mut self, _f: impl Fn(u8) -> u8) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("map").pending(1).ready(())
    }
    fn filter(&mut self, _f: impl Fn(&u8) -> bool) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("filter").pending(1).ready(())
    }
    fn chain(&mut self, _x: usize) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("chain").pending(1).ready(())
    }
    fn zip(&mut self, _x: usize) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("zip").pending(1).ready(())
    }
    fn sum(&mut self) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("sum").pending(1).ready(())
    }
    fn peekable(&mut self) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("peekable").pending(1).ready(())
    }
    fn flatten(&mut self) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("flatten").pending(1).ready(())
    }
    fn last(&mut self) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("last").pending(1).ready(())
    }
    fn min(&mut self) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("min").pending(1).ready(())
    }
    fn max(&mut self) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("max").pending(1).ready(())
    }
    fn cycle(&mut self) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("cycle").pending(1).ready(())
    }
    fn expect(&mut self, _x: u8) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("expect").pending(1).ready(())
    }
    fn unwrap_or(&mut self, _x: u8) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("unwrap_or").pending(1).ready(())
    }
    fn and_then(&mut self, _f: impl Fn(u8) -> u8) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("and_then").pending(1).ready(())
    }
    fn then(&mut self, _x: usize) -> LeafFuture<()> {
        self.pos += 1;
        Leaf::new("then").pending(1).ready(())
    }
}
#[desugar]
async fn f_skip(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.skip(1).await;
    (head, r.pos)
}
#[test]
fn t_skip() {
    same_and_no_larger(|| f_skip(b"abcd"), || f_skip_rustc(b"abcd"));
}

#[desugar]
async fn f_skip_while(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.skip_while(|b| b == b'a').await;
    (head, r.pos)
}
#[test]
fn t_skip_while() {
    same_and_no_larger(|| f_skip_while(b"abcd"), || f_skip_while_rustc(b"abcd"));
}

#[desugar]
async fn f_step_by(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.step_by(1).await;
    (head, r.pos)
}
#[test]
fn t_step_by() {
    same_and_no_larger(|| f_step_by(b"abcd"), || f_step_by_rustc(b"abcd"));
}

#[desugar]
async fn f_count(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.count().await;
    (head, r.pos)
}
#[test]
fn t_count() {
    same_and_no_larger(|| f_count(b"abcd"), || f_count_rustc(b"abcd"));
}

#[desugar]
async fn f_fold(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.fold(1, |a, b| a + b as usize).await;
    (head, r.pos)
}
#[test]
fn t_fold() {
    same_and_no_larger(|| f_fold(b"abcd"), || f_fold_rustc(b"abcd"));
}

#[desugar]
async fn f_map(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.map(|b| b).await;
    (head, r.pos)
}
#[test]
fn t_map() {
    same_and_no_larger(|| f_map(b"abcd"), || f_map_rustc(b"abcd"));
}

#[desugar]
async fn f_filter(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.filter(|b| *b != 0).await;
    (head, r.pos)
}
#[test]
fn t_filter() {
    same_and_no_larger(|| f_filter(b"abcd"), || f_filter_rustc(b"abcd"));
}

#[desugar]
async fn f_chain(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.chain(1).await;
    (head, r.pos)
}
#[test]
fn t_chain() {
    same_and_no_larger(|| f_chain(b"abcd"), || f_chain_rustc(b"abcd"));
}

#[desugar]
async fn f_zip(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.zip(1).await;
    (head, r.pos)
}
#[test]
fn t_zip() {
    same_and_no_larger(|| f_zip(b"abcd"), || f_zip_rustc(b"abcd"));
}

#[desugar]
async fn f_sum(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.sum().await;
    (head, r.pos)
}
#[test]
fn t_sum() {
    same_and_no_larger(|| f_sum(b"abcd"), || f_sum_rustc(b"abcd"));
}

#[desugar]
async fn f_peekable(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.peekable().await;
    (head, r.pos)
}
#[test]
fn t_peekable() {
    same_and_no_larger(|| f_peekable(b"abcd"), || f_peekable_rustc(b"abcd"));
}

#[desugar]
async fn f_flatten(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.flatten().await;
    (head, r.pos)
}
#[test]
fn t_flatten() {
    same_and_no_larger(|| f_flatten(b"abcd"), || f_flatten_rustc(b"abcd"));
}

#[desugar]
async fn f_last(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.last().await;
    (head, r.pos)
}
#[test]
fn t_last() {
    same_and_no_larger(|| f_last(b"abcd"), || f_last_rustc(b"abcd"));
}

#[desugar]
async fn f_min(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.min().await;
    (head, r.pos)
}
#[test]
fn t_min() {
    same_and_no_larger(|| f_min(b"abcd"), || f_min_rustc(b"abcd"));
}

#[desugar]
async fn f_max(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.max().await;
    (head, r.pos)
}
#[test]
fn t_max() {
    same_and_no_larger(|| f_max(b"abcd"), || f_max_rustc(b"abcd"));
}

#[desugar]
async fn f_cycle(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.cycle().await;
    (head, r.pos)
}
#[test]
fn t_cycle() {
    same_and_no_larger(|| f_cycle(b"abcd"), || f_cycle_rustc(b"abcd"));
}

#[desugar]
async fn f_expect(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.expect(b'x').await;
    (head, r.pos)
}
#[test]
fn t_expect() {
    same_and_no_larger(|| f_expect(b"abcd"), || f_expect_rustc(b"abcd"));
}

#[desugar]
async fn f_unwrap_or(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.unwrap_or(0).await;
    (head, r.pos)
}
#[test]
fn t_unwrap_or() {
    same_and_no_larger(|| f_unwrap_or(b"abcd"), || f_unwrap_or_rustc(b"abcd"));
}

#[desugar]
async fn f_and_then(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.and_then(|x| x).await;
    (head, r.pos)
}
#[test]
fn t_and_then() {
    same_and_no_larger(|| f_and_then(b"abcd"), || f_and_then_rustc(b"abcd"));
}

#[desugar]
async fn f_then(buf: &[u8]) -> (&[u8], usize) {
    let mut r = R { buf, pos: 0 };
    let head = r.take(1).await;
    r.then(1).await;
    (head, r.pos)
}
#[test]
fn t_then() {
    same_and_no_larger(|| f_then(b"abcd"), || f_then_rustc(b"abcd"));
}
