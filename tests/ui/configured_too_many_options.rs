// The expansion writes a machine for each way the `#[cfg(..)]` conditions
// in the body can go: four options (16 machines) at most.
use desugar::desugar;

async fn step(n: u32) -> u32 {
    n
}

#[desugar]
async fn five_options() -> u32 {
    #[cfg(unix)]
    step(1).await;
    #[cfg(windows)]
    step(2).await;
    #[cfg(any(test, not(unix)))]
    step(3).await;
    #[cfg(debug_assertions)]
    step(4).await;
    #[cfg(target_os = "linux")]
    step(5).await;
    0
}

fn main() {}
