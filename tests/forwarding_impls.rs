//! Trait impls that forward to another value, and trait impls whose
//! header elides a lifetime.
//!
//! A forwarding impl for `Box<T>`, `&T` or a wrapper (`(**self).f().await`,
//! `(*self.0).f().await`) awaits a method of the same name on another
//! type: not recursion, which a call on `self` or one deref of it
//! (`(*self).f()`) would be (`tests/ui/await_recursive_call.rs`).
//!
//! `impl Store<&str> for B` names no lifetime, as an impl header may; the
//! private trait the twins live in (see `tests/impl_blocks.rs`) has the
//! implemented trait as supertrait, where a lifetime cannot be elided, so
//! it names each with a lifetime parameter of its own.
//!
//! Each machine is compared with rustc's twin (every cancellation point,
//! with and without extra `Pending`s), must be no larger, and is `Send`
//! where the twin is.
#![allow(async_fn_in_trait)]

mod common;

use std::sync::Arc;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

pub trait Len {
    async fn len_async(&self) -> usize;
}

impl Len for str {
    async fn len_async(&self) -> usize {
        tick(self.len()).await
    }
}

impl Len for Probe {
    async fn len_async(&self) -> usize {
        tick(self.label().len()).await
    }
}

#[desugar]
impl<T: Len + ?Sized + Sync> Len for Box<T> {
    async fn len_async(&self) -> usize {
        (**self).len_async().await
    }
}

pub struct Shared<T: ?Sized>(Arc<T>);

#[desugar]
impl<T: Len + ?Sized + Send + Sync> Len for Shared<T> {
    async fn len_async(&self) -> usize {
        let n = (*self.0).len_async().await;
        n + tick(1).await
    }
}

#[test]
fn forwarding_through_a_deref_of_self_is_not_recursion() {
    let boxed = || -> Box<str> { "abc".into() };
    let out = same_and_no_larger(
        || {
            let b = boxed();
            async move { b.len_async().await }
        },
        || {
            let b = boxed();
            async move { b.len_async_rustc().await }
        },
    );
    assert_eq!(out, "Ready(3)");
    let b = boxed();
    both_send(&b.len_async(), &b.len_async_rustc());

    let shared = || Shared(Arc::new(Probe::new("four")));
    let out = same_and_no_larger(
        || {
            let s = shared();
            async move { s.len_async().await }
        },
        || {
            let s = shared();
            async move { s.len_async_rustc().await }
        },
    );
    assert_eq!(out, "Ready(5)");
    let s = shared();
    both_send(&s.len_async(), &s.len_async_rustc());
}

pub trait Store<K> {
    async fn get(&self, k: K) -> Option<usize>;
}

pub struct Names(Vec<String>);

#[desugar]
impl Store<&str> for Names {
    async fn get(&self, k: &str) -> Option<usize> {
        tick(()).await;
        self.0.iter().position(|s| s == k)
    }
}

pub struct Key<'a>(&'a str);

#[desugar]
impl Store<(Key<'_>, &u32)> for Names {
    async fn get(&self, (key, n): (Key<'_>, &u32)) -> Option<usize> {
        let found = self.0.iter().position(|s| s == key.0);
        tick(()).await;
        found.map(|i| i + *n as usize)
    }
}

#[test]
fn elided_lifetimes_in_the_implemented_trait() {
    let names = || Names(vec!["a".into(), "b".into()]);
    for k in ["b", "z"] {
        let out = same_and_no_larger(
            || {
                let n = names();
                async move { Store::<&str>::get(&n, k).await }
            },
            || {
                let n = names();
                async move { StoreRustc_cbeae956::get_rustc(&n, k).await }
            },
        );
        assert_eq!(
            out,
            if k == "b" {
                "Ready(Some(1))"
            } else {
                "Ready(None)"
            }
        );
    }
    let n = names();
    both_send(
        &Store::<&str>::get(&n, "a"),
        &StoreRustc_cbeae956::get_rustc(&n, "a"),
    );

    let out = same_and_no_larger(
        || {
            let n = names();
            async move { Store::<(Key<'_>, &u32)>::get(&n, (Key("b"), &2)).await }
        },
        || {
            let n = names();
            async move { StoreRustc_3dc82f73::get_rustc(&n, (Key("b"), &2)).await }
        },
    );
    assert_eq!(out, "Ready(Some(3))");
}

/// A trait impl whose body is moved into a `#[desugar]` method of an
/// inherent impl (see README, "Borrows under a lifetime of their own, in
/// a trait impl"): the trait impl awaiting it is left to rustc, or, as
/// here, bounds the parameter by `'static`.
pub trait Batcher<T> {
    async fn batch(&mut self, items: Vec<T>) -> usize;
}

pub struct Chunker {
    flushed: u32,
}

#[desugar]
impl Chunker {
    async fn batch_inner<T>(&mut self, items: Vec<T>) -> usize {
        let mut n = 0;
        for chunk in items.chunks(2) {
            tick(()).await;
            n += chunk.len();
            self.flushed += 1;
        }
        n
    }
}

impl<T> Batcher<T> for Chunker {
    async fn batch(&mut self, items: Vec<T>) -> usize {
        self.batch_inner(items).await
    }
}

pub struct Outer(Chunker);

#[desugar]
impl<T: Send + 'static> Batcher<T> for Outer {
    async fn batch(&mut self, items: Vec<T>) -> usize {
        self.0.batch_inner(items).await + self.0.flushed as usize
    }
}

#[test]
fn a_desugared_helper_awaited_by_a_trait_impl() {
    let items = || vec![Probe::new("a"), Probe::new("b"), Probe::new("c")];
    let out = same_and_no_larger(
        || {
            let mut c = Chunker { flushed: 0 };
            let v = items();
            async move { c.batch_inner(v).await }
        },
        || {
            let mut c = Chunker { flushed: 0 };
            let v = items();
            async move { c.batch_inner_rustc(v).await }
        },
    );
    assert_eq!(out, "Ready(3)");
    // The trait impl left to rustc awaits the machine.
    let mut c = Chunker { flushed: 0 };
    let _: &dyn Send = &Batcher::batch(&mut c, vec![1u8]);
    let out = same_and_no_larger(
        || {
            let mut o = Outer(Chunker { flushed: 0 });
            let v = items();
            async move { Batcher::batch(&mut o, v).await }
        },
        || {
            let mut o = Outer(Chunker { flushed: 0 });
            let v = items();
            async move { o.batch_rustc(v).await }
        },
    );
    assert_eq!(out, "Ready(5)");
    let mut o = Outer(Chunker { flushed: 0 });
    let mut p = Outer(Chunker { flushed: 0 });
    both_send(&Batcher::batch(&mut o, items()), &p.batch_rustc(items()));
}
