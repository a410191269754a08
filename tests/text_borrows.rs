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

/// A literal is a reference too: `"text"`, `b"bytes"`, `c"text"` (dogK2,
/// size 4: 144 bytes against rustc's 128).
#[desugar]
async fn literals() -> usize {
    let s = "hello";
    let b = b"abc";
    let c = c"text";
    sink("s", s.as_bytes()).await + sink("b", &b[..]).await + sink("c", c.to_bytes()).await
}

/// An element `first` or `get` gives out of a slice or a map, unwrapped
/// (dogK2, size 4: 152 against 144), and the parts of a slice
/// `split_first` splits (dogK2, size 1: 176 against 160).
#[desugar]
async fn elements(v: &[String], buf: &[u8], m: &std::collections::BTreeMap<u32, String>) -> usize {
    let first = v.first().unwrap();
    let n = sink("first", first.as_str().as_bytes()).await;
    let got = m.get(&1).expect("one");
    let n = n + sink("got", got.as_bytes()).await;
    if let Some((_, rest)) = buf.split_first() {
        let (val, tail) = rest.split_at(1);
        n + sink("val", val).await + tail.len()
    } else {
        n
    }
}

/// The pair `split_once` gives, taken out of its `Option` by
/// `ok_or_else(..)?` or `unwrap_or(..)` (dogK2, size 3: 176 against 160,
/// and 288 against 256 in a loop).
#[desugar]
async fn pairs(text: &str) -> Result<Vec<(usize, usize)>, String> {
    let mut out = vec![];
    let (key, _) = text.split_once(';').ok_or_else(|| "no ;".to_string())?;
    out.push((sink("key", key.trim().as_bytes()).await, 0));
    for line in text.lines() {
        let (key, val) = line.split_once('=').unwrap_or((line, ""));
        out.push((sink("k", key.trim().as_bytes()).await, val.len()));
    }
    Ok(out)
}

#[test]
fn literals_elements_and_unwrapped_pairs_are_references() {
    same_and_no_larger(literals, literals_rustc);
    let m: std::collections::BTreeMap<u32, String> = [(1, "one".to_owned())].into();
    for (v, buf) in [
        (vec!["ab".to_owned()], vec![1u8, 2, 3]),
        (vec!["".to_owned()], vec![]),
    ] {
        same_and_no_larger(|| elements(&v, &buf, &m), || elements_rustc(&v, &buf, &m));
    }
    for text in ["a;b\nc=d\ne", "none", ";"] {
        same_and_no_larger(|| pairs(text), || pairs_rustc(text));
    }
    both_send(&literals(), &literals_rustc());
    both_send(&pairs("a;b"), &pairs_rustc("a;b"));
}
