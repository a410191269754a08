//! What an expression's value is made of, as far as syntax tells: whether it
//! can hold a borrow of the locals it uses, whether a method gives a `&mut`,
//! and whether it calls the fn being lowered.

use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::walk;

/// Is the value a `let` binds (or a `x = value;` assigns) certainly free of
/// borrows of the locals its initializer uses? Then those locals need not be homed for its sake.
///
/// Syntax alone cannot tell whether `f(&x)` returns a borrow of `x`, so this
/// recognises only values that are new by construction: literals, arithmetic
/// and comparisons, casts, `format!`/`matches!`, a `vec!` of such values, the last call of a chain
/// being a method that returns an owned value (`input.trim().to_string()`,
/// but not a copy, `clone` or `to_vec`, of a value that may hold a borrow,
/// `names.join(",")`, `it.collect::<Vec<String>>()`), a value moved out of
/// a place (`mem::replace(&mut s.f, None)`), such a value unwrapped
/// (`slot.take().unwrap_or(0)`) or tried (`slot.take().ok_or(e)?`), and a `match` or
/// `if` each of whose arms is one of those (`match &a {
/// Some(_) => "some", None => "none" }`); or a `let` whose written type
/// holds no borrow (`let n: u32`, `let s: &'static str`).
pub(super) fn owns_value(stmt: &syn::Stmt) -> bool {
    match stmt {
        // `let (ref p, n) = *b;`: `p` borrows the place `*b`, inside the
        // box `b` (a deref is a new value only when read by value), whatever
        // the type written says of the parts.
        syn::Stmt::Local(syn::Local {
            pat,
            init: Some(init),
            ..
        }) if walk::patterns::binds_by_ref(pat) && is_deref(&init.expr) => false,
        // `let n: usize = o.as_ref().map(..).unwrap_or(0);`: a number holds
        // no borrow, whatever made it.
        syn::Stmt::Local(syn::Local {
            pat: syn::Pat::Type(typed),
            init: Some(_),
            ..
        }) if walk::copy::holds_no_borrow(&typed.ty) => true,
        syn::Stmt::Local(syn::Local {
            init: Some(init), ..
        }) => is_owned_value(&init.expr),
        // `x = value;`: the same, for the local it assigns.
        syn::Stmt::Expr(syn::Expr::Assign(assign), _) => is_owned_value(&assign.right),
        _ => false,
    }
}

/// `*b`, in parentheses or not.
fn is_deref(expr: &syn::Expr) -> bool {
    matches!(walk::strip_parens(expr), syn::Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)))
}

fn is_owned_value(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Lit(_) | syn::Expr::Cast(_) | syn::Expr::Unary(_) => true,
        syn::Expr::Binary(_) => true,
        syn::Expr::Paren(e) => is_owned_value(&e.expr),
        // `match &a { Some(_) => 1, None => 0 }`: the scrutinee's borrow
        // ends with the `match`, whose value is one of its arms', each new
        // (a literal, `"some"` included, holds no borrow of a local).
        syn::Expr::Match(m) => m.arms.iter().all(|arm| is_owned_value(&arm.body)),
        syn::Expr::If(e) => {
            is_owned_tail(&e.then_branch)
                && e.else_branch
                    .as_ref()
                    .is_some_and(|(_, other)| is_owned_value(other))
        }
        syn::Expr::Block(e) if e.label.is_none() => is_owned_tail(&e.block),
        // `parts.clone()`, `[a.as_str()].to_vec()`: a copy holds what the
        // receiver's value holds.
        syn::Expr::MethodCall(call) if walk::copies_value(&call.method) => {
            is_owned_value(&call.receiver)
        }
        syn::Expr::MethodCall(call) => {
            (walk::returns_owned(&call.method) && !walk::inserts_into_local(call))
                || walk::takes_out(call)
                || unwraps_owned(call)
                || joins(call)
                || collects_owned(call)
        }
        // `vec![a.as_str()]` holds what its elements hold.
        syn::Expr::Macro(mac)
            if mac
                .mac
                .path
                .segments
                .last()
                .is_some_and(|s| s.ident == "vec") =>
        {
            walk::MacroArgs::parse(&mac.mac).is_some_and(|args| args.elements().all(is_owned_value))
        }
        syn::Expr::Call(call) => walk::takes_out_of_place(call),
        // `slot.take().ok_or("none")?`: what an owned `Result` holds.
        syn::Expr::Try(e) => is_owned_value(&e.expr),
        syn::Expr::Macro(mac) => mac
            .mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "format" || s.ident == "matches"),
        _ => false,
    }
}

