//! The report on one fn: a header, then the sections asked for (state
//! table, Mermaid diagram, formatted expansion).

use std::path::Path;

use crate::cli::Sections;
use crate::expansion::Analysis;
use crate::find::Found;
use crate::source::Location;
use crate::states;

/// Input: a fn of `file`. Output: its report, or why `#[desugar]` rejects
/// it. With `titles` off, only the one section asked for is printed, bare,
/// so it can go straight into a `.mmd` or `.rs` file.
pub fn report(
    found: &Found<'_>,
    file: &Path,
    sections: Sections,
    titles: bool,
) -> syn::Result<String> {
    let analysis = Analysis::of(found)?;
    let description = &analysis.description;
    let mut parts = Vec::new();
    if sections.states {
        parts.push(("states", states::table(&description.states)));
    }
    if sections.diagram {
        parts.push(("diagram (Mermaid)", description.mermaid.clone()));
    }
    if sections.expand {
        let title = if sections.twin {
            "expansion"
        } else {
            "expansion (without the _rustc twin)"
        };
        parts.push((title, analysis.format(&found.name(), sections.twin)));
    }
    if !titles {
        return Ok(parts.into_iter().map(|(_, body)| body).collect());
    }
    let mut out = format!(
        "=== {} ({}) ===\n",
        found.path,
        Location::new(file, found.span())
    );
    for (title, body) in parts {
        out.push_str(&format!("\n--- {title} ---\n{body}"));
    }
    out.push('\n');
    Ok(out)
}
