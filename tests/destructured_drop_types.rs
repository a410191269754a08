//! A value of a type with a `Drop` impl destructured by a pattern that binds
//! its fields by value only copies them, and rustc drops the value at the
//! end of its scope (README, "Types with a `Drop` impl, destructured"). In
//! an `if let`, a `match` with a guard, a `for` or `while let` pattern the
//! machine took the pattern for a move and dropped the value before the
//! await that follows; the expansion now asks the compiler there too
//! (`tests/ui/destructured_drop_type_in_constructs.rs`), and the forms its
//! error suggests, and those of types without a `Drop` impl, behave as the
//! twin does.

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same, note};

fn assert_send<T: Send>(_: &T) {}

pub enum Job {
    Run(u32),
    Stop,
}

impl Drop for Job {
    fn drop(&mut self) {
        note("job dropped");
    }
}

pub struct Ticket(u32);

impl Drop for Ticket {
    fn drop(&mut self) {
        note(format!("ticket {} dropped", self.0));
    }
}

fn job(n: u32) -> Job {
    if n > 0 { Job::Run(n) } else { Job::Stop }
}

macro_rules! same {
    ($machine:expr, $twin:expr) => {{
        let report = assert_same(|| $machine, || $twin);
        assert!(report.left_size <= report.right_size, "{report}");
        assert_send(&$machine);
    }};
}

/// The fields bound by reference, as the error says: the value is kept
/// across the await, where rustc keeps it.
#[desugar]
async fn if_let_by_reference(job: Job) -> u32 {
    if let Job::Run(ref n) = job {
        Leaf::new("w").pending(1).ready(*n).await
    } else {
        0
    }
}

#[desugar]
async fn if_let_value_by_reference(job: Job) -> u32 {
    let n = if let Job::Run(ref n) = job { *n } else { 0 };
    Leaf::new("w").pending(1).ready(n).await
}

#[desugar]
async fn guarded_by_reference(t: Ticket) -> u32 {
    let n = match t {
        Ticket(ref id) if *id > 0 => *id,
        _ => 0,
    };
    Leaf::new("w").pending(1).ready(n).await
}

/// An `if let` on a value made for it: the value is kept with a flag and
/// matched in place, where a pattern only copies, as rustc keeps it.
#[desugar]
async fn if_let_on_a_made_value(n: u32) -> u32 {
    if let Job::Run(n) = job(n) {
        Leaf::new("w").pending(1).ready(n).await
    } else {
        0
    }
}

#[test]
fn a_drop_type_destructured_by_reference_is_kept() {
    for n in [0, 1] {
        same!(
            if_let_by_reference(job(n)),
            if_let_by_reference_rustc(job(n))
        );
        same!(
            if_let_value_by_reference(job(n)),
            if_let_value_by_reference_rustc(job(n))
        );
        same!(
            guarded_by_reference(Ticket(n)),
            guarded_by_reference_rustc(Ticket(n))
        );
        same!(if_let_on_a_made_value(n), if_let_on_a_made_value_rustc(n));
    }
}

/// Each element lives to the end of its iteration in rustc, the `for`
/// item being a `match` scrutinee: bound by reference, or matched by `_`,
/// it is kept across the body's await.
#[desugar]
async fn for_by_reference(ts: Vec<Ticket>) -> u32 {
    let mut s = 0;
    for Ticket(ref id) in ts {
        s += Leaf::new(format!("w{id}")).pending(1).ready(*id).await;
    }
    s
}

#[desugar]
async fn for_ignored(ps: Vec<Probe>) -> u32 {
    let mut s = 0;
    for _ in ps {
        s += Leaf::new("w").pending(1).ready(1).await;
    }
    s
}

#[desugar]
async fn for_part_ignored(ps: Vec<(u32, Probe)>) -> u32 {
    let mut s = 0;
    for (n, _) in ps {
        s += Leaf::new("w").pending(1).ready(n).await;
    }
    s
}

/// A part left by the pattern is kept with the element, which cannot be
/// kept whole once another part is moved out (E0382, README): bound, it is
/// a local of the body, dropped where rustc drops the element.
#[desugar]
async fn for_part_bound(ps: Vec<(Probe, Probe)>) -> usize {
    let mut s = 0;
    for (p, _rest) in ps {
        s += Leaf::new("w").pending(1).ready(p.label().len()).await;
    }
    s
}

#[desugar]
async fn while_let_by_reference(mut ts: Vec<Ticket>) -> u32 {
    let mut s = 0;
    while let Some(Ticket(ref id)) = ts.pop() {
        s += Leaf::new(format!("w{id}")).pending(1).ready(*id).await;
    }
    s
}

fn tickets() -> Vec<Ticket> {
    vec![Ticket(1), Ticket(2)]
}

fn probes() -> Vec<Probe> {
    vec![Probe::new("a"), Probe::new("b")]
}

#[test]
fn an_element_matched_by_reference_lives_to_the_end_of_its_iteration() {
    same!(
        for_by_reference(tickets()),
        for_by_reference_rustc(tickets())
    );
    same!(for_ignored(probes()), for_ignored_rustc(probes()));
    let pairs = || vec![(1, Probe::new("a")), (2, Probe::new("b"))];
    same!(for_part_ignored(pairs()), for_part_ignored_rustc(pairs()));
    let pairs = || vec![(Probe::new("a"), Probe::new("b"))];
    same!(for_part_bound(pairs()), for_part_bound_rustc(pairs()));
    same!(
        while_let_by_reference(tickets()),
        while_let_by_reference_rustc(tickets())
    );
}

/// A type without a `Drop` impl: its fields are moved out, and nothing is
/// kept, as in rustc.
pub struct Pair(String, Probe);

#[desugar]
async fn moved_out(mut ps: Vec<Pair>, p: Option<Pair>) -> usize {
    let mut s = 0;
    for Pair(name, probe) in ps.drain(..1) {
        probe.touch();
        s += Leaf::new("w").pending(1).ready(name.len()).await;
    }
    while let Some(Pair(name, _probe)) = ps.pop() {
        s += Leaf::new("w").pending(1).ready(name.len()).await;
    }
    if let Some(Pair(name, probe)) = p {
        drop(probe);
        s += Leaf::new("w").pending(1).ready(name.len()).await;
    }
    s
}

#[test]
fn a_type_without_a_drop_impl_destructured_is_moved() {
    let pairs = || {
        vec![
            Pair("a".into(), Probe::new("a")),
            Pair("bc".into(), Probe::new("b")),
        ]
    };
    let one = || Some(Pair("def".into(), Probe::new("p")));
    same!(moved_out(pairs(), one()), moved_out_rustc(pairs(), one()));
}
