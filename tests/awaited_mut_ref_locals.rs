//! A local bound to a `&mut` that an awaited call gives (`let conn =
//! self.ensure().await?;`, `ensure(&mut self) -> Result<&mut Conn, E>`:
//! the lazy-connect idiom), then reborrowed by a `&mut self` method of it
//! that is awaited (`conn.write(n).await`). The machine keeps `conn` in
//! place across that await and must reach it mutably, as it does a `&mut`
//! a call without `async` gives (`let conn = self.own();`): through the
//! home's shared reference the reborrow did not build (E0596 "cannot
//! borrow data in a `&` reference as mutable", with no hint). Each is
//! compared with rustc's twin on every cancellation point, with and
//! without extra `Pending`s, on size, and on `Send`.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

#[derive(Debug)]
pub struct Conn {
    pub sent: u32,
    pub p: Probe,
}
impl Conn {
    fn write(&mut self, n: u32) -> LeafFuture<u32> {
        self.sent += n;
        Leaf::new("write").pending(1).ready(n)
    }
}

pub struct Lazy {
    pub conn: Option<Conn>,
}

fn connect() -> LeafFuture<Conn> {
    Leaf::new("connect").pending(1).ready(Conn {
        sent: 0,
        p: Probe::new("conn"),
    })
}

#[desugar]
impl Lazy {
    async fn ensure(&mut self) -> Result<&mut Conn, ()> {
        if self.conn.is_none() {
            let c = connect().await;
            self.conn = Some(c);
        }
        Ok(self.conn.as_mut().unwrap())
    }

    async fn opened(&mut self) -> Option<&mut Conn> {
        if self.conn.is_none() {
            self.conn = Some(connect().await);
        }
        self.conn.as_mut()
    }

    // The repro of the report (dogfood round O2, `pool.rs` `Lazy::send`).
    async fn send(&mut self, n: u32) -> Result<u32, ()> {
        let conn = self.ensure().await?;
        let a = conn.write(n).await;
        Ok(a)
    }

    // `.unwrap()` rather than `?`, used across two awaits.
    async fn send_twice(&mut self, n: u32) -> u32 {
        let conn = self.opened().await.unwrap();
        let a = conn.write(n).await;
        let b = conn.write(a + 1).await;
        a + b + conn.sent
    }

    // Written through in a loop (`Lazy::read_all` of the report).
    async fn read_all(&mut self, n: u32) -> Result<u32, ()> {
        let conn = self.ensure().await?;
        let mut total = 0;
        for i in 0..n {
            total += conn.write(i).await;
        }
        Ok(total + conn.sent)
    }
}

fn bump(c: &mut Conn) -> LeafFuture<u32> {
    c.sent += 1;
    Leaf::new("bump").pending(1).ready(c.sent)
}

/// Given bare to an awaited call, which reborrows it, and used after.
#[desugar]
async fn lent_bare(lazy: &mut Lazy) -> Option<u32> {
    let conn = lazy.opened().await?;
    let a = bump(conn).await;
    let b = conn.write(a).await;
    Some(a + b + conn.sent)
}

/// A free fn given the `&mut` to the owner: what its awaited call gives
/// is a `&mut` too.
#[desugar]
async fn send_via(lazy: &mut Lazy, n: u32) -> Option<u32> {
    let conn = lazy.opened().await?;
    let a = conn.write(n).await;
    conn.sent += a;
    Some(conn.sent)
}

#[test]
fn lazy_send() {
    same_and_no_larger(
        || async {
            let mut l = Lazy { conn: None };
            l.send(3).await
        },
        || async {
            let mut l = Lazy { conn: None };
            l.send_rustc(3).await
        },
    );
}

#[test]
fn lazy_send_twice_unwrapped() {
    same_and_no_larger(
        || async {
            let mut l = Lazy { conn: None };
            l.send_twice(3).await
        },
        || async {
            let mut l = Lazy { conn: None };
            l.send_twice_rustc(3).await
        },
    );
}

#[test]
fn lazy_read_all_in_a_loop() {
    same_and_no_larger(
        || async {
            let mut l = Lazy { conn: None };
            l.read_all(3).await
        },
        || async {
            let mut l = Lazy { conn: None };
            l.read_all_rustc(3).await
        },
    );
}

#[test]
fn free_fn_given_the_owner() {
    same_and_no_larger(
        || async {
            let mut l = Lazy { conn: None };
            send_via(&mut l, 2).await
        },
        || async {
            let mut l = Lazy { conn: None };
            send_via_rustc(&mut l, 2).await
        },
    );
}

#[test]
fn lent_bare_to_an_awaited_call() {
    same_and_no_larger(
        || async {
            let mut l = Lazy { conn: None };
            lent_bare(&mut l).await
        },
        || async {
            let mut l = Lazy { conn: None };
            lent_bare_rustc(&mut l).await
        },
    );
}

#[test]
fn send_where_the_twin_is() {
    let (mut a, mut b) = (Lazy { conn: None }, Lazy { conn: None });
    both_send(&a.send(1), &b.send_rustc(1));
    both_send(&a.send_twice(1), &b.send_twice_rustc(1));
    both_send(&a.read_all(1), &b.read_all_rustc(1));
    both_send(&send_via(&mut a, 1), &send_via_rustc(&mut b, 1));
    both_send(&lent_bare(&mut a), &lent_bare_rustc(&mut b));
}

/// What an awaited method of a `&mut self` gives is as often a value: a
/// number given bare to an awaited call and taken by a `move` closure
/// after, a value an awaited call borrows, one it moves. These stay as
/// rustc keeps them (a copy, no larger), reached mutably where kept in
/// place, which changes nothing for them.
pub struct Ids {
    pub n: u32,
}

fn use_id(n: u32) -> LeafFuture<u32> {
    Leaf::new("use").pending(1).ready(n)
}
fn look(p: &Probe) -> LeafFuture<usize> {
    Leaf::new("look").pending(1).ready(p.label().len())
}
fn eat(p: Probe) -> LeafFuture<usize> {
    Leaf::new("eat").pending(1).ready(p.label().len())
}

#[desugar]
impl Ids {
    async fn next_id(&mut self) -> u32 {
        self.n += 1;
        use_id(self.n).await
    }

    async fn probe(&mut self) -> Probe {
        self.n += 1;
        Leaf::new("probe").pending(1).ready(Probe::new("p")).await
    }

    async fn copied(&mut self) -> u32 {
        let id = self.next_id().await;
        let b = use_id(id).await;
        let c = use_id(id).await;
        let f = move || id + 1;
        id + b + c + f()
    }

    async fn borrowed_and_moved(&mut self) -> usize {
        let p = self.probe().await;
        let a = look(&p).await;
        let q = self.probe().await;
        let b = eat(q).await;
        let d = eat(p).await;
        a + b + d
    }
}

#[test]
fn values_an_awaited_mut_method_gives() {
    same_and_no_larger(
        || async { Ids { n: 0 }.copied().await },
        || async { Ids { n: 0 }.copied_rustc().await },
    );
    same_and_no_larger(
        || async { Ids { n: 0 }.borrowed_and_moved().await },
        || async { Ids { n: 0 }.borrowed_and_moved_rustc().await },
    );
    let (mut a, mut b) = (Ids { n: 0 }, Ids { n: 0 });
    both_send(&a.copied(), &b.copied_rustc());
    both_send(&a.borrowed_and_moved(), &b.borrowed_and_moved_rustc());
}
