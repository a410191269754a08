//! Expressions of a given type, with awaits only where `#[desugar]`
//! supports them: an await must be the first thing with an effect in its
//! statement (README, "What is supported").
//!
//! The parts of an expression run in order (callee and arguments,
//! receiver and arguments, operands, elements, macro arguments). An await
//! may sit in a part only while every part before it is *pure* (a literal,
//! a path, a borrow or field of one, or an await, which the expansion
//! replaces by a path) or *nameable* (the expansion binds it ahead of the
//! await: calls, operators, methods it knows), and its awaited expression
//! names none of the identifiers those parts name. After a part that makes
//! temporaries (`x.label().len()`), which the expansion keeps to the end of
//! the statement, an await may not sit in a scope that ends sooner (a
//! `format!`'s arguments, an `if` condition). [`Ctx`] carries these facts
//! down.

use super::Gen;
use super::scope::{Scope, Ty};

/// What the position being filled allows.
#[derive(Clone, Debug, Default)]
pub struct Ctx {
    /// An await may run first here.
    pub awaits: bool,
    /// Identifiers of the parts evaluated before this one.
    pub avoid: Vec<String>,
    pub depth: u32,
    /// Inside an `async` block or a closure: no moves, no `?`.
    pub sealed: bool,
    /// A part before this one makes temporaries: no await in a terminating
    /// scope (`format!`'s arguments, an `if` expression's condition).
    pub after_temporaries: bool,
    /// Identifiers of the pure parts before this one, which the expansion
    /// evaluates after the await: a part it binds ahead must not name them.
    pub read_later: Vec<String>,
}

impl Ctx {
    /// A position where an await may come first.
    pub fn lead() -> Self {
        Ctx {
            awaits: true,
            ..Ctx::default()
        }
    }

    fn deeper(&self) -> Ctx {
        Ctx {
            depth: self.depth + 1,
            ..self.clone()
        }
    }

    /// For the parts of a terminating scope: awaits only if no part before
    /// made temporaries.
    fn scoped(&self) -> Ctx {
        if self.after_temporaries {
            self.without_awaits()
        } else {
            self.deeper()
        }
    }

    fn without_awaits(&self) -> Ctx {
        Ctx {
            awaits: false,
            ..self.deeper()
        }
    }
}

/// The prelude's functions and the macros that lead a call's parts.
const PRELUDE_CALLEES: &[&str] = &[
    "mix", "sum2", "sum3", "pair_sum", "Pair", "fold", "vec", "format",
];

/// A generated expression.
#[derive(Clone, Debug)]
pub struct Expr {
    pub text: String,
    pub awaits: bool,
    /// Pure once its awaits are replaced by the awaited values.
    pub pure: bool,
    /// Bound ahead of a later await by the expansion (once its own awaits
    /// are replaced): everything but `if`/`match` expressions and methods
    /// the expansion does not know called on a value.
    pub nameable: bool,
}

impl Expr {
    pub(super) fn plain(text: impl Into<String>) -> Self {
        Expr {
            text: text.into(),
            awaits: false,
            pure: false,
            nameable: true,
        }
    }

    pub(super) fn pure(text: impl Into<String>) -> Self {
        Expr {
            text: text.into(),
            awaits: false,
            pure: true,
            nameable: true,
        }
    }

    pub(super) fn awaited(operand: String) -> Self {
        Expr {
            text: format!("{operand}.await"),
            awaits: true,
            pure: true,
            nameable: true,
        }
    }

    /// `f(parts)`-like text built from parts: awaits if any part does,
    /// nameable if every part is.
    pub(super) fn compound(text: String, parts: &[Expr]) -> Self {
        Expr {
            text,
            awaits: parts.iter().any(|p| p.awaits),
            pure: false,
            nameable: parts.iter().all(|p| p.nameable),
        }
    }

    /// Not bound ahead of a later await by the expansion.
    pub(super) fn unnameable(self) -> Self {
        Expr {
            nameable: false,
            ..self
        }
    }

    /// Bound ahead of a later await, it makes temporaries the expansion
    /// keeps to the end of the statement: a value borrowed by a method or
    /// by `&`.
    fn makes_temporaries(&self) -> bool {
        !self.pure
            && [".len()", "&vec!", "&Probe", "&format!", "&mut vec!"]
                .iter()
                .any(|form| self.text.contains(form))
    }
}

