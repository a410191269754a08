//! The files of a generated crate: its manifest, the prelude of helpers the
//! generated functions call, one module per function with its `check`, and
//! a `main` that runs the checks and prints one result block per case.

use std::path::Path;

use crate::program::Function;

/// `Cargo.toml` of a generated crate depending on the `desugar` in
/// `workspace` by path.
pub fn manifest(name: &str, workspace: &Path) -> String {
    format!(
        r#"[package]
name = "{name}"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
desugar = {{ path = "{}" }}

[profile.dev]
debug = false
incremental = true

[workspace]
"#,
        workspace.display()
    )
}

/// What the generated functions call: scripted leaves, futures that borrow
/// or take what they are given, and plain functions with awaits allowed in
/// their arguments.
pub const PRELUDE: &str = r#"//! Helpers the generated functions call.
pub use desugar::desugar;
pub use desugar::harness::{Comparison, Leaf, LeafFuture, Mismatch, Phase, Probe, Report};

pub fn leaf<T>(name: &str, pendings: usize, value: T) -> LeafFuture<T> {
    Leaf::new(name).pending(pendings).ready(value)
}

pub fn mix(a: u32, b: u32) -> u32 {
    a.rotate_left(5) ^ b
}

pub fn sum2(t: (u32, u32)) -> u32 {
    t.0 ^ t.1.rotate_left(1)
}

pub fn sum3(a: [u32; 3]) -> u32 {
    a[0] ^ a[1].rotate_left(1) ^ a[2].rotate_left(2)
}

pub struct Pair {
    pub a: u32,
    pub b: u32,
}

pub fn pair_sum(p: Pair) -> u32 {
    p.a.wrapping_mul(3) ^ p.b
}

pub fn fold(v: &[u32]) -> u32 {
    v.iter().fold(7, |a, b| a.rotate_left(3) ^ b)
}

pub async fn borrow_len(v: &[u32], l: LeafFuture<()>) -> u32 {
    l.await;
    fold(v) ^ v.len() as u32
}

pub async fn touch_later(p: &Probe, l: LeafFuture<u32>) -> u32 {
    let n = l.await;
    p.touch();
    n
}

/// Takes a probe made before the borrowed one (an argument that runs code
/// ahead of a borrowed temporary).
pub async fn touch_after(first: Probe, then: &Probe, l: LeafFuture<u32>) -> u32 {
    let n = l.await;
    first.touch();
    then.touch();
    n
}

pub async fn str_len(s: &str, l: LeafFuture<()>) -> u32 {
    l.await;
    s.len() as u32
}

pub async fn push_later(v: &mut Vec<u32>, l: LeafFuture<u32>) -> u32 {
    let n = l.await;
    v.push(n);
    v.len() as u32
}

pub async fn take_probe(p: Probe, l: LeafFuture<u32>) -> u32 {
    let n = l.await;
    p.touch();
    n
}

pub async fn pass_probe(p: Probe, l: LeafFuture<()>) -> Probe {
    l.await;
    p.touch();
    p
}

pub async fn bump(m: &mut u32, l: LeafFuture<u32>) -> u32 {
    *m ^= l.await;
    *m
}

pub fn assert_send<T: Send>(_: &T) {}

/// `join!(a, b)`: awaits in its own expansion, as `futures::join!` does, so
/// `#[desugar]` awaits it through an inner `async` block.
macro_rules! join {
    ($a:expr, $b:expr $(,)?) => {
        desugar::harness::join2($a, $b).await
    };
}
pub(crate) use join;

/// A value with a drop to observe, awaited and then used by a method that
/// borrows it (`add`) or takes it: `into_sum`, named as the expansion knows
/// a consuming method, or `finish`, which syntax cannot tell from `add`.
#[derive(Debug)]
pub struct Counter(pub Probe);

impl Counter {
    pub fn new(label: &str) -> Counter {
        Counter(Probe::new(label))
    }

    pub fn add(&self, n: u32) -> u32 {
        self.0.touch();
        n.wrapping_add(1)
    }

    pub fn into_sum(self, n: u32) -> u32 {
        self.0.touch();
        n.wrapping_add(2)
    }

    pub fn finish(self, n: u32) -> u32 {
        self.0.touch();
        n.wrapping_add(3)
    }
}

