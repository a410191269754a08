//! Expressions of the types other than `u32` and `bool`: `Option<u32>`,
//! `Result<u32, u32>`, probes, vectors and strings, moved, built or awaited.

use super::Gen;
use super::expr::{Ctx, Expr};
use super::scope::{Scope, Ty};

impl Gen {
    pub(super) fn option(&mut self, ctx: &Ctx) -> Expr {
        let writable = self.scope.find(Ty::Vec, |v| {
            Scope::writable(v) && !ctx.avoid.contains(&v.name)
        });
        match self.rng.weighted(&[
            4,
            1,
            if ctx.awaits { 4 } else { 0 },
            if writable.is_empty() || ctx.sealed {
                0
            } else {
                2
            },
            2,
        ]) {
            0 => {
                let parts = self.ordered(ctx, &["Some"], &[Ty::U32]);
                Expr::compound(format!("Some({})", parts[0].text), &parts)
            }
            1 => Expr::plain("None::<u32>"),
            2 => {
                let value = self.simple_u32(&Ctx {
                    awaits: false,
                    ..ctx.clone()
                });
                let inner = if self.rng.chance(20) {
                    "None::<u32>".to_string()
                } else {
                    format!("Some({value})")
                };
                match self.leaf(&inner, ctx) {
                    Some(operand) => Expr::awaited(operand),
                    None => Expr::plain(inner),
                }
            }
            3 => {
                let id = *self.rng.pick(&writable);
                Expr::plain(format!("{}.pop()", self.scope.vars[id].name))
            }
            _ => {
                let parts = self.ordered(ctx, &[], &[Ty::U32, Ty::U32]);
                Expr::compound(
                    format!("{}.checked_sub({})", parts[0].text, parts[1].text),
                    &parts,
                )
            }
        }
    }

    pub(super) fn result(&mut self, ctx: &Ctx) -> Expr {
        match self
            .rng
            .weighted(&[3, 1, if ctx.awaits { 4 } else { 0 }, 2])
        {
            0 => {
                let parts = self.ordered(ctx, &["Ok", "u32"], &[Ty::U32]);
                Expr::compound(format!("Ok::<u32, u32>({})", parts[0].text), &parts)
            }
            1 => {
                let parts = self.ordered(ctx, &["Err", "u32"], &[Ty::U32]);
                Expr::compound(format!("Err::<u32, u32>({})", parts[0].text), &parts)
            }
            2 => {
                let value = self.simple_u32(&Ctx {
                    awaits: false,
                    ..ctx.clone()
                });
                let inner = if self.rng.chance(20) {
                    format!("Err::<u32, u32>({value})")
                } else {
                    format!("Ok::<u32, u32>({value})")
                };
                match self.leaf(&inner, ctx) {
                    Some(operand) => Expr::awaited(operand),
                    None => Expr::plain(inner),
                }
            }
            _ => {
                let parts = self.ordered(ctx, &[], &[Ty::U32, Ty::U32]);
                Expr::compound(
                    format!(
                        "{}.checked_sub({}).ok_or(7u32)",
                        parts[0].text, parts[1].text
                    ),
                    &parts,
                )
            }
        }
    }

    pub(super) fn probe(&mut self, ctx: &Ctx) -> Expr {
        let movable: Vec<usize> = if ctx.sealed {
            Vec::new()
        } else {
            self.scope
                .find(Ty::Probe, |v| !ctx.avoid.contains(&v.name))
                .into_iter()
                .filter(|&id| self.scope.movable(&self.scope.vars[id]))
                .collect()
        };
        let weights = [
            5,
            if ctx.awaits { 3 } else { 0 },
            if movable.is_empty() { 0 } else { 1 },
            if movable.is_empty() || !ctx.awaits {
                0
            } else {
                2
            },
        ];
        match self.rng.weighted(&weights) {
            0 => Expr::plain(format!("Probe::new(\"{}\")", self.site("p"))),
            1 => {
                let inner = format!("Probe::new(\"{}\")", self.site("p"));
                match self.leaf(&inner, ctx) {
                    Some(operand) => Expr::awaited(operand),
                    None => Expr::plain(inner),
                }
            }
            2 => {
                let id = *self.rng.pick(&movable);
                self.scope.vars[id].moved = true;
                Expr::pure(self.scope.vars[id].name.clone())
            }
            _ => {
                let id = *self.rng.pick(&movable);
                let name = self.scope.vars[id].name.clone();
                match self.leaf("()", ctx) {
                    Some(l) => {
                        self.scope.vars[id].moved = true;
                        Expr::awaited(format!("pass_probe({name}, {l})"))
                    }
                    None => Expr::plain(format!("Probe::new(\"{}\")", self.site("p"))),
                }
            }
        }
    }

    pub(super) fn vec(&mut self, ctx: &Ctx) -> Expr {
        match self
            .rng
            .weighted(&[4, 1, if ctx.awaits { 2 } else { 0 }, 1])
        {
            0 => {
                let parts = self.ordered(ctx, &["vec"], &[Ty::U32, Ty::U32]);
                Expr::compound(
                    format!("vec![{}, {}]", parts[0].text, parts[1].text),
                    &parts,
                )
            }
            1 => Expr::plain("Vec::<u32>::new()"),
            2 => {
                let n = self.rng.range(0, 9);
                let inner = format!("vec![{n}u32, 1]");
                match self.leaf(&inner, ctx) {
                    Some(operand) => Expr::awaited(operand),
                    None => Expr::plain(inner),
                }
            }
            _ => match self.readable(Ty::Vec, ctx) {
                Some(name) => Expr::plain(format!("{name}.clone()")),
                None => Expr::plain("vec![3u32, 4]"),
            },
        }
    }

    pub(super) fn string(&mut self, ctx: &Ctx) -> Expr {
        match self.rng.weighted(&[4, 2, if ctx.awaits { 2 } else { 0 }]) {
            0 => {
                let parts = self.ordered(ctx, &["format"], &[Ty::U32, Ty::U32]);
                Expr::compound(
                    format!(
                        "format!(\"{{}}:{{}}\", {}, {})",
                        parts[0].text, parts[1].text
                    ),
                    &parts,
                )
            }
            1 => Expr::plain(format!("String::from(\"{}\")", self.site("s"))),
            _ => {
                let inner = format!("String::from(\"{}\")", self.site("s"));
                match self.leaf(&inner, ctx) {
                    Some(operand) => Expr::awaited(operand),
                    None => Expr::plain(inner),
                }
            }
        }
    }
}
