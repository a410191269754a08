//! Generic fns whose machine keeps a value borrowed across an await: the
//! value's type holds a type parameter, an `impl Trait` argument or `Self`,
//! which need not outlive `'static`. Each builds as the twin does and is
//! compared with it by the harness (`Rc<Probe>` items log their drops).

use std::fmt::Debug;
use std::rc::Rc;

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

/// The future is `'static` when what it holds is: a caller can spawn it.
fn assert_static<F: 'static>(_: &F) {}

/// And `Send` where the twin is (what it holds is).
fn assert_send<F: Send>(_: &F) {}

mod type_parameter {
    use super::*;

    #[desugar]
    async fn count_all<T: Debug + Clone>(items: Vec<T>) -> usize {
        let mut n = 0;
        for item in &items {
            let copy = Leaf::new("item").pending(1).ready(item.clone()).await;
            let _ = copy;
            n += 1;
        }
        n + items.len()
    }

    #[test]
    fn builds_and_behaves_as_rustc() {
        let _ = assert_same(
            || count_all(vec![Rc::new(Probe::new("a")), Rc::new(Probe::new("b"))]),
            || count_all_rustc(vec![Rc::new(Probe::new("a")), Rc::new(Probe::new("b"))]),
        );
    }

    #[test]
    fn holds_borrowed_items() {
        let (a, b) = (String::from("a"), String::from("b"));
        let _ = assert_same(|| count_all(vec![&a, &b]), || count_all_rustc(vec![&a, &b]));
    }

    #[test]
    fn is_static_and_send_when_its_items_are() {
        assert_static(&count_all(vec![1u8]));
        assert_send(&count_all(vec![1u8]));
        assert_send(&count_all_rustc(vec![1u8]));
    }
}

mod with_a_lifetime {
    use super::*;

    #[desugar]
    async fn tagged<'a, T: Debug + Clone>(
        tag: &'a str,
        sep: &str,
        items: Vec<T>,
    ) -> (&'a str, usize) {
        let mut n = sep.len();
        for item in &items {
            n += Leaf::new(tag)
                .pending(1)
                .ready(format!("{item:?}"))
                .await
                .len();
        }
        (tag, n)
    }

    #[test]
    fn builds_and_behaves_as_rustc() {
        let _ = assert_same(
            || tagged("tag", "-", vec![1u32, 22]),
            || tagged_rustc("tag", "-", vec![1u32, 22]),
        );
    }
}

mod impl_trait_argument {
    use super::*;

    #[desugar]
    async fn repeated(item: impl Debug + Clone) -> usize {
        let copies = vec![item.clone(), item];
        let mut n = 0;
        for copy in &copies {
            n += Leaf::new("copy")
                .pending(1)
                .ready(format!("{copy:?}"))
                .await
                .len();
        }
        n
    }

    pub trait Store {
        fn put(&mut self, v: u32) -> impl Future<Output = bool>;
    }

    impl Store for Vec<u32> {
        async fn put(&mut self, v: u32) -> bool {
            self.push(Leaf::new("put").pending(1).ready(v).await);
            true
        }
    }

    /// Behind a reference, the lifetime the machine adds to an `impl
    /// Trait` argument needs parentheses: `&mut impl Store + '__homed` did
    /// not parse ("ambiguous `+` in a type").
    #[desugar]
    async fn save(store: &mut impl Store, v: u32) -> bool {
        store.put(v).await
    }

    #[test]
    fn builds_and_behaves_as_rustc() {
        let _ = assert_same(
            || repeated(Rc::new(Probe::new("p"))),
            || repeated_rustc(Rc::new(Probe::new("p"))),
        );
        let mut store = Vec::new();
        assert_send(&save(&mut store, 1));
        let report = assert_same(
            || async {
                let mut store = Vec::new();
                (save(&mut store, 1).await, store)
            },
            || async {
                let mut store = Vec::new();
                (save_rustc(&mut store, 1).await, store)
            },
        );
        assert_eq!(report.outcome, "Ready((true, [1]))");
    }
}

mod generic_impl_block {
    use super::*;

    struct Stack<T>(Vec<T>);

    #[desugar]
    impl<T: Debug + Clone> Stack<T> {
        async fn total(self) -> usize {
            let mut n = 0;
            for item in &self.0 {
                n += Leaf::new("item")
                    .pending(1)
                    .ready(format!("{item:?}"))
                    .await
                    .len();
            }
            n
        }

        async fn count(items: Vec<T>) -> usize {
            let stack = Stack(items);
            let mut n = 0;
            for item in &stack.0 {
                let _ = Leaf::new("item").pending(1).ready(item.clone()).await;
                n += 1;
            }
            n
        }
    }

    #[test]
    fn builds_and_behaves_as_rustc() {
        let _ = assert_same(
            || Stack(vec![Rc::new(Probe::new("a"))]).total(),
            || Stack(vec![Rc::new(Probe::new("a"))]).total_rustc(),
        );
        let _ = assert_same(
            || Stack::count(vec![Rc::new(Probe::new("a")), Rc::new(Probe::new("b"))]),
            || Stack::count_rustc(vec![Rc::new(Probe::new("a")), Rc::new(Probe::new("b"))]),
        );
    }
}