/// A block of nothing but its tail, whose value is new. (A statement before
/// it could hand a borrow to another local, `{ r = &a; 1 }`, which the
/// `let`'s holders would then miss.)
fn is_owned_tail(block: &syn::Block) -> bool {
    match block.stmts.as_slice() {
        [syn::Stmt::Expr(tail, None)] => is_owned_value(tail),
        _ => false,
    }
}

/// `names.join(",")`: `[T]::join(&self, sep)` gives a new `String` or
/// `Vec`, and borrows its receiver for the call only. A `join` without a
/// separator (`JoinHandle::join(self)`) gives whatever the thread did.
fn joins(call: &syn::ExprMethodCall) -> bool {
    call.method == "join" && call.args.len() == 1
}

/// `it.collect::<Vec<String>>()`: the turbofish of `collect`, `sum` and
/// `product` names the type of the value, which holds no borrow when the
/// type holds none, as a `let` whose type is written.
fn collects_owned(call: &syn::ExprMethodCall) -> bool {
    const COLLECTS: &[&str] = &["collect", "sum", "product"];
    let Some(turbofish) = &call.turbofish else {
        return false;
    };
    COLLECTS.contains(&call.method.to_string().as_str())
        && matches!(
            turbofish.args.iter().collect::<Vec<_>>().as_slice(),
            [syn::GenericArgument::Type(ty)] if walk::copy::holds_no_borrow(ty)
        )
}

/// `slot.take().unwrap_or(0)`: the value an `Option` or `Result` that holds
/// no borrow gives, or a default that holds none; so for the `Result` an
/// `ok_or` makes of such an `Option` and an error that holds none
/// (`slot.take().ok_or("none")`).
fn unwraps_owned(call: &syn::ExprMethodCall) -> bool {
    const UNWRAPS: &[&str] = &[
        "unwrap",
        "expect",
        "unwrap_or_default",
        "unwrap_or",
        "ok_or",
    ];
    UNWRAPS.contains(&call.method.to_string().as_str())
        && is_owned_value(&call.receiver)
        && call
            .args
            .iter()
            .all(|arg| call.method == "expect" || is_owned_value(arg))
}

/// The locals a statement hands a value to through a standard method that
/// stores its argument in the receiver (`queue.push(async { name.len() })`,
/// `refs.push(&names)`, `slot.replace(&v)`, `counts.entry(w)`,
/// `v.extend(line.split(' '))`), reached through what gives a `&mut` into
/// it (`m.entry(k).or_default().push(w)`, `v.last_mut().unwrap().push(w)`),
/// or through `std::mem::replace(&mut prev, w)` and `mem::swap`: the
/// receiver holds whatever borrow the argument takes, as a local a `let`
/// binds it to does.
pub(super) fn stored_into(stmt: &syn::Stmt, scope: &walk::Scope) -> Vec<crate::ir::LocalId> {
    const STORES: &[&str] = &[
        "push",
        "push_back",
        "push_front",
        "insert",
        "replace",
        "set",
        "entry",
        "extend",
        "extend_from_slice",
        "append",
        "get_or_insert",
        "resize",
        "fill",
    ];
    struct Finder<'a> {
        scope: &'a walk::Scope,
        found: Vec<crate::ir::LocalId>,
    }
    impl Finder<'_> {
        fn store_into(&mut self, place: &syn::Expr) {
            if let Some(local) = stored_place(place, self.scope)
                && !self.found.contains(&local)
            {
                self.found.push(local);
            }
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Finder<'_> {
        fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
            if STORES.contains(&call.method.to_string().as_str()) {
                self.store_into(&call.receiver);
            }
            syn::visit::visit_expr_method_call(self, call);
        }
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            if swaps_through_mem(&call.func) {
                for arg in &call.args {
                    if let syn::Expr::Reference(borrow) = walk::strip_parens(arg)
                        && borrow.mutability.is_some()
                    {
                        self.store_into(&borrow.expr);
                    }
                }
            }
            syn::visit::visit_expr_call(self, call);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder {
        scope,
        found: Vec::new(),
    };
    syn::visit::Visit::visit_stmt(&mut finder, stmt);
    finder.found
}

