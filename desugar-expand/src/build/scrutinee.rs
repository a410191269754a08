//! The temporaries of a `match` or `if let` scrutinee.
//!
//! rustc keeps every temporary a scrutinee makes to the end of the
//! construct: a value borrowed by a method (`Probe::new("t").label()`), the
//! value whose field is read (`m.lock().await.state`), a borrowed value
//! (`&format!(..)`), and for a `match` the scrutinee's own value. When the
//! arms await, the machine must keep them across the suspension, so they
//! become locals of a block that ends with the construct. An argument or
//! by-value receiver that runs before a later part's temporary is named
//! too, so that it still runs first; it is an operand, moved into what
//! uses it, not one of the temporaries the construct drops.
//!
//! Before: `match Probe::new("t").label().len() { 1 => a().await, _ => 0 }`
//! After:  `{ let __temporary1 = Probe::new("t"); let __temporary2 = __temporary1.label().len();
//!            match __temporary2 { 1 => a().await, _ => 0 } }`
//!
//! Before: `match make(1).fetch(&format!("x")).await { .. }`
//! After:  `{ let __temporary1 = make(1); let __temporary2 = format!("x");
//!            match __temporary1.fetch(&__temporary2).await { .. } }`
//!
//! (`fetch` borrowing its receiver borrows the local, kept to the end of
//! the `match` as rustc keeps the value; `fetch` taking `self` cannot move
//! it out where the future is taken to borrow it, which is the compile
//! error README's "Values consumed by a method" describes.)

use proc_macro2::Span;
use syn::Expr;
use syn::spanned::Spanned;

use super::receiver_check;
use super::struct_update;
use super::values;
use crate::ir::MentionKind;
use crate::walk;

/// A value of the scrutinee, named.
pub(crate) struct Named {
    pub(crate) ident: syn::Ident,
    /// `None`: declared only, and given its value in place by a later
    /// part (what a struct update's base leaves, see [`struct_update`]).
    pub(crate) value: Option<Expr>,
    /// A temporary rustc keeps to the end of the construct; otherwise an
    /// operand (an argument, a by-value receiver) named only so that it
    /// still runs before a later part's temporary, and moved or copied
    /// into what uses it: nothing is left of it to drop early.
    pub(crate) temporary: bool,
    /// Borrowed mutably (`&mut vec![..]`, `make().iter_mut()`): declared
    /// `mut`.
    pub(crate) mutable: bool,
    /// Made for the receiver of a method syntax does not know, whose
    /// result is named too (see [`Use::Receiver`]).
    pub(crate) receiver: bool,
}

/// What [`temporaries`] found in a scrutinee.
#[derive(Default)]
pub(crate) struct Scrutinee {
    /// Its temporaries, named.
    pub(crate) named: Vec<Named>,
    /// The construct suspends while they live (see [`temporaries`]).
    arms_await: bool,
}

impl Scrutinee {
    pub(crate) fn is_empty(&self) -> bool {
        self.named.is_empty()
    }

