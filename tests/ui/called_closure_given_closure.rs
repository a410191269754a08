// A local closure, or a closure parameter, borrowed by a call (`Fn`),
// owning something to drop, called before an await and not used after it,
// given a closure, a `vec![..]` of a local or a function path: the
// compiler is asked about the call whatever its arguments are (the check
// gives values of the closure's parameter types), and the build stops at
// the call, saying to use the closure after the await.
use std::future::Future;
use std::pin::Pin;

use desugar::desugar;

async fn ready() {}

#[desugar]
async fn given_a_closure(name: String) -> usize {
    let log = move |msg: &dyn Fn() -> String| name.len() + msg().len();
    log(&|| "start".to_string());
    ready().await;
    0
}

#[desugar]
async fn given_a_vec_of_a_local(name: String, other: String) -> usize {
    let record = move |names: Vec<String>| name.len() + names.len();
    record(vec![other]);
    ready().await;
    0
}

#[desugar]
async fn given_a_function_path(name: String) -> u64 {
    let record = move |f: fn(u32) -> u64| f(name.len() as u32);
    record(u64::from);
    ready().await;
    0
}

#[desugar]
async fn parameter_given_a_closure<F: Fn(&dyn Fn() -> u32) -> u32>(f: F) -> u32 {
    f(&|| 1);
    ready().await;
    0
}

fn main() {
    // The answer comes where the machine is compiled for a caller.
    let _: Pin<Box<dyn Future<Output = usize>>> = Box::pin(given_a_closure(String::new()));
    let _: Pin<Box<dyn Future<Output = usize>>> =
        Box::pin(given_a_vec_of_a_local(String::new(), String::new()));
    let _: Pin<Box<dyn Future<Output = u64>>> = Box::pin(given_a_function_path(String::new()));
    let name = String::new();
    let _: Pin<Box<dyn Future<Output = u32>>> =
        Box::pin(parameter_given_a_closure(move |g: &dyn Fn() -> u32| {
            name.len() as u32 + g()
        }));
}
