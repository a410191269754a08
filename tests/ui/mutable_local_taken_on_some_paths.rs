// `r` is declared `mut`, and `if let Ok(p) = r` takes it only where it is
// `Ok`: rustc keeps it with a drop flag, to drop an `Err` at the end of its
// scope. A local reached mutably is kept in place for that, where a
// pattern cannot move out of it. Rebind it without `mut` first
// (`let r = r;`), and it is kept with a flag of its own.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn taken_on_some_paths(ok: bool) -> usize {
    let mut r: Result<String, String> = if ok { Ok(String::new()) } else { Err(String::new()) };
    if let Err(e) = &mut r {
        e.push('!');
    }
    if let Ok(text) = r {
        drop(text);
    }
    ready().await;
    1
}

fn main() {}
