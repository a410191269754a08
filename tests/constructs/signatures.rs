//! Signatures: methods in inherent impls with every receiver (`&self`,
//! `&mut self`, `self`, `self: Box<Self>`, `self: Pin<&mut Self>`) and
//! their sibling `_rustc` methods, generics (types, consts, bounds, where
//! clauses, generic impls using `Self`), named and elided lifetimes
//! captured by the future (also in borrowed outputs), `impl Trait`
//! arguments (including an awaited `impl Future`), parameter patterns (`_`,
//! tuples, structs, `mut`), `unsafe async fn`, and visibility, doc comments
//! and attributes carried over. A `ref` parameter used after an await is
//! `tests/regressions.rs`'s.

use core::fmt::Debug;
use core::future::Future;
use core::pin::Pin;

use desugar::desugar;
use desugar::harness::{Probe, assert_same};

use super::support::{assert_send, leaf};

#[derive(Debug, PartialEq)]
struct Account {
    balance: u32,
    owner: Probe,
}

impl Account {
    fn new() -> Self {
        Account {
            balance: 10,
            owner: Probe::new("owner"),
        }
    }

    #[desugar]
    async fn read(&self, extra: &u32) -> u32 {
        let q = Probe::new("q");
        let v = leaf("read", 1, self.balance).await;
        self.owner.touch();
        q.touch();
        v + *extra
    }

    #[desugar]
    async fn deposit(&mut self, p: Probe) -> u32 {
        let more = leaf("deposit", 2, 5u32).await;
        self.balance += more;
        let again = leaf("again", 1, 1u32).await;
        self.balance += again;
        self.owner.touch();
        p.touch();
        self.balance
    }

    #[desugar]
    async fn close(self, p: Probe) -> Probe {
        let v = leaf("close", 1, self.balance).await;
        p.touch();
        assert_eq!(v, 10);
        self.owner
    }

    #[desugar]
    async fn boxed(self: Box<Self>, p: Probe) -> u32 {
        let v = leaf("boxed", 1, self.balance).await;
        self.owner.touch();
        p.touch();
        v
    }

    #[desugar]
    async fn pinned(self: Pin<&mut Self>, p: Probe) -> u32 {
        let v = leaf("pinned", 1, 2u32).await;
        let this = self.get_mut();
        this.balance *= v;
        this.owner.touch();
        p.touch();
        this.balance
    }
}

#[test]
fn method_with_shared_receiver() {
    let account = Account::new();
    assert_send(&account.read(&1));
    let report = assert_same(|| account.read(&1), || account.read_rustc(&1));
    assert_eq!(report.outcome, "Ready(11)");
}

#[test]
fn method_with_mutable_receiver() {
    let mut account = Account::new();
    assert_send(&account.deposit(Probe::new("p")));
    // Each run owns its account (the future borrows it mutably); both sides
    // are wrapped alike, so what differs is the method's own machine.
    let report = assert_same(
        || async {
            let mut account = Account::new();
            account.deposit(Probe::new("p")).await
        },
        || async {
            let mut account = Account::new();
            account.deposit_rustc(Probe::new("p")).await
        },
    );
    assert_eq!(report.outcome, "Ready(16)");
}

