//! Lifetimes, borrowed parameters and methods: shapes a dogfood run found
//! that the plain `async fn` builds and the machine did not, each compared
//! with rustc's twin (`assert_same`: every cancellation point, with and
//! without extra `Pending`s), no larger, and `Send` where the twin is.
//!
//! - `for x in v { ..await.. }` over a local holding a `&mut` (a `&mut
//!   Vec<T>` or `&mut [T]` parameter, `let items = &mut self.list;`, an
//!   `it: &mut dyn Iterator`): `into_iter` moves it, but it was taken for
//!   reborrowed, lending the iterator a borrow of the local, which was then
//!   kept in place and could not be moved (E0507).
//! - A value made from a borrow of `self`, kept across an await, then a
//!   field of `self` moved out: `let all = ...join(",")` (a slice's `join`
//!   gives a new `String`) and `collect::<Vec<String>>()` (the turbofish
//!   names a type holding no borrow) were taken to hold the borrow, which
//!   kept `self` in place (E0507). The forms a dogfood run found failing
//!   with a written type (`let pending: Vec<String> = mem::take(..)`) are
//!   pinned here too.
//! - `self` taken by value apart by a pattern that skips a part with `_`
//!   (`let Job { name, a, b: _ } = self;`, `match self { Phase::Busy(s, _)
//!   => .. }`, `if let`, `let … else`): its skipped parts were left in it,
//!   partly moved, where those of a named parameter are bound apart (E0507).
//! - `for x in xs.iter().take(<an argument making a temporary>)` (also on
//!   a range, and in a `match` scrutinee): the iterator, named ahead of the
//!   argument's temporary to keep the order, was taken to be borrowed by
//!   `take` as by `Option::take(&mut self)`, and kept in place where the
//!   call moves it (E0507).
//! - `for` over `split`, `rsplit`, `splitn`, `split_terminator`,
//!   `split_inclusive`, `matches`, `chunks`, `chunks_exact`, `windows` or
//!   `drain(..)` of a temporary (`text.to_lowercase().split(',')`), and a
//!   `match` on `split_once` or `strip_prefix` of one: the methods were not
//!   known to borrow their receiver, as `lines` and `iter` are, so the
//!   temporary was not kept to the end of the loop (E0716).
//! - A `&mut` whose type does not show, given bare to an awaited call and
//!   used after it: made by `insert(v)` on a field (`self.cur.insert(..)`,
//!   `Option::insert`), by a `match` one of whose arms gives one
//!   (`o.into_mut()` beside `e.insert(..)` on an entry), or chosen by an
//!   `if` between two `&mut` parameters: it was not known to hold a `&mut`,
//!   so it was moved into the state while the awaited future borrowed it
//!   (E0505).

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

#[desugar]
async fn refresh_all(v: &mut Vec<u32>) -> u32 {
    let mut t = 0;
    for x in v {
        *x += Leaf::new("refresh").pending(1).ready(1).await;
        t += *x;
    }
    t
}

#[desugar]
async fn refresh_slice(v: &mut [Probe]) -> usize {
    let mut t = 0;
    for p in v {
        p.touch();
        t += Leaf::new("p").pending(1).ready(1).await;
    }
    t
}

#[desugar]
async fn drain_some(it: &mut dyn Iterator<Item = u32>) -> u32 {
    let mut t = 0;
    for x in it {
        t += Leaf::new("x").pending(1).ready(x).await;
    }
    t
}

pub struct Counter {
    n: u32,
}

impl Counter {
    async fn bump(&mut self) -> u32 {
        self.n += Leaf::new("bump").pending(1).ready(1).await;
        self.n
    }
}

pub struct Outer {
    list: Vec<Counter>,
    log: Vec<u32>,
}

#[desugar]
impl Outer {
    async fn bump_all(&mut self) -> u32 {
        let items = &mut self.list;
        let mut t = 0;
        for c in items {
            t += c.bump().await;
        }
        self.log.push(t);
        t
    }
}

fn outer() -> Outer {
    Outer {
        list: vec![Counter { n: 1 }, Counter { n: 5 }],
        log: Vec::new(),
    }
}

