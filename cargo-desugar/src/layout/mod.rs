//! `cargo desugar layout`: compile one target of the current project with
//! rustc's `-Zprint-type-sizes` and print, for each desugared fn found in
//! its output, the layout rustc gives the `_rustc` twin's future beside the
//! one it gives the desugared future, state by state.
//!
//! [`cargo`] runs the build, [`type_sizes`] reads rustc's output,
//! [`machines`] finds the desugared fns and their twins in it (with
//! [`type_names`]), and [`side_by_side`] prints each pair.

mod cargo;
mod machines;
mod side_by_side;
mod type_names;
mod type_sizes;

#[cfg(test)]
mod tests;

use std::process::ExitCode;

use crate::cli::LayoutArgs;

/// Input: the `layout` command line. Output: the exit status once every
/// layout is printed, or the one-line reason none could be.
pub fn run(args: &LayoutArgs) -> Result<ExitCode, String> {
    let printed = cargo::type_sizes(args)?;
    let text = report(&printed, &args.fns)?;
    crate::write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Input: rustc's `-Zprint-type-sizes` output and the fns asked for (all
/// when none). Output: the layouts side by side, a blank line between two
/// fns, or why there are none to show.
pub fn report(printed: &str, names: &[String]) -> Result<String, String> {
    let types = type_sizes::parse(printed);
    let machines = machines::find(&types);
    if machines.is_empty() {
        return Err(
            "rustc laid out no #[desugar] future in this target: pick the target that calls the fns (--example NAME, --bin NAME, --test NAME, --lib)"
                .to_owned(),
        );
    }
    if let Some(missing) = names
        .iter()
        .find(|name| !machines.iter().any(|machine| machine.is_named(name)))
    {
        return Err(format!(
            "no #[desugar] fn named `{missing}` among the futures rustc laid out in this target"
        ));
    }
    let shown: Vec<String> = machines
        .iter()
        .filter(|machine| names.is_empty() || names.iter().any(|name| machine.is_named(name)))
        .map(side_by_side::render)
        .collect();
    Ok(shown.join("\n"))
}
