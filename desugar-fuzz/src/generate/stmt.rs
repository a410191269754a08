//! Statements and the constructs that hold blocks: `let` (with shadowing,
//! references, closures, deferred initialisation, `let … else`), assignments,
//! calls, `if`/`if let`/`match`, the four loops with labels, `break` with a
//! value, `continue`, `return`, `?` and panics.
//!
//! Each loop is bounded by a counter (or a vector it drains), so every
//! generated function finishes.

use super::Gen;
use super::expr::{Ctx, statement_safe};
use super::scope::{Scope, Ty};
use crate::program::{Node, Part};

/// What `break`/`continue` can leave: a loop or a labelled block.
#[derive(Clone, Debug)]
pub struct Target {
    pub label: Option<String>,
    pub is_loop: bool,
    /// The type of `break value`, for `loop`s and blocks that have one.
    pub value: Option<Ty>,
}

/// The statements of one block under construction.
pub(super) type Out = Vec<Node>;

pub(super) fn line(text: impl Into<String>) -> Node {
    Node::Line(text.into())
}

pub(super) fn text(text: impl Into<String>) -> Part {
    Part::Text(text.into())
}

impl Gen {
    /// A block in a new scope: statements, then a tail of type `tail`.
    pub(super) fn block(&mut self, tail: Option<Ty>, prelude: &[(String, Ty)]) -> Vec<Node> {
        self.scope.open();
        for (name, ty) in prelude {
            self.scope.declare(name.clone(), *ty, false);
        }
        let out = self.block_in_scope(tail);
        self.scope.close();
        out
    }

    /// Statements and a tail in the current scope.
    pub(super) fn block_in_scope(&mut self, tail: Option<Ty>) -> Vec<Node> {
        let mut out = Vec::new();
        let wanted = self.rng.range(1, 4);
        for _ in 0..wanted {
            if self.budget == 0 {
                break;
            }
            self.budget -= 1;
            self.statement(&mut out);
        }
        if let Some(ty) = tail {
            self.tail(ty, &mut out);
        }
        out
    }

    /// A block's last expression, of type `ty`: an expression, or (while
    /// not too deep) an `if`/`match`/block whose branches may await.
    pub(super) fn tail(&mut self, ty: Ty, out: &mut Out) {
        if ty == Ty::Unit {
            return self.unit_tail(out);
        }
        if self.depth < 3 && self.budget > 0 && self.rng.chance(25) {
            self.budget -= 1;
            if let Some(node) = self.value_construct(ty) {
                out.push(node);
                return;
            }
        }
        let e = self.expr(ty, &Ctx::lead());
        out.push(line(statement_safe(&e.text)));
    }

    /// The end of a block of type `()`: nothing (a statement and its `;`
    /// last), `()`, or (while not too deep) a construct without a `;`
    /// whose value is the block's: a loop (`loop` leaves by `break;`), an
    /// `if` with or without `else`, a `match`, a block, whose own blocks
    /// end the same way (an `if` whose branch ends with a `for`). Each may
    /// await inside, and must still give `()` where it ends: a `for` that
    /// awaits as a unit body's tail once ran off its arm and panicked.
    fn unit_tail(&mut self, out: &mut Out) {
        let construct = self.depth < 3 && self.budget > 0;
        match self.rng.weighted(&[3, 2, if construct { 6 } else { 0 }]) {
            0 => {
                // A statement that ends with `}` would be the tail itself.
                if out.last().is_some_and(|node| !node.ends_with_semicolon()) {
                    self.expr_stmt(out);
                }
            }
            1 => out.push(line("()")),
            _ => {
                self.budget -= 1;
                let weights = [if self.loops < 2 { 4 } else { 0 }, 3, 2, 2];
                match self.rng.weighted(&weights) {
                    0 => {
                        self.loop_stmt(out, None);
                    }
                    1 => self.if_stmt(out, Some(Ty::Unit)),
                    2 => self.match_stmt(out, Some(Ty::Unit)),
                    _ => out.extend(self.value_construct(Ty::Unit)),
                }
            }
        }
    }

