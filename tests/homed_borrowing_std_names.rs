//! A method of the user's own named like a standard one that takes `self`
//! (`skip`, `count`, `map`, `expect`, …) but borrowing its receiver, called
//! on a local the machine keeps in place (a future borrowed it across an
//! earlier await). The machine took the call for a move: it took the value
//! out of its home bitwise and called the method on that copy, so what a
//! `&mut self` method (or a `&self` one through a `Cell`) changed was lost,
//! and a later read of the local saw the home's old value. Where the local
//! is read after the call (or through a borrow taken before it), the call
//! cannot have moved it (rustc's twin would not build), and the machine now
//! calls the method on the home's place (README, "Values consumed by a
//! method").

mod common;
use common::{assert_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};
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
    fn count(&mut self) -> usize {
        self.pos += 1;
        self.pos
    }
    fn map(&mut self, f: impl Fn(usize) -> usize) -> usize {
        self.pos = f(self.pos);
        self.pos
    }
    fn expect(&mut self, byte: u8) -> bool {
        let ok = self.src.as_bytes().get(self.pos) == Some(&byte);
        self.pos += usize::from(ok);
        ok
    }
    /// Borrows the lexer for as long as the future lives.
    fn step_by(&mut self, n: usize) -> LeafFuture<usize> {
        self.pos += n;
        Leaf::new("step_by").pending(1).ready(self.pos)
    }
}

fn number(n: usize) -> LeafFuture<usize> {
    Leaf::new("number").pending(1).ready(n)
}

#[desugar]
async fn lex(src: &str) -> usize {
    let mut lx = Lexer { src, pos: 0 };
    lx.fill().await;
    lx.skip(2);
    lx.pos
}

#[desugar]
async fn param(mut lx: Lexer<'_>) -> usize {
    lx.fill().await;
    lx.skip(2);
    lx.count();
    lx.pos
}

/// Several names, one after another, each read by the next.
#[desugar]
async fn names(src: &str) -> (usize, bool, usize) {
    let mut lx = Lexer { src, pos: 0 };
    lx.fill().await;
    let n = lx.count();
    let ok = lx.expect(b'b');
    lx.map(|p| p * 2);
    (n, ok, lx.pos)
}

/// The call's argument awaits: rustc evaluates it after the receiver is
/// borrowed (two-phase), the machine after it is taken out of its home.
#[desugar]
async fn awaited_argument(src: &str) -> usize {
    let mut lx = Lexer { src, pos: 0 };
    lx.fill().await;
    lx.skip(number(2).await);
    lx.pos
}

/// The method's future borrows the local, and is awaited.
#[desugar]
async fn awaited_call(src: &str) -> (usize, usize) {
    let mut lx = Lexer { src, pos: 0 };
    lx.fill().await;
    let at = lx.step_by(2).await;
    (at, lx.pos)
}

/// In a loop, read by the loop's condition in the next iteration only.
#[desugar]
async fn in_loop(src: &str) -> usize {
    let mut lx = Lexer { src, pos: 0 };
    let mut rounds = 0;
    while lx.pos < 4 {
        lx.fill().await;
        lx.skip(1);
        rounds += 1;
    }
    rounds
}

/// In a loop, read by the loop's condition in the next iteration only,
/// with code after the call that may leave the loop (`if .. { return }`,
/// `?`): the loop may still go on, so the call cannot have moved it.
#[desugar]
async fn in_loop_may_leave(src: &str, limit: usize) -> usize {
    let mut lx = Lexer { src, pos: 0 };
    let mut rounds = 0;
    while lx.pos < 4 {
        lx.fill().await;
        lx.skip(1);
        rounds += 1;
        if rounds > limit {
            return 100 + rounds;
        }
    }
    rounds
}

#[desugar]
async fn in_loop_may_fail(src: &str, limit: usize) -> Result<usize, usize> {
    let mut lx = Lexer { src, pos: 0 };
    let mut rounds = 0;
    while lx.pos < 4 {
        lx.fill().await;
        lx.skip(1);
        rounds += 1;
        (rounds <= limit).then_some(()).ok_or(rounds)?;
    }
    Ok(rounds)
}

