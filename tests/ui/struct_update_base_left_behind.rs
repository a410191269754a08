// The base of a struct update that is a value is a temporary, which rustc
// keeps to the end of the statement, across its await, with the fields the
// literal names in its place. Where it names two that may have something
// to drop, rustc drops them in the order the struct declares them, which
// #[desugar] cannot see; a base that is part of a value leaves that whole
// value behind; an await in the literal runs outside the block the literal
// would be made in. Bound with `let` first, each builds.
use desugar::desugar;

#[derive(Default)]
pub struct Request {
    pub retries: u32,
    pub headers: String,
    pub body: String,
}

#[derive(Default)]
pub struct Wrapper {
    pub inner: Request,
    pub name: String,
}

async fn send(r: Request) -> u32 {
    r.retries
}

#[desugar]
async fn two_named(h: String, b: String) -> u32 {
    send(Request {
        headers: h,
        body: b,
        ..Default::default()
    })
    .await
}

#[desugar]
async fn part_of_a_value(h: String) -> u32 {
    send(Request {
        headers: h,
        ..Wrapper::default().inner
    })
    .await
}

#[desugar]
async fn in_a_scrutinee(h: String, b: String) -> u32 {
    match (Request {
        headers: h,
        body: b,
        ..Default::default()
    })
    .retries
    {
        0 => send(Request::default()).await,
        n => n,
    }
}

#[desugar]
async fn part_of_a_value_matched(h: String) -> u32 {
    match (Request {
        headers: h,
        ..Wrapper::default().inner
    })
    .retries
    {
        0 => send(Request::default()).await,
        n => n,
    }
}

async fn fetch() -> String {
    String::new()
}

// An await in the literal, whose base is kept to the end of the `match`.
#[desugar]
async fn awaiting_part_matched() -> u32 {
    match (Request {
        headers: fetch().await,
        ..Default::default()
    })
    .retries
    {
        0 => send(Request::default()).await,
        n => n,
    }
}

fn retries(r: Request) -> u32 {
    r.retries
}

// Before an await in its statement: run ahead of the await, in a `let` of
// its own, the base would drop there.
#[desugar]
async fn before_an_await(h: String) -> u32 {
    retries(Request {
        headers: h,
        ..Default::default()
    }) + send(Request::default()).await
}

// What builds: the value bound with `let`, and a base that leaves only a
// number behind.
#[desugar]
async fn bound_first(h: String, b: String) -> u32 {
    let r = Request {
        headers: h,
        body: b,
        ..Default::default()
    };
    send(r).await
        + send(Request {
            retries: 2,
            ..Default::default()
        })
        .await
}

fn main() {}
