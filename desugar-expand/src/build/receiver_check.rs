//! Where the machine would drop a value a method borrows at the wrong
//! time, because syntax cannot tell a method taking `&self` from one taking
//! `self`: the expansion asks the compiler (see `__private::receiver`).
//!
//! The receiver of a method syntax does not know, made where rustc keeps
//! it across an await if the method borrows it. rustc keeps the
//! temporaries of a scrutinee to the end of the construct, and those of an
//! awaited call to the end of its statement. A value a method borrows is
//! one (`Probe::new("t")` in `match Probe::new("t").label().len()`); a
//! value a method moves is not (a builder's `send(self)`). Naming the
//! receiver would keep a moved value (a compile error for every builder
//! chain), so it is left unnamed, and the machine would drop a borrowed one
//! before the await. The builder marks the receiver ([`wrap`]); the
//! emitter, once the uses of locals are rewritten, writes the check beside
//! it ([`Expand`]):
//!
//! Before: `match Probe::new("t").label(&name).len() { 1 => a().await, _ => 0 }`
//! Marked: `match checked(Probe::new("t"), Check(PhantomData)).label(&name).len() { .. }`
//! After:
//! ```text
//! match checked(Probe::new("t"), {
//!     let __witness = PhantomData;
//!     if false {
//!         let mut __found = None;
//!         receiver_moved(&__found);
//!         loop {}
//!         {
//!             let mut __value = value_of(type_of(&(Probe::new("t"))));
//!             let __of = type_of(&__value);
//!             let __call = || { let _ = __value.label(&name); };
//!             __found = Some((__of, __call));
//!         };
//!     }
//!     Check(__witness)
//! }).label(&name).len() { 1 => a().await, _ => 0 }
//! ```
//! After the `loop {}` nothing runs, and the compiler types the code
//! without borrow-checking it against the rest: the copies of the receiver
//! and the arguments take nothing the call uses. A method call given a
//! generic function, or a closure to one of the user's methods, is not
//! checked: their types may come from what the code after the call does
//! with its result, which the copy does not do; a closure given to a
//! standard method whose closure's type the call settles is (see
//! [`closures`]: `it.find(|p| ..)`, `guard.map_or(0, |x| ..)`). A closure
//! called is checked whatever its arguments: its parameters' types are its
//! own, and the copy gives values of them.
//!
//! A local used as the receiver of a method named like the standard
//! library's that take `self` ([`walk::consumes_receiver`]), where taking
//! the call for a move makes the machine keep the local no further than
//! the call: the call itself goes through the check ([`consumed`]).
//!
//! Before: `let n = bag.count(); f().await;`
//! After:  `let n = checked(bag.count(), { .. receiver_consumed(&__found) .. }); f().await;`
//!
//! And a local given as the receiver of a call whose arguments await
//! ([`mark_call`]): rustc moves it into the pending call before the await
//! if the method takes `self`. Moved ahead of the await for a method named
//! like one that takes `self`, the call is checked as such a call is; kept
//! in place for any other, the call is checked the other way round
//! (`__private::receiver_kept`).
//!
//! Before: `a.combine(x.await)`
//! Marked: `checked(a.combine({ __result }), Check::KEPT)`
//! After:  `checked(a.combine({ __result }), { .. receiver_kept(&__found) .. })`
//!
//! And a local the machine keeps in place, reached through a reference,
//! given to a method syntax does not know ([`in_place`]): a method taking
//! `self` cannot move it out of there, and the check, answered while the
//! compiler type-checks the fn, says so at the receiver before the borrow
//! check's bare E0507 would.
//!
//! Before: `(*req).send()`
//! After:  `checked((*req).send(), { .. receiver_in_place(&__found) .. })`

use proc_macro2::Span;
use quote::quote;
use syn::Expr;
use syn::spanned::Spanned;

mod closures;
mod in_place;
mod values;

pub(crate) use in_place::{checkable as in_place_checkable, in_place};

use super::awaits::has_await;
use crate::names;
use crate::walk;