    /// `scrutinee` (as [`temporaries`] left it) is matched by `pats`: where
    /// one binds `ref mut` into the scrutinee's own value, named, that
    /// value is borrowed mutably, as rustc's temporary is, so its local is
    /// `mut` (and, kept in place, reached through `place_mut`).
    ///
    /// Before: `match make(go) { Some(ref mut t) => { x.await; t.0 += 1 } None => {} }`
    /// After:  `let mut __temporary1 = make(go); match __temporary1 { .. }`
    ///
    /// And where a pattern binds by value a field of a value named here,
    /// while the arms await, the field is copied out of it: see
    /// [`Scrutinee::field_copied`].
    pub(crate) fn matched_by<'p>(
        &mut self,
        scrutinee: &mut Expr,
        pats: impl IntoIterator<Item = &'p syn::Pat> + Clone,
    ) {
        if pats.clone().into_iter().any(walk::patterns::binds_by_value) {
            self.field_copied(scrutinee);
        }
        let Expr::Path(path) = &*scrutinee else {
            return;
        };
        if !pats.into_iter().any(walk::patterns::binds_by_ref_mut) {
            return;
        }
        for named in &mut self.named {
            if named.temporary && path.path.is_ident(&named.ident) {
                named.mutable = true;
            }
        }
    }

    /// `scrutinee`, a field of a temporary named here (`pair().a` became
    /// `__temporary1.a`), is matched by a pattern that binds it by value,
    /// while the arms await. rustc keeps the temporary to the end of the
    /// construct, and drops there what the pattern leaves of it; so does
    /// the machine, which keeps the local. A binding copies a `Copy` field
    /// and leaves the local whole; one that moves the field out would leave
    /// the machine a part of a value to keep (E0382 in the expansion), so
    /// the field is read through `__private::copied_from_temporary`, which
    /// stops the build there saying to bind the field with `let` first.
    ///
    /// Before: `match __temporary1.a { a => { x.await; a.len() } }`
    /// After:  `match copied_from_temporary(__temporary1.a) { a => { .. } }`
    fn field_copied(&self, scrutinee: &mut Expr) {
        fn root(expr: &Expr) -> Option<&syn::ExprPath> {
            match expr {
                Expr::Field(e) => match &*e.base {
                    Expr::Path(path) => Some(path),
                    base => root(base),
                },
                Expr::Paren(e) => root(&e.expr),
                _ => None,
            }
        }
        let named_here = root(scrutinee).is_some_and(|path| {
            self.named
                .iter()
                .any(|named| named.temporary && path.path.is_ident(&named.ident))
        });
        if !self.arms_await || !named_here {
            return;
        }
        let at = syn::spanned::Spanned::span(&*scrutinee);
        let field = std::mem::replace(scrutinee, Expr::PLACEHOLDER);
        *scrutinee = crate::syntax::private_call("copied_from_temporary", vec![field], at);
    }
}

/// Names the temporaries of `scrutinee` in evaluation order, replacing each
/// with its local. `whole`: name the scrutinee's own value too, if it is a
/// value rather than a place. `arms_await`: the construct suspends while
/// they live, so the receivers of methods syntax does not know are
/// checked (see [`receiver_check`]). `reference`: the patterns show that
/// the scrutinee's own value holds a reference (see
/// `walk::patterns::shows_reference`).
pub(crate) fn temporaries(
    scrutinee: &mut Expr,
    whole: bool,
    arms_await: bool,
    reference: bool,
    mut name: impl FnMut() -> syn::Ident,
) -> Scrutinee {
    let mut namer = Namer {
        name: &mut name,
        out: Vec::new(),
        check_receivers: arms_await,
        awaited: false,
        bound: false,
    };
    match scrutinee {
        // `match &pair`: a borrow of a place makes no temporary, and the
        // arms' bindings borrow `pair` itself.
        Expr::Reference(e) if is_place(&e.expr) => {
            namer.place_parts(&mut e.expr, e.mutability.is_some());
        }
        // The scrutinee's own value is named for the arms, not as a
        // temporary a later part borrows: a method syntax does not know
        // that makes it takes `self` as often (`match
        // Builder::new().send(n)`), and its receiver is left unnamed.
        // Unless the patterns show that the value holds a reference
        // (`match Probe::new("s").label() { "s" => .., other => .. }`):
        // then it most likely borrows the receiver, which rustc keeps to
        // the end of the construct, and left unnamed would drop at the end
        // of the value's `let` (E0716). It is named as where the value is
        // read further (see `Use::Receiver`): kept as rustc keeps it if
        // the method borrows it, and a method taking `self` stops the build
        // at the receiver saying what to write.
        //
        // Before: `match Probe::new("s").label() { "s" => f().await, _ => 0 }`
        // After:  `let mut __temporary1 = Probe::new("s");`
        //         `let __temporary2 = __temporary1.label(); match __temporary2 { .. }`
        _ if whole => namer.place_as(scrutinee, false, reference && arms_await),
        _ => namer.place_parts(scrutinee, false),
    }
    Scrutinee {
        named: namer.out,
        arms_await,
    }
}

