//! `if` (with `else if`, `if let` and `&&` chains), `match` (with literal,
//! `|`, `@` range, guarded and binding arms), blocks and labelled blocks, as
//! statements and as values whose branches may await.

use super::Gen;
use super::expr::Ctx;
use super::scope::{Scope, Ty};
use super::stmt::{Out, Target, line, text};
use crate::program::{Node, Part};

impl Gen {
    /// `if`, `if … else`, `else if`, `if let` (with a `&&` chain), whose
    /// blocks end with a `tail` of type `()` where the `if` is a unit
    /// block's tail.
    pub(super) fn if_stmt(&mut self, out: &mut Out, tail: Option<Ty>) {
        let mut parts = Vec::new();
        match self.rng.below(3) {
            0 | 1 => {
                let cond = self.expr(Ty::Bool, &Ctx::lead());
                parts.push(text(format!("if {} ", cond.text)));
                parts.push(Part::Block(self.nested(tail, &[])));
            }
            _ => {
                let chain = self.rng.chance(30);
                let ctx = Ctx {
                    awaits: !chain,
                    ..Ctx::default()
                };
                let scrutinee = self.expr(Ty::OptU32, &ctx);
                let n = self.scope.fresh(Ty::U32);
                let extra = if chain {
                    format!(" && {n} > {}", self.rng.range(0, 5))
                } else {
                    String::new()
                };
                parts.push(text(format!(
                    "if let Some({n}) = {}{extra} ",
                    scrutinee.text
                )));
                parts.push(Part::Block(self.nested(tail, &[(n, Ty::U32)])));
            }
        }
        if self.rng.chance(60) {
            if self.rng.chance(30) {
                let cond = self.expr(Ty::Bool, &Ctx::lead());
                parts.push(text(format!(" else if {} ", cond.text)));
                parts.push(Part::Block(self.nested(tail, &[])));
            }
            parts.push(text(" else "));
            parts.push(Part::Block(self.nested(tail, &[])));
        }
        out.push(Node::Nest(parts));
    }

    /// A local holding a probe, matched by patterns that take it on some
    /// paths (a guard, `Err(_)`, an `if let` that fails) or copy a part out
    /// and leave the rest (`let (n, _) = pair;`): what is left drops at the
    /// end of the block, after what follows. (A `while let` that takes the
    /// value is a documented compile error: README, "Partial moves".)
    pub(super) fn taken_by_pattern(&mut self, out: &mut Out) {
        let name = self.scope.fresh(Ty::Probe);
        let taken = self.scope.fresh(Ty::Probe);
        let site = self.site("t");
        let cond = self.expr(Ty::Bool, &Ctx::default()).text;
        let result = format!(
            "let {name} = if {cond} {{ Ok::<Probe, Probe>(Probe::new(\"{site}\")) }} else {{ Err(Probe::new(\"{site}e\")) }};"
        );
        match self.rng.below(4) {
            0 => {
                out.push(line(result));
                out.push(line(format!(
                    "if let Ok({taken}) = {name} {{ {taken}.touch(); }}"
                )));
            }
            1 => {
                let guard = self.expr(Ty::Bool, &Ctx::default()).text;
                out.push(line(format!("let {name} = Some(Probe::new(\"{site}\"));")));
                out.push(line(format!(
                    "match {name} {{ Some({taken}) if {guard} => drop({taken}), _ => {{}} }}"
                )));
            }
            2 => {
                let value = self.expr(Ty::U32, &Ctx::default()).text;
                let n = self.scope.fresh(Ty::U32);
                out.push(line(format!(
                    "let {name} = ({value}, Probe::new(\"{site}\"));"
                )));
                out.push(line(format!("let ({n}, _) = {name};")));
                self.scope.declare(n, Ty::U32, false);
            }
            _ => {
                let n = self.scope.fresh(Ty::U32);
                out.push(line(result));
                out.push(line(format!(
                    "let {n} = match {name} {{ Ok({taken}) => {taken}.label().len() as u32, Err(_) => 0u32 }};"
                )));
                self.scope.declare(n, Ty::U32, false);
            }
        }
    }

    /// The arms of a `match` on a value of type `scrutinee`: patterns with
    /// the locals they bind.
    pub(super) fn arm_patterns(&mut self, scrutinee: Ty) -> Vec<(String, Vec<(String, Ty)>)> {
        let fresh = |g: &mut Gen| g.scope.fresh(Ty::U32);
        match scrutinee {
            Ty::OptU32 => {
                let n = fresh(self);
                let mut arms = Vec::new();
                if self.rng.chance(30) {
                    arms.push((format!("Some({})", self.rng.range(0, 3)), Vec::new()));
                }
                arms.push((format!("Some({n})"), vec![(n, Ty::U32)]));
                arms.push(("None".to_string(), Vec::new()));
                arms
            }
            Ty::ResU32 => {
                let (n, m) = (fresh(self), fresh(self));
                vec![
                    (format!("Ok({n})"), vec![(n, Ty::U32)]),
                    (format!("Err({m})"), vec![(m, Ty::U32)]),
                ]
            }
            _ => {
                let mut arms = vec![(self.rng.range(0, 3).to_string(), Vec::new())];
                if self.rng.chance(50) {
                    arms.push(("4 | 5".to_string(), Vec::new()));
                }
                if self.rng.chance(50) {
                    let n = fresh(self);
                    arms.push((format!("{n} @ 6..=8"), vec![(n, Ty::U32)]));
                }
                if self.rng.chance(40) {
                    let n = fresh(self);
                    let k = self.rng.range(1, 9);
                    arms.push((format!("{n} if {n} > {k}"), vec![(n, Ty::U32)]));
                }
                let n = fresh(self);
                arms.push((n.clone(), vec![(n, Ty::U32)]));
                arms
            }
        }
    }

