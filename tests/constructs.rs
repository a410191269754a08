//! Every construct of the engine's surface (issue 2, "What to build", item 2),
//! each in a `#[desugar] async fn` compared with its rustc twin by the poll
//! harness: same output, leaf polls, wakes and drops, on completion, when
//! cancelled after every number of polls, under interleaved `Pending`s, and
//! when polled after the end.
//!
//! One module per area, in `tests/constructs/`. What `#[desugar]` rejects
//! is in `tests/ui/`, with the error each case gives; what still differs
//! from rustc is in README.md, "Known differences from rustc".

mod constructs {
    mod support;

    mod borrows;
    mod branches;
    mod deferred_and_moves;
    mod loops;
    mod macros;
    mod nested;
    mod operands_and_literals;
    mod panics;
    mod signatures;
    mod statements_and_lets;
    mod try_and_return;
}