struct Namer<'a, F> {
    name: &'a mut F,
    out: Vec<Named>,
    check_receivers: bool,
    /// The expression [`Namer::value`] is given next is awaited at once
    /// (`make().bytes().await`: see [`walk::lends_iterator`]).
    awaited: bool,
    /// The expression [`Namer::value`] is given next is named itself once
    /// its parts are ([`Namer::place`]).
    bound: bool,
}

impl<F: FnMut() -> syn::Ident> Namer<'_, F> {
    /// `expr` is used as a place (borrowed, read through, matched): a value
    /// there is a temporary.
    /// `mutable`: borrowed mutably, so a temporary named here is `mut`.
    fn place(&mut self, expr: &mut Expr, mutable: bool) {
        self.place_as(expr, mutable, true);
    }

    /// As [`Namer::place`]; `borrowed`: the value is a temporary a part
    /// of the scrutinee borrows or reads through, not the scrutinee's own.
    fn place_as(&mut self, expr: &mut Expr, mutable: bool, borrowed: bool) {
        if is_place(expr) {
            self.place_parts(expr, mutable);
        } else if !is_pure(expr) && !values::is_promoted_borrow(expr, mutable) {
            self.bound = borrowed;
            self.value(expr);
            self.bind(expr, mutable);
        }
    }

    /// The parts of a place expression (`base.field`, `*base`, `base[index]`).
    /// `mutable`: the place is borrowed mutably, and so is its base, through
    /// `DerefMut` or `IndexMut` where it goes through them: a temporary the
    /// base is named to is `mut` (`mk().v.pop()`, `lease().guard.pop()`).
    ///
    /// Before: `match mk().v.pop() { Some(x) => leaf(x).await, None => 0 }`
    /// After:  `let mut __temporary1 = mk(); let __temporary2 = __temporary1.v.pop(); ..`
    fn place_parts(&mut self, expr: &mut Expr, mutable: bool) {
        match expr {
            Expr::Field(e) => self.place(&mut e.base, mutable),
            Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => {
                self.place(&mut e.expr, mutable);
            }
            Expr::Index(e) => self.in_order(vec![
                (&mut *e.expr, Use::Place { mutable }),
                (&mut *e.index, Use::Value),
            ]),
            Expr::Paren(e) => self.place_parts(&mut e.expr, mutable),
            _ => self.value(expr),
        }
    }

    /// `expr` is used as a value (moved or copied into what uses it): only
    /// the temporaries inside it are named.
    fn value(&mut self, expr: &mut Expr) {
        let awaited = std::mem::take(&mut self.awaited);
        let bound = std::mem::take(&mut self.bound);
        match expr {
            // `&mut 0`, `&mut None`: a temporary (see
            // `values::is_promoted_borrow`).
            Expr::Reference(e)
                if e.mutability.is_some() && values::is_mut_borrowed_constant(&e.expr) =>
            {
                self.bind(&mut e.expr, true);
            }
            Expr::Reference(e) => self.place(&mut e.expr, e.mutability.is_some()),
            Expr::MethodCall(e) => {
                // A method taking `&self` borrows its receiver, a temporary
                // if it is a value; one taking `self` moves it. Syntax knows
                // only the standard library's: naming the receiver of a
                // method that moves it would make the machine keep a moved
                // value (a compile error), so others are left unnamed. A
                // `bytes()` not awaited lends an iterator (`str::bytes`).
                let lends = !awaited && walk::lends_iterator(&e.method);
                let takes = walk::takes_iterator(&e.method, &e.receiver);
                let receiver = if walk::takes_view_whole(e) {
                    // `self.rx.as_mut().get_mut()`: the pin `as_mut()`
                    // gives is moved into `Pin::get_mut` (or a `&mut` it
                    // gives reborrowed through), not a temporary kept:
                    // kept in place, the pin could not be moved out of it
                    // (E0507), whatever `rx` is (see
                    // [`walk::takes_view_whole`]).
                    //
                    // Before: `while let Some(x) = self.rx.as_mut().get_mut().recv().await { .. }`
                    // After:  the same, nothing named (not `let mut
                    //         __temporary1 = self.rx.as_mut();` and
                    //         `__temporary1.get_mut().recv().await`)
                    Use::Value
                } else if walk::call_borrows_receiver(e) || lends {
                    Use::Place {
                        mutable: walk::call_borrows_receiver_mutably(e),
                    }
                } else if walk::consumes_receiver(&e.method) || takes {
                    Use::Value
                } else if super::temporaries::is_guard_value(&e.receiver) {
                    // A method syntax does not know reached through a
                    // guard's `Deref` borrows the guard
                    // (`*cell.borrow_mut().get_or_insert_with(f)`), maybe
                    // mutably.
                    Use::Place { mutable: true }
                } else if bound
                    && self.check_receivers
                    && receiver_check::needed(e)
                    && receiver_check::in_place_checkable(e)
                {
                    // The value this method gives is itself named, a
                    // temporary kept to the end of the construct, and may
                    // borrow the receiver, a value made here
                    // (`Probe::new("s").label().len()` with `label(&self)
                    // -> &str`): left unnamed, the receiver would drop at
                    // the end of the named value's `let`, which fails to
                    // build (E0716) where that value borrows it. Named and
                    // read as a place, it is rustc's temporary if the
                    // method borrows it, kept as long as rustc keeps it;
                    // if the method takes `self` and the receiver is not
                    // `Copy` (a builder's `build(self)`), the machine keeps
                    // it in place and the in-place check stops the build at
                    // the receiver, saying to write the move as a call
                    // (`Builder::build(make())`), which names nothing.
                    // Not where that check cannot be written (a closure
                    // or a macro in the arguments).
                    //
                    // Before: `match Probe::new("s").label().len() { .. }`
                    // After:  `let mut __temporary1 = Probe::new("s");`
                    //         `let __temporary2 = __temporary1.label();`
                    //         `let __temporary3 = __temporary2.len(); match __temporary3 { .. }`
                    Use::Receiver
                } else {
                    Use::Unknown
                };
                let mut parts = vec![(&mut *e.receiver, receiver)];
                parts.extend(e.args.iter_mut().map(|arg| (arg, Use::Value)));
                self.in_order(parts);
                // An iterator named ahead of an argument's temporary
                // (`xs.iter().take(names.join(",").len())`) is moved into
                // `Iterator::take`, which a method call on the local would
                // not say: `take` is also `Option::take(&mut self)`, and the
                // local would be kept in place, borrowed, where the call
                // moves it.
                //
                // Before: `__temporary1.take(__temporary2.len())`
                // After:  `::core::iter::Iterator::take(__temporary1, __temporary2.len())`
                if takes && matches!(&*e.receiver, Expr::Path(_)) {
                    let (receiver, args) = (&e.receiver, &e.args);
                    *expr = syn::parse_quote_spanned! {e.method.span()=>
                        ::core::iter::Iterator::take(#receiver, #args)
                    };
                } else if self.check_receivers && receiver_check::needed(e) {
                    // Still a value made here, not named: the method may
                    // borrow it.
                    receiver_check::wrap(e);
                }
            }
            // The closure a call calls (`classify(p)(x)`) is borrowed by
            // it (`Fn`, `FnMut`): a temporary if it is a value. (One that
            // is `FnOnce` is moved, and the machine fails to build; but
            // not `{ f }(x)`, the way to move a local one into its call.)
            Expr::Call(e) => {
                let callee = if matches!(&*e.func, Expr::Block(_)) {
                    Use::Value
                } else {
                    Use::Place { mutable: true }
                };
                let mut parts = vec![(&mut *e.func, callee)];
                parts.extend(e.args.iter_mut().map(|arg| (arg, Use::Value)));
                self.in_order(parts);
            }
            // A comparison borrows its operands (`conn() == 7`).
            Expr::Binary(e) if walk::is_comparison(e.op) => self.in_order(vec![
                (&mut *e.left, Use::Place { mutable: false }),
                (&mut *e.right, Use::Place { mutable: false }),
            ]),
            // Each operand of `&&` and `||` is a scope of its own: what it
            // makes drops at its end, in rustc too, and the right one runs
            // only where the left one lets it. Nothing in them is named; a
            // later part's temporary names the whole value.
            //
            // Before: `match a && check(&Probe::new("r")) { .. }`
            // After:  `let __temporary1 = a && check(&Probe::new("r"));`
            //         `match __temporary1 { .. }`
            Expr::Binary(e) if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {}
            Expr::Binary(e) => self.in_order(vec![
                (&mut *e.left, Use::Value),
                (&mut *e.right, Use::Value),
            ]),
            Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => self.place(&mut e.expr, false),
            Expr::Unary(e) => self.value(&mut e.expr),
            Expr::Field(_) | Expr::Index(_) => self.place_parts(expr, false),
            Expr::Cast(e) => self.value(&mut e.expr),
            Expr::Paren(e) => self.value(&mut e.expr),
            Expr::Try(e) => self.value(&mut e.expr),
            Expr::Await(e) => {
                self.awaited = true;
                self.value(&mut e.base);
            }
            Expr::Group(e) => self.value(&mut e.expr),
            Expr::Tuple(e) => self.in_order(e.elems.iter_mut().map(|x| (x, Use::Value)).collect()),
            Expr::Array(e) => self.in_order(e.elems.iter_mut().map(|x| (x, Use::Value)).collect()),
            Expr::Repeat(e) => self.value(&mut e.expr),
            Expr::Range(e) => self.in_order(
                [&mut e.start, &mut e.end]
                    .into_iter()
                    .flatten()
                    .map(|end| (&mut **end, Use::Value))
                    .collect(),
            ),
            // A base (`..base()`) gives up the fields the literal takes;
            // what is left of it is one temporary, kept in a local declared
            // here and given the field left in it in place (see
            // [`struct_update`]).
            Expr::Struct(e) => {
                let rest = struct_update::rest(e);
                if let struct_update::Rest::Refused(at, message) = rest {
                    struct_update::refuse(e, at, message);
                    return;
                }
                // An await in its parts is lowered in turn, outside the
                // block the literal would be made in.
                if matches!(rest, struct_update::Rest::Field(_)) && struct_update::awaits(e) {
                    let at = e
                        .rest
                        .as_deref()
                        .map_or_else(Span::call_site, Spanned::span);
                    struct_update::refuse(e, at, struct_update::AWAITS);
                    return;
                }
                self.in_order(
                    e.fields
                        .iter_mut()
                        .map(|field| &mut field.expr)
                        .chain(e.rest.as_deref_mut())
                        .map(|x| (x, Use::Value))
                        .collect(),
                );
                if let struct_update::Rest::Field(field) = rest {
                    self.keep_rest(expr, &field);
                }
            }
            // A `match` inside the scrutinee (a `?` became one): its own
            // scrutinee's temporaries live as long as the outer one's. Its
            // arms are scopes of their own.
            Expr::Match(e) => self.value(&mut e.expr),
            // `vec!` is a call of an array; `dbg!` and `matches!` a `match`
            // on their argument, which `matches!` uses as a place.
            Expr::Macro(e) if walk::keeps_temporaries(&e.mac) => {
                if let Some(mut args) = walk::MacroArgs::parse(&e.mac) {
                    // `dbg!` prints its argument's text: no check there.
                    let check = self.check_receivers && !args.quotes();
                    let check = std::mem::replace(&mut self.check_receivers, check);
                    let parts = args.args_mut().map(|(x, kind)| match kind {
                        MentionKind::Place { .. } => (x, Use::Place { mutable: false }),
                        _ => (x, Use::Value),
                    });
                    self.in_order(parts.collect());
                    self.check_receivers = check;
                    args.write_back(&mut e.mac.tokens);
                }
            }
            // Blocks, branches, closures, other macros: their temporaries
            // are their own, or out of sight.
            _ => {}
        }
    }

    /// Parts evaluated in this order (`true`: used as a place). Naming a
    /// temporary in one part evaluates it before the statement: every
    /// earlier part that has effects is named too, so nothing changes
    /// order.
    fn in_order(&mut self, parts: Vec<(&mut Expr, Use)>) {
        // The locals each part's later parts may change (see
        // [`stays_in_place`]), from the parts as written.
        let mut changed_after: Vec<Vec<String>> = vec![Vec::new(); parts.len()];
        for i in (1..parts.len()).rev() {
            let mut changed = super::lead::changed_names(parts[i].0);
            changed.extend(changed_after[i].iter().cloned());
            changed_after[i - 1] = changed;
        }
        let mut done: Vec<(&mut Expr, usize, Use, Vec<String>)> = Vec::new();
        for ((part, usage), changed_after) in parts.into_iter().zip(changed_after) {
            let before = self.out.len();
            match usage {
                Use::Place { mutable } => self.place(part, mutable),
                Use::Receiver => {
                    self.place(part, true);
                    if let Expr::Path(path) = &*part
                        && let Some(named) = self.out.last_mut()
                        && path.path.is_ident(&named.ident)
                    {
                        named.receiver = true;
                    }
                }
                Use::Value | Use::Unknown => self.value(part),
            }
            if self.out.len() > before {
                // Earlier parts run first: name those with effects, before
                // what this part named.
                let named_here = self.out.split_off(before);
                let mut inserted = 0;
                for (earlier, at, usage, changed_after) in done.iter_mut() {
                    if !is_pure(earlier) && !stays_in_place(earlier, *usage, changed_after) {
                        let ident = crate::syntax::located((self.name)(), earlier);
                        let (temporary, mutable) = match *usage {
                            Use::Place { mutable } => (true, mutable),
                            Use::Receiver => (true, true),
                            // Kept as a place (below): rustc's temporary if
                            // the method borrows it, a compile error if it
                            // moves it. Reached mutably, as the method may
                            // take `&mut self` (`s.open().pop_after(&p)`).
                            Use::Unknown => (true, true),
                            Use::Value => (false, false),
                        };
                        // Read as a place, so that the receiver of a
                        // method syntax does not know is borrowed from the
                        // local if the method takes `&self` (kept to the end
                        // of the construct, as rustc keeps it) and moved if
                        // it takes `self` (a compile error where the local
                        // is kept in place, never a value dropped early).
                        let value =
                            std::mem::replace(&mut **earlier, crate::syntax::path(ident.clone()));
                        let named = Named {
                            ident,
                            value: Some(value),
                            temporary,
                            mutable,
                            receiver: matches!(usage, Use::Receiver),
                        };
                        self.out.insert(*at + inserted, named);
                        inserted += 1;
                    }
                }
                self.out.extend(named_here);
            }
            let at = self.out.len();
            done.push((part, at, usage, changed_after));
        }
    }

    /// `expr`, a struct literal whose parts are named, keeps `field`, what
    /// its base leaves behind: in a local declared here, given it where the
    /// literal is made (see [`struct_update`]).
    ///
    /// Before: `match (Request { headers: h, ..Request::default() }).retries { .. }`
    /// After:  `let __temporary1; let __temporary2 = { let __base = Request::default();`
    ///         `  let __value = Request { headers: h, ..__base }; __temporary1 = __base.headers; __value };`
    ///         `match __temporary2.retries { .. }`
    fn keep_rest(&mut self, expr: &mut Expr, field: &syn::Member) {
        let ident = crate::syntax::located((self.name)(), expr);
        struct_update::keep(expr, field, &ident);
        self.out.push(Named {
            ident,
            value: None,
            temporary: true,
            mutable: false,
            receiver: false,
        });
    }

    fn bind(&mut self, expr: &mut Expr, mutable: bool) {
        let ident = crate::syntax::located((self.name)(), expr);
        let value = std::mem::replace(expr, crate::syntax::path(ident.clone()));
        self.out.push(Named {
            ident,
            value: Some(value),
            temporary: true,
            mutable,
            receiver: false,
        });
    }
}

