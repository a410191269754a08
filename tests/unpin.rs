//! A desugared machine is `Unpin` exactly when it keeps no homed value and
//! the futures it awaits are `Unpin`, unlike rustc's, which never is. A
//! machine with a homed value (something borrowed across an await) is
//! self-referential and must not be `Unpin`.

use std::marker::PhantomData;

use desugar::desugar;
use desugar::harness::Leaf;

struct Probe<T>(PhantomData<T>);

/// Chosen first when `T: Unpin`: its method takes `&Probe<T>`, the
/// receiver as written.
trait IsUnpin {
    fn unpin(&self) -> bool {
        true
    }
}
impl<T: Unpin> IsUnpin for Probe<T> {}

/// Otherwise method lookup goes on to `&&Probe<T>`, which this takes.
trait NotUnpin {
    fn unpin(&self) -> bool {
        false
    }
}
impl<T> NotUnpin for &Probe<T> {}

fn probe<T>(_: &T) -> Probe<T> {
    Probe(PhantomData)
}

/// Whether the value's (possibly opaque) type is `Unpin`, decided where the
/// type is concrete.
macro_rules! is_unpin {
    ($value:expr) => {
        (&probe(&$value)).unpin()
    };
}

#[desugar]
async fn carries_only(n: u32) -> u32 {
    let doubled = n * 2;
    let fetched = Leaf::new("fetch").pending(1).ready(doubled).await;
    fetched + doubled
}

/// `text` is borrowed across two awaits, so it lives in the homes area.
#[desugar]
async fn borrows_across(text: String) -> usize {
    let view = text.as_str();
    Leaf::new("wait").pending(1).ready(()).await;
    Leaf::new("again").pending(1).ready(()).await;
    view.len()
}

/// `text` is a local borrowed across one await: it lives in that await's
/// variant, not in the homes area (as the argument of `borrows_across`,
/// borrowed across two, does).
#[desugar]
async fn borrows_in_place() -> usize {
    let text = String::from("in place");
    let view = text.as_str();
    Leaf::new("wait").pending(1).ready(()).await;
    view.len()
}

#[desugar]
async fn awaits_a_rustc_future(n: u32) -> u32 {
    carries_only_rustc(n).await
}

#[test]
fn the_check_itself_tells_both_apart() {
    assert!(is_unpin!(0_u32));
    assert!(!is_unpin!(std::marker::PhantomPinned));
}

#[test]
fn unpin_when_nothing_is_homed_and_the_awaited_futures_are_unpin() {
    assert!(is_unpin!(carries_only(1)));
    // rustc's machine for the same fn is not.
    assert!(!is_unpin!(carries_only_rustc(1)));
}

#[test]
fn not_unpin_with_a_homed_value() {
    assert!(!is_unpin!(borrows_across(String::from("pinned"))));
}

/// Whether the homed value is in the state enum or in the homes area, what
/// the awaited future borrows must not move.
#[test]
fn not_unpin_wherever_the_homed_value_lives() {
    let in_place = borrows_in_place();
    assert_eq!(desugar::Inspect::layout(&in_place).homes, 0);
    assert!(!is_unpin!(in_place));
    let in_homes = borrows_across(String::from("pinned"));
    assert!(desugar::Inspect::layout(&in_homes).homes > 0);
    assert!(!is_unpin!(in_homes));
}

#[test]
fn not_unpin_when_an_awaited_future_is_not() {
    assert!(!is_unpin!(awaits_a_rustc_future(1)));
}

#[test]
fn an_unpin_machine_can_be_polled_without_pinning_it_in_place() {
    let mut machine = carries_only(2);
    let waker = std::task::Waker::noop();
    let mut cx = std::task::Context::from_waker(waker);
    let output = loop {
        // `Pin::new` needs `Unpin`: this would not compile for rustc's future.
        if let std::task::Poll::Ready(output) =
            std::future::Future::poll(std::pin::Pin::new(&mut machine), &mut cx)
        {
            break output;
        }
        // Moving a suspended Unpin machine (here to the heap and back) is fine.
        machine = *Box::new(machine);
    };
    assert_eq!(output, 8);
}