/// The local a storing method's receiver is a place in (`v`, `st.words`,
/// `rows[0]`, `*slot`), or gives a `&mut` into (`m.entry(k).or_default()`,
/// `v.last_mut().unwrap()`): what is stored there is stored in the local.
fn stored_place(place: &syn::Expr, scope: &walk::Scope) -> Option<crate::ir::LocalId> {
    match walk::strip_parens(place) {
        syn::Expr::Field(e) => stored_place(&e.base, scope),
        syn::Expr::Index(e) => stored_place(&e.expr, scope),
        syn::Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => stored_place(&e.expr, scope),
        syn::Expr::MethodCall(call)
            if gives_mut(&call.method)
                || call.method == "entry"
                || call.method == "unwrap"
                || call.method == "expect" =>
        {
            stored_place(&call.receiver, scope)
        }
        expr => walk::resolve(expr, scope),
    }
}

/// `std::mem::replace`, `mem::swap`, `core::mem::replace`: the place their
/// first argument borrows mutably is given the value of the other argument.
fn swaps_through_mem(func: &syn::Expr) -> bool {
    walk::mem_fn(func).is_some_and(|name| name == "replace" || name == "swap")
}

/// Is `method` named for the `&mut` it gives? `…_mut` (`get_mut`,
/// `split_at_mut`, `iter_mut`), `…_mut_…` (`as_mut_slice`), or a standard
/// method that gives a `&mut` into its receiver under another name: an
/// entry's `or_default` and `or_insert…`, an `Option`'s `get_or_insert…`.
pub(super) fn gives_mut(method: &syn::Ident) -> bool {
    const INTO_RECEIVER: &[&str] = &[
        "or_default",
        "or_insert",
        "or_insert_with",
        "or_insert_with_key",
        "get_or_insert",
        "get_or_insert_with",
        "get_or_insert_default",
    ];
    let name = method.to_string();
    name.ends_with("_mut") || name.contains("_mut_") || INTO_RECEIVER.contains(&name.as_str())
}