/// `text` as an expression statement or block tail: parenthesised when
/// it starts like a construct (`if c { 1 } else { 2 }.max(x)` would end
/// at the `}` in statement position).
pub fn statement_safe(text: &str) -> String {
    let construct = ["if ", "match ", "async ", "{", "loop "]
        .iter()
        .any(|start| text.starts_with(start));
    if construct {
        format!("({text})")
    } else {
        text.to_string()
    }
}

/// The identifiers in generated text, as `#[desugar]` compares them
/// (string literals and numbers are not identifiers).
pub fn idents(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            for d in chars.by_ref() {
                if d == '"' {
                    break;
                }
            }
        } else if c.is_ascii_digit() {
            while chars
                .peek()
                .is_some_and(|d| d.is_ascii_alphanumeric() || *d == '_')
            {
                chars.next();
            }
        } else if c.is_ascii_alphabetic() || c == '_' {
            let mut ident = String::from(c);
            while let Some(&d) = chars.peek() {
                if d.is_ascii_alphanumeric() || d == '_' {
                    ident.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(ident);
        }
    }
    out
}

pub(super) fn clashes(text: &str, avoid: &[String]) -> bool {
    idents(text).iter().any(|i| avoid.contains(i))
}

impl Gen {
    /// The parts of an expression, in the order they run: awaits stay
    /// allowed while everything before is pure.
    pub(super) fn ordered(&mut self, ctx: &Ctx, lead: &[&str], tys: &[Ty]) -> Vec<Expr> {
        let mut allowed = ctx.awaits;
        let mut after_temporaries = ctx.after_temporaries;
        let mut read_later = ctx.read_later.clone();
        let mut avoid = ctx.avoid.clone();
        for text in lead {
            avoid.extend(idents(text));
            // A receiver or a closure called, read after the await; the
            // prelude's functions cannot change.
            if !PRELUDE_CALLEES.contains(text) {
                read_later.extend(idents(text));
            }
        }
        let mut out = Vec::new();
        for &ty in tys {
            let part_ctx = Ctx {
                awaits: allowed,
                avoid: avoid.clone(),
                after_temporaries,
                read_later: read_later.clone(),
                ..ctx.deeper()
            };
            let part = self.expr(ty, &part_ctx);
            avoid.extend(idents(&part.text));
            allowed &= part.pure || (part.nameable && !clashes(&part.text, &read_later));
            after_temporaries |= part.makes_temporaries();
            if part.pure && !part.awaits {
                read_later.extend(idents(&part.text));
            }
            out.push(part);
        }
        out
    }

    /// An expression of type `ty`.
    pub(super) fn expr(&mut self, ty: Ty, ctx: &Ctx) -> Expr {
        match ty {
            Ty::U32 => self.u32(ctx),
            Ty::Bool => self.bool(ctx),
            Ty::OptU32 => self.option(ctx),
            Ty::ResU32 => self.result(ctx),
            Ty::Probe => self.probe(ctx),
            Ty::Vec => self.vec(ctx),
            Ty::Str => self.string(ctx),
            Ty::Unit => Expr::pure("()"),
            _ => Expr::plain("0u32"),
        }
    }

    /// A `u32` literal, suffixed so that methods called on it (and locals
    /// bound to it) have a known type.
    pub(super) fn literal(&mut self) -> Expr {
        Expr::pure(format!("{}u32", self.rng.range(0, 9)))
    }

    /// Locals of type `ty` this position may read: not moved or locked,
    /// and not named by `avoid`.
    pub(super) fn usable(&self, ty: Ty, ctx: &Ctx) -> Vec<usize> {
        self.scope
            .find(ty, |v| Scope::readable(v) && !ctx.avoid.contains(&v.name))
    }

    /// One of [`Gen::usable`]'s locals, by name.
    pub(super) fn readable(&mut self, ty: Ty, ctx: &Ctx) -> Option<String> {
        let ids = self.usable(ty, ctx);
        if ids.is_empty() {
            return None;
        }
        let id = *self.rng.pick(&ids);
        Some(self.scope.vars[id].name.clone())
    }