    pub(super) fn statement(&mut self, out: &mut Out) {
        let deep = self.depth >= 3;
        let in_loop = self.targets.iter().any(|t| t.is_loop);
        let weights = [
            10,                                                 // let
            3,                                                  // let of a reference / closure
            if deep { 0 } else { 2 },                           // deferred initialisation
            4,                                                  // assignment
            8,                                                  // expression statement
            if deep { 0 } else { 4 },                           // if
            if deep { 0 } else { 3 },                           // match
            if deep || self.loops >= 2 { 0 } else { 4 },        // loop
            if deep { 0 } else { 1 },                           // block
            if deep { 0 } else { 3 },                           // let with a construct
            2,                                                  // let … else
            if in_loop || self.ret != Ty::U32 { 3 } else { 1 }, // exit
            if self.panics { 2 } else { 0 },                    // panic
            if deep { 0 } else { 2 },                           // a pattern that may take a local
        ];
        let before = out.len();
        match self.rng.weighted(&weights) {
            0 => self.let_value(out),
            1 => self.let_borrow(out),
            2 => self.deferred(out),
            3 => self.assign(out),
            4 => self.expr_stmt(out),
            5 => self.if_stmt(out, None),
            6 => self.match_stmt(out, None),
            7 => {
                self.loop_stmt(out, None);
            }
            8 => self.block_stmt(out),
            9 => self.let_construct(out),
            10 => self.let_else(out),
            11 => self.exit(out),
            12 => self.panic_stmt(out),
            _ => self.taken_by_pattern(out),
        }
        if out[before..]
            .iter()
            .any(|node| matches!(node, Node::Nest(_)) && node.awaits())
        {
            self.after_awaiting_construct = true;
        }
    }

    /// A block one level deeper.
    pub(super) fn nested(&mut self, tail: Option<Ty>, prelude: &[(String, Ty)]) -> Vec<Node> {
        self.depth += 1;
        let block = self.block(tail, prelude);
        self.depth -= 1;
        block
    }

    /// A name for a new local: fresh, or one in scope to shadow it.
    pub(super) fn binding_name(&mut self, ty: Ty) -> String {
        let visible: Vec<usize> = self
            .scope
            .visible()
            .into_iter()
            .filter(|&id| !self.scope.vars[id].name.contains('.'))
            .collect();
        if !visible.is_empty() && self.rng.chance(20) {
            let id = *self.rng.pick(&visible);
            return self.scope.vars[id].name.clone();
        }
        self.scope.fresh(ty)
    }

    pub(super) fn let_value(&mut self, out: &mut Out) {
        let ty = [
            Ty::U32,
            Ty::Probe,
            Ty::Vec,
            Ty::Str,
            Ty::OptU32,
            Ty::ResU32,
            Ty::Bool,
        ][self.rng.weighted(&[9, 4, 2, 2, 2, 1, 1])];
        let e = self.expr(ty, &Ctx::lead());
        let name = self.binding_name(ty);
        let mutable = matches!(ty, Ty::U32 | Ty::Probe | Ty::Vec | Ty::Str) && self.rng.chance(35);
        let annotation = if self.rng.chance(20) {
            format!(": {}", ty.rust())
        } else {
            String::new()
        };
        let mutability = if mutable { "mut " } else { "" };
        out.push(line(format!(
            "let {mutability}{name}{annotation} = {};",
            e.text
        )));
        self.scope.declare(name, ty, mutable);
    }

    /// `let r = &v;`, `let m = &mut x;` or a closure borrowing a local.
    pub(super) fn let_borrow(&mut self, out: &mut Out) {
        let lendable: Vec<usize> = [Ty::Probe, Ty::Vec, Ty::Str]
            .iter()
            .flat_map(|&ty| self.scope.find(ty, Scope::readable))
            .collect();
        let writable: Vec<usize> = self.scope.find(Ty::U32, Scope::writable);
        let captured = self.scope.find(Ty::U32, Scope::readable);
        let weights = [
            if lendable.is_empty() { 0 } else { 5 },
            if writable.is_empty() { 0 } else { 2 },
            if self.written_once() { 2 } else { 0 },
            2,
        ];
        match self.rng.weighted(&weights) {
            0 => {
                let target = *self.rng.pick(&lendable);
                let target_name = self.scope.vars[target].name.clone();
                let (ty, value) = match self.scope.vars[target].ty {
                    Ty::Probe => (Ty::RefProbe, format!("&{target_name}")),
                    Ty::Vec if self.rng.chance(50) => {
                        (Ty::RefVec, format!("{target_name}.as_slice()"))
                    }
                    Ty::Vec => (Ty::RefVec, format!("&{target_name}")),
                    _ if self.rng.chance(50) => (Ty::RefStr, format!("{target_name}.as_str()")),
                    _ => (Ty::RefStr, format!("&{target_name}")),
                };
                let name = self.binding_name(ty);
                out.push(line(format!("let {name} = {value};")));
                let id = self.scope.declare(name, ty, false);
                self.scope.borrow(id, target, false);
            }
            1 => {
                let target = *self.rng.pick(&writable);
                let target_name = self.scope.vars[target].name.clone();
                let name = self.scope.fresh(Ty::MutU32);
                out.push(line(format!("let {name} = &mut {target_name};")));
                let id = self.scope.declare(name, Ty::MutU32, false);
                self.scope.borrow(id, target, true);
            }
            2 => {
                let name = self.scope.fresh(Ty::Closure);
                let probes = self.scope.find(Ty::Probe, Scope::readable);
                let (body, target) = if !probes.is_empty() && self.rng.chance(40) {
                    let p = *self.rng.pick(&probes);
                    let p_name = &self.scope.vars[p].name;
                    (format!("{{ {p_name}.touch(); a.rotate_left(1) }}"), Some(p))
                } else if !captured.is_empty() && self.rng.chance(70) {
                    let x = *self.rng.pick(&captured);
                    (format!("a ^ {}", self.scope.vars[x].name), Some(x))
                } else {
                    ("a.wrapping_mul(3)".to_string(), None)
                };
                out.push(line(format!("let {name} = |a: u32| {body};")));
                let id = self.scope.declare(name, Ty::Closure, false);
                if let Some(target) = target {
                    self.scope.borrow(id, target, false);
                }
            }
            _ => self.let_extended(out),
        }
    }

