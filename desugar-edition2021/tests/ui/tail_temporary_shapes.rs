// Tails whose temporaries Rust 2021 drops after the block's locals, where the
// machine would drop them before: the value a `?` gives, a literal array, an
// `if`'s value, a `break` value, a macro's argument, a method of the user's
// named like one that takes `self` (`text(&self)`), `assert_eq!`'s arguments
// (which it matches), a guard a method of the user's named like a view
// (`get`) hands out, and a method's tail, whose `self` the expansion
// renames. Each builds once bound with `let` and returned.
use desugar::desugar;

async fn ready() {}

struct Conn(String);

impl Conn {
    fn status(&self) -> usize {
        self.0.len()
    }

    fn text(&self) -> &str {
        &self.0
    }
}

fn open() -> Result<Conn, String> {
    Ok(Conn(String::from("conn")))
}

#[desugar]
async fn tried() -> Result<usize, String> {
    let _local = String::from("local");
    ready().await;
    Ok(open()?.status())
}

#[desugar]
async fn array() -> usize {
    let _local = String::from("local");
    ready().await;
    [Conn(String::new()), Conn(String::new())].iter().map(Conn::status).sum()
}

#[desugar]
async fn branch_value(secure: bool) -> usize {
    let _local = String::from("local");
    ready().await;
    if secure { Conn(String::from("s")) } else { Conn(String::new()) }.status()
}

#[desugar]
async fn in_a_macro() -> Vec<usize> {
    let _local = String::from("local");
    ready().await;
    vec![Conn(String::new()).status()]
}

#[desugar]
async fn named_like_a_move() -> usize {
    let _local = String::from("local");
    ready().await;
    Conn(String::from("text")).text().len()
}

#[desugar]
async fn compared() {
    let _local = String::from("local");
    ready().await;
    assert_eq!(Conn(String::new()).status(), 0)
}

#[desugar]
async fn broken_out() -> usize {
    loop {
        let _local = String::from("local");
        ready().await;
        break Conn(String::new()).status()
    }
}

/// A pool whose `get` hands out a guard, as the standard `get` does not.
struct Checkout(String);

impl Checkout {
    fn get(&self) -> Conn {
        Conn(self.0.clone())
    }
}

impl Drop for Conn {
    fn drop(&mut self) {}
}

#[desugar]
async fn through_a_guard(pool: Checkout) -> usize {
    let _local = String::from("local");
    ready().await;
    pool.get().status()
}

#[desugar]
async fn a_number_through_a_guard(pool: Checkout) -> usize {
    let _local = String::from("local");
    ready().await;
    pool.get().status().wrapping_add(1)
}

struct Pool(std::sync::Mutex<Vec<u32>>);

impl Pool {
    #[desugar]
    async fn size(&self) -> usize {
        let _local = String::from("local");
        ready().await;
        self.0.lock().unwrap().len()
    }
}

fn main() {}
