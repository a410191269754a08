//! A `String` temporary lent to an awaited call of a field in a `match`
//! or `if let` scrutinee whose arms await, `match
//! self.client.get(&self.url(p)).await { Ok(r) => { tick().await; r } .. }`,
//! where `get(&self, url: &str)` gives a future borrowing both the client
//! and the URL, and `url(&self, p) -> String`: on `&self` and `&mut self`
//! methods, a client reached through an `Arc`, a client whose `get` is an
//! `async fn`, a `?` on the awaited value or in the arms, a loop, and a
//! `let` of the `match`. rustc keeps the URL to the end of the `match`;
//! so does the machine. (Reported as E0507; these shapes built already.)
mod common;
use common::{assert_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

pub struct Client {
    p: Probe,
}
pub struct Get<'a> {
    _c: &'a Client,
    url: &'a str,
    leaf: LeafFuture<Result<String, String>>,
}
impl Future for Get<'_> {
    type Output = Result<String, String>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let _ = self.url.len();
        Pin::new(&mut self.leaf).poll(cx)
    }
}
impl Client {
    pub fn get<'a>(&'a self, url: &'a str) -> Get<'a> {
        self.p.touch();
        let r = if url.ends_with('0') {
            Err(format!("bad {url}"))
        } else {
            Ok(format!("got {url}"))
        };
        Get {
            _c: self,
            url,
            leaf: Leaf::new("get").pending(1).ready(r),
        }
    }
}
pub struct Api {
    client: Client,
    base: String,
    n: u32,
}
impl Api {
    pub fn url(&self, p: u32) -> String {
        format!("{}/{p}", self.base)
    }
    #[desugar]
    async fn fetch(&self, p: u32) -> Result<String, String> {
        match self.client.get(&self.url(p)).await {
            Ok(r) => {
                tick().await;
                Ok(r)
            }
            Err(e) => Err(e),
        }
    }
    #[desugar]
    async fn fetch_tail(&self, p: u32) -> String {
        match self.client.get(&self.url(p)).await {
            Ok(r) => {
                tick().await;
                r
            }
            Err(e) => {
                tick().await;
                e
            }
        }
    }
    #[desugar]
    async fn fetch_q(&self, p: u32) -> Result<String, String> {
        let r = match self.client.get(&self.url(p)).await? {
            r if r.is_empty() => r,
            r => {
                tick().await;
                r
            }
        };
        Ok(r)
    }
    #[desugar]
    async fn fetch_mut(&mut self, p: u32) -> Result<String, String> {
        self.n += 1;
        match self.client.get(&self.url(p)).await {
            Ok(r) => {
                tick().await;
                self.n += 1;
                Ok(r)
            }
            Err(e) => Err(e),
        }
    }
    #[desugar]
    async fn fetch_if_let(&self, p: u32) -> String {
        if let Ok(r) = self.client.get(&self.url(p)).await {
            tick().await;
            r
        } else {
            String::new()
        }
    }
}
pub struct AClient {
    p: Probe,
}
impl AClient {
    pub async fn get(&self, url: &str) -> Result<String, String> {
        self.p.touch();
        let r = if url.ends_with('0') {
            Err(format!("bad {url}"))
        } else {
            Ok(format!("got {url}"))
        };
        Leaf::new("get").pending(1).ready(r).await
    }
}
pub struct Api2 {
    client: std::sync::Arc<AClient>,
    base: String,
}
impl Api2 {
    pub fn url(&self, p: u32) -> String {
        format!("{}/{p}", self.base)
    }
    #[desugar]
    async fn fetch(&self, p: u32) -> Result<String, String> {
        match self.client.get(&self.url(p)).await {
            Ok(r) => {
                tick().await;
                Ok(r)
            }
            Err(e) => Err(e),
        }
    }
    #[desugar]
    async fn fetch2(&self, p: u32) -> Result<usize, String> {
        let n = match self.client.get(&self.url(p)).await {
            Ok(r) => {
                tick().await;
                r.len()
            }
            Err(e) => return Err(e),
        };
        Ok(n + self.client.get(&self.url(p + 1)).await?.len())
    }
    #[desugar]
    async fn fetch3(&mut self, p: u32) -> Result<String, String> {
        match self.client.get(&self.url(p)).await {
            Ok(r) => {
                tick().await;
                Ok(r)
            }
            Err(e) => Err(e),
        }
    }
}
pub struct Api3 {
    client: AClient,
    base: String,
}
impl Api3 {
    pub fn url(&self, p: String) -> String {
        format!("{}/{p}", self.base)
    }
    pub fn url_s(&self, p: &str) -> String {
        format!("{}/{p}", self.base)
    }
    #[desugar]
    async fn fetch(&self, p: String) -> Result<String, String> {
        match self.client.get(&self.url(p)).await {
            Ok(r) => {
                tick_r().await?;
                Ok(r)
            }
            Err(e) => Err(e),
        }
    }
    #[desugar]
    async fn fetch_s(&self, p: &str) -> Result<String, String> {
        match self.client.get(&self.url_s(p)).await {
            Ok(r) => {
                tick_r().await?;
                Ok(r)
            }
            Err(e) => {
                tick().await;
                Err(e)
            }
        }
    }
    #[desugar]
    async fn fetch_loop(&self, ps: Vec<String>) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for p in ps {
            match self.client.get(&self.url(p)).await {
                Ok(r) => {
                    tick_r().await?;
                    out.push(r)
                }
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }
    #[desugar]
    async fn fetch_q(&self, p: String) -> Result<String, String> {
        let r = self.client.get(&self.url(p)).await?;
        tick().await;
        Ok(r)
    }
}
pub async fn report(e: &str) -> usize {
    Leaf::new("report").pending(1).ready(e.len()).await
}
impl Api3 {
    #[desugar]
    async fn g1(&self, p: String) -> Result<String, String> {
        match self.client.get(&self.url(p)).await {
            Ok(r) if r.len() > 3 => {
                tick().await;
                Ok(r)
            }
            Ok(r) => Ok(r),
            Err(e) => {
                report(&e).await;
                Err(e)
            }
        }
    }
    #[desugar]
    async fn g3(&self, p: String) -> Result<String, String> {
        let r = match self.client.get(&self.url(p)).await {
            Ok(r) => r,
            Err(e) => {
                report(&e).await;
                return Err(e);
            }
        };
        Ok(r)
    }
    #[desugar]
    async fn g4(&self, p: String) -> Result<String, String> {
        match self.client.get(&self.url(p)).await {
            Ok(r) => {
                report(&r).await;
                Ok(r)
            }
            Err(e) => {
                report(&e).await;
                Err(e)
            }
        }
    }
}
fn tick_r() -> LeafFuture<Result<(), String>> {
    Leaf::new("tick").pending(1).ready(Ok(()))
}
fn tick() -> LeafFuture<()> {
    Leaf::new("tick").pending(1).ready(())
}

#[test]
fn lent_urls_kept_to_the_end_of_the_construct() {
    let api = || Api {
        client: Client {
            p: Probe::new("client"),
        },
        base: "b".into(),
        n: 0,
    };
    for p in [1, 10] {
        same_and_no_larger(
            || async move {
                let a = api();
                a.fetch(p).await
            },
            || async move {
                let a = api();
                a.fetch_rustc(p).await
            },
        );
        same_and_no_larger(
            || async move {
                let a = api();
                a.fetch_tail(p).await
            },
            || async move {
                let a = api();
                a.fetch_tail_rustc(p).await
            },
        );
        same_and_no_larger(
            || async move {
                let a = api();
                a.fetch_q(p).await
            },
            || async move {
                let a = api();
                a.fetch_q_rustc(p).await
            },
        );
        same_and_no_larger(
            || async move {
                let mut a = api();
                a.fetch_mut(p).await
            },
            || async move {
                let mut a = api();
                a.fetch_mut_rustc(p).await
            },
        );
        same_and_no_larger(
            || async move {
                let a = api();
                a.fetch_if_let(p).await
            },
            || async move {
                let a = api();
                a.fetch_if_let_rustc(p).await
            },
        );
    }
    let api2 = || Api2 {
        client: std::sync::Arc::new(AClient {
            p: Probe::new("client"),
        }),
        base: "b".into(),
    };
    for p in [1, 10] {
        same_and_no_larger(
            || async move {
                let a = api2();
                a.fetch(p).await
            },
            || async move {
                let a = api2();
                a.fetch_rustc(p).await
            },
        );
        same_and_no_larger(
            || async move {
                let a = api2();
                a.fetch2(p).await
            },
            || async move {
                let a = api2();
                a.fetch2_rustc(p).await
            },
        );
        same_and_no_larger(
            || async move {
                let mut a = api2();
                a.fetch3(p).await
            },
            || async move {
                let mut a = api2();
                a.fetch3_rustc(p).await
            },
        );
    }
    let api3 = || Api3 {
        client: AClient {
            p: Probe::new("client"),
        },
        base: "b".into(),
    };
    for p in ["1", "10"] {
        same_and_no_larger(
            || async move {
                let a = api3();
                a.fetch(p.to_string()).await
            },
            || async move {
                let a = api3();
                a.fetch_rustc(p.to_string()).await
            },
        );
        same_and_no_larger(
            || async move {
                let a = api3();
                a.fetch_s(p).await
            },
            || async move {
                let a = api3();
                a.fetch_s_rustc(p).await
            },
        );
        same_and_no_larger(
            || async move {
                let a = api3();
                a.fetch_loop(vec![p.to_string(), "2".into()]).await
            },
            || async move {
                let a = api3();
                a.fetch_loop_rustc(vec![p.to_string(), "2".into()]).await
            },
        );
        same_and_no_larger(
            || async move {
                let a = api3();
                a.fetch_q(p.to_string()).await
            },
            || async move {
                let a = api3();
                a.fetch_q_rustc(p.to_string()).await
            },
        );
    }
    for p in ["1", "10"] {
        same_and_no_larger(
            || async move {
                let a = api3();
                a.g1(p.to_string()).await
            },
            || async move {
                let a = api3();
                a.g1_rustc(p.to_string()).await
            },
        );
        same_and_no_larger(
            || async move {
                let a = api3();
                a.g3(p.to_string()).await
            },
            || async move {
                let a = api3();
                a.g3_rustc(p.to_string()).await
            },
        );
        same_and_no_larger(
            || async move {
                let a = api3();
                a.g4(p.to_string()).await
            },
            || async move {
                let a = api3();
                a.g4_rustc(p.to_string()).await
            },
        );
    }
    let a = api();
    assert_send(&a.fetch(1));
}
