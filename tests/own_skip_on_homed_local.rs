//! SILENT MISMATCH. A local kept in place (a future borrowed it across an
//! earlier await: `lx.fill().await` with `async fn fill(&mut self)`), then
//! a method of its own named like a standard `self`-taking one (`skip`,
//! `count`, `map`, `filter`, `expect`, …) that takes `&mut self` or `&self`:
//! the machine `take()`s the value out of its home, calls the method on
//! that bitwise copy, and the local read afterwards still has the old value.
//! The compiler check `receiver_consumed` only fires where the type needs
//! drop, so for a drop-free type (a borrowed lexer/parser/cursor, a `Cell`
//! counter) the mutation is silently lost.
//!
//! Run: cp repros/own_skip_on_homed_local.rs tests/ && cargo test --test own_skip_on_homed_local
mod common;
use common::same_and_no_larger;
use desugar::desugar;
use desugar::harness::Leaf;
use std::cell::Cell;

pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    async fn fill(&mut self) -> usize {
        Leaf::new("fill").pending(1).ready(()).await;
        self.src.len() - self.pos
    }
    fn skip(&mut self, n: usize) {
        self.pos += n;
    }
}

#[desugar]
async fn lex(src: &str) -> usize {
    let mut lx = Lexer { src, pos: 0 };
    lx.fill().await;
    lx.skip(2);
    lx.pos // machine: 0, rustc: 2
}

/// A parameter, same.
#[desugar]
async fn param(mut lx: Lexer<'_>) -> usize {
    lx.fill().await;
    lx.skip(2);
    lx.pos
}

/// `&self` with interior mutability, a method named `count`.
pub struct Stats<'a> {
    name: &'a str,
    hits: Cell<u32>,
}

impl<'a> Stats<'a> {
    fn count(&self) -> u32 {
        self.hits.set(self.hits.get() + 1);
        self.hits.get()
    }
    async fn report(&self) -> usize {
        Leaf::new("report").pending(1).ready(()).await;
        self.name.len()
    }
}

#[desugar]
async fn cell_count(name: &str) -> u32 {
    let stats = Stats {
        name,
        hits: Cell::new(0),
    };
    stats.report().await;
    stats.count();
    stats.count();
    stats.hits.get() // machine: 0, rustc: 2
}

#[test]
fn lexer_skip() {
    same_and_no_larger(|| lex("abcd"), || lex_rustc("abcd"));
}

#[test]
fn lexer_param_skip() {
    same_and_no_larger(
        || {
            param(Lexer {
                src: "abcd",
                pos: 0,
            })
        },
        || {
            param_rustc(Lexer {
                src: "abcd",
                pos: 0,
            })
        },
    );
}

#[test]
fn cell_counter() {
    same_and_no_larger(|| cell_count("abcd"), || cell_count_rustc("abcd"));
}