/// Does `call`'s receiver need the check? Its method is not one syntax
/// knows, and the receiver is a value with something that may drop (not
/// a place, a literal, a reference or an awaited value, which the
/// expansion keeps itself). A receiver made before an await in the
/// arguments is named by the statement's own lowering, and kept
/// (`match Counter::new("c").add(number(2).await)`).
pub(crate) fn needed(call: &syn::ExprMethodCall) -> bool {
    let method = call.method.to_string();
    let ambiguous = walk::consumes_receiver_ambiguously(&call.method);
    // A number's own method names (`pow`, `abs`, `checked_add`) are as
    // often a number-like type's borrowing ones (`Big::pow(&self, e)`):
    // known to take `self` only on a value that is visibly a number.
    let numeric =
        walk::copy::NUMERIC.contains(&method.as_str()) && walk::copy::is_copy_value(&call.receiver);
    let known = walk::call_borrows_receiver(call)
        || (walk::consumes_receiver(&call.method) && !ambiguous)
        || (numeric && !ambiguous);
    !known
        && is_made_value(&call.receiver)
        && !is_checked(&call.receiver)
        && !call.args.iter().any(has_await)
}

/// Is it a receiver [`wrap`] marked already? (A construct is lowered
/// again once its scrutinee's temporaries are named, and an `if let`'s
/// scrutinee stays where it was.)
fn is_checked(receiver: &Expr) -> bool {
    matches!(receiver, Expr::Call(call) if checked_receiver(call).is_some())
}

/// The value `call` checks, if it is a check this module wrote: what is
/// beside it is never kept, and holds nothing that runs.
pub(crate) fn checked_receiver(call: &syn::ExprCall) -> Option<&Expr> {
    let ours = crate::syntax::is_private_path(&call.func, "checked") && call.args.len() == 2;
    ours.then(|| call.args.first()).flatten()
}

/// `expr` as the user wrote it, for a description and for the copy a
/// check makes: the checks taken out, and the copies of fields of
/// temporaries (`temporaries::copied_field`).
///
/// Before: `checked(Probe::new("t"), Check(PhantomData)).label(&name)`
/// After:  `Probe::new("t").label(&name)`
pub(crate) fn unwrapped(expr: &Expr) -> Expr {
    struct Unwrap;
    impl syn::visit_mut::VisitMut for Unwrap {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            while let Expr::Call(call) = expr
                && let Some(inner) =
                    checked_receiver(call).or_else(|| super::temporaries::copied_field(call))
            {
                *expr = inner.clone();
            }
            syn::visit_mut::visit_expr_mut(self, expr);
        }
    }
    let mut expr = expr.clone();
    syn::visit_mut::VisitMut::visit_expr_mut(&mut Unwrap, &mut expr);
    expr
}

/// A value the expression makes (a call's result, a literal struct, a
/// block's value), rather than a place, a reference or what is most often
/// a number (an operator's or a cast's result).
fn is_made_value(expr: &Expr) -> bool {
    match expr {
        Expr::Paren(e) => is_made_value(&e.expr),
        Expr::Group(e) => is_made_value(&e.expr),
        Expr::Try(e) => !matches!(&*e.expr, Expr::Await(_)),
        Expr::Path(_)
        | Expr::Unary(_)
        | Expr::Field(_)
        | Expr::Index(_)
        | Expr::Lit(_)
        | Expr::Reference(_)
        | Expr::RawAddr(_)
        | Expr::Closure(_)
        | Expr::Await(_)
        | Expr::Cast(_)
        | Expr::Binary(_) => false,
        _ => true,
    }
}

/// Marks `call`'s receiver for the check [`Expand`] writes (unexpanded,
/// the mark builds, and checks nothing).
///
/// Before: `Probe::new("t").label(&name)`
/// After:  `checked(Probe::new("t"), Check(PhantomData)).label(&name)`
pub(crate) fn wrap(call: &mut syn::ExprMethodCall) {
    let at = call.receiver.span();
    let mark: Expr = syn::parse_quote!(::core::marker::PhantomData);
    let mark = crate::syntax::private_call("Check", vec![mark], at);
    let receiver = std::mem::replace(&mut *call.receiver, mark.clone());
    *call.receiver = crate::syntax::private_call("checked", vec![receiver, mark], at);
}

/// How the machine gives a local to the method of a call whose arguments
/// await (see [`mark_call`]).
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Given {
    /// Moved ahead of the await, as the method is named like the standard
    /// library's that take `self`: the check stops the build where the
    /// method borrows it.
    MovedAhead,
    /// Kept in place across the await, as the method is one syntax does
    /// not know: the check stops the build where the method moves it.
    Kept,
}

