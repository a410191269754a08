//! A `macro_rules!` defined in the body whose rules name locals of the fn.
//! rustc resolves a local named in a macro's rules where the macro is
//! defined, among the locals bound before it. The machine declares the
//! body's items ahead of its states, where no local is bound yet, and
//! binds the locals again in each state's code: there the name finds
//! nothing (E0425). So each call gives the macro the locals it names, from
//! where the call is, where they are the same locals as at the definition
//! (none bound again after it), and the rules read them from there.
//!
//! Before: `let total = 3; macro_rules! add { ($e:expr) => { total + $e } } let x = add!(4);`
//! After:  `let total = 3; macro_rules! add { ([$__local_total:ident] $e:expr) => { $__local_total + $e } }`
//!         `let x = add!([total] 4);`
//!
//! A name the format string of a standard macro captures in the rules
//! (`format!("c={count}")`) cannot be a metavariable: the call gives it as
//! a named argument (`format!("c={count}", count = $__local_count)`),
//! which is what rustc reads the capture as.
//!
//! Where that could change what a name means (a local of the name bound
//! again after the definition, rules that bind names of their own, a call
//! inside a macro that prints its arguments' text or inside another
//! macro's rules), the build stops at the definition saying to define the
//! macro outside the fn or to pass the local in as an argument.

use std::collections::HashSet;

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::quote;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::visit_mut::{self, VisitMut};

use super::scoped::let_patterns;
use crate::walk::{self, MacroArgs, patterns};

/// Gives each `macro_rules!` of `body` that names locals of the fn those
/// locals by its calls.
pub(crate) fn rewrite_body(body: &mut syn::Block, sig: &syn::Signature) -> syn::Result<()> {
    let mut rewrite = Definitions {
        in_scope: Vec::new(),
        error: None,
    };
    for input in &sig.inputs {
        match input {
            syn::FnArg::Typed(param) => rewrite.bind(&param.pat),
            // The receiver is a local too, renamed in the machine: rules
            // naming it read the fn's own `self`, which the machine has
            // moved into its state (E0382 for a `&mut self`).
            syn::FnArg::Receiver(_) => rewrite.in_scope.push("self".to_owned()),
        }
    }
    rewrite.visit_block_mut(body);
    rewrite.error.map_or(Ok(()), Err)
}

/// The names patterns bind in some statements (not in their items): a
/// local of such a name bound again after a definition.
#[derive(Default)]
struct Bound(HashSet<String>);

impl Visit<'_> for Bound {
    fn visit_pat_ident(&mut self, pat: &syn::PatIdent) {
        self.0.insert(pat.ident.to_string());
        syn::visit::visit_pat_ident(self, pat);
    }

    fn visit_item(&mut self, _: &syn::Item) {}
}

/// Finds each definition that names locals, and rewrites it and the
/// calls after it in its block.
struct Definitions {
    /// The locals bound where the walk is, innermost last: those a
    /// definition there may name.
    in_scope: Vec<String>,
    error: Option<syn::Error>,
}

impl Definitions {
    fn bind(&mut self, pat: &syn::Pat) {
        self.in_scope.extend(
            patterns::bindings(pat)
                .into_iter()
                .map(|binding| binding.ident.to_string()),
        );
    }

    /// Runs `run` with what `pats` bind in scope.
    fn scoped<'p>(
        &mut self,
        pats: impl IntoIterator<Item = &'p syn::Pat>,
        run: impl FnOnce(&mut Self),
    ) {
        let outer = self.in_scope.len();
        for pat in pats {
            self.bind(pat);
        }
        run(self);
        self.in_scope.truncate(outer);
    }
}

