//! Oppen's line breaking, as rustc's pretty-printer (`rustc_ast_pretty::pp`)
//! does it: words, breaks and boxes in; lines no wider than the margin
//! where the boxes allow, out.
//!
//! A box's breaks are all taken or none (consistent) or each only where
//! what follows it, up to the next break, does not fit (inconsistent).
//! A box that fits is printed on the line as it is. Sizes are measured as
//! rustc measures them: a break's size runs to the next break of its box
//! or of a box around it; a box's, past its end to the next such break.
//!
//! Before: `begin(4) "a" break "+" break "b" end`, with 2 columns left.
//! After:  `a +\n    b`.

/// The column rustc's printer breaks at.
const MARGIN: isize = 78;
/// The room every line keeps, however deep its indent.
const MIN_SPACE: isize = 60;

#[derive(Clone, Copy)]
enum Token {
    Word {
        start: usize,
        len: usize,
    },
    Break {
        blank: isize,
        offset: isize,
        comma: bool,
    },
    Begin {
        offset: isize,
        consistent: bool,
    },
    End,
}

/// Words, breaks and boxes, laid out when `finish` is called.
#[derive(Default)]
pub(super) struct Printer {
    text: String,
    tokens: Vec<Token>,
}

#[derive(Clone, Copy)]
enum Frame {
    Fits,
    Broken { indent: isize, consistent: bool },
}

impl Printer {
    pub(super) fn word(&mut self, word: &str) {
        let start = self.text.len();
        self.text.push_str(word);
        self.tokens.push(Token::Word {
            start,
            len: word.len(),
        });
    }

    /// A break that prints as a space where the line goes on.
    pub(super) fn space(&mut self) {
        self.tokens.push(Token::Break {
            blank: 1,
            offset: 0,
            comma: false,
        });
    }

    /// A break that prints as a space where the line goes on, and starts
    /// a line `offset` columns off the box's indent where it does not
    /// (a block's `}`, under its opening line).
    pub(super) fn break_offset(&mut self, offset: isize) {
        self.tokens.push(Token::Break {
            blank: 1,
            offset,
            comma: false,
        });
    }

    /// `break_offset`, which leaves a comma at the end of the line it
    /// ends (a struct literal's last field).
    pub(super) fn comma_or_space(&mut self, offset: isize) {
        self.tokens.push(Token::Break {
            blank: 1,
            offset,
            comma: true,
        });
    }

    /// A box whose breaks indent the lines they start by `offset` more
    /// than the line the box is on.
    pub(super) fn begin(&mut self, offset: isize, consistent: bool) {
        self.tokens.push(Token::Begin { offset, consistent });
    }

    pub(super) fn end(&mut self) {
        self.tokens.push(Token::End);
    }

    pub(super) fn finish(self) -> String {
        let sizes = self.sizes();
        let mut out = String::new();
        let mut space = MARGIN;
        let mut indent = 0isize;
        let mut pending = 0isize;
        let mut frames: Vec<Frame> = Vec::new();
        for (token, size) in self.tokens.iter().zip(sizes) {
            match *token {
                Token::Word { start, len } => {
                    out.extend(std::iter::repeat_n(' ', pending.max(0) as usize));
                    pending = 0;
                    out.push_str(&self.text[start..start + len]);
                    space -= len as isize;
                }
                Token::Begin { offset, consistent } => {
                    if size > space {
                        frames.push(Frame::Broken { indent, consistent });
                        indent += offset;
                    } else {
                        frames.push(Frame::Fits);
                    }
                }
                Token::End => {
                    if let Some(Frame::Broken { indent: outer, .. }) = frames.pop() {
                        indent = outer;
                    }
                }
                Token::Break {
                    blank,
                    offset,
                    comma,
                } => {
                    let fits = match frames.last() {
                        Some(Frame::Fits) => true,
                        Some(Frame::Broken {
                            consistent: true, ..
                        }) => false,
                        Some(Frame::Broken {
                            consistent: false, ..
                        })
                        | None => size <= space,
                    };
                    if fits {
                        pending += blank;
                        space -= blank;
                    } else {
                        if comma {
                            out.push(',');
                        }
                        out.push('\n');
                        pending = indent + offset;
                        space = (MARGIN - pending).max(MIN_SPACE);
                    }
                }
            }
        }
        out
    }

    /// Each token's size, as rustc's scan measures it (a word's is its
    /// length; a break's and a box's are settled when a later break
    /// closes them).
    fn sizes(&self) -> Vec<isize> {
        let mut sizes = vec![0isize; self.tokens.len()];
        // Where each open token started, in columns from the start.
        let mut open: Vec<usize> = Vec::new();
        let mut total = 0isize;
        for (index, token) in self.tokens.iter().enumerate() {
            match *token {
                Token::Word { len, .. } => {
                    sizes[index] = len as isize;
                    total += len as isize;
                }
                Token::Begin { .. } => {
                    sizes[index] = -total;
                    open.push(index);
                }
                Token::End => open.push(index),
                Token::Break { blank, .. } => {
                    settle(&self.tokens, &mut sizes, &mut open, total, 0);
                    sizes[index] = -total;
                    open.push(index);
                    total += blank;
                }
            }
        }
        settle(&self.tokens, &mut sizes, &mut open, total, 0);
        // What no break closed runs to the end.
        for index in open {
            sizes[index] += total;
        }
        sizes
    }
}

/// Closes the last break of the innermost open box, and every box (with
/// its last break) that has ended since: their sizes run to `total`.
fn settle(
    tokens: &[Token],
    sizes: &mut [isize],
    open: &mut Vec<usize>,
    total: isize,
    depth: usize,
) {
    let mut depth = depth;
    while let Some(&index) = open.last() {
        match tokens[index] {
            Token::Begin { .. } => {
                if depth == 0 {
                    break;
                }
                open.pop();
                sizes[index] += total;
                depth -= 1;
            }
            Token::End => {
                open.pop();
                sizes[index] = 1;
                depth += 1;
            }
            _ => {
                open.pop();
                sizes[index] += total;
                if depth == 0 {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Printer;

    #[test]
    fn an_inconsistent_box_breaks_where_the_rest_does_not_fit() {
        let mut printer = Printer::default();
        printer.begin(4, false);
        printer.word(&"a".repeat(70));
        printer.space();
        printer.word("+");
        printer.space();
        printer.word(&"b".repeat(10));
        printer.end();
        assert_eq!(
            printer.finish(),
            format!("{} +\n    {}", "a".repeat(70), "b".repeat(10))
        );
    }

    #[test]
    fn a_box_that_fits_stays_on_the_line() {
        let mut printer = Printer::default();
        printer.begin(0, true);
        printer.word("a");
        printer.space();
        printer.word("b");
        printer.end();
        assert_eq!(printer.finish(), "a b");
    }
}
