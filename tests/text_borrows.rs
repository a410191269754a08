//! Locals bound to a borrow of text a `str` method makes (`let t =
//! s.trim();`, `let rest = s.strip_prefix('/')?;`, `let (dir, file) =
//! path.rsplit_once('/')?;`): references, so what an awaited call borrows
//! through them (`t.as_bytes()`) is the text, not the local. The machine
//! kept such a local in place across the await, 16 bytes and a flag more
//! than rustc (dogD1, size 1).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

async fn sink(tag: &str, data: &[u8]) -> usize {
    Leaf::new(tag).pending(1).ready(()).await;
    data.len()
}

#[desugar]
async fn trimmed(s: &str) -> usize {
    let t = s.trim();
    sink("trimmed", t.as_bytes()).await
}

#[desugar]
async fn path_parts(s: &str) -> Option<(String, usize)> {
    let rest = s.strip_prefix('/')?;
    let (dir, file) = rest.rsplit_once('/')?;
    let n = sink("dir", dir.as_bytes()).await;
    Some((file.to_string(), n))
}

/// The text is a local of the body: it stays in place while the borrow
/// made through it is awaited on, and drops after.
#[desugar]
async fn owned_line(make: fn() -> String, probe: Probe) -> usize {
    let line = make();
    let t = line.as_str().trim_end_matches('!');
    let (head, tail) = t.split_at(t.len() / 2);
    let n = sink("head", head.as_bytes()).await;
    probe.touch();
    let word = line.strip_suffix('!').unwrap_or("none");
    n + sink("tail", tail.as_bytes()).await + sink("word", word.as_bytes()).await
}

#[test]
fn borrows_of_text_are_not_kept_in_place() {
    for s in ["  hi  ", "/usr/lib/x.so", "/a", "x", ""] {
        same_and_no_larger(|| trimmed(s), || trimmed_rustc(s));
        same_and_no_larger(|| path_parts(s), || path_parts_rustc(s));
    }
    for make in [|| "hello!!".to_owned(), || "abc".to_owned()] {
        same_and_no_larger(
            || owned_line(make, Probe::new("p")),
            || owned_line_rustc(make, Probe::new("p")),
        );
    }
    both_send(&path_parts("/a/b"), &path_parts_rustc("/a/b"));
}

async fn show_ref(tag: &str, p: &&str) -> usize {
    Leaf::new(tag).pending(1).ready(()).await;
    p.len()
}

/// A reference borrowed itself (`&t`, a `&&str` the awaited call holds)
/// is the local's own borrow, which the machine keeps the local in place
/// for: a parameter typed `&str` or a local bound to `s.trim()`, taken
/// for a shared reference, would not build so (E0597).
#[desugar]
async fn borrowed_itself(p: &str, s: String) -> usize {
    let t = s.trim();
    let r = &p;
    show_ref("t", &t).await + show_ref("p", r).await + show_ref("p again", &p).await
}

#[test]
fn references_borrowed_themselves_are_kept() {
    for (p, s) in [("ab", " cd "), ("", "")] {
        same_and_no_larger(
            || borrowed_itself(p, s.to_owned()),
            || borrowed_itself_rustc(p, s.to_owned()),
        );
    }
}
