// A `pub` fn: its twin is compiled only where something polls it.
pub async fn lookup(key: &str, (low, high): (u32, u32)) -> u32 {
    let n = fetch_len(key).await;
    n.clamp(low, high)
}