    /// A `u32` computed from a local of another type (`v.len()` and such).
    pub(super) fn derived(&mut self, ctx: &Ctx) -> Option<Expr> {
        let kinds = [
            Ty::Probe,
            Ty::Vec,
            Ty::Str,
            Ty::RefProbe,
            Ty::RefVec,
            Ty::RefStr,
            Ty::OptU32,
            Ty::ResU32,
            Ty::MutU32,
            Ty::Closure,
        ];
        let options: Vec<(Ty, String)> = kinds
            .iter()
            .flat_map(|&ty| self.usable(ty, ctx))
            .map(|id| (self.scope.vars[id].ty, self.scope.vars[id].name.clone()))
            .collect();
        if options.is_empty() {
            return None;
        }
        let (ty, name) = self.rng.pick(&options).clone();
        Some(match ty {
            Ty::Probe | Ty::RefProbe => Expr::plain(format!("({name}.label().len() as u32)")),
            Ty::Vec | Ty::RefVec => match self.rng.below(3) {
                0 => Expr::plain(format!("({name}.len() as u32)")),
                1 => Expr::plain(format!("fold(&{name})")),
                _ => Expr::plain(format!("{name}.iter().fold(1u32, |a, b| a ^ b)")),
            },
            Ty::Str | Ty::RefStr => Expr::plain(format!("({name}.len() as u32)")),
            Ty::OptU32 | Ty::ResU32 => {
                let n = self.rng.range(0, 9);
                Expr::plain(format!("{name}.unwrap_or({n})"))
            }
            // In parentheses: it may become a method's receiver, where
            // `*m.checked_sub(x)` would deref the method's result.
            Ty::MutU32 => Expr::plain(format!("(*{name})")),
            _ => {
                let arg = self.ordered(ctx, &[&name], &[Ty::U32]);
                Expr::compound(format!("{name}({})", arg[0].text), &arg)
            }
        })
    }

    pub(super) fn u32(&mut self, ctx: &Ctx) -> Expr {
        let shallow = ctx.depth < 3;
        let weights = [
            3,                                         // literal
            6,                                         // local
            if shallow { 4 } else { 0 },               // operator
            if shallow { 2 } else { 0 },               // method
            if shallow { 3 } else { 0 },               // helper call
            if ctx.awaits { 9 } else { 0 },            // await
            if shallow { 1 } else { 0 },               // if
            if shallow { 1 } else { 0 },               // match
            3,                                         // derived
            if self.try_ok(ctx) { 2 } else { 0 },      // `?`
            if shallow && ctx.awaits { 2 } else { 0 }, // macro
        ];
        match self.rng.weighted(&weights) {
            0 => self.literal(),
            1 => match self.readable(Ty::U32, ctx) {
                Some(name) => Expr::pure(name),
                None => self.literal(),
            },
            2 => {
                let parts = self.ordered(ctx, &[], &[Ty::U32, Ty::U32]);
                let op = *self
                    .rng
                    .pick(&["^", "|", "&", "%", "/", "<<", "max", "add", "mul"]);
                let (a, b) = (&parts[0].text, &parts[1].text);
                let text = match op {
                    "%" | "/" => format!("({a} {op} ({b} | 1))"),
                    "<<" => format!("({a} << ({b} & 7))"),
                    "max" => format!("{a}.max({b})"),
                    "add" => format!("{a}.wrapping_add({b})"),
                    "mul" => format!("{a}.wrapping_mul({b})"),
                    _ => format!("({a} {op} {b})"),
                };
                Expr::compound(text, &parts)
            }
            3 => {
                // A builder's method on a value made here, which the
                // expansion does not know takes `self`: in a scrutinee
                // whose arms await, or in an awaited call, the compiler is
                // asked whether it borrows the value (it moves it). Its
                // argument does not await: a value made before an await in
                // the same call is kept for it, which a method taking
                // `self` cannot build (README, "Values consumed by a
                // method").
                if self.rng.chance(15) {
                    let parts = self.ordered(&ctx.without_awaits(), &[], &[Ty::U32]);
                    let text = format!(
                        "Counter::new(\"{}\").finish({})",
                        self.site("b"),
                        parts[0].text
                    );
                    return Expr::compound(text, &parts).unnameable();
                }
                let parts = self.ordered(ctx, &[], &[Ty::U32]);
                let method = *self
                    .rng
                    .pick(&["rotate_left(3)", "count_ones()", "swap_bytes()"]);
                Expr::compound(format!("{}.{method}", parts[0].text), &parts)
            }
            4 => self.helper_call(ctx),
            5 => self.awaited_u32(ctx),
            // An `if` or `match` whose branches may await: the expansion
            // runs it as a `let` of its own; a `match` then matches on a
            // local or a literal (one that makes a temporary is rejected).
            6 => {
                let cond = self.expr(Ty::Bool, &ctx.scoped());
                let arms_ctx = self.arms(ctx);
                let mut arms = self.ordered(&arms_ctx, &[], &[Ty::U32, Ty::U32]);
                // Run ahead of the parts left in place before it, it must
                // not name what they read.
                if arms.iter().any(|arm| arm.awaits) && clashes(&cond.text, &ctx.read_later)
                    || arms
                        .iter()
                        .any(|arm| arm.awaits && clashes(&arm.text, &ctx.read_later))
                {
                    arms = self.ordered(&ctx.without_awaits(), &[], &[Ty::U32, Ty::U32]);
                }
                let text = format!(
                    "if {} {{ {} }} else {{ {} }}",
                    cond.text, arms[0].text, arms[1].text
                );
                Expr::compound(text, &[cond, arms[0].clone(), arms[1].clone()]).unnameable()
            }
            7 => {
                let arms_ctx = self.arms(ctx);
                let scrutinee = if arms_ctx.awaits {
                    match self.readable(Ty::U32, ctx) {
                        Some(name) => Expr::pure(name),
                        None => self.literal(),
                    }
                } else {
                    self.expr(Ty::U32, &ctx.deeper())
                };
                // The second arm is `n ^ ..`: `n` is read before it.
                let mut arms = self.ordered(&arms_ctx, &["n"], &[Ty::U32, Ty::U32]);
                // Run ahead of the parts left in place before it, it must
                // not name what they read (the arms bind `n` too).
                if arms.iter().any(|arm| arm.awaits)
                    && (clashes(&scrutinee.text, &ctx.read_later)
                        || arms.iter().any(|arm| clashes(&arm.text, &ctx.read_later))
                        || ctx.read_later.iter().any(|name| name == "n"))
                {
                    arms = self.ordered(&ctx.without_awaits(), &["n"], &[Ty::U32, Ty::U32]);
                }
                let k = self.rng.range(0, 4);
                let text = format!(
                    "match {} {{ {k} => {}, n => n ^ {} }}",
                    scrutinee.text, arms[0].text, arms[1].text
                );
                Expr::compound(text, &[scrutinee, arms[0].clone(), arms[1].clone()]).unnameable()
            }
            8 => match self.derived(ctx) {
                Some(e) => e,
                None => self.literal(),
            },
            9 => self.try_value(ctx),
            _ => {
                let parts = self.ordered(&ctx.scoped(), &["format"], &[Ty::U32, Ty::U32]);
                // An inline capture names a local, not a field of `self`.
                let locals: Vec<usize> = self
                    .usable(Ty::U32, ctx)
                    .into_iter()
                    .filter(|&id| !self.scope.vars[id].name.contains('.'))
                    .collect();
                let inline = (!locals.is_empty())
                    .then(|| self.scope.vars[*self.rng.pick(&locals)].name.clone());
                let text = match inline {
                    Some(name) if self.rng.chance(40) => format!(
                        "(format!(\"{{}}-{{{name}}}-{{}}\", {}, {}).len() as u32)",
                        parts[0].text, parts[1].text
                    ),
                    _ => format!(
                        "(format!(\"{{}}/{{}}\", {}, {}).len() as u32)",
                        parts[0].text, parts[1].text
                    ),
                };
                Expr::compound(text, &parts)
            }
        }
    }

