//! A `match`, `if let` or `while let` whose scrutinee awaits a method
//! called on a field reached through a reference (`self.db`, `r.db` with `r:
//! &mut Repo`), given a temporary by reference (`&id.to_string()`), with
//! code after it that awaits: rustc keeps the temporary `String` to the end
//! of the `match` (of the `if let`'s else, of the `while let`'s iteration),
//! so the machine keeps it across those awaits. The receiver is a place
//! behind a reference; it is borrowed by the call, never moved (it was bound
//! ahead by value, a bare E0507 "cannot move out of a shared reference").

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

/// A key made for the call, whose drop the probe shows.
pub struct Key(#[allow(dead_code)] Probe, u32);

fn key(id: u32) -> Key {
    Key(Probe::new("key"), id)
}

pub struct Db(u32, #[allow(dead_code)] Probe);

impl Db {
    async fn lookup(&self, key: &Key) -> Option<u32> {
        tick(()).await;
        (key.1 < 3).then_some(self.0 + key.1)
    }

    async fn bump(&mut self, key: &Key) -> Option<u32> {
        tick(()).await;
        self.0 += 1;
        (key.1 < 3).then_some(self.0 + key.1)
    }

    async fn len(&self, key: &str) -> Option<u32> {
        tick(()).await;
        (key.len() < 3).then_some(self.0 + key.len() as u32)
    }
}

pub struct Repo {
    db: Db,
    p: Probe,
}

fn repo() -> Repo {
    Repo {
        db: Db(1, Probe::new("db")),
        p: Probe::new("repo"),
    }
}

impl Repo {
    #[desugar]
    async fn find(&self, id: u32) -> u32 {
        match self.db.lookup(&key(id)).await {
            Some(v) => v + tick(1).await,
            None => tick(0).await,
        }
    }

    #[desugar]
    async fn find_text(&self, id: u32) -> u32 {
        match self.db.len(&id.to_string()).await {
            Some(v) => v + tick(1).await,
            None => 0,
        }
    }

    #[desugar]
    async fn find_mut(&mut self, id: u32) -> u32 {
        match self.db.bump(&key(id)).await {
            Some(v) => v + tick(1).await,
            None => tick(0).await,
        }
    }

    #[desugar]
    async fn find_if_let(&self, id: u32) -> u32 {
        if let Some(v) = self.db.lookup(&key(id)).await {
            v
        } else {
            tick(0).await
        }
    }

    #[desugar]
    async fn find_while_let(&mut self, mut id: u32) -> u32 {
        let mut total = 0;
        while let Some(v) = self.db.bump(&key(id)).await {
            total += v + tick(1).await;
            id += 1;
        }
        total + self.p.label().len() as u32
    }
}

#[desugar]
async fn find_through(r: &Repo, id: u32) -> u32 {
    if let Some(v) = r.db.lookup(&key(id)).await {
        v + tick(1).await
    } else {
        tick(0).await
    }
}

#[desugar]
async fn find_through_mut(r: &mut Repo, id: u32) -> u32 {
    match r.db.bump(&key(id)).await {
        Some(v) => v + tick(1).await,
        None => 0,
    }
}

#[desugar]
async fn find_while_through_mut(r: &mut Repo, mut id: u32) -> u32 {
    let mut total = 0;
    while let Some(v) = r.db.bump(&key(id)).await {
        total += tick(v).await;
        id += 1;
    }
    total
}

/// An owned local's field, borrowed by the call: it stays in its local,
/// dropped with it after the `match` (named, it was moved out, and dropped
/// at the end of the `match`).
#[desugar]
async fn find_owned(id: u32) -> u32 {
    let r = repo();
    let n = match r.db.lookup(&key(id)).await {
        Some(v) => v + tick(1).await,
        None => 0,
    };
    n + tick(2).await
}

/// A field of `self` the arguments read too, in a `format!`.
impl Repo {
    #[desugar]
    async fn find_formatted(&self, id: u32) -> u32 {
        match self.db.len(&format!("{}{id}", self.db.0)).await {
            Some(v) => v + tick(1).await,
            None => tick(0).await,
        }
    }
}

#[test]
fn matched_owned() {
    for id in [1, 5] {
        same_and_no_larger(|| find_owned(id), || find_owned_rustc(id));
        both_send(&find_owned(id), &find_owned_rustc(id));
        let r = repo();
        same_and_no_larger(|| r.find_formatted(id), || r.find_formatted_rustc(id));
        both_send(&r.find_formatted(id), &r.find_formatted_rustc(id));
    }
}

#[test]
fn matched_through_self() {
    for id in [1, 5] {
        let r = repo();
        same_and_no_larger(|| r.find(id), || r.find_rustc(id));
        same_and_no_larger(|| r.find_text(id), || r.find_text_rustc(id));
        same_and_no_larger(|| r.find_if_let(id), || r.find_if_let_rustc(id));
        both_send(&r.find(id), &r.find_rustc(id));
        both_send(&r.find_if_let(id), &r.find_if_let_rustc(id));
    }
}

#[test]
fn matched_through_mut_self() {
    for id in [1, 5] {
        same_and_no_larger(
            || async move { repo().find_mut(id).await },
            || async move { repo().find_mut_rustc(id).await },
        );
        same_and_no_larger(
            || async move { repo().find_while_let(id).await },
            || async move { repo().find_while_let_rustc(id).await },
        );
        let mut r = repo();
        both_send(&r.find_mut(id), &Db(0, Probe::new("db")).lookup(&key(0)));
        both_send(
            &r.find_while_let(id),
            &Db(0, Probe::new("db")).lookup(&key(0)),
        );
        both_send(&repo().find_mut_rustc(id), &repo().find_while_let_rustc(id));
    }
}

#[test]
fn matched_through_parameters() {
    for id in [1, 5] {
        let r = repo();
        same_and_no_larger(|| find_through(&r, id), || find_through_rustc(&r, id));
        both_send(&find_through(&r, id), &find_through_rustc(&r, id));
        same_and_no_larger(
            || async move { find_through_mut(&mut repo(), id).await },
            || async move { find_through_mut_rustc(&mut repo(), id).await },
        );
        same_and_no_larger(
            || async move { find_while_through_mut(&mut repo(), id).await },
            || async move { find_while_through_mut_rustc(&mut repo(), id).await },
        );
        let mut a = repo();
        let mut b = repo();
        both_send(
            &find_through_mut(&mut a, id),
            &find_through_mut_rustc(&mut b, id),
        );
        let mut a = repo();
        let mut b = repo();
        both_send(
            &find_while_through_mut(&mut a, id),
            &find_while_through_mut_rustc(&mut b, id),
        );
    }
}

/// A method taking a `Copy` receiver by value, whose arguments change it.
trait Plus {
    fn plus(self, key: &Key) -> LeafFuture<Option<u32>>;
}

impl Plus for u32 {
    fn plus(self, key: &Key) -> LeafFuture<Option<u32>> {
        tick((key.1 < 9).then_some(self * 10 + key.1))
    }
}

fn bumped(n: &mut u32) -> Key {
    *n += 1;
    key(*n)
}

pub struct Counted {
    n: u32,
}

impl Counted {
    /// rustc copies `self.n` before `bumped` changes it: so does the
    /// machine, which reads it ahead.
    #[desugar]
    async fn plus_bumped(&mut self) -> u32 {
        match self.n.plus(&bumped(&mut self.n)).await {
            Some(v) => v + tick(1).await,
            None => 0,
        }
    }
}

#[test]
fn copied_before_changed() {
    same_and_no_larger(
        || async { Counted { n: 1 }.plus_bumped().await },
        || async { Counted { n: 1 }.plus_bumped_rustc().await },
    );
    let (mut a, mut b) = (Counted { n: 1 }, Counted { n: 1 });
    both_send(&a.plus_bumped(), &b.plus_bumped_rustc());
}
