//! Awaited expressions: scripted leaves, and futures that borrow a local
//! (`touch_later(&p, ..)`), borrow it mutably (`push_later(&mut v, ..)`,
//! `bump(m, ..)`), take it (`take_probe(p, ..)`), borrow a temporary (made
//! first, or after an argument that runs code: `touch_after(..)`), read a
//! temporary with a borrowing method (`vec![..].len()`, also through a
//! view: `format!(..).trim().len()`), borrow one mutably (`push_later(&mut
//! vec![..], ..)`), read one inside an index, a range, a `match` or `vec!`
//! (`leaf(.., [x, 0][vec![..].len() - 1])`), or are `async` blocks; a leaf whose value a method then
//! uses; a `join!` of two leaves, which awaits in its own expansion.

use super::Gen;
use super::expr::{Ctx, Expr, clashes};
use super::scope::{Scope, Ty};

impl Gen {
    /// A scripted leaf future with output `value`, named for this site, in
    /// a spelling whose identifiers `ctx.avoid` does not hold.
    pub(super) fn leaf(&mut self, value: &str, ctx: &Ctx) -> Option<String> {
        let site = self.site("L");
        let pendings = self.rng.weighted(&[3, 4, 2, 1]);
        let text = if self.rng.chance(5) && pendings > 0 {
            format!("Leaf::new(\"{site}\").pending({pendings}).wake_from_thread().ready({value})")
        } else if self.rng.chance(25) {
            format!("Leaf::new(\"{site}\").pending({pendings}).ready({value})")
        } else {
            format!("leaf(\"{site}\", {pendings}, {value})")
        };
        if !clashes(&text, &ctx.avoid) {
            return Some(text);
        }
        let other = format!("Leaf::new(\"{site}\").pending({pendings}).ready({value})");
        (!clashes(&other, &ctx.avoid)).then_some(other)
    }

    /// `value`, read beside a temporary that a borrowing method reads
    /// inside an index, a `match` scrutinee, a range, a tuple whose field
    /// is read, a repeat, `vec!` or `matches!` arguments: rustc keeps each
    /// to the end of the statement.
    fn guarded(&mut self, value: &str) -> String {
        let probe = format!("vec![Probe::new(\"{}\")].len()", self.site("t"));
        match self.rng.below(7) {
            0 => format!("[{value}, 0u32][{probe} - 1]"),
            6 => format!("(({value}) ^ u32::from(matches!({probe}, 1)) ^ 1)"),
            1 => format!("match {probe} {{ 1 => {value}, _ => 0u32 }}"),
            2 => format!("({value}).wrapping_add(({probe}..1).count() as u32)"),
            3 => format!("({value}, {probe}).0"),
            4 => format!("[{probe} as u32; 2][1] ^ ({value}) ^ 1"),
            _ => format!("fold(&vec![{value}, {probe} as u32])"),
        }
    }

