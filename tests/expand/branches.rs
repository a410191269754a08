// A value `match` whose arms await, and an `if let` on an awaited value.
async fn branches(key: u32) -> Option<String> {
    let name = match key {
        0 => return None,
        1 => lookup(key).await,
        _ => String::from("default"),
    };
    if let Some(extra) = fetch_extra(&name).await {
        return Some(extra);
    }
    Some(name)
}
