// A struct update whose base is a local kept across an await after it:
// rustc leaves the local partly moved, holding the fields the literal
// names, and drops those at the end of its scope in the order the struct
// declares them. #[desugar] moves them out in the order the literal lists
// them, so where two of them have something to drop the build stops at
// the later one, saying to take the base apart with a `let` naming each
// field (`tests/lifted_round_bm.rs`, `updated_as_told`). One, or a `Copy`
// one beside it, builds.
use desugar::desugar;

pub struct Opts {
    pub tag: String,
    pub retries: u32,
    pub log: String,
}

async fn tick() {}

#[desugar]
async fn two_named(o: Opts) -> usize {
    let o2 = Opts {
        log: String::from("new log"),
        tag: String::from("new tag"),
        ..o
    };
    tick().await;
    o2.tag.len()
}

#[desugar]
async fn one_named(n: u32) -> usize {
    let o = Opts {
        tag: String::new(),
        retries: 1,
        log: String::new(),
    };
    let o2 = Opts {
        retries: n,
        log: String::from("new log"),
        ..o
    };
    tick().await;
    o2.tag.len()
}

// A struct with a `Drop` impl of its own, whose fields the literal does
// not name are `Copy`: `..g` copies them and leaves `g` whole in rustc,
// but the machine moves the named field out of the base (E0509): list
// the other fields instead (`Guarded { name, id: g.id }`).
pub struct Guarded {
    pub name: String,
    pub id: u32,
}

impl Drop for Guarded {
    fn drop(&mut self) {}
}

#[desugar]
async fn with_drop_impl(g: Guarded) -> usize {
    let g2 = Guarded {
        name: String::from("new"),
        ..g
    };
    tick().await;
    g2.name.len()
}

fn main() {
    let _ = (two_named, one_named, with_drop_impl);
}
