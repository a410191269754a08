//! Sizes, round BO: a `&mut` parameter's `as_ref()` or `as_mut()`
//! whose result an awaited call borrows, which the README listed as a
//! word larger than rustc's future, now no larger; and a small temporary
//! lent to a scrutinee's awaited call, which still is (behaviour only).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

async fn read_into(buf: &mut [u8]) -> usize {
    tick(()).await;
    if let Some(first) = buf.first_mut() {
        *first = 7;
    }
    buf.len() + buf.first().map_or(0, |b| *b as usize)
}

async fn bump(n: &mut u32) -> u32 {
    tick(()).await;
    *n += 1;
    *n
}

/// A temporary smaller than a word (`[x; 4]`) lent by `&mut` to the
/// scrutinee's awaited call, kept to the end of the `match` across an
/// arm's await. The machine keeps it in the homes area, which cannot share
/// the padding beside the state's tag as rustc's layout does: a word
/// larger (136 bytes against 128 here; README, "Other shapes where the
/// machine is larger"). Compared for its behaviour only.
#[desugar]
async fn small_array(x: u8) -> usize {
    match read_into(&mut [x; 4]).await {
        4 => tick(4).await,
        n => n,
    }
}

/// The same with a `u32` (120 bytes against 112).
#[desugar]
async fn small_number() -> u32 {
    match bump(&mut 0u32).await {
        1 => tick(1).await + 1,
        n => n,
    }
}

#[test]
fn a_small_temporary_lent_to_a_scrutinee() {
    for x in [0, 3] {
        let _ = desugar::harness::assert_same(|| small_array(x), || small_array_rustc(x));
    }
    let _ = desugar::harness::assert_same(small_number, small_number_rustc);
    both_send(&small_array(1), &small_array_rustc(1));
    both_send(&small_number(), &small_number_rustc());
}

pub struct Conn {
    pub id: u32,
    pub probe: Probe,
}

impl Conn {
    pub fn query(&self, q: &str) -> LeafFuture<u32> {
        self.probe.touch();
        Leaf::new(format!("query:{q}"))
            .pending(1)
            .ready(self.id + q.len() as u32)
    }
    pub fn exec(&mut self, q: &str) -> LeafFuture<u32> {
        self.id += 1;
        Leaf::new(format!("exec:{q}"))
            .pending(1)
            .ready(self.id + q.len() as u32)
    }
}

fn conn() -> Option<Conn> {
    Some(Conn {
        id: 1,
        probe: Probe::new("c"),
    })
}

pub struct Pool {
    pub main: Conn,
    pub spare: Option<Conn>,
}

fn pool() -> Pool {
    Pool {
        main: Conn {
            id: 5,
            probe: Probe::new("main"),
        },
        spare: conn(),
    }
}

/// Runs `f` and its twin `g` on a connection slot each owns (`None`
/// too), compares them, and checks the machine on its own is no larger.
macro_rules! on_slots {
    ($f:ident, $g:ident) => {
        for make in [conn as fn() -> Option<Conn>, || None] {
            same_and_no_larger(
                || {
                    let mut s = make();
                    async move { $f(&mut s).await }
                },
                || {
                    let mut s = make();
                    async move { $g(&mut s).await }
                },
            );
        }
        let (mut s, mut t) = (conn(), conn());
        no_larger(&$f(&mut s), &$g(&mut t));
        both_send(&$f(&mut s), &$g(&mut t));
    };
}

/// The machine itself, not in a wrapper owning what it borrows, is no
/// larger than its twin.
fn no_larger<L, R>(machine: &L, twin: &R) {
    let (l, r) = (size_of_val(machine), size_of_val(twin));
    assert!(l <= r, "machine {l} bytes, rustc {r} bytes");
}

/// `Option::as_ref` of a `&mut Option<Conn>` parameter, its result the
/// receiver of an awaited call: it borrows what `slot` points to, and
/// `slot` itself is not kept (it was, in place: 104 bytes against 96).
#[desugar]
async fn query_cached(slot: &mut Option<Conn>) -> u32 {
    match slot.as_ref() {
        Some(c) => c.query("q").await,
        None => 0,
    }
}

/// `Option::as_mut`, unwrapped.
#[desugar]
async fn exec_unwrapped(slot: &mut Option<Conn>) -> u32 {
    if slot.is_none() {
        return 0;
    }
    let c = slot.as_mut().unwrap();
    c.exec("q").await
}

