// A local a branch may move away before an await (kept with a drop flag of
// its own, a `Flagged`, or nothing where it is `Copy` and kept only to be
// dropped; `count` is one, which syntax cannot see to be a number), and one
// kept while a later local of the same name is in scope (bound again under a
// hidden name).
async fn maybe_moved(send: bool, message: String, id: u32) -> usize {
    let text = message;
    let count = u64::from(id);
    if send {
        deliver(text, count).await;
    }
    let count = fetch_length("count").await;
    log_result(count).await;
    count
}