/// In a loop, read after in the same iteration.
#[desugar]
async fn in_loop_read_after(src: &str) -> usize {
    let mut lx = Lexer { src, pos: 0 };
    loop {
        lx.fill().await;
        lx.skip(1);
        if lx.pos >= 3 {
            break;
        }
    }
    lx.pos
}

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
    stats.hits.get()
}

/// Not read after the call, but through a borrow of a part taken before
/// it.
#[desugar]
async fn cell_through_borrow(name: &str) -> u32 {
    let stats = Stats {
        name,
        hits: Cell::new(0),
    };
    let hits = &stats.hits;
    stats.report().await;
    stats.count();
    hits.get()
}

/// A type with something to drop, whose `&mut self` method is read after:
/// called in place, the value drops once, at the end of its scope.
pub struct Tally {
    probe: Probe,
    n: u32,
}

impl Tally {
    async fn settle(&mut self) {
        Leaf::new("settle").pending(1).ready(()).await;
        self.probe.touch();
    }
    fn sum(&mut self) -> u32 {
        self.n += 1;
        self.n
    }
}

#[desugar]
async fn with_drop() -> u32 {
    let mut t = Tally {
        probe: Probe::new("t"),
        n: 0,
    };
    t.settle().await;
    t.sum();
    Leaf::new("after").pending(1).ready(()).await;
    t.sum()
}

/// A real move still moves: `count(self)` of an iterator on a local kept
/// in place, not read after.
#[desugar]
async fn real_move(words: Vec<String>) -> usize {
    let mut it = words.iter();
    let first = Leaf::new("first").pending(1).ready(it.next()).await;
    let rest = it.count();
    rest + first.map_or(0, |w| w.len())
}

/// A `Copy` value whose method takes `self`, read after: a copy, in both.
#[derive(Clone, Copy)]
pub struct Cursor {
    at: usize,
}

impl Cursor {
    fn skip(self, n: usize) -> Cursor {
        Cursor { at: self.at + n }
    }
    async fn settle(&mut self) {
        Leaf::new("cursor").pending(1).ready(()).await;
        self.at += 1;
    }
}

#[desugar]
async fn copied(at: usize) -> (usize, usize) {
    let mut c = Cursor { at };
    c.settle().await;
    let moved = c.skip(2);
    (moved.at, c.at)
}

#[test]
fn lexer_skip() {
    same_and_no_larger(|| lex("abcd"), || lex_rustc("abcd"));
    assert_send(&lex("abcd"));
}

#[test]
fn lexer_param() {
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
    assert_send(&param(Lexer {
        src: "abcd",
        pos: 0,
    }));
}

#[test]
fn lexer_names() {
    same_and_no_larger(|| names("abcd"), || names_rustc("abcd"));
}

#[test]
fn lexer_awaited_argument() {
    same_and_no_larger(
        || awaited_argument("abcd"),
        || awaited_argument_rustc("abcd"),
    );
    assert_send(&awaited_argument("abcd"));
}

#[test]
fn lexer_awaited_call() {
    same_and_no_larger(|| awaited_call("abcd"), || awaited_call_rustc("abcd"));
    assert_send(&awaited_call("abcd"));
}

#[test]
fn lexer_in_loop() {
    same_and_no_larger(|| in_loop("abcd"), || in_loop_rustc("abcd"));
}

#[test]
fn lexer_in_loop_that_may_leave() {
    for limit in [2, 9] {
        same_and_no_larger(
            || in_loop_may_leave("abcd", limit),
            || in_loop_may_leave_rustc("abcd", limit),
        );
        same_and_no_larger(
            || in_loop_may_fail("abcd", limit),
            || in_loop_may_fail_rustc("abcd", limit),
        );
    }
}

#[test]
fn lexer_in_loop_read_after() {
    same_and_no_larger(
        || in_loop_read_after("abcd"),
        || in_loop_read_after_rustc("abcd"),
    );
}

