//! Shrinking a failing function: remove statements (or replace a construct
//! by one of its blocks, or drop a parameter) while it still fails the same
//! way. Each round builds every cut of the current function as one batch
//! and keeps the smallest that still fails.

use crate::batch::{BatchResult, Source, Workdir};
use crate::program::Function;

/// The failure a shrunk function must keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// rustc accepts the function, the `#[desugar]` build fails with this
    /// error (see [`error_key`]).
    Compile(String),
    /// The comparison fails this way (`Outcome::kind`).
    Run(String),
}

impl Failure {
    /// Whether case `index` of `result` fails this way.
    fn seen_in(&self, result: &BatchResult, index: usize) -> bool {
        match self {
            Failure::Compile(key) => result
                .compile_errors
                .get(&index)
                .is_some_and(|errors| errors.iter().any(|e| error_key(e) == *key)),
            Failure::Run(kind) => result
                .outcomes
                .get(&index)
                .is_some_and(|o| o.kind() == kind),
        }
    }
}

/// An error's code (`E0382`), or its message with names and numbers
/// blanked, so that the same error in another function compares equal.
pub fn error_key(error: &str) -> String {
    if let Some(code) = error
        .strip_prefix("error[")
        .and_then(|rest| rest.split_once(']'))
        .map(|(code, _)| code)
    {
        return code.to_string();
    }
    blank(error)
}

/// `text` with backquoted and quoted parts and numbers replaced by `_`.
pub fn blank(text: &str) -> String {
    let mut out = String::new();
    let mut inside: Option<char> = None;
    for c in text.chars() {
        match inside {
            Some(close) if c == close => {
                inside = None;
                out.push(c);
            }
            Some(_) => {}
            None if c == '`' || c == '"' => {
                inside = Some(c);
                out.push(c);
                out.push('_');
            }
            None if c.is_ascii_digit() => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// The smallest function found that still fails like `function`, and the
/// number of rounds (batch builds) it took, at most `max_rounds`.
pub fn shrink(
    workdir: &Workdir,
    function: &Function,
    failure: &Failure,
    max_rounds: usize,
) -> (Function, usize) {
    let mut best = function.clone();
    for round in 1..=max_rounds {
        let candidates: Vec<(usize, Function)> = best
            .cuts()
            .into_iter()
            .map(|cut| best.apply(cut))
            .enumerate()
            .collect();
        let sources: Vec<(usize, Source)> = candidates
            .iter()
            .map(|(i, f)| (*i, Source::of(f)))
            .collect();
        let Ok(result) = workdir.run_batch("shrink", &sources) else {
            return (best, round);
        };
        let smallest = candidates
            .into_iter()
            .filter(|(index, _)| failure.seen_in(&result, *index))
            .min_by_key(|(_, f)| (f.size(), f.params.len()));
        match smallest {
            Some((_, smaller)) => best = smaller,
            None => return (best, round),
        }
    }
    (best, max_rounds)
}

#[cfg(test)]
mod tests {
    use super::{blank, error_key};

    #[test]
    fn keys_ignore_names() {
        assert_eq!(error_key("error[E0382]: use of moved value: `p1`"), "E0382");
        assert_eq!(
            error_key("error: `x3` is borrowed across an `.await`"),
            "error: `_` is borrowed across an `_`"
        );
        assert_eq!(
            blank("first difference at event #12: left `leaf L3: polled`"),
            "first difference at event #: left `_`"
        );
    }
}
