//! Which fns of the file to show: the one named on the command line, every
//! async fn with `--all`, or by default those carrying `#[desugar]`.

use std::path::Path;

use crate::find::Found;

/// Input: the file's fns and the selection asked for. Output: the fns to
/// show, in source order, or the one-line reason there are none.
pub fn select<'f, 'ast>(
    fns: &'f [Found<'ast>],
    file: &Path,
    name: Option<&str>,
    all: bool,
) -> Result<Vec<&'f Found<'ast>>, String> {
    let file = file.display();
    let (chosen, none): (Vec<_>, _) = match name {
        // A named fn that is not async is kept: `#[desugar]` says why it
        // cannot lower it.
        Some(name) => (
            fns.iter().filter(|found| found.is_named(name)).collect(),
            format!("no fn named `{name}` in {file}"),
        ),
        None if all => (
            fns.iter()
                .filter(|found| found.is_async() || found.desugar_args().is_some())
                .collect(),
            format!("no async fn in {file}"),
        ),
        None => (
            fns.iter()
                .filter(|found| found.desugar_args().is_some())
                .collect(),
            format!(
                "no #[desugar] fn in {file}: name an async fn (`cargo desugar {file} NAME`) or pass --all"
            ),
        ),
    };
    if chosen.is_empty() {
        Err(none)
    } else {
        Ok(chosen)
    }
}