impl Given {
    const ALL: [Given; 2] = [Given::MovedAhead, Given::Kept];

    /// The mark's name, `Check::<name>` (see `__private::Check`).
    fn mark(self) -> &'static str {
        match self {
            Given::MovedAhead => "MOVED_AHEAD",
            Given::Kept => "KEPT",
        }
    }

    /// What stops the build (see `__private::receiver`).
    fn verdict(self) -> &'static str {
        match self {
            Given::MovedAhead => "receiver_consumed",
            Given::Kept => "receiver_kept",
        }
    }
}

/// Marks `call`, a method call whose arguments await, whose receiver is a
/// local the machine gives the method as `given` says, for the check
/// [`Expand`] writes (unexpanded, the mark builds, and checks nothing).
///
/// Before: `a.combine({ __result })`
/// After:  `checked(a.combine({ __result }), Check::KEPT)`
pub(crate) fn mark_call(call: &mut Expr, given: Given) {
    let Expr::MethodCall(method_call) = &*call else {
        return;
    };
    let at = method_call.receiver.span();
    let check = crate::syntax::private_path("Check", at);
    let name = syn::Ident::new(given.mark(), at);
    let mark: Expr = syn::parse_quote!(#check::#name);
    let value = std::mem::replace(call, Expr::Verbatim(Default::default()));
    *call = crate::syntax::private_call("checked", vec![value, mark], at);
}

/// The way a call [`mark_call`] marked gives its receiver, if `expr` is
/// that mark.
fn call_mark(expr: &Expr) -> Option<Given> {
    let Expr::Path(path) = expr else {
        return None;
    };
    let mut segments = path.path.segments.iter().rev();
    let name = segments.next()?;
    let check = segments.next()?;
    (check.ident == "Check")
        .then(|| {
            Given::ALL
                .into_iter()
                .find(|given| name.ident == given.mark())
        })
        .flatten()
}

/// Writes the check beside each receiver [`wrap`] marked in what it
/// visits, once its uses of locals are rewritten. A method whose result's
/// type the caller chooses (`s.trim().parse()` given to a generic call whose
/// result a `let` types, see [`result_chosen_by_caller`]) has the check
/// beside the whole call instead, so that the check's copy of the call is
/// given the call's own type: the copy left to itself cannot be typed
/// (E0284), where rustc types the call from the code after it.
///
/// Before: `checked(s.trim(), Check(PhantomData)).parse()`
/// After:  `checked(s.trim().parse(), { .. same_as(__witness, __value.parse()) .. })`
pub(crate) struct Expand;

impl syn::visit_mut::VisitMut for Expand {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        if let Expr::Call(marked) = expr {
            expand_call_mark(marked);
            return;
        }
        let Expr::MethodCall(call) = expr else {
            return;
        };
        let Expr::Call(marked) = &*call.receiver else {
            return;
        };
        let Some(receiver) = checked_receiver(marked) else {
            return;
        };
        if !is_mark(&marked.args[1]) {
            return;
        }
        let at = receiver.span();
        let receiver = unwrapped(receiver);
        let whole = result_chosen_by_caller(&call.method);
        let Some(check) = check(&receiver, Copied::Method(call), "receiver_moved", whole, at)
        else {
            return;
        };
        if whole {
            *call.receiver = receiver;
            let value = std::mem::replace(expr, Expr::Verbatim(Default::default()));
            *expr = crate::syntax::private_call("checked", vec![value, check], at);
        } else if let Expr::Call(marked) = &mut *call.receiver {
            marked.args[1] = check;
        }
    }

    // `send(vec![Conn(..).status()]).await`: a receiver marked inside a
    // macro's arguments is checked there too; left as a mark, its check
    // would never be written.
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if let Some(mut args) = walk::MacroArgs::parse(mac) {
            for (arg, _) in args.args_mut() {
                self.visit_expr_mut(arg);
            }
            args.write_back(&mut mac.tokens);
        }
    }
}