/// A call of the fn itself (`f(..)`, `Self::f(..)`, `self.f(..)`) in an
/// awaited expression, unless its future is already turned into a trait
/// object (`… as Pin<Box<dyn Future<..>>>`). A call of the same name
/// elsewhere (`self.inner.f(..)`, `backend::f(..)`, the wrapper's usual
/// shape) is not one; a recursion this misses (`child.f()`, another
/// module's path to the fn) is rustc's own error in the twin (E0733).
pub(super) fn recursive_call(operand: &syn::Expr, name: &str) -> Option<Span> {
    struct Finder<'a> {
        name: &'a str,
        found: Option<Span>,
    }
    // `self`, `&self`, `(*self)`: `Self` itself, or one deref of `&self`
    // or `self: Box<Self>`. Two derefs (`(**self).f()`, in a forwarding
    // impl for `Box<T>` or `&T`) reach another type, as a field does
    // (`self.0.f()`, `(*self.0).f()`): not recursion.
    fn is_self(expr: &syn::Expr, derefs: usize) -> bool {
        match expr {
            syn::Expr::Path(path) => path.path.is_ident("__self") || path.path.is_ident("self"),
            syn::Expr::Paren(e) => is_self(&e.expr, derefs),
            syn::Expr::Reference(e) => is_self(&e.expr, derefs),
            syn::Expr::Unary(e) => {
                matches!(e.op, syn::UnOp::Deref(_)) && derefs == 0 && is_self(&e.expr, derefs + 1)
            }
            _ => false,
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Finder<'_> {
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            if let syn::Expr::Path(path) = &*call.func
                && path.qself.is_none()
            {
                let segments: Vec<String> = path
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect();
                let itself = match segments.as_slice() {
                    [f] => f == self.name,
                    [first, f] => (first == "Self" || first == "self") && f == self.name,
                    _ => false,
                };
                if itself {
                    self.found.get_or_insert(path.span());
                }
            }
            syn::visit::visit_expr_call(self, call);
        }
        fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
            if call.method == self.name && is_self(&call.receiver, 0) {
                self.found.get_or_insert(call.method.span());
            }
            syn::visit::visit_expr_method_call(self, call);
        }
        // A cast to a trait object erases the type.
        fn visit_expr_cast(&mut self, _: &'ast syn::ExprCast) {}
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder { name, found: None };
    syn::visit::Visit::visit_expr(&mut finder, operand);
    finder.found
}

/// Is `expr` a constant that rustc may promote to a `static` where it is
/// borrowed (`&[1, 2]`, `&(0, "x")`, `&-1`, `&(1 + 2)`, `&Some(3)`, `&Point
/// { x: 1, y: 2 }`, `&(u32::MAX, Kind::A)`, and the receivers and
/// scrutinees borrowed by `Some(3).as_ref()` or `match Some(3) { ref x =>
/// .. }`)? Then it makes no temporary: there is nothing to keep across an
/// await, nor to drop. A promoted value is a `&'static`, which the user's
/// code may keep beyond the machine: named and kept in the machine, it
/// would dangle. A constructor or struct literal of a type with a `Drop`
/// impl is not promoted; a borrow of one across an await is checked by
/// the compiler (see `rewrite::promoted`).
pub(crate) fn is_promoted(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Lit(_) => true,
        syn::Expr::Path(path) => names_constant(path),
        syn::Expr::Array(e) => e.elems.iter().all(is_promoted),
        syn::Expr::Tuple(e) => e.elems.iter().all(is_promoted),
        syn::Expr::Repeat(e) => is_promoted(&e.expr) && is_promoted(&e.len),
        syn::Expr::Paren(e) => is_promoted(&e.expr),
        syn::Expr::Group(e) => is_promoted(&e.expr),
        syn::Expr::Unary(e) => {
            matches!(e.op, syn::UnOp::Neg(_) | syn::UnOp::Not(_)) && is_promoted(&e.expr)
        }
        // Arithmetic on constants is promoted too (`&(1 + 2)` is a
        // `&'static i32`); division and remainder only where they cannot
        // fail, which is left to rustc: such a borrow is named, as before.
        syn::Expr::Binary(e) => {
            !matches!(
                e.op,
                syn::BinOp::Div(_) | syn::BinOp::Rem(_) | syn::BinOp::And(_) | syn::BinOp::Or(_)
            ) && !crate::walk::is_compound_assign(e.op)
                && is_promoted(&e.left)
                && is_promoted(&e.right)
        }
        syn::Expr::Cast(e) => is_promoted(&e.expr),
        syn::Expr::Call(e) => is_constructor(&e.func) && e.args.iter().all(is_promoted),
        syn::Expr::Struct(e) => {
            e.qself.is_none() && e.rest.is_none() && e.fields.iter().all(|f| is_promoted(&f.expr))
        }
        _ => false,
    }
}