/// Defines `Holder`, what a case's generated method is a method of: each
/// case module has its own, so that their `impl` blocks do not collide.
macro_rules! holder {
    () => {
        pub struct Holder {
            pub n: u32,
            pub p: Probe,
            pub v: Vec<u32>,
        }

        impl Holder {
            pub fn new(label: &str) -> Holder {
                Holder {
                    n: 3,
                    p: Probe::new(label),
                    v: vec![1, 2],
                }
            }
        }
    };
}
pub(crate) use holder;

/// A case's comparison of its `#[desugar]` function with the twin.
pub type Check = fn() -> Result<Report, Mismatch>;

/// Runs the harness on one case and prints its result block. The report
/// is formatted inside `catch_unwind` too: a machine that corrupts memory
/// can leave invalid text in the trace.
pub fn report(index: usize, check: Check) {
    use std::io::Write;
    println!("@@start {index}");
    let _ = std::io::stdout().flush();
    let outcome = std::panic::catch_unwind(|| match check() {
        Ok(report) => Ok((report.runs, report.polls)),
        Err(mismatch) => Err((mismatch.phase == Phase::Size, mismatch.to_string())),
    });
    match outcome {
        Ok(Ok((runs, polls))) => println!("@@ok {index} {runs} {polls}"),
        Ok(Err((size, text))) => {
            let kind = if size { "size" } else { "behaviour" };
            println!("@@mismatch {index} {kind}\n{text}\n@@end");
        }
        Err(panic) => {
            let message = desugar::harness::panic_message(&*panic);
            println!("@@harness-panic {index}\n{message}\n@@end");
        }
    }
}
"#;

/// What a case module is made of: the async fn as `case` (with
/// `#[desugar]`) and as `plain` (without), the calls of the machine and of
/// its twin (`case(..)` and `case_rustc(..)`, or on a receiver), and
/// statements to run once before (for arguments that borrow).
#[derive(Clone, Debug)]
pub struct Source {
    pub desugared: String,
    pub plain: String,
    pub machine: String,
    pub twin: String,
    pub setup: Vec<String>,
    /// The function is a method of `Holder`, which the module defines.
    pub method: bool,
}

impl Source {
    /// A generated function as a case.
    pub fn of(function: &Function) -> Source {
        Source {
            desugared: function.render("case", "#[desugar]"),
            plain: function.render("plain", "#[allow(dead_code)]"),
            machine: function.call("case"),
            twin: function.call("case_rustc"),
            setup: function.setup(),
            method: function.receiver.is_some(),
        }
    }
}

/// The module for one case: the `#[desugar]` function (so also its twin
/// `case_rustc`), `check`, which compares them, and last the function
/// again without `#[desugar]`: whether rustc accepts that copy tells a
/// generator mistake from an engine failure. Also returns the line where
/// the copy starts.
pub fn case_module(source: &Source) -> (String, usize) {
    let (machine, twin) = (&source.machine, &source.twin);
    let holder = if source.method { "holder!();\n\n" } else { "" };
    let mut text = format!(
        "use crate::prelude::*;\n\n{holder}{}\npub fn check() -> Result<Report, Mismatch> {{\n    {}\n    assert_send(&{machine});\n    Comparison::new()\n        .interleave_pending()\n        .check_size()\n        .run(|| {machine}, || {twin})\n}}\n\n",
        source.desugared,
        source.setup.join("\n    "),
    );
    let plain_start = text.lines().count() + 1;
    text.push_str(&source.plain);
    (text, plain_start)
}

/// `main.rs` running the cases `indices` (modules `cases::c<i>`); its
/// argument is how many of them to skip (to go on after a crash).
pub fn main(indices: &[usize]) -> String {
    let mut out = String::from("#![allow(warnings)]\n\nmod prelude;\nmod cases {\n");
    for i in indices {
        out.push_str(&format!("    pub mod c{i};\n"));
    }
    out.push_str("}\n\nfn main() {\n");
    out.push_str(
        "    let skip = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(0);\n",
    );
    out.push_str("    let cases: &[(usize, prelude::Check)] = &[\n");
    for i in indices {
        out.push_str(&format!("        ({i}, cases::c{i}::check),\n"));
    }
    out.push_str("    ];\n    for &(index, check) in cases.iter().skip(skip) {\n");
    out.push_str("        prelude::report(index, check);\n    }\n}\n");
    out
}