    /// `let r = &Probe::new(..);`: a borrowed temporary the `let` extends
    /// to the end of the block, made ahead, awaited, or in a branch.
    fn let_extended(&mut self, out: &mut Out) {
        let (first, second) = (self.site("e"), self.site("e"));
        let (ty, value) = match self.rng.below(5) {
            0 => (Ty::RefProbe, format!("&Probe::new(\"{first}\")")),
            1 => {
                let leaf = self.leaf(&format!("Probe::new(\"{first}\")"), &Ctx::lead());
                match leaf {
                    Some(leaf) => (Ty::RefProbe, format!("&{leaf}.await")),
                    None => (Ty::RefProbe, format!("&Probe::new(\"{first}\")")),
                }
            }
            2 => {
                let cond = self.expr(Ty::Bool, &Ctx::default());
                (
                    Ty::RefProbe,
                    format!(
                        "if {} {{ &Probe::new(\"{first}\") }} else {{ &Probe::new(\"{second}\") }}",
                        cond.text
                    ),
                )
            }
            3 => {
                let n = self.expr(Ty::U32, &Ctx::default());
                (Ty::RefVec, format!("&vec![{}, 2u32]", n.text))
            }
            _ => {
                let name = self.binding_name(Ty::RefProbe);
                out.push(line(format!(
                    "let ({name}, _) = (&Probe::new(\"{first}\"), 1u32);"
                )));
                self.scope.declare(name, Ty::RefProbe, false);
                return;
            }
        };
        let name = self.binding_name(ty);
        out.push(line(format!("let {name} = {value};")));
        self.scope.declare(name, ty, false);
    }

    /// `let y; if c { ..; y = a; } else { ..; y = b; }`
    pub(super) fn deferred(&mut self, out: &mut Out) {
        let ty = [Ty::U32, Ty::Probe, Ty::Str][self.rng.weighted(&[5, 3, 1])];
        let name = self.scope.fresh(ty);
        let annotation = if self.rng.chance(50) {
            format!(": {}", ty.rust())
        } else {
            String::new()
        };
        out.push(line(format!("let {name}{annotation};")));
        let cond = self.expr(Ty::Bool, &Ctx::lead());
        self.depth += 1;
        let mut branches = Vec::new();
        for _ in 0..2 {
            self.scope.open();
            let mut block = self.block_in_scope(None);
            let value = self.expr(ty, &Ctx::lead());
            block.push(line(format!("{name} = {};", value.text)));
            self.scope.close();
            branches.push(block);
        }
        self.depth -= 1;
        let second = branches.pop().unwrap_or_default();
        let first = branches.pop().unwrap_or_default();
        out.push(Node::Nest(vec![
            text(format!("if {} ", cond.text)),
            Part::Block(first),
            text(" else "),
            Part::Block(second),
        ]));
        self.scope.declare(name, ty, false);
    }