#[test]
fn cell_counter() {
    same_and_no_larger(|| cell_count("abcd"), || cell_count_rustc("abcd"));
}

#[test]
fn cell_counter_through_borrow() {
    same_and_no_larger(
        || cell_through_borrow("abcd"),
        || cell_through_borrow_rustc("abcd"),
    );
}

#[test]
fn dropping_type() {
    same_and_no_larger(with_drop, with_drop_rustc);
    assert_send(&with_drop());
}

#[test]
fn moved_iterator() {
    let words = || vec!["ab".to_string(), "c".to_string(), "d".to_string()];
    same_and_no_larger(|| real_move(words()), || real_move_rustc(words()));
}

#[test]
fn copy_receiver() {
    same_and_no_larger(|| copied(1), || copied_rustc(1));
}

/// Carried, not kept in place: the call is on the local itself, which a
/// branch may have called the method on before the await.
#[desugar]
async fn carried_branch(src: &str, go: bool) -> usize {
    let mut lx = Lexer { src, pos: 0 };
    if go {
        lx.skip(1);
    }
    number(1).await;
    lx.skip(1);
    lx.pos
}

/// Carried, with something to drop, changed in a branch before the await.
#[desugar]
async fn carried_dropping(go: bool) -> u32 {
    let mut t = Tally {
        probe: Probe::new("t"),
        n: 0,
    };
    if go {
        t.sum();
    }
    Leaf::new("x").pending(1).ready(()).await;
    t.sum()
}

/// Kept in place, with something to drop, the call's argument awaiting.
#[desugar]
async fn dropping_awaited_argument() -> u32 {
    let mut t = Tally {
        probe: Probe::new("t"),
        n: 0,
    };
    t.settle().await;
    t.map(number(2).await);
    t.n
}

impl Tally {
    fn map(&mut self, n: usize) -> u32 {
        self.n += n as u32;
        self.n
    }
}

/// Moved for real and given a new value after: not read in between.
#[desugar]
async fn moved_then_assigned(words: Vec<String>) -> usize {
    let mut it = words.iter();
    let first = Leaf::new("first").pending(1).ready(it.next()).await;
    let rest = it.count();
    it = words.iter();
    rest + it.count() + first.map_or(0, |w| w.len())
}

#[test]
fn carried() {
    for go in [false, true] {
        same_and_no_larger(
            || carried_branch("abcd", go),
            || carried_branch_rustc("abcd", go),
        );
        same_and_no_larger(|| carried_dropping(go), || carried_dropping_rustc(go));
    }
}

#[test]
fn dropping_with_awaited_argument() {
    same_and_no_larger(dropping_awaited_argument, dropping_awaited_argument_rustc);
}

#[test]
fn moved_and_assigned() {
    let words = || vec!["ab".to_string(), "c".to_string()];
    same_and_no_larger(
        || moved_then_assigned(words()),
        || moved_then_assigned_rustc(words()),
    );
}

// An own async method named `expect` whose future borrows the local, read
// again after the call: called on the local's home, as rustc calls it.

pub struct Parser<'a> {
    input: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    async fn ident(&mut self) -> &'a [u8] {
        Leaf::new("ident").pending(1).ready(()).await;
        let s = &self.input[self.pos..self.pos + 1];
        self.pos += 1;
        s
    }
    async fn expect(&mut self, want: u8) -> Result<(), usize> {
        Leaf::new("expect").pending(1).ready(()).await;
        if self.input.get(self.pos) == Some(&want) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.pos)
        }
    }
}

#[desugar]
async fn assignment(input: &[u8]) -> Result<(&[u8], usize), usize> {
    let mut p = Parser { input, pos: 0 };
    let name = p.ident().await;
    p.expect(b'=').await?;
    Ok((name, p.pos))
}

#[test]
fn own_async_expect_borrowing_a_local_read_after() {
    for input in [&b"a=1"[..], b"a-1"] {
        same_and_no_larger(|| assignment(input), || assignment_rustc(input));
    }
    assert_send(&assignment(b"a=1"));
}
