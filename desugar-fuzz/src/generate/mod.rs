//! The program generator: random `async fn`s from the surface `#[desugar]`
//! supports, each valid Rust by construction.
//!
//! A function has a few parameters (probes, numbers, vectors, strings,
//! references, a tuple pattern), returns `u32`, `Option<u32>`,
//! `Result<u32, u32>` or `()`, and a body of nested blocks built by
//! [`stmt`], [`branches`] and [`loops`] from expressions built by
//! [`expr`], [`awaited`] and [`values`], with the locals in scope tracked
//! by [`scope`]. A block of type `()` ends with a statement, with `()`, or
//! with a construct without `;` (a loop, an `if`, a `match`, a block) that
//! may await. The functions it calls (`leaf`, `touch_later`, `mix`, …)
//! are in the batch's prelude (`crate::batch::files`).

mod awaited;
mod branches;
mod expr;
mod loops;
mod scope;
mod stmt;
mod values;

use self::scope::{Scope, Ty};
use self::stmt::Target;
use crate::program::{Function, Node, Param, Receiver};
use crate::rng::Rng;

/// The generator's state while it writes one function.
pub struct Gen {
    rng: Rng,
    scope: Scope,
    /// The function's return type.
    ret: Ty,
    /// Numbers for leaf, probe and label names.
    sites: usize,
    /// Enclosing loops and labelled blocks, innermost last.
    targets: Vec<Target>,
    /// Statements left to write.
    budget: usize,
    /// Constructs entered.
    depth: u32,
    /// Loops entered.
    loops: u32,
    /// Whether this function may panic on purpose.
    panics: bool,
    /// A construct that awaits was written: the expansion writes the code
    /// after it once per way of reaching it.
    after_awaiting_construct: bool,
}

/// Generates the function `rng` names.
pub fn function(rng: &mut Rng) -> Function {
    let mut g = Gen {
        rng: rng.fork(),
        scope: Scope::default(),
        ret: Ty::U32,
        sites: 0,
        targets: Vec::new(),
        budget: 0,
        depth: 0,
        loops: 0,
        panics: false,
        after_awaiting_construct: false,
    };
    // One in four returns `()`, written `-> ()` or (as usual) not at all.
    g.ret = [Ty::U32, Ty::OptU32, Ty::ResU32, Ty::Unit][g.rng.below(4)];
    g.budget = g.rng.range(3, 24) as usize;
    g.panics = g.rng.chance(8);
    g.scope.open();
    let receiver = g.receiver();
    let params = g.params();
    let body = g.block_in_scope(Some(g.ret));
    g.scope.close();
    let ret = match g.ret {
        Ty::Unit if g.rng.chance(70) => String::new(),
        ty => ty.rust().to_string(),
    };
    let mut function = Function {
        receiver,
        params,
        ret,
        body,
    };
    if !function.render("f", "").contains(".await") {
        let first = Node::Line("leaf(\"L0\", 1, ()).await;".into());
        function.body.insert(0, first);
    }
    function
}

impl Gen {
    /// A name for a leaf, probe, label or panic at a new site.
    fn site(&mut self, prefix: &str) -> String {
        self.sites += 1;
        format!("{prefix}{}", self.sites)
    }

    /// Whether the expansion surely writes the code here once. A closure
    /// kept in a local across an await where it writes code twice (in a
    /// loop, after a branch that awaits) is a documented compile error
    /// (README, "Known differences"), so closures are only generated in the
    /// body's own block, before any construct that awaits. (An awaited
    /// `async` block may be anywhere: each copy gets a variant of its own.)
    fn written_once(&self) -> bool {
        self.loops == 0 && self.depth == 0 && !self.after_awaiting_construct
    }

    /// Sometimes a receiver, making the function a method of the prelude's
    /// `Holder { n: u32, p: Probe, v: Vec<u32> }`; its fields become locals
    /// that can be read, borrowed and (through `&mut self` or `mut self`)
    /// assigned, but never moved (a partial move is a known difference).
    fn receiver(&mut self) -> Option<Receiver> {
        let (decl, arg, setup, mutable) = match self.rng.weighted(&[12, 2, 1, 1, 1]) {
            0 => return None,
            1 => (
                "&self",
                "holder",
                Some("let holder = Holder::new(\"holder\");"),
                false,
            ),
            // A fresh holder per run, leaked: the future borrows it mutably.
            2 => (
                "&mut self",
                "Box::leak(Box::new(Holder::new(\"holder\")))",
                None,
                true,
            ),
            3 => ("self", "Holder::new(\"holder\")", None, false),
            _ => ("mut self", "Holder::new(\"holder\")", None, true),
        };
        for (field, ty) in [
            ("self.n", Ty::U32),
            ("self.p", Ty::Probe),
            ("self.v", Ty::Vec),
        ] {
            self.scope.declare_field(field.to_string(), ty, mutable);
        }
        Some(Receiver {
            decl: decl.to_string(),
            arg: arg.to_string(),
            setup: setup.map(str::to_string),
        })
    }