#[test]
fn a_for_loop_over_a_local_holding_a_mut_moves_it() {
    same_and_no_larger(
        || async {
            let mut v = vec![1, 2];
            (refresh_all(&mut v).await, v)
        },
        || async {
            let mut v = vec![1, 2];
            (refresh_all_rustc(&mut v).await, v)
        },
    );
    same_and_no_larger(
        || async {
            let mut v = [Probe::new("a"), Probe::new("b")];
            refresh_slice(&mut v).await
        },
        || async {
            let mut v = [Probe::new("a"), Probe::new("b")];
            refresh_slice_rustc(&mut v).await
        },
    );
    same_and_no_larger(
        || async {
            let mut it = 1..4;
            (drain_some(&mut it).await, it.next())
        },
        || async {
            let mut it = 1..4;
            (drain_some_rustc(&mut it).await, it.next())
        },
    );
    same_and_no_larger(
        || async {
            let mut o = outer();
            (o.bump_all().await, o.log)
        },
        || async {
            let mut o = outer();
            (o.bump_all_rustc().await, o.log)
        },
    );
    let mut v = vec![1];
    let mut w = vec![1];
    both_send(&refresh_all(&mut v), &refresh_all_rustc(&mut w));
    let (mut a, mut b) = ([Probe::new("a")], [Probe::new("b")]);
    both_send(&refresh_slice(&mut a), &refresh_slice_rustc(&mut b));
    let (mut o, mut p) = (outer(), outer());
    both_send(&o.bump_all(), &p.bump_all_rustc());
}

pub struct Conn {
    name: String,
    buf: Vec<String>,
}

pub struct Item {
    name: String,
}

pub struct Job {
    items: Vec<Item>,
    title: String,
    p: Probe,
}

#[desugar]
impl Conn {
    async fn finish(mut self) -> (usize, String) {
        let pending: Vec<String> = std::mem::take(&mut self.buf);
        Leaf::new("flush").pending(1).ready(()).await;
        (pending.len(), self.name)
    }
}

#[desugar]
impl Job {
    async fn summary(self) -> (usize, String) {
        let names: Vec<String> = self.items.iter().map(|i| i.name.clone()).collect();
        Leaf::new("log").pending(1).ready(()).await;
        (names.len(), self.title)
    }

    async fn joined(self) -> (usize, String) {
        let all = self
            .items
            .iter()
            .map(|i| i.name.as_str())
            .collect::<Vec<_>>()
            .join(",");
        Leaf::new("log").pending(1).ready(()).await;
        (all.len(), self.title)
    }

    async fn turbofish(self) -> (usize, String) {
        let names = self
            .items
            .iter()
            .map(|i| i.name.clone())
            .collect::<Vec<String>>();
        Leaf::new("log").pending(1).ready(()).await;
        self.p.touch();
        (names.len(), self.title)
    }
}

fn conn() -> Conn {
    Conn {
        name: "c".into(),
        buf: vec!["a".into(), "b".into()],
    }
}

fn job() -> Job {
    Job {
        items: vec![Item { name: "a".into() }, Item { name: "bc".into() }],
        title: "t".into(),
        p: Probe::new("job"),
    }
}

#[test]
fn a_new_value_made_from_a_borrow_of_self_then_a_field_moved() {
    same_and_no_larger(|| conn().finish(), || conn().finish_rustc());
    same_and_no_larger(|| job().summary(), || job().summary_rustc());
    same_and_no_larger(|| job().joined(), || job().joined_rustc());
    same_and_no_larger(|| job().turbofish(), || job().turbofish_rustc());
    both_send(&conn().finish(), &conn().finish_rustc());
    both_send(&job().summary(), &job().summary_rustc());
    both_send(&job().joined(), &job().joined_rustc());
    both_send(&job().turbofish(), &job().turbofish_rustc());
}

pub struct Task {
    name: String,
    a: Probe,
    b: Probe,
}

#[desugar]
impl Task {
    async fn finish(self) -> String {
        let Task { name, a, b: _ } = self;
        Leaf::new("io").pending(1).ready(()).await;
        a.touch();
        name
    }

    async fn finish_logged(self, log: Probe) -> String {
        let Task { name, a: _, b } = self;
        Leaf::new("io").pending(1).ready(()).await;
        b.touch();
        log.touch();
        name
    }
}

pub enum Phase {
    Idle(Probe),
    Busy(String, Probe),
}

#[desugar]
impl Phase {
    async fn text(self) -> Option<String> {
        match self {
            Phase::Busy(s, _) => Some(Leaf::new("t").pending(1).ready(s).await),
            _ => None,
        }
    }

    async fn text_if(self) -> usize {
        if let Phase::Busy(s, _) = self {
            Leaf::new("t").pending(1).ready(s).await.len()
        } else {
            0
        }
    }

