//! `repros`: rebuild every minimal repro in `desugar-fuzz/FINDINGS.md`
//! against the current engine and say which still fail.
//!
//! A repro is a fenced `rust` block holding `#[desugar] async fn case`,
//! optionally led by `// args: …` (the call's arguments), `// setup: …`
//! (a statement run once before) and, for a method of `Holder` (written
//! inside `impl Holder { … }`), `// receiver: …` (what to call it on). The
//! `###` heading above it names it in the report.

use std::path::Path;

use crate::batch::{Outcome, Source, Workdir};

/// A repro read from the findings file.
struct Repro {
    title: String,
    source: Source,
}

/// Runs the repros; returns whether the file could be read and built.
pub fn run(workdir: &Workdir, findings: &Path) -> bool {
    let text = match std::fs::read_to_string(findings) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("cannot read {}: {err}", findings.display());
            return false;
        }
    };
    let repros = parse(&text);
    let sources: Vec<(usize, Source)> = repros
        .iter()
        .map(|r| r.source.clone())
        .enumerate()
        .collect();
    let result = match workdir.run_batch("repros", &sources) {
        Ok(result) => result,
        Err(err) => {
            eprintln!("the repros could not be built:\n{err}");
            return false;
        }
    };
    let mut failing = 0;
    for (index, repro) in repros.iter().enumerate() {
        let verdict = if let Some(errors) = result.compile_errors.get(&index) {
            format!("still fails to build: {}", errors[0])
        } else if let Some(errors) = result.invalid.get(&index) {
            format!("rustc rejects the repro itself: {}", errors[0])
        } else {
            match result.outcomes.get(&index) {
                Some(Outcome::Same { .. }) => "passes now".to_string(),
                Some(other) => {
                    let detail = match other {
                        Outcome::Mismatch { text, .. } => text.lines().nth(3).unwrap_or(""),
                        Outcome::HarnessPanic(text) | Outcome::Crash(text) => text,
                        Outcome::Same { .. } => "",
                    };
                    format!("still fails: {}: {}", other.kind(), detail.trim())
                }
                None => "no result".to_string(),
            }
        };
        if verdict != "passes now" {
            failing += 1;
        }
        println!("{}\n    {verdict}", repro.title);
    }
    println!("{failing} of {} repros still fail", repros.len());
    true
}

fn parse(text: &str) -> Vec<Repro> {
    let mut out = Vec::new();
    let mut title = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some(heading) = line.strip_prefix("### ") {
            title = heading.to_string();
            continue;
        }
        if line.trim() != "```rust" {
            continue;
        }
        let (mut args, mut setup, mut body) = (String::new(), Vec::new(), Vec::new());
        let mut receiver = None;
        for line in lines.by_ref() {
            if line.trim() == "```" {
                break;
            }
            if let Some(rest) = line.strip_prefix("// args:") {
                args = rest.trim().to_string();
            } else if let Some(rest) = line.strip_prefix("// setup:") {
                setup.push(rest.trim().to_string());
            } else if let Some(rest) = line.strip_prefix("// receiver:") {
                receiver = Some(rest.trim().to_string());
            } else {
                body.push(line);
            }
        }
        let desugared = body.join("\n") + "\n";
        if !desugared.contains("#[desugar]") || !desugared.contains("async fn case") {
            continue;
        }
        let plain = desugared
            .replace("#[desugar]", "#[allow(dead_code)]")
            .replace("async fn case", "async fn plain");
        out.push(Repro {
            title: title.clone(),
            source: Source {
                desugared,
                plain,
                machine: call(&receiver, "case", &args),
                twin: call(&receiver, "case_rustc", &args),
                setup,
                method: receiver.is_some(),
            },
        });
    }
    out
}

/// `case(args)`, or `receiver.case(args)` for a method.
fn call(receiver: &Option<String>, name: &str, args: &str) -> String {
    match receiver {
        Some(receiver) => format!("{receiver}.{name}({args})"),
        None => format!("{name}({args})"),
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn repros_are_read_with_their_arguments() {
        let text = "### 1. A bug\n\ntext\n\n```rust\n// args: Probe::new(\"p\")\n#[desugar]\nasync fn case(p: Probe) -> u32 {\n    1\n}\n```\n\n```rust\nfn not_a_repro() {}\n```\n\n### 2. A method\n\n```rust\n// receiver: Holder::new(\"h\")\nimpl Holder {\n    #[desugar]\n    async fn case(self) -> u32 {\n        1\n    }\n}\n```\n";
        let repros = parse(text);
        assert_eq!(repros.len(), 2);
        assert!(repros[1].source.method);
        assert_eq!(repros[1].source.twin, "Holder::new(\"h\").case_rustc()");
        assert_eq!(repros[0].title, "1. A bug");
        assert_eq!(repros[0].source.machine, "case(Probe::new(\"p\"))");
        assert!(repros[0].source.plain.contains("async fn plain(p: Probe)"));
    }
}
