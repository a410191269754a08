//! Fields of tried awaits (`get(a).await?.status`) as the elements of a
//! literal, a `vec!` or a `format!`, beside a later await of the statement
//! and beside other values the statement keeps (dogO2, findings 2b and
//! 3a). rustc keeps each value a `?` gives, a temporary of the statement,
//! to the statement's end, after the values made after it; so does the
//! machine, which copies the field out of the value it keeps.
//!
//! A field that is not `Copy` moved out of such a value beside another
//! value the statement keeps (`User { tag, name: get(a).await?.body,
//! status: get(b).await?.status }`) stops the build at the field, saying to
//! bind it with `let` first (`tests/ui/field_moved_out_of_kept_awaited_value.rs`);
//! written so, it is here. Without such a value beside it, `(get(a).await?.body,
//! get(b).await?.status)` builds as written.
//!
//! `vec!` and `format!` lower their arguments as any expression: a `?`
//! there is taken with its await, as in an array or a tuple (they were
//! refused before, saying to bind the value with `let`).
//!
//! Each runs with every `?` taking the error path in turn; `assert_same`
//! drops each at every suspension; each is no larger than the twin, and
//! `Send` as it is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

#[derive(Debug)]
pub struct Resp {
    pub status: u32,
    pub body: String,
    pub conn: Probe,
}

/// A response after one `Pending`, or an error for 9.
fn get(n: u32) -> LeafFuture<Result<Resp, ()>> {
    let r = if n == 9 {
        Err(())
    } else {
        Ok(Resp {
            status: n,
            body: format!("b{n}"),
            conn: Probe::new(format!("conn{n}")),
        })
    };
    Leaf::new(format!("get{n}")).pending(1).ready(r)
}

/// The same, for a path (its length): the path is a temporary the awaited
/// call borrows.
fn get_s(path: &str) -> LeafFuture<Result<Resp, ()>> {
    get(path.len() as u32)
}

#[derive(Debug, PartialEq)]
pub struct User {
    pub tag: Probe,
    pub name: String,
    pub status: u32,
}

#[derive(Debug, PartialEq)]
pub struct Statuses {
    pub tag: Probe,
    pub first: u32,
    pub second: u32,
}

#[desugar]
async fn user_of_copied_fields(a: u32, b: u32, tag: Probe) -> Result<Statuses, ()> {
    let u = Statuses {
        tag,
        first: get(a).await?.status,
        second: get(b).await?.status,
    };
    Ok(u)
}

#[desugar]
async fn tuple_of_copied_fields(a: u32, b: u32) -> Result<(Probe, u32, u32), ()> {
    let t = (
        Probe::new("tag"),
        get(a).await?.status,
        get(b).await?.status,
    );
    Ok(t)
}

#[desugar]
async fn copied_field_before_a_borrowed_temporary(a: u32, b: u32) -> Result<(u32, u32), ()> {
    let t = (
        get(a).await?.status,
        get_s(&"x".repeat(b as usize)).await?.status,
    );
    Ok(t)
}

/// What the error says to write for `User { tag, name: get(a).await?.body,
/// status: get(b).await?.status }`.
#[desugar]
async fn user_with_the_moved_field_bound_first(a: u32, b: u32, tag: Probe) -> Result<User, ()> {
    let name = get(a).await?.body;
    let u = User {
        tag,
        name,
        status: get(b).await?.status,
    };
    Ok(u)
}

#[desugar]
async fn moved_field_with_nothing_kept_beside(a: u32, b: u32) -> Result<(String, u32), ()> {
    let t = (get(a).await?.body, get(b).await?.status);
    Ok(t)
}

#[desugar]
async fn array_of_fields(a: u32, b: u32) -> Result<[u32; 2], ()> {
    let v = [get(a).await?.status, get(b).await?.status];
    Ok(v)
}