    async fn text_or(self) -> String {
        let Phase::Busy(s, _) = self else {
            return String::new();
        };
        Leaf::new("t").pending(1).ready(s).await
    }
}

fn task() -> Task {
    Task {
        name: "j".into(),
        a: Probe::new("a"),
        b: Probe::new("b"),
    }
}

#[test]
fn self_by_value_taken_apart_by_a_pattern_skipping_a_part() {
    same_and_no_larger(|| task().finish(), || task().finish_rustc());
    same_and_no_larger(
        || task().finish_logged(Probe::new("log")),
        || task().finish_logged_rustc(Probe::new("log")),
    );
    let busy = || Phase::Busy("s".into(), Probe::new("p"));
    let idle = || Phase::Idle(Probe::new("i"));
    for phase in [busy, idle] {
        same_and_no_larger(|| phase().text(), || phase().text_rustc());
        same_and_no_larger(|| phase().text_if(), || phase().text_if_rustc());
        same_and_no_larger(|| phase().text_or(), || phase().text_or_rustc());
    }
    both_send(&task().finish(), &task().finish_rustc());
    both_send(
        &task().finish_logged(Probe::new("log")),
        &task().finish_logged_rustc(Probe::new("log")),
    );
    both_send(&busy().text(), &busy().text_rustc());
    both_send(&busy().text_if(), &busy().text_if_rustc());
    both_send(&busy().text_or(), &busy().text_or_rustc());
}

pub struct Bag {
    names: Vec<String>,
}

fn bag() -> Bag {
    Bag {
        names: vec!["a".into(), "b".into()],
    }
}

#[desugar]
async fn first_few(xs: &[u32], names: &[String]) -> u32 {
    let mut n = 0;
    for x in xs.iter().take(names.join(",").len()) {
        n += Leaf::new("x").pending(1).ready(*x).await;
    }
    n
}

#[desugar]
async fn first_of_range() -> u32 {
    let mut n = 0;
    for x in (0..5).take(bag().names.len()) {
        n += Leaf::new("x").pending(1).ready(x).await;
    }
    n
}

#[desugar]
async fn matched_take(xs: &[u32]) -> u32 {
    match xs.iter().take(bag().names.len()).max() {
        Some(x) => Leaf::new("x").pending(1).ready(*x).await,
        None => 0,
    }
}

#[test]
fn take_of_a_visible_iterator_beside_an_argument_making_a_temporary() {
    let names = vec!["a".to_string()];
    let xs = [1, 2, 3];
    same_and_no_larger(|| first_few(&xs, &names), || first_few_rustc(&xs, &names));
    same_and_no_larger(first_of_range, first_of_range_rustc);
    same_and_no_larger(|| matched_take(&xs), || matched_take_rustc(&xs));
    same_and_no_larger(|| matched_take(&[]), || matched_take_rustc(&[]));
    both_send(&first_few(&xs, &names), &first_few_rustc(&xs, &names));
    both_send(&first_of_range(), &first_of_range_rustc());
    both_send(&matched_take(&xs), &matched_take_rustc(&xs));
}

#[desugar]
async fn split_parts(text: &str) -> usize {
    let mut n = 0;
    for p in text.to_lowercase().split(',') {
        n += Leaf::new("split").pending(1).ready(p.len()).await;
    }
    for p in text.to_lowercase().rsplit(',') {
        n += Leaf::new("rsplit").pending(1).ready(p.len()).await;
    }
    for p in text.to_lowercase().splitn(2, ',') {
        n += Leaf::new("splitn").pending(1).ready(p.len()).await;
    }
    for p in text.to_lowercase().split_terminator(',') {
        n += Leaf::new("terminator").pending(1).ready(p.len()).await;
    }
    for p in text.to_lowercase().split_inclusive(',') {
        n += Leaf::new("inclusive").pending(1).ready(p.len()).await;
    }
    for p in text.to_lowercase().matches('a') {
        n += Leaf::new("matches").pending(1).ready(p.len()).await;
    }
    n
}

#[desugar]
async fn slice_parts(count: u32) -> usize {
    let mut n = 0;
    for pair in (0..count).collect::<Vec<u32>>().chunks(2) {
        n += Leaf::new("chunks").pending(1).ready(pair.len()).await;
    }
    for pair in (0..count).collect::<Vec<u32>>().chunks_exact(2) {
        n += Leaf::new("exact").pending(1).ready(pair.len()).await;
    }
    for pair in (0..count).collect::<Vec<u32>>().windows(2) {
        n += Leaf::new("windows").pending(1).ready(pair.len()).await;
    }
    n
}

