// A `&mut self` method: the receiver becomes the local `__self`.
impl Counter {
    async fn bump(&mut self, by: u32) -> u32 {
        self.count += tick(by).await;
        self.count
    }
}
