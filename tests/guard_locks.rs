//! A method called on a field of a guard that a lock's own `lock()`,
//! `read()` or `write()` gives directly (as `parking_lot`'s do, and a
//! user's lock wrapper), with an await in its arguments:
//! `db.lock().log.push(x.await)`. rustc makes the guard and borrows the
//! field through its `DerefMut` before the await, keeping the guard to the
//! end of the statement; the machine binds the guard ahead and reaches the
//! field through it after the await. The field was bound ahead by value,
//! moved out of the guard (E0507). Each is compared with rustc's twin
//! (`assert_same`: every cancellation point, with and without extra
//! `Pending`s) and no larger (neither is `Send`: they hold a `RefCell`'s
//! guard across the await).

// The guards held across the awaits are under test, and so is the place
// written as a deref of the guard, `(*db.lock()).log`.
#![allow(clippy::await_holding_refcell_ref, clippy::explicit_auto_deref)]

mod common;
use common::same_and_no_larger;
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};
use std::cell::{RefCell, RefMut};
use std::ops::{Deref, DerefMut};

pub struct Db {
    pub log: Vec<u32>,
    pub names: Vec<String>,
}

/// A guard of the user's own: it records when it is made and dropped.
pub struct Guard<'a> {
    cell: RefMut<'a, Db>,
    _made: Probe,
}

impl Deref for Guard<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        &self.cell
    }
}

impl DerefMut for Guard<'_> {
    fn deref_mut(&mut self) -> &mut Db {
        &mut self.cell
    }
}

pub struct Shared(RefCell<Db>);

impl Shared {
    fn new() -> Shared {
        Shared(RefCell::new(Db {
            log: vec![1],
            names: vec![],
        }))
    }

    pub fn lock(&self) -> Guard<'_> {
        Guard {
            cell: self.0.borrow_mut(),
            _made: Probe::new("lock"),
        }
    }

    pub fn write(&self) -> Guard<'_> {
        Guard {
            cell: self.0.borrow_mut(),
            _made: Probe::new("write"),
        }
    }
}

fn leaf<T>(label: &'static str, value: T) -> LeafFuture<T> {
    Leaf::new(label).pending(1).ready(value)
}

#[desugar]
async fn push_through_lock(shared: &Shared) -> usize {
    shared.lock().log.push(leaf("read", 7).await);
    shared.lock().log.len()
}

#[desugar]
async fn insert_through_write(shared: &Shared, at: usize) -> usize {
    let tag = Probe::new("tag");
    shared
        .write()
        .names
        .insert(at, format!("{}", leaf("name", 3).await));
    tag.touch();
    shared.lock().names.len()
}

#[desugar]
async fn extend_through_deref(shared: &Shared) -> usize {
    (*shared.lock())
        .log
        .extend([leaf("a", 1).await, leaf("b", 2).await]);
    shared.lock().log.iter().map(|n| *n as usize).sum()
}

#[test]
fn a_field_of_a_guard_a_lock_gives_directly_is_borrowed_through_it() {
    same_and_no_larger(
        || async {
            let shared = Shared::new();
            push_through_lock(&shared).await
        },
        || async {
            let shared = Shared::new();
            push_through_lock_rustc(&shared).await
        },
    );
    for at in [0, 1] {
        // `insert` past the end panics in the method, after the await.
        same_and_no_larger(
            || async move {
                let shared = Shared::new();
                insert_through_write(&shared, at).await
            },
            || async move {
                let shared = Shared::new();
                insert_through_write_rustc(&shared, at).await
            },
        );
    }
    same_and_no_larger(
        || async {
            let shared = Shared::new();
            extend_through_deref(&shared).await
        },
        || async {
            let shared = Shared::new();
            extend_through_deref_rustc(&shared).await
        },
    );
}