#[desugar]
async fn drained(count: usize) -> usize {
    let mut n = 0;
    for p in (0..count)
        .map(|_| Probe::new("p"))
        .collect::<Vec<_>>()
        .drain(..)
    {
        p.touch();
        n += Leaf::new("drain").pending(1).ready(1).await;
    }
    n
}

#[desugar]
async fn split_once_key(text: &str) -> usize {
    match text.to_lowercase().split_once('=') {
        Some((k, _)) => Leaf::new("k").pending(1).ready(k.len()).await,
        None => 0,
    }
}

#[desugar]
async fn stripped(text: &str) -> usize {
    match text.to_lowercase().strip_prefix('a') {
        Some(rest) => Leaf::new("rest").pending(1).ready(rest.len()).await,
        None => 0,
    }
}

#[test]
fn parts_of_a_temporary_split_by_a_std_method() {
    for text in ["A,b,ca", "", "a=b"] {
        same_and_no_larger(|| split_parts(text), || split_parts_rustc(text));
        same_and_no_larger(|| split_once_key(text), || split_once_key_rustc(text));
        same_and_no_larger(|| stripped(text), || stripped_rustc(text));
    }
    for count in [0, 3] {
        same_and_no_larger(|| slice_parts(count), || slice_parts_rustc(count));
        same_and_no_larger(|| drained(count as usize), || drained_rustc(count as usize));
    }
    both_send(&split_parts("a"), &split_parts_rustc("a"));
    both_send(&slice_parts(2), &slice_parts_rustc(2));
    both_send(&drained(2), &drained_rustc(2));
    both_send(&split_once_key("a"), &split_once_key_rustc("a"));
    both_send(&stripped("a"), &stripped_rustc("a"));
}

async fn fill(v: &mut Vec<u32>) {
    Leaf::new("fill").pending(1).ready(()).await;
    v.push(1);
}

pub struct Cache {
    cur: Option<Vec<u32>>,
    by_key: HashMap<u32, Vec<u32>>,
}

#[desugar]
impl Cache {
    async fn reset(&mut self) -> usize {
        let slot = self.cur.insert(Vec::new());
        fill(slot).await;
        slot.len()
    }

    async fn load(&mut self, k: u32) -> usize {
        let v = match self.by_key.entry(k) {
            Entry::Occupied(o) => o.into_mut(),
            Entry::Vacant(e) => e.insert(Vec::new()),
        };
        fill(v).await;
        v.len()
    }
}

#[desugar]
async fn fill_one(front: &mut Vec<u32>, back: &mut Vec<u32>, to_front: bool) -> usize {
    let target = if to_front { front } else { back };
    fill(target).await;
    target.len()
}

fn cache() -> Cache {
    Cache {
        cur: Some(vec![7]),
        by_key: HashMap::from([(1, vec![5])]),
    }
}

#[test]
fn a_mut_whose_type_does_not_show_lent_bare_to_an_awaited_call() {
    same_and_no_larger(
        || async {
            let mut c = cache();
            (c.reset().await, c.cur)
        },
        || async {
            let mut c = cache();
            (c.reset_rustc().await, c.cur)
        },
    );
    for k in [1, 2] {
        same_and_no_larger(
            || async move {
                let mut c = cache();
                (c.load(k).await, c.by_key.get(&k).cloned())
            },
            || async move {
                let mut c = cache();
                (c.load_rustc(k).await, c.by_key.get(&k).cloned())
            },
        );
    }
    for to_front in [true, false] {
        same_and_no_larger(
            || async move {
                let (mut a, mut b) = (vec![], vec![0]);
                (fill_one(&mut a, &mut b, to_front).await, a, b)
            },
            || async move {
                let (mut a, mut b) = (vec![], vec![0]);
                (fill_one_rustc(&mut a, &mut b, to_front).await, a, b)
            },
        );
    }
    let (mut c, mut d) = (cache(), cache());
    both_send(&c.reset(), &d.reset_rustc());
    both_send(&c.load(1), &d.load_rustc(1));
    let (mut a, mut b, mut x, mut y) = (vec![], vec![], vec![], vec![]);
    both_send(
        &fill_one(&mut a, &mut b, true),
        &fill_one_rustc(&mut x, &mut y, true),
    );
}