/// The same through an explicit `*`, and `&*`.
#[desugar]
async fn through_deref(slot: &mut Option<Conn>) -> u32 {
    match (*slot).as_ref() {
        Some(c) => c.query("d").await,
        None => 0,
    }
}

#[desugar]
async fn through_reborrow(slot: &mut Option<Conn>) -> u32 {
    match &*slot {
        Some(c) => c.query("r").await,
        None => 0,
    }
}

/// `slot` read again after the await: kept, in place, as rustc keeps it.
#[desugar]
async fn read_again(slot: &mut Option<Conn>) -> u32 {
    let n = match slot.as_mut() {
        Some(c) => c.exec("a").await,
        None => 0,
    };
    n + slot.take().map_or(0, |c| c.id)
}

/// In a loop, whose next iteration reads `slot` again.
#[desugar]
async fn in_a_loop(slot: &mut Option<Conn>) -> u32 {
    let mut n = 0;
    for _ in 0..2 {
        if let Some(c) = slot.as_mut() {
            n += c.exec("l").await;
        }
    }
    n
}

#[test]
fn a_mut_parameter_s_as_ref_and_as_mut() {
    on_slots!(query_cached, query_cached_rustc);
    on_slots!(exec_unwrapped, exec_unwrapped_rustc);
    on_slots!(through_deref, through_deref_rustc);
    on_slots!(through_reborrow, through_reborrow_rustc);
    on_slots!(read_again, read_again_rustc);
    on_slots!(in_a_loop, in_a_loop_rustc);
}

/// A field reached through a `&mut` parameter, and a local `&mut` to an
/// `Option` of the body's, whose `as_mut` borrows that local in turn.
#[desugar]
async fn through_a_field(p: &mut Pool) -> u32 {
    let main = &mut p.main;
    let a = main.exec("m").await;
    let spare = p.spare.as_mut().unwrap();
    a + spare.exec("s").await
}

#[desugar]
async fn through_a_local(id: u32) -> u32 {
    let mut slot = Some(Conn {
        id,
        probe: Probe::new("own"),
    });
    let m = &mut slot;
    let c = m.as_mut().unwrap();
    let n = c.exec("o").await;
    n + slot.map_or(0, |c| c.id)
}

/// The same without `m`: the machine keeps `slot` and `c` in place, a
/// word larger than rustc's future, whose tag shares their padding (see
/// README, "Other shapes where the machine is larger"); with `m`, it
/// keeps nothing more.
#[desugar]
async fn without_the_local(id: u32) -> u32 {
    let mut slot = Some(Conn {
        id,
        probe: Probe::new("own"),
    });
    let c = slot.as_mut().unwrap();
    let n = c.exec("o").await;
    n + slot.map_or(0, |c| c.id)
}

/// `as_ref` of a `&mut Vec<u8>`: `AsRef` on the `&mut` itself, which
/// borrows the local: kept in place, as rustc keeps it.
#[desugar]
async fn vec_as_ref(v: &mut Vec<u8>) -> usize {
    let s: &[u8] = v.as_ref();
    tick(s.len()).await + s.len()
}

#[test]
fn a_field_a_local_and_a_vec() {
    same_and_no_larger(
        || {
            let mut p = pool();
            async move { through_a_field(&mut p).await }
        },
        || {
            let mut p = pool();
            async move { through_a_field_rustc(&mut p).await }
        },
    );
    let (mut p, mut q) = (pool(), pool());
    no_larger(&through_a_field(&mut p), &through_a_field_rustc(&mut q));
    both_send(&through_a_field(&mut p), &through_a_field_rustc(&mut q));
    let _ = desugar::harness::assert_same(|| through_a_local(3), || through_a_local_rustc(3));
    assert_eq!(
        size_of_val(&through_a_local(3)),
        size_of_val(&without_the_local(3))
    );
    both_send(&through_a_local(3), &through_a_local_rustc(3));
    same_and_no_larger(
        || {
            let mut v = vec![1, 2];
            async move { vec_as_ref(&mut v).await }
        },
        || {
            let mut v = vec![1, 2];
            async move { vec_as_ref_rustc(&mut v).await }
        },
    );
    let (mut v, mut w) = (vec![1], vec![1]);
    no_larger(&vec_as_ref(&mut v), &vec_as_ref_rustc(&mut w));
    both_send(&vec_as_ref(&mut v), &vec_as_ref_rustc(&mut w));
}
