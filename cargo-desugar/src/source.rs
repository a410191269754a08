//! The source file: read and parsed without compiling anything, and
//! positions in it named the way compilers and editors do (`file:line:col`).

use std::fmt;
use std::path::Path;

use proc_macro2::Span;

/// Input: the file's path. Output: its syntax tree, or the one-line reason
/// it cannot be had.
pub fn parse(path: &Path) -> Result<syn::File, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
    syn::parse_file(&text)
        .map_err(|err| format!("cannot parse {}: {}", Location::new(path, err.span()), err))
}

/// A span's start, as `file:line:col` (both counted from 1).
pub struct Location<'a> {
    path: &'a Path,
    span: Span,
}

impl<'a> Location<'a> {
    pub fn new(path: &'a Path, span: Span) -> Self {
        Location { path, span }
    }
}

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let start = self.span.start();
        write!(
            f,
            "{}:{}:{}",
            self.path.display(),
            start.line,
            start.column + 1
        )
    }
}
