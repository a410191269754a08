//! A `move` closure or `async` block that destructures a local with a
//! pattern skipping a part (`let (n, _) = pair;`, `let Conn { sock, .. } =
//! c;`, `match pair { (n, _) => .. }`) captures the parts it binds alone
//! (Rust 2021's precise captures): the rest stays in the local, to drop
//! where its scope ends. The machine keeps the local whole there, as it does
//! for `move || pair.0`; where the bound part moves, that does not build
//! (E0382, `tests/ui/closure_pattern_skips_moved_part.rs`) rather than drop
//! the rest when the closure is made (dogfood round I: the rest dropped
//! before the next await).

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

/// A `Copy` part bound by a `let` in a closure called on both sides of an
/// await: `pair.1` drops at the end, after the await.
#[desugar]
async fn copied_part(pair: (u32, Probe)) -> u32 {
    let f = move || {
        let (n, _) = pair;
        n + 1
    };
    let first = f();
    Leaf::new("t").pending(1).ready(()).await;
    first + f()
}

pub struct Conn {
    pub port: u16,
    pub log: Probe,
}

/// A struct pattern with `..` in an `async move` block awaited in turn.
#[desugar]
async fn struct_part(c: Conn, k: u16) -> u16 {
    let port = async move {
        let Conn { port, .. } = c;
        Leaf::new("inner").pending(1).ready(port + k).await
    }
    .await;
    Leaf::new("after").pending(1).ready(()).await;
    port
}

/// A `match` with a tuple pattern in an `async move` block kept in a local
/// and awaited after another await.
#[desugar]
async fn matched_part(k: u16) -> u16 {
    let pair = (k, Probe::new("rest"));
    let block = async move {
        match pair {
            (n, _) if n > 2 => n * 2,
            (n, _) => n,
        }
    };
    Leaf::new("first").pending(1).ready(()).await;
    block.await + Leaf::new("second").pending(1).ready(1).await
}

/// The bound part moves, but nothing awaits after the closure: nothing is
/// kept across an await, and the rest drops at the end as in rustc.
#[desugar]
async fn moved_part_last(pair: (Probe, Probe)) -> usize {
    Leaf::new("first").pending(1).ready(()).await;
    let len = move || {
        let (x, _) = pair;
        x.label().len()
    };
    len()
}

#[test]
fn a_copy_part_captured_by_a_pattern_leaves_the_rest_in_the_local() {
    let report = assert_same(
        || copied_part((3, Probe::new("p"))),
        || copied_part_rustc((3, Probe::new("p"))),
    );
    assert!(report.left_size <= report.right_size, "{report}");
    for k in [1, 5] {
        let conn = || Conn {
            port: 80,
            log: Probe::new("log"),
        };
        let report = assert_same(
            move || struct_part(conn(), k),
            move || struct_part_rustc(conn(), k),
        );
        assert!(report.left_size <= report.right_size, "{report}");
        let report = assert_same(move || matched_part(k), move || matched_part_rustc(k));
        assert!(report.left_size <= report.right_size, "{report}");
    }
}

#[test]
fn a_moved_part_with_no_await_after_builds() {
    let report = assert_same(
        || moved_part_last((Probe::new("x"), Probe::new("y"))),
        || moved_part_last_rustc((Probe::new("x"), Probe::new("y"))),
    );
    assert!(report.left_size <= report.right_size, "{report}");
}