    /// A `u32` that suspends: a leaf, a future borrowing or taking a local,
    /// an `async` block, or a leaf whose value is used by a method.
    pub(super) fn awaited_u32(&mut self, ctx: &Ctx) -> Expr {
        let lendable = |g: &Gen, tys: &[Ty]| -> Vec<String> {
            tys.iter()
                .flat_map(|&ty| g.usable(ty, ctx))
                .map(|id| g.borrow_text(id))
                .collect()
        };
        let probes = lendable(self, &[Ty::Probe, Ty::RefProbe]);
        let vecs = lendable(self, &[Ty::Vec, Ty::RefVec]);
        let strs = lendable(self, &[Ty::Str, Ty::RefStr]);
        let (writable_vecs, movable_probes, muts) = if ctx.sealed {
            (Vec::new(), Vec::new(), Vec::new())
        } else {
            let writable_vecs = self.scope.find(Ty::Vec, |v| {
                Scope::writable(v) && !ctx.avoid.contains(&v.name)
            });
            let movable_probes: Vec<usize> = self
                .usable(Ty::Probe, ctx)
                .into_iter()
                .filter(|&id| self.scope.movable(&self.scope.vars[id]))
                .collect();
            (writable_vecs, movable_probes, self.usable(Ty::MutU32, ctx))
        };
        let weights = [
            10,                                            // leaf
            if probes.is_empty() { 0 } else { 3 },         // touch_later(&p)
            if vecs.is_empty() { 0 } else { 3 },           // borrow_len(&v)
            if strs.is_empty() { 0 } else { 2 },           // str_len(&s)
            2,                                             // temporaries
            if writable_vecs.is_empty() { 0 } else { 2 },  // push_later(&mut v)
            if movable_probes.is_empty() { 0 } else { 2 }, // take_probe(p)
            if ctx.depth < 2 { 2 } else { 0 },             // async block
            if ctx.depth < 3 { 3 } else { 0 },             // method on the result
            if muts.is_empty() { 0 } else { 2 },           // bump(m)
            if ctx.depth < 2 { 1 } else { 0 },             // join!
        ];
        let value = self.simple_u32(&Ctx {
            awaits: false,
            ..ctx.clone()
        });
        let mut moves = None;
        let operand = match self.rng.weighted(&weights) {
            0 => self.leaf(&value, ctx),
            1 => {
                let p = self.rng.pick(&probes).clone();
                self.leaf(&value, ctx)
                    .map(|l| format!("touch_later({p}, {l})"))
            }
            2 => {
                let v = self.rng.pick(&vecs).clone();
                self.leaf("()", ctx)
                    .map(|l| format!("borrow_len({v}, {l})"))
            }
            3 => {
                let s = self.rng.pick(&strs).clone();
                self.leaf("()", ctx).map(|l| format!("str_len({s}, {l})"))
            }
            // Temporaries the awaited call keeps to the end of the
            // statement: borrowed ones, one made after an argument that
            // runs code first, and the value a borrowing method reads.
            4 => match self.rng.weighted(&[4, 4, 1, 1, 1, 1, 2]) {
                0 => {
                    let label = self.site("t");
                    self.leaf(&value, ctx)
                        .map(|l| format!("touch_later(&Probe::new(\"{label}\"), {l})"))
                }
                1 => self
                    .leaf("()", ctx)
                    .map(|l| format!("str_len(&format!(\"{{}}\", {value}), {l})")),
                2 => {
                    let (first, then) = (self.site("t"), self.site("t"));
                    self.leaf(&value, ctx).map(|l| {
                        format!(
                            "touch_after(Probe::new(\"{first}\"), &Probe::new(\"{then}\"), {l})"
                        )
                    })
                }
                3 => {
                    let label = self.site("t");
                    self.leaf(&format!("vec![Probe::new(\"{label}\")].len() as u32"), ctx)
                }
                // Borrowed mutably, and a view of a temporary.
                4 => self
                    .leaf(&value, ctx)
                    .map(|l| format!("push_later(&mut vec![{value}], {l})")),
                5 => self.leaf(
                    &format!("format!(\" {{}} \", {value}).trim().len() as u32"),
                    ctx,
                ),
                _ => {
                    let guarded = self.guarded(&value);
                    self.leaf(&guarded, ctx)
                }
            },
            5 => {
                let id = *self.rng.pick(&writable_vecs);
                let name = &self.scope.vars[id].name;
                let name = name.clone();
                self.leaf(&value, ctx)
                    .map(|l| format!("push_later(&mut {name}, {l})"))
            }
            6 => {
                let id = *self.rng.pick(&movable_probes);
                let name = self.scope.vars[id].name.clone();
                moves = Some(id);
                self.leaf(&value, ctx)
                    .map(|l| format!("take_probe({name}, {l})"))
            }
            7 => {
                let inner_ctx = Ctx {
                    awaits: true,
                    avoid: Vec::new(),
                    depth: ctx.depth + 1,
                    sealed: true,
                    after_temporaries: false,
                    read_later: Vec::new(),
                };
                let inner = self.u32(&inner_ctx);
                Some(format!("async {{ {} }}", inner.text))
            }
            8 => {
                // A vector of probes `len` borrows: a temporary of the
                // statement, kept across its later awaits.
                if self.rng.chance(35) {
                    let probe = format!("vec![Probe::new(\"{}\")]", self.site("v"));
                    if let Some(operand) = self.leaf(&probe, ctx) {
                        return Expr {
                            text: format!("({operand}.await.len() as u32)"),
                            awaits: true,
                            pure: false,
                            nameable: true,
                        };
                    }
                }
                // A number's method, or a `Counter`'s, which borrows the
                // awaited value (a temporary to the end of the statement)
                // or takes it.
                let counter = self.rng.chance(30);
                let value = if counter {
                    format!("Counter::new(\"{}\")", self.site("c"))
                } else {
                    value
                };
                if let Some(operand) = self.leaf(&value, ctx) {
                    let rest = self.ordered(ctx, &[], &[Ty::U32]);
                    let methods: &[&str] = if counter {
                        &["add", "into_sum", "finish"]
                    } else {
                        &["wrapping_add", "max", "min", "wrapping_mul"]
                    };
                    let method = *self.rng.pick(methods);
                    // A `Counter`'s methods are the user's own, which the
                    // expansion knows by name at most (`into_sum`).
                    return Expr {
                        text: format!("{operand}.await.{method}({})", rest[0].text),
                        awaits: true,
                        pure: false,
                        nameable: !counter && rest[0].nameable,
                    };
                }
                None
            }
            9 => {
                let id = *self.rng.pick(&muts);
                let name = self.scope.vars[id].name.clone();
                self.leaf(&value, ctx).map(|l| format!("bump({name}, {l})"))
            }
            // A macro that awaits in its own expansion, awaited through an
            // inner `async` block (written once per copy of the code, in a
            // loop or after a branch). Its futures borrow no local: that
            // block could not (README, "Known differences").
            _ => {
                let (first, second) = (self.literal().text, self.literal().text);
                if let (Some(a), Some(b)) = (self.leaf(&first, ctx), self.leaf(&second, ctx)) {
                    return Expr {
                        text: format!("sum2(join!({a}, {b}))"),
                        awaits: true,
                        pure: false,
                        nameable: false,
                    };
                }
                None
            }
        };
        match operand {
            Some(operand) if !clashes(&operand, &ctx.avoid) => {
                if let Some(id) = moves {
                    self.scope.vars[id].moved = true;
                }
                Expr::awaited(operand)
            }
            _ => self.literal(),
        }
    }

    /// How a future borrows the local `id`: `&v`, or `r` for a reference.
    pub(super) fn borrow_text(&self, id: usize) -> String {
        let var = &self.scope.vars[id];
        match var.ty {
            Ty::RefProbe | Ty::RefVec | Ty::RefStr => var.name.clone(),
            _ => format!("&{}", var.name),
        }
    }
}