#[test]
fn methods_taking_self_by_value_and_boxed() {
    assert_send(&Account::new().close(Probe::new("p")));
    let report = assert_same(
        || Account::new().close(Probe::new("p")),
        || Account::new().close_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, r#"Ready(Probe("owner"))"#);

    assert_send(&Box::new(Account::new()).boxed(Probe::new("p")));
    let report = assert_same(
        || Box::new(Account::new()).boxed(Probe::new("p")),
        || Box::new(Account::new()).boxed_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(10)");
}

#[test]
fn method_with_pinned_receiver() {
    let mut account = Account::new();
    assert_send(&Pin::new(&mut account).pinned(Probe::new("p")));
    let report = assert_same(
        || async {
            let mut account = Account::new();
            Pin::new(&mut account).pinned(Probe::new("p")).await
        },
        || async {
            let mut account = Account::new();
            Pin::new(&mut account).pinned_rustc(Probe::new("p")).await
        },
    );
    assert_eq!(report.outcome, "Ready(20)");
}

#[desugar]
async fn generic<T, U: Clone + Debug + Send, const N: usize>(t: T, u: &U, p: Probe) -> (T, [U; N])
where
    T: Debug + Send,
{
    let held = Probe::new("held");
    let copies = leaf("generic", 1, core::array::from_fn(|_| u.clone())).await;
    held.touch();
    p.touch();
    (t, copies)
}

#[test]
fn generics_and_where_clauses() {
    assert_send(&generic::<_, _, 2>(1u8, &'x', Probe::new("p")));
    let report = assert_same(
        || generic::<_, _, 2>(1u8, &'x', Probe::new("p")),
        || generic_rustc::<_, _, 2>(1u8, &'x', Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready((1, ['x', 'x']))");
}

#[desugar]
async fn lifetimes<'a, 'b: 'a>(long: &'b str, short: &'a str, elided: &str, p: &Probe) -> &'a str {
    let n = leaf("lifetimes", 1, elided.len()).await;
    p.touch();
    if n > 1 { long } else { short }
}

#[test]
fn named_and_elided_lifetimes() {
    let p = Probe::new("p");
    assert_send(&lifetimes("long", "short", "el", &p));
    let report = assert_same(
        || lifetimes("long", "short", "el", &p),
        || lifetimes_rustc("long", "short", "el", &p),
    );
    assert_eq!(report.outcome, r#"Ready("long")"#);
}

#[desugar]
async fn impl_trait_args(
    n: impl Into<u64>,
    work: impl Future<Output = u64>,
    label: impl AsRef<str> + Send,
) -> u64 {
    let held = Probe::new(label.as_ref());
    let v = work.await + n.into();
    let w = leaf("after_work", 1, v).await;
    held.touch();
    w
}

#[test]
fn impl_trait_arguments() {
    assert_send(&impl_trait_args(1u8, leaf("work", 1, 2u64), "held"));
    let report = assert_same(
        || impl_trait_args(1u8, leaf("work", 2, 2u64), "held"),
        || impl_trait_args_rustc(1u8, leaf("work", 2, 2u64), "held"),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

#[derive(Debug, PartialEq)]
struct Wrapper<T> {
    inner: T,
    tag: Probe,
}

impl<T: Clone + Debug> Wrapper<T>
where
    T: Send,
{
    #[desugar]
    async fn get(&self) -> &T {
        leaf("get", 1, ()).await;
        self.tag.touch();
        &self.inner
    }

    #[desugar]
    async fn rebuild(self, p: Probe) -> Self {
        let inner = leaf("rebuild", 1, self.inner.clone()).await;
        p.touch();
        Self {
            inner,
            tag: self.tag,
        }
    }
}

#[desugar]
async fn first(values: &[u32], p: Probe) -> &u32 {
    leaf("first", 1, ()).await;
    p.touch();
    &values[0]
}

#[test]
fn generic_impls_and_borrowed_outputs() {
    let wrapper = Wrapper {
        inner: 3u8,
        tag: Probe::new("tag"),
    };
    assert_send(&wrapper.get());
    let report = assert_same(|| wrapper.get(), || wrapper.get_rustc());
    assert_eq!(report.outcome, "Ready(3)");

    let make = || Wrapper {
        inner: 4u8,
        tag: Probe::new("tag"),
    };
    assert_send(&make().rebuild(Probe::new("p")));
    let report = assert_same(
        || make().rebuild(Probe::new("p")),
        || make().rebuild_rustc(Probe::new("p")),
    );
    assert_eq!(
        report.outcome,
        r#"Ready(Wrapper { inner: 4, tag: Probe("tag") })"#
    );

    let values = [7u32, 8];
    assert_send(&first(&values, Probe::new("p")));
    let report = assert_same(
        || first(&values, Probe::new("p")),
        || first_rustc(&values, Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(7)");
}

struct Named {
    a: Probe,
    b: u32,
}

#[desugar]
async fn patterns(
    _: Probe,
    (first, second): (Probe, u32),
    Named { a, b }: Named,
    mut count: u32,
) -> u32 {
    count += leaf("patterns", 1, second + b).await;
    let again = leaf("again", 1, 1u32).await;
    count += again;
    first.touch();
    a.touch();
    count
}

#[test]
fn parameter_patterns() {
    let args = || {
        (
            Probe::new("ignored"),
            (Probe::new("first"), 1),
            Named {
                a: Probe::new("a"),
                b: 2,
            },
            10,
        )
    };
    let (i, t, n, c) = args();
    assert_send(&patterns(i, t, n, c));
    let report = assert_same(
        || {
            let (i, t, n, c) = args();
            patterns(i, t, n, c)
        },
        || {
            let (i, t, n, c) = args();
            patterns_rustc(i, t, n, c)
        },
    );
    assert_eq!(report.outcome, "Ready(14)");
}

/// # Safety
///
/// `ptr` must point to a live `u32`.
#[desugar]
async unsafe fn read_raw(ptr: *const u32, p: Probe) -> u32 {
    leaf("unsafe", 1, ()).await;
    // SAFETY: the caller promises `ptr` is live.
    let read = unsafe { *ptr };
    p.touch();
    read
}

/// The futures hold a `*const u32`, so neither is `Send`: no `assert_send`.
#[test]
fn unsafe_async_fn() {
    let value = 42u32;
    let ptr = &raw const value;
    let report = assert_same(
        // SAFETY: `value` outlives every future built here.
        || unsafe { read_raw(ptr, Probe::new("p")) },
        // SAFETY: as above.
        || unsafe { read_raw_rustc(ptr, Probe::new("p")) },
    );
    assert_eq!(report.outcome, "Ready(42)");
}

mod api {
    use desugar::desugar;
    use desugar::harness::Probe;

    use super::leaf;

    /// Doubles an awaited value. (Doc comments and attributes are kept.)
    #[desugar]
    #[must_use = "a future does nothing unless awaited"]
    #[allow(clippy::let_and_return)]
    pub async fn doubled(n: u32, p: Probe) -> u32 {
        let v = leaf("pub", 1, n).await * 2;
        p.touch();
        v
    }
}

#[test]
fn visibility_docs_and_attributes_are_kept() {
    assert_send(&api::doubled(1, Probe::new("p")));
    let report = assert_same(
        || api::doubled(4, Probe::new("p")),
        || api::doubled_rustc(4, Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(8)");

    let source = r#"
        /// Doubles.
        #[must_use]
        pub async fn doubled(n: u32) -> u32 { n * 2 }
    "#;
    let expanded = desugar_expand::expand(proc_macro2::TokenStream::new(), source.parse().unwrap());
    let file: syn::File = syn::parse2(expanded).unwrap();
    let public = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Fn(f) if f.sig.ident == "doubled" => Some(f),
            _ => None,
        })
        .expect("the desugared fn keeps its name");
    assert!(matches!(public.vis, syn::Visibility::Public(_)));
    assert!(public.attrs.iter().any(|a| a.path().is_ident("doc")));
    assert!(public.attrs.iter().any(|a| a.path().is_ident("must_use")));
}

/// An inner attribute at the start of the body (`#![allow(..)]`) annotates
/// the fn, as in rustc: it was written before the machine's `fn`, where an
/// inner attribute is an error ("not permitted following an outer
/// attribute"); `tests/ui_pass/inner_attribute.rs` shows it applies.
#[desugar]
async fn with_inner_attribute(n: u32, p: Probe) -> u32 {
    #![allow(unused_variables)]
    let scratch = Probe::new("scratch");
    let v = leaf("inner", 1, n).await;
    p.touch();
    v + 1
}

#[test]
fn inner_attribute_of_the_body() {
    assert_send(&with_inner_attribute(1, Probe::new("p")));
    let report = assert_same(
        || with_inner_attribute(1, Probe::new("p")),
        || with_inner_attribute_rustc(1, Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

/// One lifetime for two borrows, as `futures`' `WriteAll<'a, W>` has: the
/// future a fn awaits may hold two references it is given under the
/// shorter of their lifetimes, which the returned future must capture.
struct Appending<'a> {
    out: &'a mut Vec<u8>,
    data: &'a [u8],
    polled: bool,
}

impl Future for Appending<'_> {
    type Output = usize;

    fn poll(mut self: Pin<&mut Self>, cx: &mut core::task::Context<'_>) -> core::task::Poll<usize> {
        if !self.polled {
            self.polled = true;
            cx.waker().wake_by_ref();
            return core::task::Poll::Pending;
        }
        let this = &mut *self;
        this.out.extend_from_slice(this.data);
        core::task::Poll::Ready(this.out.len())
    }
}

fn appending<'a>(out: &'a mut Vec<u8>, data: &'a [u8]) -> Appending<'a> {
    Appending {
        out,
        data,
        polled: false,
    }
}

#[desugar]
async fn append(out: &mut Vec<u8>, data: &[u8]) -> usize {
    appending(out, data).await
}

#[desugar]
async fn append_twice(out: &mut Vec<u8>, data: &[u8], p: Probe) -> usize {
    let first = appending(out, data).await;
    let second = appending(out, data).await;
    p.touch();
    first + second + out.len()
}

#[test]
fn two_references_under_one_lifetime() {
    let data = [1u8, 2, 3];
    let report = assert_same(
        || async {
            let mut out = Vec::new();
            append(&mut out, &data).await
        },
        || async {
            let mut out = Vec::new();
            append_rustc(&mut out, &data).await
        },
    );
    assert_eq!(report.outcome, "Ready(3)");
    let report = assert_same(
        || async {
            let mut out = Vec::new();
            append_twice(&mut out, &data, Probe::new("p")).await
        },
        || async {
            let mut out = Vec::new();
            append_twice_rustc(&mut out, &data, Probe::new("p")).await
        },
    );
    assert_eq!(report.outcome, "Ready(15)");
    let mut out = Vec::new();
    assert_send(&append_twice(&mut out, &data, Probe::new("p")));
}

/// A name ending in `_`, as a keyword's stand-in is written: its twin,
/// `match__rustc`, is not linted for its name.
#[desugar]
async fn match_(n: u32) -> u32 {
    leaf("match", 1, n).await
}

#[test]
fn a_name_ending_in_an_underscore() {
    let report = assert_same(|| match_(2), || match__rustc(2));
    assert_eq!(report.outcome, "Ready(2)");
}
