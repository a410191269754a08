//! Methods of a reader's own named like the standard library's that take
//! `self` (`skip`, `count`, `fold`, `expect`, ...), each taking `&mut self`
//! and advancing the reader, awaited on a local the machine keeps in place
//! (`let head = r.take(1).await;` lends `r` to the awaited future) and
//! read after the call. The machine called them on a copy taken out of the
//! local's home, so the advance was lost (a hunt found 19 of 20 names
//! so); each now matches rustc's twin.

mod common;
use common::same_and_no_larger;
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};

pub struct R<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> R<'a> {
    fn take(&mut self, n: usize) -> LeafFuture<&'a [u8]> {
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Leaf::new("take").pending(1).ready(s)
    }
}

/// Per name: the reader's method, taking the arguments' types and
/// advancing it, and a machine awaiting it on the reader, compared with
/// its twin.
macro_rules! advancing {
    ($($name:ident ($($arg:ty),*) given ($($value:expr),*);)*) => {
        $(
            impl R<'_> {
                fn $name(&mut self, $(_: $arg),*) -> LeafFuture<()> {
                    self.pos += 1;
                    Leaf::new(stringify!($name)).pending(1).ready(())
                }
            }

            #[test]
            fn $name() {
                #[desugar]
                async fn advance(buf: &[u8]) -> (&[u8], usize) {
                    let mut r = R { buf, pos: 0 };
                    let head = r.take(1).await;
                    r.$name($($value),*).await;
                    (head, r.pos)
                }
                same_and_no_larger(|| advance(b"abcd"), || advance_rustc(b"abcd"));
            }
        )*
    };
}

advancing! {
    skip(usize) given (1);
    skip_while(fn(u8) -> bool) given (|b| b == b'a');
    step_by(usize) given (1);
    count() given ();
    fold(usize, fn(usize, u8) -> usize) given (0, |a, b| a + b as usize);
    map(fn(u8) -> u8) given (|b| b);
    filter(fn(&u8) -> bool) given (|b| *b > 0);
    chain(usize) given (1);
    zip(usize) given (1);
    sum() given ();
    peekable() given ();
    flatten() given ();
    last() given ();
    min() given ();
    max() given ();
    cycle() given ();
    expect(u8) given (0);
    unwrap_or(u8) given (0);
    and_then(fn(u8) -> u8) given (|x| x);
    then(usize) given (1);
}
