// A temporary the awaited call borrows, alive across that await only: kept
// in place in its variant (entered before the suspension, the future and
// the kept values written in at it).
async fn page_length(base: &str) -> usize {
    let length = fetch_length(&format!("{base}/page")).await;
    log_result(length).await;
    length
}
