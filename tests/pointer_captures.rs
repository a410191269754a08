//! A `move` closure or `async move` block reading a field through a smart
//! pointer (`move || s.hits` with `s: Arc<Service>`) captures the pointer
//! whole: Rust 2021's precise captures stop at a `Deref`. Where the local
//! is visibly a pointer (by its type, or made by `Arc::new`, `Rc::clone`,
//! `Box::new`), the machine takes the capture for a move of it, as rustc;
//! a struct value's field captured alone leaves the rest of the value to
//! the end of its scope.

use std::rc::Rc;
use std::sync::Arc;

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

fn assert_send<T: Send>(_: &T) {}

pub struct Service {
    hits: u32,
    _probe: Probe,
}

fn service(hits: u32) -> Service {
    Service {
        hits,
        _probe: Probe::new("service"),
    }
}

#[desugar]
async fn arc_parameter(s: Arc<Service>) -> u32 {
    let f = move || s.hits;
    Leaf::new("x").pending(1).ready(()).await;
    f()
}

#[desugar]
async fn cloned_arc(shared: Arc<Service>) -> u32 {
    let me = Arc::clone(&shared);
    let later = async move { me.hits + 1 };
    Leaf::new("x").pending(1).ready(()).await;
    drop(shared);
    later.await
}

#[desugar]
async fn boxed_and_counted(b: Box<Service>, r: Rc<Service>) -> u32 {
    let f = move || b.hits + r.hits;
    Leaf::new("x").pending(1).ready(()).await;
    f()
}

/// A pointer whose type does not show is a compile error saying to write
/// it (`tests/ui/field_captured_through_hidden_pointer.rs`); written:
#[desugar]
async fn typed_clone(shared: Arc<Service>) -> u32 {
    let me: Arc<Service> = shared.clone();
    let f = move || me.hits;
    Leaf::new("x").pending(1).ready(()).await;
    drop(shared);
    f()
}

/// A reference is copied into the closure whole, and stays.
#[desugar]
async fn through_a_reference(s: &Service) -> u32 {
    let f = move || s.hits;
    Leaf::new("x").pending(1).ready(()).await;
    f() + s.hits
}

/// A struct value: the closure copies the field, and the value, whose
/// probe drops, stays to the end of its scope.
#[desugar]
async fn struct_value(s: Service) -> u32 {
    let f = move || s.hits;
    Leaf::new("x").pending(1).ready(()).await;
    f()
}

#[test]
fn a_field_captured_through_a_pointer_moves_the_pointer() {
    let report = assert_same(
        || arc_parameter(Arc::new(service(3))),
        || arc_parameter_rustc(Arc::new(service(3))),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    assert_send(&arc_parameter(Arc::new(service(3))));
    let report = assert_same(
        || cloned_arc(Arc::new(service(4))),
        || cloned_arc_rustc(Arc::new(service(4))),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    assert_send(&cloned_arc(Arc::new(service(4))));
    let report = assert_same(
        || boxed_and_counted(Box::new(service(1)), Rc::new(service(2))),
        || boxed_and_counted_rustc(Box::new(service(1)), Rc::new(service(2))),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    let report = assert_same(
        || typed_clone(Arc::new(service(6))),
        || typed_clone_rustc(Arc::new(service(6))),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    assert_send(&typed_clone(Arc::new(service(6))));
    let s = service(7);
    let report = assert_same(|| through_a_reference(&s), || through_a_reference_rustc(&s));
    assert!(report.left_size <= report.right_size, "{report}");
    let report = assert_same(
        || struct_value(service(5)),
        || struct_value_rustc(service(5)),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    assert_send(&struct_value(service(5)));
}