    pub(super) fn scrutinee(&mut self) -> (Ty, String) {
        let ty = [Ty::U32, Ty::OptU32, Ty::ResU32][self.rng.weighted(&[4, 3, 1])];
        (ty, self.expr(ty, &Ctx::lead()).text)
    }

    /// A `match` whose arms are blocks, ending with a `tail` like
    /// [`Gen::if_stmt`]'s.
    pub(super) fn match_stmt(&mut self, out: &mut Out, tail: Option<Ty>) {
        let (ty, scrutinee) = self.scrutinee();
        let mut parts = vec![text(format!("match {scrutinee} {{"))];
        for (pat, binds) in self.arm_patterns(ty) {
            parts.push(text(format!("\n{pat} => ")));
            parts.push(Part::Block(self.nested(tail, &binds)));
        }
        parts.push(text("\n}"));
        out.push(Node::Nest(parts));
    }

    pub(super) fn block_stmt(&mut self, out: &mut Out) {
        if self.rng.chance(40) {
            let label = format!("'{}", self.site("b"));
            // Sometimes a `break` out of the block first, and a move of a
            // local last, which the break may skip.
            let skipped_move = if self.rng.chance(40) {
                let owned: Vec<usize> = [Ty::Probe, Ty::Vec, Ty::Str]
                    .iter()
                    .flat_map(|&ty| self.scope.find(ty, Scope::readable))
                    .filter(|&id| self.scope.movable(&self.scope.vars[id]))
                    .collect();
                (!owned.is_empty()).then(|| *self.rng.pick(&owned))
            } else {
                None
            };
            let mut body = Vec::new();
            if let Some(id) = skipped_move {
                self.scope.vars[id].moved = true;
                let cond = self.expr(Ty::Bool, &Ctx::default());
                body.push(Node::Fixed(format!(
                    "if {} {{ break {label}; }}",
                    cond.text
                )));
            }
            self.targets.push(Target {
                label: Some(label.clone()),
                is_loop: false,
                value: None,
            });
            body.extend(self.nested(None, &[]));
            self.targets.pop();
            if let Some(id) = skipped_move {
                body.push(Node::Fixed(format!("drop({});", self.scope.vars[id].name)));
            }
            out.push(Node::Nest(vec![
                text(format!("{label}: ")),
                Part::Block(body),
            ]));
        } else {
            let body = self.nested(None, &[]);
            out.push(Node::Nest(vec![Part::Block(body)]));
        }
    }

    /// `let x = if …`, `match`, block, labelled block or `loop` with a value.
    pub(super) fn let_construct(&mut self, out: &mut Out) {
        let ty = [Ty::U32, Ty::Probe, Ty::Str][self.rng.weighted(&[6, 2, 1])];
        let node = if self.loops < 2 && self.rng.chance(25) {
            self.loop_stmt(out, Some(ty))
        } else {
            self.value_construct(ty)
        };
        let Some(Node::Nest(inner)) = node else {
            return self.let_value(out);
        };
        let name = self.binding_name(ty);
        let mut parts = vec![text(format!("let {name} = "))];
        parts.extend(inner);
        parts.push(text(";"));
        out.push(Node::Nest(parts));
        self.scope.declare(name, ty, false);
    }

    /// An `if`/`match`/block/labelled block of type `ty`, whose branches
    /// may await (it stands where a whole block tail or `let` value goes).
    pub(super) fn value_construct(&mut self, ty: Ty) -> Option<Node> {
        let node = match self.rng.below(4) {
            0 => {
                let cond = self.expr(Ty::Bool, &Ctx::lead());
                let then = self.nested(Some(ty), &[]);
                let otherwise = self.nested(Some(ty), &[]);
                Node::Nest(vec![
                    text(format!("if {} ", cond.text)),
                    Part::Block(then),
                    text(" else "),
                    Part::Block(otherwise),
                ])
            }
            1 => {
                let (sty, scrutinee) = self.scrutinee();
                let mut parts = vec![text(format!("match {scrutinee} {{"))];
                for (pat, binds) in self.arm_patterns(sty) {
                    parts.push(text(format!("\n{pat} => ")));
                    if self.rng.chance(40) {
                        self.scope.open();
                        for (name, bty) in &binds {
                            self.scope.declare(name.clone(), *bty, false);
                        }
                        let e = self.expr(ty, &Ctx::lead());
                        self.scope.close();
                        parts.push(text(format!("{},", e.text)));
                    } else {
                        parts.push(Part::Block(self.nested(Some(ty), &binds)));
                    }
                }
                parts.push(text("\n}"));
                Node::Nest(parts)
            }
            2 => Node::Nest(vec![Part::Block(self.nested(Some(ty), &[]))]),
            _ => {
                let label = format!("'{}", self.site("b"));
                self.targets.push(Target {
                    label: Some(label.clone()),
                    is_loop: false,
                    value: Some(ty),
                });
                let body = self.nested(Some(ty), &[]);
                self.targets.pop();
                Node::Nest(vec![text(format!("{label}: ")), Part::Block(body)])
            }
        };
        Some(node)
    }
}