/// Writes the check in place of the mark beside a call [`mark_call`]
/// marked, if `marked` is one.
///
/// Before: `checked(a.combine({ __result }), Check::KEPT)`
/// After:  `checked(a.combine({ __result }), { .. receiver_kept(&__found) .. })`
fn expand_call_mark(marked: &mut syn::ExprCall) {
    let Some(Expr::MethodCall(call)) = checked_receiver(marked) else {
        return;
    };
    let Some(given) = call_mark(&marked.args[1]) else {
        return;
    };
    // A local moved in inside a macro's arguments (`vec![name]`) would
    // make the check's closure own it, which reads as the receiver moved.
    if given == Given::Kept && call.args.iter().any(holds_macro) {
        return;
    }
    let at = call.receiver.span();
    let receiver = unwrapped(&call.receiver);
    if let Some(check) = check(&receiver, Copied::Method(call), given.verdict(), true, at) {
        marked.args[1] = check;
    }
}

/// Does `arg` call a macro that may name a value (not `line!()`)?
fn holds_macro(arg: &Expr) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            self.0 |= !walk::evaluates_nothing(mac);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_expr(&mut finder, arg);
    finder.0
}

/// Is it the mark [`wrap`] leaves for the check?
fn is_mark(expr: &Expr) -> bool {
    matches!(expr, Expr::Call(call) if matches!(&*call.func,
        Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Check")))
}

/// Puts `call`, whose receiver is a local the machine takes it for a move
/// of, through the check.
///
/// Before: `bag.count()`
/// After:  `checked(bag.count(), { .. receiver_consumed(&__found) .. })`
///
/// A local closure called, which the machine takes the call for a move of
/// (`FnOnce`), is checked alike: the copy calls a value of its type.
///
/// Before: `log("start")`
/// After:  `checked(log("start"), { .. callee_consumed(&__found) .. })`
pub(crate) fn consumed(call: &mut Expr) {
    let found = match &*call {
        Expr::MethodCall(method_call) => {
            let at = method_call.receiver.span();
            let copied = Copied::Method(method_call);
            check(&method_call.receiver, copied, "receiver_consumed", true, at).map(|c| (c, at))
        }
        Expr::Call(called) => {
            let at = called.func.span();
            let copied = Copied::Callee(&called.args);
            check(&called.func, copied, "callee_consumed", false, at).map(|c| (c, at))
        }
        _ => None,
    };
    let Some((check, at)) = found else {
        return;
    };
    let value = std::mem::replace(call, Expr::Verbatim(Default::default()));
    *call = crate::syntax::private_call("checked", vec![value, check], at);
}

/// The call a check copies: a method called on the value, or the value
/// called (a closure).
#[derive(Clone, Copy)]
enum Copied<'a> {
    Method(&'a syn::ExprMethodCall),
    Callee(&'a syn::punctuated::Punctuated<Expr, syn::Token![,]>),
}

/// Methods whose result's type the caller chooses (`let v: Vec<_> =
/// it.collect();`, `let n: u32 = s.parse()?;`, `let a: [T; 2] =
/// v.try_into().map_err(..)?;`, an HTTP response's `let
/// data: Data = response.json().await?;`): the check's copy of the call is
/// given the type of the call it stands beside. An `into_…` method takes
/// `self` by convention, and may leave its result's type to the caller too
/// (`let m: Model = raw.into_model();`).
fn result_chosen_by_caller(method: &syn::Ident) -> bool {
    const NAMES: [&str; 9] = [
        "into",
        "try_into",
        "collect",
        "sum",
        "product",
        "partition",
        "unzip",
        "json",
        "parse",
    ];
    let name = method.to_string();
    NAMES.contains(&name.as_str()) || name.starts_with("into_")
}

/// The check: the method called with `call`'s arguments on a value of
/// `receiver`'s type, in code that never runs, whose capture of the value
/// `verdict` is asked about. It evaluates to the `Check` of the type of the
/// value it stands beside (`tie`: the call's result, which the copy of the
/// call is given). `None` where a method's argument leaves the code around
/// it (`?`, `return`, `break`, `.await`), which a copy inside the check's
/// closure cannot, or may be typed by code after the call (see
/// [`closures`]); the call then goes unchecked. A closure's call copies no
/// argument, so it is always checked.
fn check(receiver: &Expr, call: Copied<'_>, verdict: &str, tie: bool, at: Span) -> Option<Expr> {
    let private = names::private();
    let witness = names::hidden("__witness");
    let found = names::hidden("__found");
    let value = names::hidden("__value");
    let of = names::hidden("__of");
    let closure = names::hidden("__call");
    let (copy, tie) = match call {
        Copied::Method(call) => {
            let method = &call.method;
            let turbofish = &call.turbofish;
            let args = copied_args(call)?;
            let tie = tie && result_chosen_by_caller(method);
            (quote!(#value.#method #turbofish (#(#args),*)), tie)
        }
        // A closure's parameters have one type each, which the call
        // settles: the copy gives values of those types, whatever the
        // arguments are. A copy of a closure given (`log(&|| ..)`) would be
        // a closure of another type, and one of `vec![name]` would own
        // `name`, hiding the answer.
        Copied::Callee(args) => {
            let inferred = args
                .iter()
                .map(|_| quote!(#private::value_of(::core::marker::PhantomData)));
            (quote!((#value)(#(#inferred),*)), false)
        }
    };
    let used = if tie {
        quote!(#private::same_as(#witness, #copy))
    } else {
        quote!(let _ = #copy)
    };
    let verdict = syn::Ident::new(verdict, Span::call_site());
    let copy = quote::quote_spanned! {Span::mixed_site()=>
        let mut #value = #private::value_of(#private::type_of(&(#receiver)));
        let #of = #private::type_of(&#value);
        let #closure = || { #used; };
        #found = ::core::option::Option::Some((#of, #closure));
    };
    unreachable_check(quote!(#private::#verdict), at, copy)
}

/// A check that never runs: `verdict(&__found)`, at `at` (where the
/// compiler points when it fails), then `copy`, which sets `__found` to
/// what the verdict reads, after a `loop {}`, where the compiler types
/// the code but does not borrow-check it against the rest; given as
/// `Check(__witness)`, the marker `copy` may tie to the call's type.
/// `None` where it does not parse: only the user's code, parsed once
/// already, and the expansion's own tokens, so a check that does not is
/// left out rather than have the macro panic.
fn unreachable_check(
    verdict: proc_macro2::TokenStream,
    at: Span,
    copy: proc_macro2::TokenStream,
) -> Option<Expr> {
    let private = names::private();
    let witness = names::hidden("__witness");
    let found = names::hidden("__found");
    let verdict = names::located_at(quote!(#verdict(&#found)), at);
    let check = quote::quote_spanned! {Span::mixed_site()=>
        {
            let #witness = ::core::marker::PhantomData;
            if false {
                let mut #found = ::core::option::Option::None;
                #verdict;
                loop {}
                #[allow(unreachable_code)]
                {
                    #copy
                };
            }
            #private::Check(#witness)
        }
    };
    syn::parse2::<Expr>(check).ok()
}

/// The arguments of the check's copy of `call`: `None` where one leaves
/// the code around it (`?`, `return`, `break`, `.await`), which a copy
/// inside the check's closure cannot, or may be typed by code after the
/// call (see [`closures`]).
fn copied_args(call: &syn::ExprMethodCall) -> Option<Vec<proc_macro2::TokenStream>> {
    // The checks inside the arguments, written first (`bag.count(s.into())`
    // checks `s.into()`), are not copied: the closure each holds would read
    // as a closure given to the method, and leave the call unchecked.
    let args: Vec<Expr> = call
        .args
        .iter()
        .map(|arg| {
            let arg = unwrapped(arg);
            (!leaves(&arg))
                .then(|| closures::copy_of(&call.method, &arg))
                .flatten()
        })
        .collect::<Option<_>>()?;
    // The places the arguments read (`bag.zip(other)`, `Some(other)`) are
    // given as values of their types, which the closure does not capture:
    // a capture by value of something with a drop would hide the
    // receiver's (see `values`).
    let args = args.into_iter().map(|mut arg| {
        values::places_as_values(&mut arg);
        quote!(#arg)
    });
    Some(args.collect())
}

/// Does `arg` leave the code around it, outside its own closures and
/// `async` blocks?
fn leaves(arg: &Expr) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            match expr {
                // A `?` (as it became) is copied as the type it continues
                // with (see `values`); what it tries may still leave.
                Expr::Match(m) if super::earlier::tried(m).is_some() => {
                    if let Some(tried) = super::earlier::tried(m) {
                        self.visit_expr(tried);
                    }
                }
                Expr::Try(_)
                | Expr::Return(_)
                | Expr::Break(_)
                | Expr::Continue(_)
                | Expr::Await(_)
                | Expr::Yield(_) => self.0 = true,
                Expr::Closure(_) | Expr::Async(_) | Expr::Const(_) => {}
                _ => syn::visit::visit_expr(self, expr),
            }
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            self.0 |= super::lead::has_early_exit(mac.tokens.clone())
                || walk::mentions(&mac.tokens, "await");
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_expr(&mut finder, arg);
    finder.0
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    fn call(text: &str) -> syn::ExprMethodCall {
        syn::parse_str(text).expect("a method call")
    }

    #[test]
    fn a_description_shows_the_call_as_written() {
        let mut outer = call(r#"Leaf::new("a").pending(1).ready(x)"#);
        assert!(needed(&outer));
        let Expr::MethodCall(inner) = &mut *outer.receiver else {
            unreachable!("a chain")
        };
        assert!(needed(inner));
        wrap(inner);
        assert!(!needed(inner), "marked once");
        wrap(&mut outer);
        let mut wrapped = Expr::MethodCall(outer);
        syn::visit_mut::VisitMut::visit_expr_mut(&mut Expand, &mut wrapped);
        let text = wrapped.to_token_stream().to_string();
        assert_eq!(text.matches("receiver_moved").count(), 2, "{text}");
        assert_eq!(
            unwrapped(&wrapped).to_token_stream().to_string(),
            call(r#"Leaf::new("a").pending(1).ready(x)"#)
                .to_token_stream()
                .to_string()
        );
    }

    #[test]
    fn a_call_whose_arguments_leave_goes_unchecked() {
        for (text, checked) in [
            ("bag.count()", true),
            ("bag.map(f()?)", false),
            ("bag.map(format!(\"{}\", g().await))", false),
            ("bag.zip(if c { break } else { 1 })", false),
            ("bag.and_then(|x| x.into())", false),
            ("bag.map(|x| x.into())", true),
            ("bag.map_or(0, |x| x * 3)", true),
            ("bag.is_some_and(|x| x > 1)", true),
            ("bag.map(async |x| x)", false),
            ("bag.map(Into::into)", false),
            ("bag.map(async { 1 })", false),
            ("bag.zip(Probe::new(\"p\"))", true),
            ("bag.zip(Vec::<u32>::new)", true),
        ] {
            let mut expr: Expr = syn::parse_str(text).expect("a call");
            consumed(&mut expr);
            let text = expr.to_token_stream().to_string();
            assert_eq!(text.contains("receiver_consumed"), checked, "{text}");
        }
    }

    #[test]
    fn a_check_written_inside_an_argument_leaves_the_call_checked() {
        // The receiver's check and the argument's own.
        for (text, argument_check) in [
            ("bag.count(s.into())", "receiver_consumed"),
            ("bag.count(make())", "callee_consumed"),
        ] {
            let mut expr: Expr = syn::parse_str(text).expect("a call");
            if let Expr::MethodCall(outer) = &mut expr {
                consumed(&mut outer.args[0]);
            }
            consumed(&mut expr);
            let text = expr.to_token_stream().to_string();
            let checks =
                text.matches("receiver_consumed").count() + text.matches("callee_consumed").count();
            assert_eq!(checks, 2, "{text}");
            assert!(text.contains(argument_check), "{text}");
        }
    }

    #[test]
    fn a_closure_called_is_checked_whatever_its_arguments() {
        for text in [
            "log(&|| \"start\".to_string())",
            "record(vec![name])",
            "record(u64::from)",
            "log(f()?)",
        ] {
            let mut expr: Expr = syn::parse_str(text).expect("a call");
            consumed(&mut expr);
            let text = expr.to_token_stream().to_string();
            assert!(text.contains("callee_consumed"), "{text}");
        }
    }

    #[test]
    fn places_references_and_known_methods_are_not_checked() {
        for text in [
            "probe.label()",
            "(&make()).label()",
            "make().len()",
            "make().unwrap()",
            "f().await.label()",
            "make().label(g().await)",
        ] {
            assert!(!needed(&call(text)), "{text}");
        }
        assert!(needed(&call("make().label()")));
        assert!(needed(&call("Named { p }.label(&x, 1)")));
        assert!(
            needed(&call("make().text()")),
            "a name taken for a move, ambiguously"
        );
    }
}
