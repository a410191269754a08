//! `#[desugar]` fns a `macro_rules!` macro writes, with expressions spliced
//! in as `$e:expr` fragments: each fragment keeps its grouping (`$base *
//! n` with `1 + 2` is `(1 + 2) * n`), in the machine and in the twin. The
//! same fn written without `#[desugar]` is the reference: the twin cannot
//! be, since it is printed by the same expansion.

use desugar::desugar;
use desugar::harness::{Leaf, assert_same};

macro_rules! budget_fns {
    (@fn $(#[$attr:meta])* $name:ident, $base:expr, $then:expr, $cond:expr) => {
        $(#[$attr])*
        async fn $name(x: u32) -> i64 {
            let attempts = Leaf::new("attempts").pending(1).ready(2).await;
            let scaled = $base * attempts;
            let next = $then(x);
            if $cond { scaled + i64::from(next) - $base } else { -$base }
        }
    };
    ($name:ident, $plain:ident, $base:expr, $then:expr, $cond:expr) => {
        budget_fns!(@fn #[desugar] $name, $base, $then, $cond);
        budget_fns!(@fn $plain, $base, $then, $cond);
    };
}

fn enabled(level: u32) -> bool {
    level > 1
}

budget_fns!(
    budget,
    budget_plain,
    1 + 2,
    |v: u32| v + 1,
    enabled(1) || enabled(2)
);
budget_fns!(
    refused,
    refused_plain,
    10 - 4,
    |v: u32| v * 2,
    enabled(2) && enabled(1)
);

struct Pool(i64);

macro_rules! pool_methods {
    ($extra:expr) => {
        #[desugar]
        impl Pool {
            async fn sized(&self) -> i64 {
                let n = Leaf::new("n").pending(1).ready(3).await;
                self.0 * $extra * n
            }

            fn sized_now(&self) -> i64 {
                self.0 * $extra
            }
        }

        impl Pool {
            async fn sized_plain(&self) -> i64 {
                let n = Leaf::new("n").pending(1).ready(3).await;
                self.0 * $extra * n
            }
        }
    };
}

pool_methods!(2 + 5);

#[test]
fn a_spliced_expression_keeps_its_grouping() {
    for x in [0, 4] {
        let twin = assert_same(|| budget(x), || budget_rustc(x));
        let report = assert_same(|| budget(x), || budget_plain(x));
        assert_eq!(
            report.outcome,
            format!("Ready({})", 3 * 2 + i64::from(x + 1) - 3)
        );
        assert_eq!(twin.outcome, report.outcome);
        let report = assert_same(|| refused(x), || refused_plain(x));
        assert_eq!(report.outcome, "Ready(-6)");
    }
    let pool = Pool(4);
    let report = assert_same(|| pool.sized(), || pool.sized_plain());
    assert_eq!(report.outcome, "Ready(84)");
    assert_eq!(pool.sized_now(), 28);
}

async fn report(state: &std::sync::Mutex<Vec<u32>>, n: usize) -> usize {
    desugar::harness::note(format!(
        "locked while polled: {}",
        state.try_lock().is_err()
    ));
    Leaf::new("report").pending(1).ready(n).await
}

/// Fragments inside macro calls, and a fragment that is the receiver of
/// a method in an awaited call: a guard, which rustc keeps to the end of
/// the statement, across the await.
macro_rules! fragment_fns {
    (@fn $(#[$attr:meta])* $name:ident, $state:ident, $secs:expr, $guard:expr) => {
        $(#[$attr])*
        #[allow(clippy::await_holding_lock)] // the lock held across the await is under test
        async fn $name($state: std::sync::Mutex<Vec<u32>>) -> (String, Vec<u32>, usize) {
            let millis = format!("{}", $secs * 1000);
            let parts = vec![$secs * 2, Leaf::new("part").pending(1).ready(1).await];
            assert_eq!($secs * 3, 9, "computed {}", $secs * 3);
            let reported = report(&$state, $guard.len()).await;
            (millis, parts, reported)
        }
    };
    ($name:ident, $plain:ident, $state:ident, $secs:expr, $guard:expr) => {
        fragment_fns!(@fn #[desugar] $name, $state, $secs, $guard);
        fragment_fns!(@fn $plain, $state, $secs, $guard);
    };
}

fragment_fns!(
    fragments,
    fragments_plain,
    state,
    1 + 2,
    state.lock().unwrap()
);

#[test]
fn a_fragment_in_a_macro_call_or_as_a_receiver_reads_as_written() {
    let state = || std::sync::Mutex::new(vec![1, 2]);
    let twin = assert_same(|| fragments(state()), || fragments_rustc(state()));
    let report = assert_same(|| fragments(state()), || fragments_plain(state()));
    assert_eq!(report.outcome, "Ready((\"3000\", [6, 1], 2))");
    assert_eq!(twin.outcome, report.outcome);
    assert!(
        report
            .trace
            .lines()
            .contains(&"note: locked while polled: true".to_owned()),
        "{}",
        report.trace
    );
}