    /// What the branches of an `if`/`match` expression may hold: awaits
    /// half the time where the expression itself may await.
    fn arms(&mut self, ctx: &Ctx) -> Ctx {
        if ctx.awaits && self.rng.chance(50) {
            ctx.deeper()
        } else {
            ctx.without_awaits()
        }
    }

    /// `mix(a, b)`, `sum2((a, b))`, `sum3([a, b, c])`, `pair_sum(Pair { .. })`,
    /// `fold(&vec![..])`.
    pub(super) fn helper_call(&mut self, ctx: &Ctx) -> Expr {
        match self.rng.below(5) {
            0 => {
                let parts = self.ordered(ctx, &["mix"], &[Ty::U32, Ty::U32]);
                Expr::compound(format!("mix({}, {})", parts[0].text, parts[1].text), &parts)
            }
            1 => {
                let parts = self.ordered(ctx, &["sum2"], &[Ty::U32, Ty::U32]);
                Expr::compound(
                    format!("sum2(({}, {}))", parts[0].text, parts[1].text),
                    &parts,
                )
            }
            2 => {
                let parts = self.ordered(ctx, &["sum3"], &[Ty::U32, Ty::U32, Ty::U32]);
                let texts: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
                Expr::compound(format!("sum3([{}])", texts.join(", ")), &parts)
            }
            3 => {
                let parts = self.ordered(ctx, &["pair_sum", "Pair"], &[Ty::U32, Ty::U32]);
                Expr::compound(
                    format!(
                        "pair_sum(Pair {{ a: {}, b: {} }})",
                        parts[0].text, parts[1].text
                    ),
                    &parts,
                )
            }
            _ => {
                let parts = self.ordered(ctx, &["fold", "vec"], &[Ty::U32, Ty::U32]);
                Expr::compound(
                    format!("fold(&vec![{}, {}])", parts[0].text, parts[1].text),
                    &parts,
                )
            }
        }
    }