    pub(super) fn assign(&mut self, out: &mut Out) {
        let targets: Vec<usize> = [Ty::U32, Ty::Probe, Ty::Vec, Ty::Str]
            .iter()
            .flat_map(|&ty| self.scope.find(ty, Scope::writable))
            .collect();
        let muts = self.scope.find(Ty::MutU32, Scope::readable);
        if !muts.is_empty() && (targets.is_empty() || self.rng.chance(30)) {
            let m = self.scope.vars[*self.rng.pick(&muts)].name.clone();
            if self.rng.chance(50) {
                let value = self.expr(Ty::U32, &Ctx::lead());
                out.push(line(format!("*{m} = {};", value.text)));
            } else {
                // `*m` runs first and is not a path: no await after it.
                let value = self.expr(Ty::U32, &Ctx::default());
                out.push(line(format!("*{m} ^= {};", value.text)));
            }
            return;
        }
        if targets.is_empty() {
            return self.expr_stmt(out);
        }
        let id = *self.rng.pick(&targets);
        let (name, ty) = (self.scope.vars[id].name.clone(), self.scope.vars[id].ty);
        let ctx = Ctx {
            avoid: vec![name.clone()],
            ..Ctx::lead()
        };
        let value = self.expr(ty, &ctx);
        if ty == Ty::U32 && self.rng.chance(50) {
            let op = *self.rng.pick(&["^=", "|=", "&="]);
            out.push(line(format!("{name} {op} {};", value.text)));
        } else {
            out.push(line(format!("{name} = {};", value.text)));
        }
    }

    pub(super) fn expr_stmt(&mut self, out: &mut Out) {
        let probes: Vec<usize> = [Ty::Probe, Ty::RefProbe]
            .iter()
            .flat_map(|&ty| self.scope.find(ty, Scope::readable))
            .collect();
        let vecs = self.scope.find(Ty::Vec, Scope::writable);
        let owned: Vec<usize> = [Ty::Probe, Ty::Vec, Ty::Str]
            .iter()
            .flat_map(|&ty| self.scope.find(ty, Scope::readable))
            .filter(|&id| self.scope.movable(&self.scope.vars[id]))
            .collect();
        let owned_probes: Vec<usize> = owned
            .iter()
            .copied()
            .filter(|&id| self.scope.vars[id].ty == Ty::Probe)
            .collect();
        let weights = [
            8,                                           // an awaited value, dropped
            if probes.is_empty() { 0 } else { 4 },       // p.touch()
            if vecs.is_empty() { 0 } else { 2 },         // v.push(..)
            if owned.is_empty() { 0 } else { 2 },        // drop(p)
            if owned.is_empty() { 0 } else { 1 },        // let _ = p;
            if owned.is_empty() { 0 } else { 1 },        // drop(Wrap { p })
            2,                                           // assert_eq!
            if owned_probes.is_empty() { 0 } else { 1 }, // o.map(..) before an await
            1,                                           // collected in a loop, read after
        ];
        match self.rng.weighted(&weights) {
            0 => {
                let e = self.expr(Ty::U32, &Ctx::lead());
                out.push(line(format!("{};", statement_safe(&e.text))));
            }
            1 => {
                let p = *self.rng.pick(&probes);
                out.push(line(format!("{}.touch();", self.scope.vars[p].name)));
            }
            2 => {
                let v = self.scope.vars[*self.rng.pick(&vecs)].name.clone();
                let parts = self.ordered(&Ctx::lead(), &[&v], &[Ty::U32]);
                out.push(line(format!("{v}.push({});", parts[0].text)));
            }
            3 => {
                let id = *self.rng.pick(&owned);
                self.scope.vars[id].moved = true;
                out.push(line(format!("drop({});", self.scope.vars[id].name)));
            }
            4 => {
                let id = *self.rng.pick(&owned);
                out.push(line(format!("let _ = {};", self.scope.vars[id].name)));
            }
            5 => {
                // Moved by a struct literal's shorthand field, which names
                // the local without a path expression of its own.
                let id = *self.rng.pick(&owned);
                self.scope.vars[id].moved = true;
                let name = &self.scope.vars[id].name;
                out.push(line(format!(
                    "{{ struct Wrap<T> {{ {name}: T }} drop(Wrap {{ {name} }}); }}"
                )));
            }
            6 => {
                let k = self.rng.range(0, 9);
                match self.leaf(&k.to_string(), &Ctx::lead()) {
                    Some(leaf) => out.push(line(format!("assert_eq!({leaf}.await, {k});"))),
                    None => out.push(line(format!("assert_eq!({k}, {k});"))),
                }
            }
            8 => {
                // Values collected in a loop whose element type only the
                // code after the await gives (`Vec::new()`, then `push`),
                // read after the loop, which also runs when no iteration
                // reaches the await: each arm must know the type there.
                let iterations = self.rng.range(0, 3);
                let every = self.rng.range(1, 3);
                let site = self.site("c");
                let Some(leaf) = self.leaf(&format!("Probe::new(\"{site}\")"), &Ctx::lead()) else {
                    return;
                };
                let read = if self.rng.chance(50) {
                    "acc.iter().map(|x| x.label().len() as u32).sum::<u32>()"
                } else {
                    "acc.first().map_or(0, |x| x.label().len() as u32)"
                };
                out.push(line(format!(
                    "{{ let mut acc = Vec::new(); for i in 0..{iterations}u32 {{ let v = {leaf}.await; if i % {every} == 0 {{ acc.push(v); }} }} {read} }};"
                )));
            }
            _ => {
                // A local taken by a standard method, not kept after it,
                // before an await in its scope: the call goes through the
                // check that the method moves it (`__private::receiver_consumed`).
                let id = *self.rng.pick(&owned_probes);
                self.scope.vars[id].moved = true;
                let p = self.scope.vars[id].name.clone();
                let k = self.rng.range(0, 9);
                let wait = match self.leaf(&k.to_string(), &Ctx::lead()) {
                    Some(leaf) => format!("{leaf}.await"),
                    None => k.to_string(),
                };
                out.push(line(format!(
                    "{{ let o = Some({p}); let n = o.map(|q| {{ q.touch(); q.label().len() as u32 }}).unwrap_or(0); n.max({wait}) }};"
                )));
            }
        }
    }

