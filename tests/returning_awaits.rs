//! An await whose statement returns (`return f(x).await;`), or that
//! always reaches a `return` with no other jump before it: nothing after
//! that `return` runs after the await, so what only code past it uses is
//! not kept across the await, as rustc keeps it not (dogfood round E,
//! `skip_small`: 144 bytes against rustc's 136 before).

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

/// `rest`, used only by the loop's next iteration, is not kept at the
/// `return`'s await.
#[desugar]
async fn skip_small(buf: Vec<u8>) -> u32 {
    let mut cur = &buf[..];
    loop {
        match cur {
            [] => return 0,
            [b, rest @ ..] => {
                if *b > 63 {
                    return Leaf::new("big").pending(1).ready(u32::from(*b)).await;
                }
                cur = rest;
            }
        }
    }
}

/// The statements between the await and the `return` still use what they
/// use; what drops at the `return` (`p`) is kept to be dropped there.
#[desugar]
async fn logged_then_returned(buf: Vec<u8>, early: bool) -> usize {
    let p = Probe::new("p");
    let tail = &buf[1..];
    let head = buf[0];
    if early {
        let v = Leaf::new("early").pending(1).ready(head).await;
        p.touch();
        return usize::from(v);
    }
    p.touch();
    tail.len() + Leaf::new("late").pending(1).ready(1).await
}

/// A `continue` inside the returned value goes on with the loop: what the
/// loop uses is kept there as at any other await.
#[desugar]
async fn continued_inside_the_return(n: u32) -> u32 {
    let names = vec![Probe::new("a"), Probe::new("b")];
    let mut i = 0;
    loop {
        names[(i % 2) as usize].touch();
        i += 1;
        return match Leaf::new("step").pending(1).ready(i).await {
            m if m < n => continue,
            m => m,
        };
    }
}

/// A loop inside the statements before the `return` goes on with its next
/// iteration after its await: what that iteration uses before the await
/// (`r`, `p`) is kept there.
#[desugar]
#[allow(clippy::needless_return)] // the `return` statement is the case under test
async fn looped_then_returned(v: Vec<u32>) -> u32 {
    let r = &v;
    let mut i = 0;
    let mut sum = 0;
    while i < 3 {
        sum += r.len() as u32;
        Leaf::new("tick").pending(1).ready(()).await;
        i += 1;
    }
    return sum;
}

#[desugar]
#[allow(clippy::needless_return)] // the `return` statement is the case under test
async fn counted_then_returned(n: u32) -> u32 {
    let p = Probe::new("p");
    let mut i = 0;
    for _ in 0..n {
        p.touch();
        Leaf::new("tick").pending(1).ready(()).await;
        i += 1;
    }
    return i;
}

/// A loop whose iteration always returns after its await runs no other
/// iteration after it, and nothing after the loop: the machine resumes
/// that iteration alone, so what only the code after the loop names
/// (`path`, `r`) is not kept there, and not named where it is not.
#[desugar]
#[allow(clippy::never_loop)] // the loop left by a `return` is the case under test
async fn routed(codes: Vec<u32>, path: &str) -> usize {
    for code in codes {
        Leaf::new("x").pending(1).ready(code).await;
        if code == 1 {
            return Leaf::new("y").pending(1).ready(1).await;
        }
        return 0;
    }
    format!("404 {path}").len()
}

#[desugar]
#[allow(clippy::never_loop)] // the loop left by a `return` is the case under test
async fn routed_by_reference(codes: Vec<u32>) -> usize {
    let name = String::from("/a");
    let r = &name;
    let mut seen = 0;
    for code in codes {
        seen += r.len();
        Leaf::new("x").pending(1).ready(code).await;
        if code == 1 {
            return seen;
        }
        return 0;
    }
    r.len() + seen
}

#[test]
fn an_await_that_returns_keeps_only_what_runs_before_the_return() {
    for buf in [vec![], vec![1, 2], vec![1, 99, 3]] {
        let report = assert_same(|| skip_small(buf.clone()), || skip_small_rustc(buf.clone()));
        assert!(report.left_size <= report.right_size, "{report:?}");
    }
    for early in [false, true] {
        let report = assert_same(
            || logged_then_returned(vec![7, 8, 9], early),
            || logged_then_returned_rustc(vec![7, 8, 9], early),
        );
        assert!(report.left_size <= report.right_size, "{report:?}");
    }
    for n in [0, 3] {
        let report = assert_same(
            || continued_inside_the_return(n),
            || continued_inside_the_return_rustc(n),
        );
        assert!(report.left_size <= report.right_size, "{report:?}");
    }
    let report = assert_same(
        || looped_then_returned(vec![1, 2]),
        || looped_then_returned_rustc(vec![1, 2]),
    );
    assert!(report.left_size <= report.right_size, "{report:?}");
    for n in [0, 3] {
        let report = assert_same(
            || counted_then_returned(n),
            || counted_then_returned_rustc(n),
        );
        assert!(report.left_size <= report.right_size, "{report:?}");
    }
    for codes in [vec![], vec![1], vec![2, 1]] {
        let report = assert_same(
            || routed(codes.clone(), "/a"),
            || routed_rustc(codes.clone(), "/a"),
        );
        assert!(report.left_size <= report.right_size, "{report:?}");
        let report = assert_same(
            || routed_by_reference(codes.clone()),
            || routed_by_reference_rustc(codes.clone()),
        );
        assert!(report.left_size <= report.right_size, "{report:?}");
    }
}
