//! A generated async fn as a tree of statements: what the generator builds,
//! what the batch prints, and what the shrinker cuts down.
//!
//! Lines are kept as text (the generator already checked them); only the
//! block structure is a tree, since shrinking removes whole statements or
//! replaces a construct by one of its blocks.

use std::fmt::Write as _;

/// One generated `async fn` and how to call it from the harness.
#[derive(Clone, Debug)]
pub struct Function {
    /// For a method of the prelude's `Holder`: its receiver.
    pub receiver: Option<Receiver>,
    pub params: Vec<Param>,
    /// The return type, e.g. `Option<u32>`; empty for none (`()`).
    pub ret: String,
    pub body: Vec<Node>,
}

/// A method's receiver and how the harness gets the value to call it on.
#[derive(Clone, Debug)]
pub struct Receiver {
    /// `&self`, `&mut self`, `self` or `mut self`.
    pub decl: String,
    /// The expression the method is called on, built for every run.
    pub arg: String,
    /// A statement run once before the comparison (the holder a `&self`
    /// method borrows).
    pub setup: Option<String>,
}

/// A parameter and the argument the harness passes for it.
#[derive(Clone, Debug)]
pub struct Param {
    /// The pattern, e.g. `mut a0` or `(a1, p2)`.
    pub pat: String,
    pub ty: String,
    /// The argument expression, built afresh for every run.
    pub arg: String,
    /// A statement the check runs once before the comparison, for arguments
    /// that borrow (`let outer3 = Probe::new("outer3");`).
    pub setup: Option<String>,
}

/// A statement: a line, or a construct holding blocks.
#[derive(Clone, Debug)]
pub enum Node {
    /// A whole statement (or block tail) on one line.
    Line(String),
    /// A line the shrinker keeps: a loop's guard (without it the loop
    /// would not end).
    Fixed(String),
    /// Text and blocks in order: `if c` `{..}` `else` `{..}` `;`.
    Nest(Vec<Part>),
}

/// A piece of a construct.
#[derive(Clone, Debug)]
pub enum Part {
    Text(String),
    Block(Vec<Node>),
}

/// One way of making a function smaller.
#[derive(Clone, Copy, Debug)]
pub enum Cut {
    /// Remove the `index`th statement of the `block`th block (blocks
    /// numbered depth-first, the body being 0).
    Remove { block: usize, index: usize },
    /// Replace that statement by the statements of its `part`th part,
    /// which is a block.
    Flatten {
        block: usize,
        index: usize,
        part: usize,
    },
    /// Remove the `index`th parameter.
    Param { index: usize },
}

impl Node {
    /// Whether the statement awaits anywhere inside.
    pub fn awaits(&self) -> bool {
        match self {
            Node::Line(text) | Node::Fixed(text) => text.contains(".await"),
            Node::Nest(parts) => parts.iter().any(|part| match part {
                Part::Text(text) => text.contains(".await"),
                Part::Block(block) => block.iter().any(Node::awaits),
            }),
        }
    }

    /// Whether the statement ends with `;` (otherwise, last in a block, it
    /// is the block's tail).
    pub fn ends_with_semicolon(&self) -> bool {
        match self {
            Node::Line(text) | Node::Fixed(text) => text.ends_with(';'),
            Node::Nest(parts) => {
                matches!(parts.last(), Some(Part::Text(text)) if text.ends_with(';'))
            }
        }
    }
}

impl Function {
    /// The source of the function named `name`, with `attr` (e.g.
    /// `#[desugar]`) above it unless empty.
    pub fn render(&self, name: &str, attr: &str) -> String {
        let mut out = String::new();
        if self.receiver.is_some() {
            out.push_str("impl Holder {\n");
        }
        if !attr.is_empty() {
            out.push_str(attr);
            out.push('\n');
        }
        let mut params: Vec<String> = self.receiver.iter().map(|r| r.decl.clone()).collect();
        params.extend(self.params.iter().map(|p| format!("{}: {}", p.pat, p.ty)));
        let _ = write!(out, "async fn {name}({}) ", params.join(", "));
        if !self.ret.is_empty() {
            let _ = write!(out, "-> {} ", self.ret);
        }
        render_block(&self.body, 0, &mut out);
        out.push('\n');
        if self.receiver.is_some() {
            out.push_str("}\n");
        }
        out
    }

    /// A call of the function (or method) `name`, building its arguments.
    pub fn call(&self, name: &str) -> String {
        match &self.receiver {
            Some(receiver) => format!("{}.{name}({})", receiver.arg, self.args()),
            None => format!("{name}({})", self.args()),
        }
    }

    /// Statements the harness runs once before calling the function.
    pub fn setup(&self) -> Vec<String> {
        let receiver = self.receiver.iter().filter_map(|r| r.setup.clone());
        let params = self.params.iter().filter_map(|p| p.setup.clone());
        receiver.chain(params).collect()
    }

    /// The arguments of a call, e.g. `Probe::new("p1"), 3`.
    pub fn args(&self) -> String {
        let args: Vec<&str> = self.params.iter().map(|p| p.arg.as_str()).collect();
        args.join(", ")
    }

    /// Statements counted over all blocks.
    pub fn size(&self) -> usize {
        fn count(block: &[Node]) -> usize {
            block
                .iter()
                .map(|node| match node {
                    Node::Line(_) | Node::Fixed(_) => 1,
                    Node::Nest(parts) => {
                        1 + parts
                            .iter()
                            .map(|part| match part {
                                Part::Block(b) => count(b),
                                Part::Text(_) => 0,
                            })
                            .sum::<usize>()
                    }
                })
                .sum()
        }
        count(&self.body)
    }