#[desugar]
async fn vec_of_fields(a: u32, b: u32) -> Result<Vec<u32>, ()> {
    let v = vec![get(a).await?.status, get(b).await?.status];
    Ok(v)
}

#[desugar]
async fn vec_of_lengths(a: u32, b: u32) -> Result<Vec<usize>, ()> {
    let v = vec![get(a).await?.body.len(), get(b).await?.body.len()];
    Ok(v)
}

#[desugar]
async fn format_of_fields(a: u32, b: u32) -> Result<String, ()> {
    let v = format!("{}|{}", get(a).await?.status, get(b).await?.status);
    Ok(v)
}

#[desugar]
async fn format_of_bodies(a: u32, b: u32) -> Result<String, ()> {
    let v = format!("{}|{}", get(a).await?.body, get(b).await?.body);
    Ok(v)
}

#[desugar]
async fn vec_in_a_tail(a: u32, b: u32) -> Result<Vec<u32>, ()> {
    Ok(vec![get(a).await?.status, get(b).await?.status])
}

const PAIRS: [(u32, u32); 3] = [(1, 2), (9, 2), (1, 9)];

#[test]
fn copied_fields_beside_values_the_statement_keeps() {
    for (a, b) in PAIRS {
        same_and_no_larger(
            || user_of_copied_fields(a, b, Probe::new("tag")),
            || user_of_copied_fields_rustc(a, b, Probe::new("tag")),
        );
        same_and_no_larger(
            || tuple_of_copied_fields(a, b),
            || tuple_of_copied_fields_rustc(a, b),
        );
        same_and_no_larger(
            || copied_field_before_a_borrowed_temporary(a, b),
            || copied_field_before_a_borrowed_temporary_rustc(a, b),
        );
    }
    let t = || Probe::new("tag");
    both_send(
        &user_of_copied_fields(1, 2, t()),
        &user_of_copied_fields_rustc(1, 2, t()),
    );
    both_send(
        &tuple_of_copied_fields(1, 2),
        &tuple_of_copied_fields_rustc(1, 2),
    );
    both_send(
        &copied_field_before_a_borrowed_temporary(1, 2),
        &copied_field_before_a_borrowed_temporary_rustc(1, 2),
    );
}

#[test]
fn moved_fields_bound_first_or_with_nothing_kept_beside() {
    for (a, b) in PAIRS {
        same_and_no_larger(
            || user_with_the_moved_field_bound_first(a, b, Probe::new("tag")),
            || user_with_the_moved_field_bound_first_rustc(a, b, Probe::new("tag")),
        );
        same_and_no_larger(
            || moved_field_with_nothing_kept_beside(a, b),
            || moved_field_with_nothing_kept_beside_rustc(a, b),
        );
    }
    let t = || Probe::new("tag");
    both_send(
        &user_with_the_moved_field_bound_first(1, 2, t()),
        &user_with_the_moved_field_bound_first_rustc(1, 2, t()),
    );
}

#[test]
fn vec_and_format_arguments_are_lowered_as_an_array_is() {
    for (a, b) in PAIRS {
        same_and_no_larger(|| array_of_fields(a, b), || array_of_fields_rustc(a, b));
        same_and_no_larger(|| vec_of_fields(a, b), || vec_of_fields_rustc(a, b));
        same_and_no_larger(|| vec_of_lengths(a, b), || vec_of_lengths_rustc(a, b));
        same_and_no_larger(|| format_of_fields(a, b), || format_of_fields_rustc(a, b));
        same_and_no_larger(|| format_of_bodies(a, b), || format_of_bodies_rustc(a, b));
        same_and_no_larger(|| vec_in_a_tail(a, b), || vec_in_a_tail_rustc(a, b));
    }
    both_send(&vec_of_fields(1, 2), &vec_of_fields_rustc(1, 2));
    both_send(&format_of_fields(1, 2), &format_of_fields_rustc(1, 2));
    both_send(&vec_in_a_tail(1, 2), &vec_in_a_tail_rustc(1, 2));
}