    fn params(&mut self) -> Vec<Param> {
        let count = self.rng.weighted(&[2, 4, 3, 2]);
        (0..count).map(|_| self.param()).collect()
    }

    fn param(&mut self) -> Param {
        let param = |pat: String, ty: &str, arg: String| Param {
            pat,
            ty: ty.to_string(),
            arg,
            setup: None,
        };
        match self.rng.weighted(&[4, 4, 1, 2, 2, 2, 1, 1, 1]) {
            0 => {
                let name = self.scope.fresh(Ty::U32);
                let mutable = self.rng.chance(30);
                self.scope.declare(name.clone(), Ty::U32, mutable);
                let pat = if mutable { format!("mut {name}") } else { name };
                param(pat, "u32", self.rng.range(0, 9).to_string())
            }
            1 => {
                let name = self.scope.fresh(Ty::Probe);
                self.scope.declare(name.clone(), Ty::Probe, false);
                let arg = format!("Probe::new(\"{name}\")");
                param(name, "Probe", arg)
            }
            2 => {
                let label = self.site("unnamed");
                param("_".into(), "Probe", format!("Probe::new(\"{label}\")"))
            }
            3 => {
                let name = self.scope.fresh(Ty::Vec);
                let mutable = self.rng.chance(40);
                self.scope.declare(name.clone(), Ty::Vec, mutable);
                let pat = if mutable { format!("mut {name}") } else { name };
                param(pat, "Vec<u32>", "vec![1, 2, 3]".into())
            }
            4 => {
                let name = self.scope.fresh(Ty::Str);
                self.scope.declare(name.clone(), Ty::Str, false);
                param(name, "String", "String::from(\"text\")".into())
            }
            5 => {
                let name = self.scope.fresh(Ty::RefProbe);
                self.scope.declare(name.clone(), Ty::RefProbe, false);
                let outer = format!("outer_{name}");
                Param {
                    pat: name,
                    ty: "&Probe".into(),
                    arg: format!("&{outer}"),
                    setup: Some(format!("let {outer} = Probe::new(\"{outer}\");")),
                }
            }
            6 => {
                let name = self.scope.fresh(Ty::RefStr);
                self.scope.declare(name.clone(), Ty::RefStr, false);
                param(name, "&str", "\"borrowed\"".into())
            }
            7 => {
                let name = self.scope.fresh(Ty::RefVec);
                self.scope.declare(name.clone(), Ty::RefVec, false);
                param(name, "&[u32]", "&[4, 5]".into())
            }
            _ => {
                let a = self.scope.fresh(Ty::U32);
                let p = self.scope.fresh(Ty::Probe);
                self.scope.declare(a.clone(), Ty::U32, false);
                self.scope.declare(p.clone(), Ty::Probe, false);
                let arg = format!("(7, Probe::new(\"{p}\"))");
                param(format!("({a}, {p})"), "(u32, Probe)", arg)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::function;
    use crate::rng::Rng;

    #[test]
    fn a_seed_names_one_function() {
        let a = function(&mut Rng::new(5)).render("f", "");
        let b = function(&mut Rng::new(5)).render("f", "");
        assert_eq!(a, b);
        assert!(a.contains(".await"));
    }

    #[test]
    fn functions_parse() {
        let mut rng = Rng::new(11);
        for _ in 0..300 {
            let text = function(&mut rng).render("f", "");
            if let Err(err) = syn::parse_file(&text) {
                panic!("{err}\n{text}");
            }
        }
    }

    /// Some functions return `()`, with and without `-> ()`, and some of
    /// those end with a loop that awaits, with no `;`: the shape of a bug
    /// that value tails could not show.
    #[test]
    fn unit_functions_parse() {
        let mut rng = Rng::new(12);
        let (mut unit, mut written, mut loop_tails) = (0, 0, 0);
        for _ in 0..300 {
            let function = function(&mut rng);
            let text = function.render("f", "");
            let file = match syn::parse_file(&text) {
                Ok(file) => file,
                Err(err) => panic!("{err}\n{text}"),
            };
            match function.ret.as_str() {
                "" => unit += 1,
                "()" => written += 1,
                _ => continue,
            }
            let block = match file.items.first() {
                Some(syn::Item::Fn(item)) => item.block.clone(),
                Some(syn::Item::Impl(item)) => match item.items.first() {
                    Some(syn::ImplItem::Fn(method)) => Box::new(method.block.clone()),
                    _ => panic!("no method\n{text}"),
                },
                _ => panic!("no fn\n{text}"),
            };
            let loop_tail = matches!(
                block.stmts.last(),
                Some(syn::Stmt::Expr(
                    syn::Expr::ForLoop(_) | syn::Expr::While(_) | syn::Expr::Loop(_),
                    None
                ))
            );
            if loop_tail && function.body.last().is_some_and(|node| node.awaits()) {
                loop_tails += 1;
            }
        }
        assert!(
            unit > 30 && written > 10,
            "{unit} without `-> ()`, {written} with"
        );
        assert!(loop_tails > 0, "no unit fn ends with a loop that awaits");
    }
}