/// Is a borrow of `expr` (`mutable`: a `&mut`, or a method's `&mut self`)
/// promoted? rustc promotes a shared borrow of a constant ([`is_promoted`]),
/// and of the mutable ones only `&mut []`, which has nothing to change: any
/// other (`&mut [0u8; 4]`, `&mut 0`, `&mut (1, 2)`, `[0u8; 3].as_mut_slice()`)
/// is a temporary, kept to the end of its statement like any value
/// borrowed, across the awaits there. (Left as written, the machine would
/// drop it at the first, which its borrow check rejects: E0716.)
///
/// Before: `read_into(&mut [0u8; 4]).await` (taken for a `&'static mut`)
/// After:  `{ __temporary1 = [0u8; 4]; &mut __temporary1 }`, kept across the await
pub(crate) fn is_promoted_borrow(expr: &syn::Expr, mutable: bool) -> bool {
    fn empty_array(expr: &syn::Expr) -> bool {
        match expr {
            syn::Expr::Array(e) => e.elems.is_empty(),
            syn::Expr::Paren(e) => empty_array(&e.expr),
            syn::Expr::Group(e) => empty_array(&e.expr),
            _ => false,
        }
    }
    is_promoted(expr) && (!mutable || empty_array(expr))
}

/// A constant that a `&mut` borrows as a temporary, though syntax takes
/// such an operand for a place or for nothing to name: a literal (`&mut
/// 0`), or a path surely to a constant (`&mut u32::MAX`, `&mut Kind::A`,
/// `&mut None`: capitalised, after a path, not a fn's `Leaf::new`); not a
/// single name in capitals, which may be a `static` or a local, places.
pub(crate) fn is_mut_borrowed_constant(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Lit(_) => true,
        syn::Expr::Path(path) => {
            let capitalised =
                path.path.segments.last().is_some_and(|segment| {
                    segment.ident.to_string().starts_with(char::is_uppercase)
                });
            capitalised
                && (path.qself.is_some()
                    || path.path.segments.len() > 1
                    || path.path.is_ident("None"))
        }
        syn::Expr::Paren(e) => is_mut_borrowed_constant(&e.expr),
        syn::Expr::Group(e) => is_mut_borrowed_constant(&e.expr),
        _ => false,
    }
}

/// A path to a constant, a unit struct or a unit variant, by Rust's naming
/// rules (`MAX`, `Kind::A`, `u32::MAX`, `None`), not to a local (`count`).
fn names_constant(path: &syn::ExprPath) -> bool {
    path.qself.is_some()
        || path.path.segments.len() > 1
        || path
            .path
            .segments
            .first()
            .is_some_and(|segment| segment.ident.to_string().starts_with(char::is_uppercase))
}

/// A path whose last segment is capitalised (`Some`, `Wrapper`,
/// `Shape::Circle`): a tuple struct or variant, by Rust's naming rules.
pub(crate) fn is_constructor(func: &syn::Expr) -> bool {
    let syn::Expr::Path(path) = func else {
        return false;
    };
    path.path
        .segments
        .last()
        .is_some_and(|segment| segment.ident.to_string().starts_with(char::is_uppercase))
}

/// `x` or `{ x }`, in parentheses or not: how the builder reads a value it
/// named (an awaited value, a part bound ahead, a temporary).
pub(super) fn value_ident(expr: &syn::Expr) -> Option<&syn::Ident> {
    match expr {
        syn::Expr::Path(path) if path.qself.is_none() => path.path.get_ident(),
        syn::Expr::Block(block) if block.label.is_none() => match block.block.stmts.as_slice() {
            [syn::Stmt::Expr(inner, None)] => value_ident(inner),
            _ => None,
        },
        syn::Expr::Paren(e) => value_ident(&e.expr),
        syn::Expr::Group(e) => value_ident(&e.expr),
        _ => None,
    }
}
