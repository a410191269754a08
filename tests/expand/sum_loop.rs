// A `for` loop over a borrowed vector, resumed inside its body.
async fn sum_loop(items: Vec<u32>) -> u32 {
    let mut total = 0;
    for item in &items {
        if *item == 0 {
            continue;
        }
        total += double(*item).await;
    }
    total
}
