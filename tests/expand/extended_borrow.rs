// A temporary the `let` extends to the end of the block, borrowed across
// an await: a local declared before the `let`, kept in place like any
// local a borrow lives across.
async fn label_length(id: u32) -> usize {
    let label = &format!("item {id}");
    log_result(label.len()).await;
    label.len()
}
