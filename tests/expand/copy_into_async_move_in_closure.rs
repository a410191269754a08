async fn closure_making_futures(base: u32, origin: (u32, u32)) -> u32 {
    let mk = |id: u32| async move { id + base + origin.1 };
    Leaf::new("x").pending(1).ready(()).await;
    mk(1).await + mk(2).await
}
