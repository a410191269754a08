//! `loop`, `while`, `while let` and `for` (over ranges, `&v`,
//! `v.iter()`, arrays of probes, awaited vectors), with labels and `break`
//! values. Each is bounded by a counter (or a vector it drains), and its
//! guard is a line the shrinker keeps, so every generated function ends.

use super::Gen;
use super::expr::Ctx;
use super::scope::{Scope, Ty};
use super::stmt::{Out, Target, line, text};
use crate::program::{Node, Part};

impl Gen {
    /// A bounded loop; `value` makes it a `loop` whose `break` carries one.
    pub(super) fn loop_stmt(&mut self, out: &mut Out, value: Option<Ty>) -> Option<Node> {
        self.loops += 1;
        let label = self.rng.chance(40).then(|| format!("'{}", self.site("l")));
        let head_label = label.as_ref().map(|l| format!("{l}: ")).unwrap_or_default();
        let kind = if value.is_some() {
            4
        } else {
            self.rng.below(6)
        };
        let bound = self.rng.range(0, 3);
        let node = match kind {
            0 => {
                let k = self.scope.fresh(Ty::U32);
                let range = if self.rng.chance(30) {
                    // `#[desugar]` does not suspend inside a range.
                    let n = self.expr(Ty::U32, &Ctx::default());
                    format!("0..({} % 4)", n.text)
                } else {
                    format!("0..{bound}u32")
                };
                let body = self.loop_body(&label, None, &[(k.clone(), Ty::U32)], Vec::new());
                Node::Nest(vec![
                    text(format!("{head_label}for {k} in {range} ")),
                    Part::Block(body),
                ])
            }
            1 => self.for_over_vec(&label, &head_label),
            2 => {
                let x = self.scope.fresh(Ty::U32);
                let (pat, iter, ty) = if self.rng.chance(40) {
                    let p = self.scope.fresh(Ty::Probe);
                    let (a, b) = (self.site("p"), self.site("p"));
                    (
                        p,
                        format!("[Probe::new(\"{a}\"), Probe::new(\"{b}\")]"),
                        Ty::Probe,
                    )
                } else {
                    let e = self.expr(Ty::Vec, &Ctx::lead());
                    (x, e.text, Ty::U32)
                };
                let body = self.loop_body(&label, None, &[(pat.clone(), ty)], Vec::new());
                Node::Nest(vec![
                    text(format!("{head_label}for {pat} in {iter} ")),
                    Part::Block(body),
                ])
            }
            3 => {
                let i = self.counter(out);
                let cond = if self.rng.chance(40) {
                    // Conditions run once per turn: nothing may move in them.
                    self.scope.open();
                    let leaf = self.leaf(&i, &Ctx::lead());
                    self.scope.close();
                    match leaf {
                        Some(leaf) => format!("{leaf}.await < {bound}"),
                        None => format!("{i} < {bound}"),
                    }
                } else {
                    format!("{i} < {bound}")
                };
                let guard = vec![Node::Fixed(format!("{i} += 1;"))];
                let body = self.loop_body(&label, None, &[], guard);
                Node::Nest(vec![
                    text(format!("{head_label}while {cond} ")),
                    Part::Block(body),
                ])
            }
            4 => {
                let i = self.counter(out);
                let exit = match value {
                    Some(ty) => {
                        let v = self.expr(ty, &Ctx::lead());
                        let label = label.as_ref().map(|l| format!("{l} ")).unwrap_or_default();
                        format!("break {label}{};", v.text)
                    }
                    None => "break;".to_string(),
                };
                let guard = vec![Node::Fixed(format!(
                    "if {i} >= {bound} {{ {exit} }} {i} += 1;"
                ))];
                let body = self.loop_body(&label, value, &[], guard);
                Node::Nest(vec![text(format!("{head_label}loop ")), Part::Block(body)])
            }
            _ => {
                let stack = self.scope.fresh(Ty::Vec);
                let (a, b) = (self.rng.range(0, 9), self.rng.range(0, 9));
                out.push(line(format!("let mut {stack} = vec![{a}u32, {b}];")));
                let id = self.scope.declare(stack.clone(), Ty::Vec, true);
                self.scope.vars[id].reserved = true;
                let x = self.scope.fresh(Ty::U32);
                let source = if self.rng.chance(40) {
                    match self.leaf(&format!("{stack}.pop()"), &Ctx::lead()) {
                        Some(leaf) => format!("{leaf}.await"),
                        None => format!("{stack}.pop()"),
                    }
                } else {
                    format!("{stack}.pop()")
                };
                let body = self.loop_body(&label, None, &[(x.clone(), Ty::U32)], Vec::new());
                Node::Nest(vec![
                    text(format!("{head_label}while let Some({x}) = {source} ")),
                    Part::Block(body),
                ])
            }
        };
        self.loops -= 1;
        match value {
            Some(_) => Some(node),
            None => {
                out.push(node);
                None
            }
        }
    }

    /// `let mut i = 0;` before a loop: read in the body, never written there
    /// except by the loop's own `i += 1`.
    pub(super) fn counter(&mut self, out: &mut Out) -> String {
        let i = self.scope.fresh(Ty::U32);
        out.push(line(format!("let mut {i} = 0u32;")));
        let id = self.scope.declare(i.clone(), Ty::U32, true);
        self.scope.vars[id].reserved = true;
        i
    }

    /// `for &x in &v`, `for x in v.iter().copied()` or over a reference.
    pub(super) fn for_over_vec(&mut self, label: &Option<String>, head_label: &str) -> Node {
        let vecs: Vec<usize> = [Ty::Vec, Ty::RefVec]
            .iter()
            .flat_map(|&ty| self.scope.find(ty, Scope::readable))
            .collect();
        let x = self.scope.fresh(Ty::U32);
        let Some(&v) = vecs.get(self.rng.below(vecs.len().max(1))) else {
            let body = self.loop_body(label, None, &[(x.clone(), Ty::U32)], Vec::new());
            return Node::Nest(vec![
                text(format!("{head_label}for &{x} in &[1u32, 2] ")),
                Part::Block(body),
            ]);
        };
        let name = self.scope.vars[v].name.clone();
        let borrow = if self.scope.vars[v].ty == Ty::RefVec {
            name.clone()
        } else {
            format!("&{name}")
        };
        let head = if self.rng.chance(50) {
            format!("{head_label}for &{x} in {borrow} ")
        } else {
            format!("{head_label}for {x} in {name}.iter().copied() ")
        };
        self.scope.hold(v, false);
        let body = self.loop_body(label, None, &[(x, Ty::U32)], Vec::new());
        self.scope.release(v, false);
        Node::Nest(vec![text(head), Part::Block(body)])
    }

    /// A loop's body: `prefix` first (its guard), then statements.
    pub(super) fn loop_body(
        &mut self,
        label: &Option<String>,
        value: Option<Ty>,
        prelude: &[(String, Ty)],
        prefix: Vec<Node>,
    ) -> Vec<Node> {
        self.targets.push(Target {
            label: label.clone(),
            is_loop: true,
            value,
        });
        self.depth += 1;
        self.scope.open();
        for (name, ty) in prelude {
            self.scope.declare(name.clone(), *ty, false);
        }
        let mut body = prefix;
        body.extend(self.block_in_scope(None));
        self.scope.close();
        self.depth -= 1;
        self.targets.pop();
        body
    }
}
