//! `#[desugar]` on an `impl` block lowers its async fns: beside them in an
//! inherent impl, and through a private twin trait in a trait impl (a trait
//! impl cannot hold methods its trait lacks).

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

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