/// How a part of the scrutinee is used by what contains it.
#[derive(Clone, Copy)]
enum Use {
    /// Borrowed, read through or matched: a value there is a temporary.
    Place { mutable: bool },
    /// Moved or copied into what uses it.
    Value,
    /// The receiver of a method syntax does not know: used as a value
    /// where it is, named as a temporary (see [`Namer::in_order`]).
    Unknown,
    /// The receiver of a method syntax does not know whose result is
    /// named: a temporary, as a place borrowed mutably, whose local the
    /// emitter checks for a method taking `self` (see
    /// [`crate::ir::Local::receiver`]).
    Receiver,
}

/// Is `earlier`, a part of a call run before a later part's temporary is
/// named, left where it is? A receiver that is a local, a field of one or
/// an element at an index that runs nothing, a literal or a local no later
/// part changes (`self.db`, `r.client`, `self.slots[0]`), which the method
/// borrows: evaluating the place runs nothing (but an index's bounds
/// check, which then runs after the later parts' temporaries are made, so
/// an index out of bounds panics with them made, where rustc panics before
/// them), and the method borrows it where it is, as rustc does. Named,
/// it would be moved into a local: out of a reference, a bare E0507
/// (`match self.db.lookup(&id.to_string()).await { .. }`), and out of an
/// owned local, a part dropped at the end of the construct, not with its
/// local. A method syntax does not know may take a `Copy` receiver by value
/// (`self.n.scaled(&bump(&mut self.n))`), which rustc copies before the
/// arguments run: so the receiver of one stays in place only where no later
/// part may change its local (see [`super::lead::changed_names`]), and is
/// copied ahead otherwise, as before.
///
/// Before: `match self.db.lookup(&id.to_string()).await { Some(v) => v + f().await, None => 0 }`
/// After:  `let __temporary1 = id.to_string(); match self.db.lookup(&__temporary1).await { .. }`
fn stays_in_place(earlier: &Expr, usage: Use, changed_after: &[String]) -> bool {
    /// The local `expr` is a place of, and the locals its indexes read.
    fn local<'e>(expr: &'e Expr, indexes: &mut Vec<&'e syn::Ident>) -> Option<&'e syn::Ident> {
        match expr {
            Expr::Path(path) if path.qself.is_none() => path.path.get_ident(),
            Expr::Field(e) => local(&e.base, indexes),
            Expr::Paren(e) => local(&e.expr, indexes),
            // `self.slots[0]`, `slots[i]`, `shards[(id % 2) as usize]`: an
            // index that runs nothing but arithmetic.
            Expr::Index(e) if arithmetic(&e.index, indexes) => local(&e.expr, indexes),
            _ => None,
        }
    }
    /// Literals and locals, cast and combined by operators (`(id % 2) as
    /// usize`), whose locals go to `names`.
    fn arithmetic<'e>(expr: &'e Expr, names: &mut Vec<&'e syn::Ident>) -> bool {
        match expr {
            Expr::Lit(_) => true,
            Expr::Path(path) if path.qself.is_none() => {
                names.extend(path.path.get_ident());
                true
            }
            Expr::Paren(e) => arithmetic(&e.expr, names),
            Expr::Cast(e) => arithmetic(&e.expr, names),
            Expr::Unary(e) if !matches!(e.op, syn::UnOp::Deref(_)) => arithmetic(&e.expr, names),
            Expr::Binary(e) if !crate::syntax::is_compound_assignment(&e.op) => {
                arithmetic(&e.left, names) && arithmetic(&e.right, names)
            }
            _ => false,
        }
    }
    let mut indexes = Vec::new();
    let Some(local) = local(earlier, &mut indexes) else {
        return false;
    };
    // An index a later part changes is read before it, as rustc reads it.
    if indexes
        .iter()
        .any(|index| changed_after.iter().any(|name| *index == name))
    {
        return false;
    }
    match usage {
        Use::Place { .. } => true,
        Use::Unknown | Use::Receiver => !changed_after.iter().any(|name| local == name),
        Use::Value => false,
    }
}

/// A place expression: a path, a field, a deref or an index.
fn is_place(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) | Expr::Field(_) | Expr::Index(_) => true,
        Expr::Unary(e) => matches!(e.op, syn::UnOp::Deref(_)),
        Expr::Paren(e) => is_place(&e.expr),
        _ => false,
    }
}

/// Evaluating it earlier or later changes nothing, and it makes no
/// temporary worth naming: literals, paths (a local, or a value named
/// already), closures.
fn is_pure(expr: &Expr) -> bool {
    matches!(expr, Expr::Lit(_) | Expr::Path(_) | Expr::Closure(_))
}
