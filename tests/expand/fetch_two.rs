// Seed 001: two awaits with `?`, borrowed parameters.
async fn fetch_two(a: &str, b: &str) -> Result<(Bytes, Bytes), Error> {
    let r1 = fetch(a).await?;
    let r2 = fetch(b).await?;
    Ok((r1, r2))
}
