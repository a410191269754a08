//! `#[desugar]` on an `impl` block lowers its async fns: beside them in an
//! inherent impl, and through a private twin trait in a trait impl (a trait
//! impl cannot hold methods its trait lacks).

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

fn assert_send<T: Send>(_: &T) {}

struct Counter {
    count: u32,
    probe: Probe,
}

#[desugar]
impl Counter {
    async fn bump(&mut self, by: u32) -> u32 {
        self.count += Leaf::new("tick").pending(1).ready(by).await;
        self.probe.touch();
        self.count
    }

    fn current(&self) -> u32 {
        self.count
    }
}

#[test]
fn inherent_impl_methods_match_their_twins() {
    let report = assert_same(
        || async {
            let mut counter = Counter {
                count: 1,
                probe: Probe::new("counter"),
            };
            let after = counter.bump(2).await;
            (after, counter.current())
        },
        || async {
            let mut counter = Counter {
                count: 1,
                probe: Probe::new("counter"),
            };
            let after = counter.bump_rustc(2).await;
            (after, counter.current())
        },
    );
    assert_eq!(report.outcome, "Ready((3, 3))");
}

trait Greet {
    type Name: std::fmt::Display;
    fn name(&self) -> Self::Name;
    async fn greet(&self, punctuation: &str) -> String;
}

struct Host<T> {
    name: T,
}

#[desugar]
impl<T: std::fmt::Display + Clone> Greet for Host<T> {
    type Name = T;

    fn name(&self) -> T {
        self.name.clone()
    }

    async fn greet(&self, punctuation: &str) -> String {
        let name: Self::Name = self.name();
        let greeting = Leaf::new("lookup")
            .pending(2)
            .ready(format!("hello, {name}"))
            .await;
        format!("{greeting}{punctuation}")
    }
}

#[test]
fn trait_impl_methods_match_their_twins() {
    let host = Host { name: "ferris" };
    let report = assert_same(|| host.greet("!"), || host.greet_rustc("!"));
    assert_eq!(report.outcome, "Ready(\"hello, ferris!\")");
}

#[test]
fn a_trait_method_called_through_the_trait_is_the_desugared_one() {
    async fn through<G: Greet>(guest: &G) -> String {
        guest.greet("?").await
    }
    let host = Host { name: 7 };
    let report = assert_same(|| through(&host), || host.greet_rustc("?"));
    assert_eq!(report.outcome, "Ready(\"hello, 7?\")");
}

trait Sink {
    async fn finish(self) -> Vec<u32>;
    async fn add(&mut self, n: u32) -> u32;
}

struct Buf {
    items: Vec<u32>,
    probe: Probe,
}

/// `mut self` and `mut n` in a trait impl: the twin trait declares the
/// methods without their patterns, which a method without a body cannot
/// take (dogD5, build 2: `patterns_in_fns_without_body` before).
#[desugar]
impl Sink for Buf {
    async fn finish(mut self) -> Vec<u32> {
        Leaf::new("flush").pending(1).ready(()).await;
        self.items.push(0);
        self.probe.touch();
        self.items
    }

    async fn add(&mut self, mut n: u32) -> u32 {
        n += Leaf::new("add").pending(1).ready(1).await;
        self.items.push(n);
        n
    }
}

#[test]
fn mut_receivers_and_parameters_in_a_trait_impl() {
    let buf = || Buf {
        items: vec![1],
        probe: Probe::new("buf"),
    };
    let report = assert_same(|| buf().finish(), || buf().finish_rustc());
    assert!(report.left_size <= report.right_size, "{report}");
    let report = assert_same(
        || async {
            let mut b = buf();
            (b.add(2).await, b.items)
        },
        || async {
            let mut b = buf();
            (b.add_rustc(2).await, b.items)
        },
    );
    assert!(report.left_size <= report.right_size, "{report}");
}

struct Outbox {
    sent: Vec<String>,
}

impl Outbox {
    async fn send(&mut self, m: &str) -> usize {
        Leaf::new("send").pending(1).ready(()).await;
        self.sent.push(m.into());
        m.len()
    }
}

/// Receivers whose type is written out, `self: Pin<&mut Self>` and `self:
/// &mut Self`, hold a `&mut` as a parameter of that type does: a local
/// taken from them and lent to an awaited call is reached mutably (dogD5,
/// build 1: E0596 before).
#[desugar]
impl Outbox {
    async fn pinned(self: std::pin::Pin<&mut Self>, m: &str) -> usize {
        let this = std::pin::Pin::get_mut(self);
        this.send(m).await + this.sent.len()
    }

    /// `Pin::get_mut` called as a method, which takes the pin (dogE2,
    /// build 1: E0507 before, the call taken for a borrow of `self`).
    async fn pinned_method(self: std::pin::Pin<&mut Self>, m: &str) -> usize {
        let this = self.get_mut();
        let n = this.send(m).await;
        this.sent.push(m.to_owned());
        n + this.sent.len()
    }

    #[allow(clippy::needless_arbitrary_self_type)] // the shape under test
    async fn typed(self: &mut Self, m: &str) -> usize {
        let this = self;
        this.send(m).await + this.sent.len()
    }

    #[allow(clippy::needless_arbitrary_self_type)] // the shape under test
    async fn shared(self: &Self) -> usize {
        let this = self;
        Leaf::new("read").pending(1).ready(()).await;
        this.sent.len() + self.sent.len()
    }
}

#[test]
fn typed_receivers_holding_a_borrow() {
    let outbox = || Outbox {
        sent: vec!["a".to_owned()],
    };
    let report = assert_same(
        || async {
            let mut o = outbox();
            std::pin::Pin::new(&mut o).pinned("xy").await + o.sent.len()
        },
        || async {
            let mut o = outbox();
            std::pin::Pin::new(&mut o).pinned_rustc("xy").await + o.sent.len()
        },
    );
    assert!(report.left_size <= report.right_size, "{report}");
    let report = assert_same(
        || async {
            let mut o = outbox();
            std::pin::Pin::new(&mut o).pinned_method("xy").await + o.sent.len()
        },
        || async {
            let mut o = outbox();
            std::pin::Pin::new(&mut o).pinned_method_rustc("xy").await + o.sent.len()
        },
    );
    assert!(report.left_size <= report.right_size, "{report}");
    let mut o = outbox();
    assert_send(&std::pin::Pin::new(&mut o).pinned_method("xy"));
    let report = assert_same(
        || async {
            let mut o = outbox();
            o.typed("xyz").await + o.shared().await
        },
        || async {
            let mut o = outbox();
            o.typed_rustc("xyz").await + o.shared_rustc().await
        },
    );
    assert!(report.left_size <= report.right_size, "{report}");
}