    /// `let Some(n) = … else { exit };`
    pub(super) fn let_else(&mut self, out: &mut Out) {
        let (ty, pat_of) = if self.rng.chance(70) {
            (Ty::OptU32, "Some")
        } else {
            (Ty::ResU32, "Ok")
        };
        let value = self.expr(ty, &Ctx::lead());
        let exit = self.diverging(&Ctx::default());
        // An `else` that awaits before it leaves (lowered as a `match`).
        let wait = if self.rng.chance(40) {
            let site = self.site("t");
            self.leaf(&format!("Probe::new(\"{site}\")"), &Ctx::lead())
                .map(|leaf| format!("{leaf}.await.touch(); "))
                .unwrap_or_default()
        } else {
            String::new()
        };
        let n = self.binding_name(Ty::U32);
        out.push(line(format!(
            "let {pat_of}({n}) = {} else {{ {wait}{exit} }};",
            value.text
        )));
        self.scope.declare(n, Ty::U32, false);
    }

    /// A statement that leaves: `return`, `break`, `continue` or a panic.
    pub(super) fn diverging(&mut self, ctx: &Ctx) -> String {
        let mut options: Vec<String> = Vec::new();
        // Unlabelled, `break`/`continue` leave the innermost loop, and may
        // not cross a labelled block (E0695).
        if let Some(innermost) = self.targets.last()
            && innermost.is_loop
        {
            if innermost.value.is_none() {
                options.push("break;".into());
            }
            options.push("continue;".into());
        }
        let targets = self.targets.clone();
        for target in targets.iter().rev() {
            if let Some(label) = &target.label {
                match target.value {
                    None => options.push(format!("break {label};")),
                    Some(ty) => {
                        let v = self.expr(ty, ctx);
                        options.push(format!("break {label} {};", v.text));
                    }
                }
                if target.is_loop {
                    options.push(format!("continue {label};"));
                }
            }
        }
        // A unit function's `return` has a value only sometimes: `return ()`.
        if self.ret == Ty::Unit && self.rng.chance(50) {
            options.push("return;".into());
        } else {
            let ret = self.expr(self.ret, ctx);
            options.push(format!("return {};", ret.text));
        }
        if self.panics {
            options.push(format!("panic!(\"{}\");", self.site("panic")));
        }
        self.rng.pick(&options).clone()
    }

    /// `if c { ..; exit }`.
    pub(super) fn exit(&mut self, out: &mut Out) {
        let cond = self.expr(Ty::Bool, &Ctx::lead());
        self.depth += 1;
        self.scope.open();
        let mut block = if self.rng.chance(30) {
            self.block_in_scope(None)
        } else {
            Vec::new()
        };
        let exit = self.diverging(&Ctx::lead());
        block.push(line(exit));
        self.scope.close();
        self.depth -= 1;
        out.push(Node::Nest(vec![
            text(format!("if {} ", cond.text)),
            Part::Block(block),
        ]));
    }

    pub(super) fn panic_stmt(&mut self, out: &mut Out) {
        let cond = self.expr(Ty::Bool, &Ctx::lead());
        let site = self.site("boom");
        let payload = self.expr(Ty::U32, &Ctx::default());
        out.push(Node::Nest(vec![
            text(format!("if {} ", cond.text)),
            Part::Block(vec![line(format!(
                "panic!(\"{site} {{}}\", {});",
                payload.text
            ))]),
        ]));
    }
}