    /// Every cut of this function, the ones removing most first.
    pub fn cuts(&self) -> Vec<Cut> {
        let mut sized = Vec::new();
        let mut next_block = 0;
        collect_cuts(&self.body, &mut next_block, &mut sized);
        sized.sort_by_key(|(size, _)| std::cmp::Reverse(*size));
        let mut cuts: Vec<Cut> = sized.into_iter().map(|(_, cut)| cut).collect();
        cuts.extend((0..self.params.len()).map(|index| Cut::Param { index }));
        cuts
    }

    /// This function with `cut` applied.
    pub fn apply(&self, cut: Cut) -> Function {
        let mut out = self.clone();
        match cut {
            Cut::Param { index } => {
                out.params.remove(index);
            }
            Cut::Remove { block, index } => {
                if let Some(stmts) = block_mut(&mut out.body, block, &mut 0) {
                    stmts.remove(index);
                }
            }
            Cut::Flatten { block, index, part } => {
                if let Some(stmts) = block_mut(&mut out.body, block, &mut 0)
                    && let Node::Nest(parts) = &stmts[index]
                    && let Part::Block(inner) = &parts[part]
                {
                    let inner = inner.clone();
                    stmts.splice(index..=index, inner);
                }
            }
        }
        out
    }
}

fn collect_cuts(block: &[Node], next_block: &mut usize, out: &mut Vec<(usize, Cut)>) {
    let id = *next_block;
    *next_block += 1;
    for (index, node) in block.iter().enumerate() {
        if let Node::Fixed(_) = node {
            continue;
        }
        let whole = Function {
            receiver: None,
            params: Vec::new(),
            ret: String::new(),
            body: vec![node.clone()],
        }
        .size();
        out.push((whole, Cut::Remove { block: id, index }));
        if let Node::Nest(parts) = node {
            for (part, piece) in parts.iter().enumerate() {
                if let Part::Block(inner) = piece {
                    let kept = Function {
                        receiver: None,
                        params: Vec::new(),
                        ret: String::new(),
                        body: inner.clone(),
                    }
                    .size();
                    out.push((
                        whole - kept,
                        Cut::Flatten {
                            block: id,
                            index,
                            part,
                        },
                    ));
                    collect_cuts(inner, next_block, out);
                }
            }
        }
    }
}

/// The `target`th block in depth-first order.
fn block_mut<'a>(
    block: &'a mut Vec<Node>,
    target: usize,
    seen: &mut usize,
) -> Option<&'a mut Vec<Node>> {
    if *seen == target {
        return Some(block);
    }
    *seen += 1;
    for node in block.iter_mut() {
        if let Node::Nest(parts) = node {
            for part in parts.iter_mut() {
                if let Part::Block(inner) = part
                    && let Some(found) = block_mut(inner, target, seen)
                {
                    return Some(found);
                }
            }
        }
    }
    None
}

fn render_block(block: &[Node], depth: usize, out: &mut String) {
    out.push_str("{\n");
    for node in block {
        indent(depth + 1, out);
        match node {
            Node::Line(line) | Node::Fixed(line) => out.push_str(line),
            Node::Nest(parts) => render_parts(parts, depth + 1, out),
        }
        out.push('\n');
    }
    indent(depth, out);
    out.push('}');
}

/// Text after a line break inside a construct (a `match` arm) is indented
/// one level deeper than the construct, a closing `}` at its level.
fn render_parts(parts: &[Part], depth: usize, out: &mut String) {
    for part in parts {
        match part {
            Part::Text(text) => {
                let mut lines = text.split('\n');
                if let Some(first) = lines.next() {
                    out.push_str(first);
                }
                for rest in lines {
                    out.push('\n');
                    indent(
                        if rest.starts_with('}') {
                            depth
                        } else {
                            depth + 1
                        },
                        out,
                    );
                    out.push_str(rest);
                }
            }
            Part::Block(block) => render_block(block, depth, out),
        }
    }
}

fn indent(depth: usize, out: &mut String) {
    for _ in 0..depth {
        out.push_str("    ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Function {
        Function {
            receiver: None,
            params: vec![Param {
                pat: "a0".into(),
                ty: "u32".into(),
                arg: "3".into(),
                setup: None,
            }],
            ret: "u32".into(),
            body: vec![
                Node::Line("let x1 = a0;".into()),
                Node::Nest(vec![
                    Part::Text("if x1 > 2 ".into()),
                    Part::Block(vec![Node::Line("leaf(\"L1\", 1, ()).await;".into())]),
                ]),
                Node::Line("x1".into()),
            ],
        }
    }

    #[test]
    fn renders_nested_blocks() {
        let text = sample().render("case", "#[desugar]");
        assert_eq!(
            text,
            "#[desugar]\nasync fn case(a0: u32) -> u32 {\n    let x1 = a0;\n    if x1 > 2 {\n        leaf(\"L1\", 1, ()).await;\n    }\n    x1\n}\n"
        );
    }

    #[test]
    fn cuts_remove_and_flatten() {
        let f = sample();
        assert_eq!(f.size(), 4);
        let cuts = f.cuts();
        // The `if` (2 statements) goes first.
        assert!(matches!(cuts[0], Cut::Remove { block: 0, index: 1 }));
        let flat = f.apply(Cut::Flatten {
            block: 0,
            index: 1,
            part: 1,
        });
        assert!(
            flat.render("f", "")
                .contains("    leaf(\"L1\", 1, ()).await;\n    x1")
        );
        let inner = f.apply(Cut::Remove { block: 1, index: 0 });
        assert_eq!(inner.size(), 3);
    }
}
