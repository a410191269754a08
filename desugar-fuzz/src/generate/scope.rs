//! The generator's view of the locals in scope: their types, and what the
//! borrow checker would say about each (moved, borrowed, reserved).
//!
//! The rules are deliberately stricter than rustc's, so every program the
//! generator writes is accepted by rustc without having to ask it:
//!
//! - a value moves only in the block that declared it (no moves out of
//!   loops, and no "moved on one branch" states, whose drops differ by
//!   design: README, "Known differences");
//! - a local borrowed by another local (`let r = &v;`, a closure, a `for`
//!   over `&v`) can be read but not moved or mutated until the borrowing
//!   local's block ends.

/// The types generated values have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    U32,
    Bool,
    OptU32,
    ResU32,
    Probe,
    Vec,
    Str,
    /// `&Probe`, `&Vec<u32>` / `&[u32]`, `&String` / `&str`.
    RefProbe,
    RefVec,
    RefStr,
    /// `&mut u32`.
    MutU32,
    /// A closure `|u32| -> u32`.
    Closure,
    /// `()`: a function's return type and its blocks' tails, never a local.
    Unit,
}

impl Ty {
    /// The type as written in Rust, where it can be written.
    pub fn rust(self) -> &'static str {
        match self {
            Ty::U32 => "u32",
            Ty::Bool => "bool",
            Ty::OptU32 => "Option<u32>",
            Ty::ResU32 => "Result<u32, u32>",
            Ty::Probe => "Probe",
            Ty::Vec => "Vec<u32>",
            Ty::Str => "String",
            Ty::RefProbe => "&Probe",
            Ty::RefVec => "&[u32]",
            Ty::RefStr => "&str",
            Ty::MutU32 => "&mut u32",
            Ty::Closure => "_",
            Ty::Unit => "()",
        }
    }

    /// A prefix for locals of this type.
    pub fn prefix(self) -> &'static str {
        match self {
            Ty::U32 => "x",
            Ty::Bool => "b",
            Ty::OptU32 => "o",
            Ty::ResU32 => "e",
            Ty::Probe => "p",
            Ty::Vec => "v",
            Ty::Str => "s",
            Ty::RefProbe | Ty::RefVec | Ty::RefStr => "r",
            Ty::MutU32 => "m",
            Ty::Closure => "f",
            Ty::Unit => "u",
        }
    }
}

pub type VarId = usize;

/// A local (or parameter) the generator declared.
#[derive(Clone, Debug)]
pub struct Var {
    pub name: String,
    pub ty: Ty,
    pub mutable: bool,
    pub moved: bool,
    /// Live locals borrowing this one.
    pub borrowed: u32,
    /// A live `&mut` borrow: not even readable.
    pub locked: bool,
    /// A loop counter or a `while let` stack: read, never written.
    pub reserved: bool,
    /// The block that declared it.
    pub block: usize,
    /// What this local borrows (released when its block ends).
    pub borrows: Option<(VarId, bool)>,
}

/// The locals in scope, block by block.
#[derive(Default)]
pub struct Scope {
    pub vars: Vec<Var>,
    /// Innermost block last: its id and the locals it declared.
    frames: Vec<(usize, Vec<VarId>)>,
    next_block: usize,
    /// Names handed out, for fresh ones.
    next_name: usize,
}

impl Scope {
    pub fn open(&mut self) {
        self.frames.push((self.next_block, Vec::new()));
        self.next_block += 1;
    }

    /// Ends the innermost block: its borrows end with it.
    pub fn close(&mut self) {
        let Some((_, declared)) = self.frames.pop() else {
            return;
        };
        for id in declared {
            if let Some((target, exclusive)) = self.vars[id].borrows.take() {
                self.release(target, exclusive);
            }
        }
    }

    pub fn current_block(&self) -> usize {
        self.frames.last().map_or(0, |(id, _)| *id)
    }

    /// A new name with the type's prefix.
    pub fn fresh(&mut self, ty: Ty) -> String {
        self.next_name += 1;
        format!("{}{}", ty.prefix(), self.next_name)
    }

    /// Declares a local in the innermost block.
    pub fn declare(&mut self, name: String, ty: Ty, mutable: bool) -> VarId {
        let id = self.vars.len();
        self.vars.push(Var {
            name,
            ty,
            mutable,
            moved: false,
            borrowed: 0,
            locked: false,
            reserved: false,
            block: self.current_block(),
            borrows: None,
        });
        if let Some((_, declared)) = self.frames.last_mut() {
            declared.push(id);
        }
        id
    }

    /// Declares a field of `self` (`self.n`): a place read and borrowed
    /// like a local, never moved (it belongs to no block), never shadowed.
    pub fn declare_field(&mut self, name: String, ty: Ty, mutable: bool) {
        let id = self.declare(name, ty, mutable);
        self.vars[id].block = usize::MAX;
    }

    /// Records that `holder` borrows `target` until `holder`'s block ends.
    pub fn borrow(&mut self, holder: VarId, target: VarId, exclusive: bool) {
        self.hold(target, exclusive);
        self.vars[holder].borrows = Some((target, exclusive));
    }

    /// Borrows `target` until [`Scope::release`] (a loop over `&v`).
    pub fn hold(&mut self, target: VarId, exclusive: bool) {
        if exclusive {
            self.vars[target].locked = true;
        } else {
            self.vars[target].borrowed += 1;
        }
    }

    pub fn release(&mut self, target: VarId, exclusive: bool) {
        if exclusive {
            self.vars[target].locked = false;
        } else {
            self.vars[target].borrowed -= 1;
        }
    }

    /// The locals visible by name here (shadowed ones left out).
    pub fn visible(&self) -> Vec<VarId> {
        let mut out: Vec<VarId> = Vec::new();
        for (_, declared) in self.frames.iter().rev() {
            for &id in declared.iter().rev() {
                if !out.iter().any(|&o| self.vars[o].name == self.vars[id].name) {
                    out.push(id);
                }
            }
        }
        out.reverse();
        out
    }

    /// Visible locals of type `ty` passing `ok`.
    pub fn find(&self, ty: Ty, ok: impl Fn(&Var) -> bool) -> Vec<VarId> {
        self.visible()
            .into_iter()
            .filter(|&id| self.vars[id].ty == ty && ok(&self.vars[id]))
            .collect()
    }

    /// Can be read (copied, borrowed for a call, printed).
    pub fn readable(var: &Var) -> bool {
        !var.moved && !var.locked
    }

    /// Can be assigned or borrowed mutably.
    pub fn writable(var: &Var) -> bool {
        Self::readable(var) && var.mutable && var.borrowed == 0 && !var.reserved
    }

    /// Can be moved out of, here.
    pub fn movable(&self, var: &Var) -> bool {
        Self::readable(var)
            && var.borrowed == 0
            && !var.reserved
            && var.block == self.current_block()
    }
}