    /// Whether `?` may be used here: in a function returning an `Option`
    /// or a `Result`.
    pub(super) fn try_ok(&self, ctx: &Ctx) -> bool {
        !ctx.sealed && matches!(self.ret, Ty::OptU32 | Ty::ResU32)
    }

    /// `expr?` on the function's own kind of `Option`/`Result`.
    pub(super) fn try_value(&mut self, ctx: &Ctx) -> Expr {
        let ty = self.ret;
        if (!ctx.awaits || self.rng.chance(30))
            && let Some(name) = self.readable(ty, ctx)
        {
            return Expr::plain(format!("{name}?"));
        }
        if !ctx.awaits {
            return self.literal();
        }
        let value = self.simple_u32(ctx);
        let inner = match (ty, self.rng.chance(12)) {
            (Ty::OptU32, false) => format!("Some({value})"),
            (Ty::OptU32, true) => "None::<u32>".to_string(),
            (_, false) => format!("Ok::<u32, u32>({value})"),
            (_, true) => format!("Err::<u32, u32>({value})"),
        };
        match self.leaf(&inner, ctx) {
            Some(operand) => Expr {
                text: format!("{operand}.await?"),
                awaits: true,
                pure: false,
                nameable: true,
            },
            None => self.literal(),
        }
    }

    /// A literal or a local, for a leaf's value.
    pub(super) fn simple_u32(&mut self, ctx: &Ctx) -> String {
        if self.rng.chance(50)
            && let Some(name) = self.readable(Ty::U32, ctx)
        {
            return name;
        }
        self.literal().text
    }

    pub(super) fn bool(&mut self, ctx: &Ctx) -> Expr {
        let weights = [
            6,                                 // comparison
            if ctx.awaits { 2 } else { 0 },    // awaited bool
            2,                                 // method on a local
            if ctx.depth < 2 { 2 } else { 0 }, // && / ||
            1,                                 // !
        ];
        match self.rng.weighted(&weights) {
            0 => {
                let parts = self.ordered(ctx, &[], &[Ty::U32, Ty::U32]);
                let op = *self.rng.pick(&["<", ">", "==", "!=", ">="]);
                Expr::compound(format!("{} {op} {}", parts[0].text, parts[1].text), &parts)
            }
            1 => {
                let value = if self.rng.chance(50) { "true" } else { "false" };
                match self.leaf(value, ctx) {
                    Some(operand) => Expr::awaited(operand),
                    None => Expr::plain(value),
                }
            }
            2 => {
                let opts = self.usable(Ty::OptU32, ctx);
                let vecs = self.usable(Ty::Vec, ctx);
                if let Some(&id) = opts.first().filter(|_| self.rng.chance(50)) {
                    Expr::plain(format!("{}.is_some()", self.scope.vars[id].name))
                } else if let Some(&id) = vecs.first() {
                    Expr::plain(format!("{}.is_empty()", self.scope.vars[id].name))
                } else {
                    let n = self.u32(&ctx.deeper());
                    Expr::compound(format!("{} % 2 == 0", n.text), &[n])
                }
            }
            3 => {
                // The right may await too: it runs in a branch of its own
                // once the left is known. Both operands are scopes of their
                // own, so the whole is always bound ahead of a later await.
                let left = self.bool(&ctx.deeper());
                let right = self.bool(&ctx.deeper());
                let op = if self.rng.chance(50) { "&&" } else { "||" };
                let text = format!("({} {op} {})", left.text, right.text);
                Expr {
                    nameable: true,
                    ..Expr::compound(text, &[left, right])
                }
            }
            _ => {
                let inner = self.bool(&ctx.deeper());
                Expr::compound(format!("!({})", inner.text), &[inner])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::idents;

    #[test]
    fn idents_skip_literals() {
        assert_eq!(
            idents("leaf(\"L1 x\", 2, 5u32).max(x3)"),
            vec!["leaf".to_string(), "max".into(), "x3".into()]
        );
    }
}