impl VisitMut for Definitions {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let outer = self.in_scope.len();
        for index in 0..block.stmts.len() {
            let (done, later) = block.stmts.split_at_mut(index + 1);
            let stmt = &mut done[index];
            if let syn::Stmt::Item(syn::Item::Macro(def)) = stmt
                && let Some(name) = def
                    .ident
                    .clone()
                    .filter(|_| def.mac.path.is_ident("macro_rules"))
            {
                if let Err(err) = self.rewrite(&name, &mut def.mac, later) {
                    self.error.get_or_insert(err);
                }
                continue;
            }
            match stmt {
                syn::Stmt::Local(local) => {
                    visit_mut::visit_local_mut(self, local);
                    self.bind(&local.pat);
                }
                stmt => self.visit_stmt_mut(stmt),
            }
        }
        self.in_scope.truncate(outer);
    }

    fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
        let pat = arm.pat.clone();
        self.scoped([&pat], |walk| visit_mut::visit_arm_mut(walk, arm));
    }

    fn visit_expr_closure_mut(&mut self, closure: &mut syn::ExprClosure) {
        let inputs = closure.inputs.clone();
        self.scoped(&inputs, |walk| {
            visit_mut::visit_expr_closure_mut(walk, closure)
        });
    }

    fn visit_expr_for_loop_mut(&mut self, node: &mut syn::ExprForLoop) {
        self.visit_expr_mut(&mut node.expr);
        let pat = (*node.pat).clone();
        self.scoped([&pat], |walk| walk.visit_block_mut(&mut node.body));
    }

    fn visit_expr_if_mut(&mut self, node: &mut syn::ExprIf) {
        self.visit_expr_mut(&mut node.cond);
        let lets = let_patterns(&node.cond);
        self.scoped(&lets, |walk| walk.visit_block_mut(&mut node.then_branch));
        if let Some((_, otherwise)) = &mut node.else_branch {
            self.visit_expr_mut(otherwise);
        }
    }

    fn visit_expr_while_mut(&mut self, node: &mut syn::ExprWhile) {
        self.visit_expr_mut(&mut node.cond);
        let lets = let_patterns(&node.cond);
        self.scoped(&lets, |walk| walk.visit_block_mut(&mut node.body));
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

impl Definitions {
    /// Gives the macro `name`, defined by `def`, the locals its rules name,
    /// by each call of it in `later`.
    fn rewrite(
        &self,
        name: &Ident,
        def: &mut syn::Macro,
        later: &mut [syn::Stmt],
    ) -> syn::Result<()> {
        let Some(rules) = Rules::parse(def.tokens.clone()) else {
            return Ok(());
        };
        let in_scope: HashSet<String> = self.in_scope.iter().cloned().collect();
        let named = rules.named(&in_scope);
        let Some(first) = named.first() else {
            return Ok(());
        };
        let refuse = || {
            syn::Error::new(
                def.span(),
                format!(
                    "#[desugar] cannot give `{name}!` the local `{first}` it names where the machine runs it: \
                     define the macro outside the fn, or pass the local in as an argument (`{name}!({first}, ..)`)"
                ),
            )
        };
        let mut again = Bound::default();
        for stmt in &*later {
            again.visit_stmt(stmt);
        }
        if rules.binds() || named.iter().any(|local| again.0.contains(local)) {
            return Err(refuse());
        }
        let mut calls = Calls {
            name,
            named: &named,
            refused: false,
        };
        for stmt in later.iter_mut() {
            calls.visit_stmt_mut(stmt);
        }
        if calls.refused {
            return Err(refuse());
        }
        def.tokens = rules.with_locals(&named);
        Ok(())
    }
}

/// A `macro_rules!`'s rules: each matcher and its transcriber.
struct Rules(Vec<(Group, Group)>);

impl Rules {
    fn parse(tokens: TokenStream) -> Option<Rules> {
        let mut trees = tokens.into_iter().peekable();
        let mut rules = Vec::new();
        while let Some(tree) = trees.next() {
            let TokenTree::Group(matcher) = tree else {
                return None;
            };
            match (trees.next(), trees.next(), trees.next()) {
                (
                    Some(TokenTree::Punct(eq)),
                    Some(TokenTree::Punct(gt)),
                    Some(TokenTree::Group(transcriber)),
                ) if eq.as_char() == '=' && gt.as_char() == '>' => {
                    rules.push((matcher, transcriber));
                }
                _ => return None,
            }
            if let Some(TokenTree::Punct(semi)) = trees.peek()
                && semi.as_char() == ';'
            {
                trees.next();
            }
        }
        Some(Rules(rules))
    }

    /// The locals the transcribers name, in the order first named.
    fn named(&self, locals: &HashSet<String>) -> Vec<String> {
        let mut named = Vec::new();
        for (_, transcriber) in &self.0 {
            names_in(transcriber.stream(), locals, &mut named);
        }
        named
    }

    /// Do the transcribers bind names of their own (`let`, a `match` arm,
    /// a closure's parameters, a `for` loop's pattern, an item), which a
    /// name given by the call would then mean?
    fn binds(&self) -> bool {
        fn binds(tokens: TokenStream) -> bool {
            tokens.into_iter().any(|tree| match tree {
                TokenTree::Ident(word) => ["let", "match", "for", "fn", "macro_rules"]
                    .iter()
                    .any(|keyword| word == keyword),
                TokenTree::Punct(punct) => punct.as_char() == '|',
                TokenTree::Group(group) => binds(group.stream()),
                TokenTree::Literal(_) => false,
            })
        }
        self.0
            .iter()
            .any(|(_, transcriber)| binds(transcriber.stream()))
    }

    /// The rules, each matcher taking `named` first as `[$__local_x:ident,
    /// ..]` and each transcriber reading them from there.
    fn with_locals(&self, named: &[String]) -> TokenStream {
        let mut out = TokenStream::new();
        for (matcher, transcriber) in &self.0 {
            let span = matcher.span();
            let fragments = named.iter().map(|local| {
                let var = metavariable(local, span);
                quote!(#var:ident)
            });
            let mut taken = quote!([#(#fragments),*]);
            taken.extend(matcher.stream());
            let matcher = respan(Group::new(matcher.delimiter(), taken), span);
            let transcriber = respan(
                Group::new(
                    transcriber.delimiter(),
                    read_locals(transcriber.stream(), named),
                ),
                transcriber.span(),
            );
            out.extend(quote!(#matcher => #transcriber;));
        }
        out
    }
}

/// `$__local_x`, at `span`.
fn metavariable(local: &str, span: Span) -> TokenStream {
    let mut dollar = Punct::new('$', Spacing::Alone);
    dollar.set_span(span);
    let var = Ident::new(&format!("__local_{local}"), span);
    quote!(#dollar #var)
}

fn respan(mut group: Group, span: Span) -> Group {
    group.set_span(span);
    group
}

/// Pushes onto `named` each name of `locals` that `tokens` use and it does
/// not hold yet: an identifier not after `$` (a metavariable), or a name
/// the format string of a standard macro captures (`format!("{count}")`).
fn names_in(tokens: TokenStream, locals: &HashSet<String>, named: &mut Vec<String>) {
    names_in_args(tokens, locals, named, false);
}

/// [`names_in`], in `tokens`, which are a format call's arguments if
/// `formatted`.
fn names_in_args(
    tokens: TokenStream,
    locals: &HashSet<String>,
    named: &mut Vec<String>,
    formatted: bool,
) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let push = |word: String, named: &mut Vec<String>| {
        if locals.contains(&word) && !named.contains(&word) {
            named.push(word);
        }
    };
    for (index, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(word) if names_local(&trees, index, formatted) => {
                push(word.to_string(), named);
            }
            TokenTree::Group(group) => {
                let call = FormatCall::at(&trees, index);
                let formatted = call.is_some();
                for word in call.into_iter().flat_map(|call| call.captures) {
                    push(word, named);
                }
                names_in_args(group.stream(), locals, named, formatted);
            }
            _ => {}
        }
    }
}

/// Could the identifier `trees[index]` name a local: not a metavariable
/// (`$x`), the module of a path (`self::helper`), nor the name of a named
/// argument of a format call (`w = 1`) when `formatted`?
fn names_local(trees: &[TokenTree], index: usize, formatted: bool) -> bool {
    let TokenTree::Ident(word) = &trees[index] else {
        return false;
    };
    let argument_name = formatted
        && matches!(trees.get(index + 1), Some(TokenTree::Punct(eq)) if eq.as_char() == '=' && eq.spacing() == Spacing::Alone)
        && index.checked_sub(1).is_none_or(
            |before| matches!(&trees[before], TokenTree::Punct(p) if p.as_char() == ','),
        );
    !after_dollar(trees, index) && !starts_path(word, trees.get(index + 1)) && !argument_name
}

fn after_dollar(trees: &[TokenTree], index: usize) -> bool {
    index
        .checked_sub(1)
        .is_some_and(|before| matches!(&trees[before], TokenTree::Punct(p) if p.as_char() == '$'))
}

/// The arguments of a call of a standard macro that formats, in rules
/// (`format!("{} {count}", $e)`): the names its format string captures,
/// but those given as named arguments (`count = 2`).
struct FormatCall {
    captures: Vec<String>,
    span: Span,
}

impl FormatCall {
    /// The call whose arguments are `trees[index]`, if it is one.
    fn at(trees: &[TokenTree], index: usize) -> Option<FormatCall> {
        let (Some(name_at), TokenTree::Group(args)) = (index.checked_sub(2), &trees[index]) else {
            return None;
        };
        let (TokenTree::Ident(name), TokenTree::Punct(bang)) =
            (&trees[name_at], &trees[name_at + 1])
        else {
            return None;
        };
        if bang.as_char() != '!' || after_dollar(trees, name_at) {
            return None;
        }
        let position = walk::format_string_position(&name.to_string())?;
        let args: Vec<TokenTree> = args.stream().into_iter().collect();
        let segments: Vec<&[TokenTree]> = args
            .split(|tree| matches!(tree, TokenTree::Punct(p) if p.as_char() == ','))
            .collect();
        let [TokenTree::Literal(format)] = segments.get(position)? else {
            return None;
        };
        let given: Vec<String> = segments[position + 1..]
            .iter()
            .filter_map(|segment| match segment {
                [TokenTree::Ident(name), TokenTree::Punct(eq), _, ..]
                    if eq.as_char() == '=' && eq.spacing() == Spacing::Alone =>
                {
                    Some(name.to_string())
                }
                _ => None,
            })
            .collect();
        let mut captures = Vec::new();
        for capture in walk::literal_captures(format) {
            if !given.contains(&capture.name) && !captures.contains(&capture.name) {
                captures.push(capture.name);
            }
        }
        Some(FormatCall {
            captures,
            span: format.span(),
        })
    }
}

/// Is `word` the `self` of a path (`self::helper()`), the module, not the
/// receiver?
fn starts_path(word: &Ident, next: Option<&TokenTree>) -> bool {
    word == "self" && matches!(next, Some(TokenTree::Punct(p)) if p.as_char() == ':')
}

/// `tokens`, a transcriber, with each of `named` read from its
/// metavariable; one a format string captures is given to its macro as a
/// named argument, as rustc reads an inline capture.
///
/// Before: `format!("c={count}")`
/// After:  `format!("c={count}", count = $__local_count)`
fn read_locals(tokens: TokenStream, named: &[String]) -> TokenStream {
    read_locals_in_args(tokens, named, false)
}

/// [`read_locals`], in `tokens`, which are a format call's arguments if
/// `formatted`.
fn read_locals_in_args(tokens: TokenStream, named: &[String], formatted: bool) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = TokenStream::new();
    for (index, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(word)
                if names_local(&trees, index, formatted) && named.iter().any(|n| word == n) =>
            {
                out.extend(metavariable(&word.to_string(), word.span()));
            }
            TokenTree::Group(group) => {
                let call = FormatCall::at(&trees, index);
                let mut inner = read_locals_in_args(group.stream(), named, call.is_some());
                if let Some(call) = call {
                    let ends_with_comma = matches!(
                        group.stream().into_iter().last(),
                        Some(TokenTree::Punct(p)) if p.as_char() == ','
                    );
                    for (given, local) in call
                        .captures
                        .iter()
                        .filter(|local| named.contains(local))
                        .enumerate()
                    {
                        if given > 0 || !ends_with_comma {
                            inner.extend(quote!(,));
                        }
                        let name = Ident::new(local, call.span);
                        let var = metavariable(local, call.span);
                        inner.extend(quote!(#name = #var));
                    }
                }
                let inner = Group::new(group.delimiter(), inner);
                out.extend([TokenTree::Group(respan(inner, group.span()))]);
            }
            tree => out.extend([tree.clone()]),
        }
    }
    out
}

/// Gives each call of the macro `name` the locals it names; `refused`
/// where a call cannot be given them unseen.
struct Calls<'a> {
    name: &'a Ident,
    named: &'a [String],
    refused: bool,
}

impl Calls<'_> {
    fn is_call(&self, mac: &syn::Macro) -> bool {
        mac.path.is_ident(self.name)
    }

    /// `[x, y]` ahead of the call's own tokens, located at its name.
    fn given(&self, span: Span, tokens: TokenStream) -> TokenStream {
        let locals = self.named.iter().map(|local| Ident::new(local, span));
        let mut given = TokenStream::new();
        given.extend([TokenTree::Group(respan(
            Group::new(Delimiter::Bracket, quote!(#(#locals),*)),
            span,
        ))]);
        given.extend(tokens);
        given
    }

    /// Does `tokens` call the macro (`name!(..)`)?
    fn calls_in(&self, tokens: TokenStream) -> bool {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        trees.iter().enumerate().any(|(index, tree)| match tree {
            TokenTree::Ident(word) => {
                word == self.name
                    && matches!(trees.get(index + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!')
            }
            TokenTree::Group(group) => self.calls_in(group.stream()),
            _ => false,
        })
    }

    /// `tokens`, another macro's arguments, with each call of the macro
    /// in them given the locals.
    fn give_in(&self, tokens: TokenStream) -> TokenStream {
        let mut trees: Vec<TokenTree> = tokens.into_iter().collect();
        for index in 0..trees.len() {
            let call = matches!(
                (&trees[index], trees.get(index + 1), trees.get(index + 2)),
                (TokenTree::Ident(word), Some(TokenTree::Punct(bang)), Some(TokenTree::Group(_)))
                    if word == self.name && bang.as_char() == '!'
            );
            let span = trees[index].span();
            let target = if call { index + 2 } else { index };
            if let TokenTree::Group(group) = &trees[target] {
                let inner = if call {
                    self.given(span, group.stream())
                } else {
                    self.give_in(group.stream())
                };
                trees[target] =
                    TokenTree::Group(respan(Group::new(group.delimiter(), inner), group.span()));
            }
        }
        trees.into_iter().collect()
    }
}

impl VisitMut for Calls<'_> {
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if !self.calls_in(mac.tokens.clone()) {
            if self.is_call(mac) {
                mac.tokens = self.given(mac.path.span(), mac.tokens.clone());
            }
            return;
        }
        // A call among another's arguments: given the locals where that
        // macro reads them as expressions and does not print their text,
        // which would show them.
        match MacroArgs::parse(mac) {
            Some(args) if !args.quotes() && !self.is_call(mac) => {
                mac.tokens = self.give_in(mac.tokens.clone());
            }
            _ => self.refused = true,
        }
    }

    /// A nested item's code is its own, but another macro's rules that
    /// call this one would read the locals where that one is defined, and
    /// a definition of the same name replaces it.
    fn visit_item_mut(&mut self, item: &mut syn::Item) {
        if let syn::Item::Macro(def) = item {
            if def.mac.path.is_ident("macro_rules") {
                self.refused |=
                    def.ident.as_ref() == Some(self.name) || self.calls_in(def.mac.tokens.clone());
            } else {
                self.visit_macro_mut(&mut def.mac);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite_body;
    use quote::ToTokens;

    /// `body` rewritten in `async fn f(n: u32)`, or the error's message.
    fn rewritten(body: &str) -> Result<String, String> {
        let sig: syn::Signature = syn::parse_str("async fn f(n: u32)").expect("a signature");
        let mut block: syn::Block = syn::parse_str(body).expect("a block");
        match rewrite_body(&mut block, &sig) {
            Ok(()) => Ok(block.to_token_stream().to_string()),
            Err(err) => Err(err.to_string()),
        }
    }

    #[test]
    fn the_locals_named_are_given_by_each_call() {
        let out = rewritten(
            "{ let t = 3; macro_rules! add { ($e:expr) => { t + n + $e }; () => { t } } \
             let x = add!(1); format!(\"{}\", add!()) }",
        )
        .expect("rewritten");
        assert!(out.contains("([$ __local_t : ident , $ __local_n : ident] $ e : expr) => { $ __local_t + $ __local_n + $ e }"), "{out}");
        assert!(out.contains("add ! ([t , n] 1)"), "{out}");
        assert!(out.contains("add ! ([t , n])"), "{out}");
    }

    #[test]
    fn a_local_a_format_string_captures_is_given_as_a_named_argument() {
        let out = rewritten(
            "{ let t = 3; let w = 4; macro_rules! show { () => { format!(\"{t} {w}\", w = 1) + &write!(o, \"{t}\",) } } show!() }",
        )
        .expect("rewritten");
        assert!(
            out.contains("format ! (\"{t} {w}\" , w = 1 , t = $ __local_t)"),
            "{out}"
        );
        assert!(
            out.contains("write ! (o , \"{t}\" , t = $ __local_t)"),
            "{out}"
        );
        assert!(out.contains("show ! ([t])"), "{out}");
    }

    #[test]
    fn a_method_s_receiver_is_given_but_not_a_self_path() {
        let sig: syn::Signature = syn::parse_str("async fn f(&mut self)").expect("a signature");
        let mut block: syn::Block = syn::parse_str(
            "{ macro_rules! calls { () => { self.calls + self::base() } } calls!() }",
        )
        .expect("a block");
        rewrite_body(&mut block, &sig).expect("rewritten");
        let out = block.to_token_stream().to_string();
        assert!(
            out.contains("$ __local_self . calls + self :: base ()"),
            "{out}"
        );
        assert!(out.contains("calls ! ([self])"), "{out}");
    }

    #[test]
    fn a_macro_that_names_no_local_is_left_alone() {
        let body = "{ macro_rules! two { () => { 2 } } let x = two!(); { let t = 1; } }";
        let out = rewritten(body).expect("rewritten");
        assert!(
            out.contains("() => { 2 }") && out.contains("two ! ()"),
            "{out}"
        );
        // Bound in a block that ended before the definition: not a local there.
        let out =
            rewritten("{ { let t = 1; } macro_rules! m { () => { t } } m!() }").expect("rewritten");
        assert!(out.contains("m ! ()"), "{out}");
    }

    #[test]
    fn where_a_name_could_mean_another_local_the_build_stops() {
        for body in [
            // Bound again after the definition, in a `let` or an arm.
            "{ let t = 3; macro_rules! m { () => { t } } let t = 4; m!() }",
            "{ let t = 3; macro_rules! m { () => { t } } match x { Some(t) => m!(), _ => 0 } }",
            // The rules bind names of their own.
            "{ let t = 3; macro_rules! m { () => {{ let t = 1; t }} } m!() }",
            // A call whose text a macro prints, or in another macro's rules.
            "{ let t = 3; macro_rules! m { () => { t } } dbg!(m!()) }",
            "{ let t = 3; macro_rules! m { () => { t } } macro_rules! k { () => { m!() } } k!() }",
        ] {
            let err = rewritten(body).expect_err(body);
            assert!(err.contains("define the macro outside the fn"), "{err}");
        }
    }
}
