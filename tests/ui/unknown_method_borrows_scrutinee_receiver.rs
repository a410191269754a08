// `add` takes `&self`: rustc keeps `Counter(..)` to the end of the `match`,
// across the arm's await, where the machine would drop it when the
// scrutinee has been evaluated; so for `fetch` and the end of the statement
// that awaits its future, and for `counts` and the end of the `for` loop. Syntax cannot tell `add(&self)` from a
// builder's `finish(self)`, which moves the value, so the expansion asks
// the compiler. It answers when the machine is compiled for a caller (here
// `main`), as the compiler's `const` checks do, so `cargo check` does not
// show this error. Bind the value with `let` before the `match`, and it is
// kept to the end of its scope. A method named like one that takes `self`
// (`text`, `count`) but borrowing is asked about the same way, and so is one
// named like a number's own (`pow`, `abs`) on a value not visibly a number.
use desugar::desugar;
use std::future::Future;
use std::pin::Pin;

async fn ready() {}

struct Counter(String);

impl Counter {
    fn add(&self, n: u32) -> u32 {
        n + self.0.len() as u32
    }

    fn label(&self, s: String) -> u32 {
        (self.0.len() + s.len()) as u32
    }

    fn rows(&self, s: String) -> Vec<u32> {
        vec![(self.0.len() + s.len()) as u32]
    }

    fn fetch_for(&self, s: String) -> std::future::Ready<u32> {
        std::future::ready((self.0.len() + s.len()) as u32)
    }

    fn counts(&self) -> Vec<u32> {
        vec![self.0.len() as u32]
    }

    fn fetch(&self) -> std::future::Ready<u32> {
        std::future::ready(self.0.len() as u32)
    }

    fn text(&self) -> std::future::Ready<u32> {
        std::future::ready(self.0.len() as u32)
    }

    fn count(&self) -> u32 {
        self.0.len() as u32
    }

    fn max(&self) -> u32 {
        self.0.len() as u32
    }

    fn pow(&self, e: u32) -> u32 {
        (self.0.len() as u32).pow(e)
    }

    fn abs(&self) -> u32 {
        self.0.len() as u32
    }
}

#[desugar]
async fn borrowed(n: u32) -> u32 {
    match Counter(String::from("c")).add(n) {
        0 => 0,
        m => {
            ready().await;
            m
        }
    }
}

#[desugar]
async fn in_an_awaited_call() -> u32 {
    Counter(String::from("c")).fetch().await
}

#[desugar]
async fn in_a_for_loop() -> u32 {
    let mut total = 0;
    for n in Counter(String::from("c")).counts() {
        ready().await;
        total += n;
    }
    total
}

#[desugar]
async fn named_like_a_move() -> u32 {
    let n = Counter(String::from("c")).text().await;
    match Counter(String::from("d")).count() {
        0 => 0,
        m => {
            ready().await;
            m + n
        }
    }
}

#[desugar]
async fn named_like_a_move_before_an_await() -> u32 {
    Counter(String::from("e")).count() + std::future::ready(1).await
}

#[desugar]
async fn named_like_a_number_method() -> u32 {
    sum(vec![Counter(String::from("g")).max()]).await
}

async fn sum(values: Vec<u32>) -> u32 {
    values.iter().sum()
}

#[desugar]
async fn named_like_a_number_method_before_an_await() -> u32 {
    Counter(String::from("h")).pow(3) + std::future::ready(1).await
}

#[desugar]
async fn named_like_a_number_method_in_a_scrutinee() -> u32 {
    match Counter(String::from("i")).abs() {
        0 => 0,
        m => {
            ready().await;
            m
        }
    }
}

#[desugar]
async fn in_a_vec(n: u32) -> u32 {
    sum(vec![Counter(String::from("f")).add(n)]).await
}

/// An argument that moves a local through a consuming call
/// (`name.into()`) does not hide the answer: the check reads the arguments
/// apart from the receiver.
#[desugar]
async fn argument_converted_in_a_scrutinee() -> u32 {
    let name = String::from("n");
    match Counter(String::from("j")).label(name.into()) {
        0 => 0,
        m => {
            ready().await;
            m
        }
    }
}

#[desugar]
async fn argument_converted_in_an_awaited_call() -> u32 {
    let name = String::from("n");
    Counter(String::from("k")).fetch_for(name.into()).await
}

#[desugar]
async fn argument_converted_in_a_for_loop() -> u32 {
    let name = String::from("n");
    let mut total = 0;
    for n in Counter(String::from("l")).rows(name.into()) {
        ready().await;
        total += n;
    }
    total
}

#[desugar]
async fn bound_first(n: u32) -> u32 {
    let counter = Counter(String::from("c"));
    match counter.add(n) {
        0 => 0,
        m => {
            ready().await;
            m
        }
    }
}

fn main() {
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(borrowed(1));
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(in_an_awaited_call());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(in_a_for_loop());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(named_like_a_move());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(named_like_a_move_before_an_await());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(in_a_vec(1));
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(named_like_a_number_method());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(bound_first(1));
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(argument_converted_in_a_scrutinee());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(argument_converted_in_an_awaited_call());
    let _: Pin<Box<dyn Future<Output = u32>>> = Box::pin(argument_converted_in_a_for_loop());
    let _: Pin<Box<dyn Future<Output = u32>>> =
        Box::pin(named_like_a_number_method_before_an_await());
    let _: Pin<Box<dyn Future<Output = u32>>> =
        Box::pin(named_like_a_number_method_in_a_scrutinee());
}
