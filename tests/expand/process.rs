// Seed 002: a local borrowed by the awaited future (`trimmed` is homed).
async fn process(input: String) -> usize {
    let trimmed = input.trim().to_string();
    let result = fetch_length(&trimmed).await;
    let doubled = result * 2;
    log_result(doubled).await;
    doubled
}
