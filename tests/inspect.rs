//! `Inspect` reports what the machine really stores: sizes come from the
//! types rustc inferred, so they are checked here against types whose sizes
//! are known, and the reason a future is not `Send` shows as a field.

use std::rc::Rc;

use desugar::Inspect;
use desugar::desugar;
use desugar::harness::{Leaf, Stepper};
use desugar::inspect::FieldKind;

#[desugar]
async fn keeps_a_buffer(seed: u8) -> usize {
    let buffer = [seed; 100];
    Leaf::new("wait").pending(1).ready(()).await;
    buffer.len()
}

#[test]
fn a_field_of_a_known_size_reports_that_size() {
    let future = keeps_a_buffer(7);
    let layout = future.layout();
    let (index, state) = future
        .info()
        .states()
        .enumerate()
        .find(|(_, s)| s.name == "Suspend0")
        .unwrap();
    let field = state.fields().position(|f| f.name == "buffer").unwrap();
    let buffer = layout.field(index, field);
    assert_eq!(buffer.size, std::mem::size_of::<[u8; 100]>());
    assert_eq!(buffer.align, 1);
    assert_eq!(buffer.type_name, std::any::type_name::<[u8; 100]>());
    assert_eq!(layout.size, std::mem::size_of_val(&future));
    // The printed report says the same.
    assert!(
        layout.to_string().contains("local `.buffer`: 100 bytes"),
        "{layout}"
    );
}

#[desugar]
async fn shares_locally(n: u32) -> u32 {
    let before = Leaf::new("first").pending(1).ready(n).await;
    let shared = Rc::new(before);
    let after = Leaf::new("second").pending(1).ready(*shared).await;
    after + *shared
}

macro_rules! is_send {
    ($value:expr) => {{
        struct Probe<T>(std::marker::PhantomData<T>);
        // Used only when the value is `Send`.
        #[allow(dead_code)]
        trait IsSend {
            fn send(&self) -> bool {
                true
            }
        }
        impl<T: Send> IsSend for Probe<T> {}
        // Used only when the value is not `Send`.
        #[allow(dead_code)]
        trait NotSend {
            fn send(&self) -> bool {
                false
            }
        }
        impl<T> NotSend for &Probe<T> {}
        fn probe<T>(_: &T) -> Probe<T> {
            Probe(std::marker::PhantomData)
        }
        (&probe(&$value)).send()
    }};
}

#[test]
fn the_variant_holding_an_rc_is_the_reason_it_is_not_send() {
    assert!(
        is_send!(keeps_a_buffer(0)),
        "the check tells Send futures apart"
    );
    let future = shares_locally(2);
    assert!(!is_send!(future));
    assert!(!is_send!(shares_locally_rustc(2)));
    let holding_rc: Vec<(&str, &str)> = future
        .layout()
        .fields()
        .filter(|(_, _, value)| value.type_name.contains("Rc<"))
        .map(|(state, field, _)| (state.name, field.name))
        .collect();
    assert_eq!(holding_rc, [("Suspend1", "shared")]);
}

#[test]
fn state_names_follow_the_polls() {
    let mut stepper = Stepper::new(keeps_a_buffer(1));
    assert_eq!(stepper.state_name(), "Unresumed");
    let first = stepper.poll_traced();
    assert_eq!((first.from, first.to), ("Unresumed", "Suspend0"));
    let second = stepper.poll_traced();
    assert_eq!((second.from, second.to), ("Suspend0", "Returned"));
    let suspended = keeps_a_buffer(1).info().state(1).expect("Suspend0");
    assert!(
        suspended
            .fields()
            .any(|f| f.name == "__awaitee" && f.kind == FieldKind::Awaitee)
    );
}
