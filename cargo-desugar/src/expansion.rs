//! One fn through the engine: `#[desugar]`'s expansion and the description
//! of its machine, from one analysis, and the expansion formatted with
//! prettyplease, with or without the `_rustc` twin.

use desugar_expand::Description;

use crate::find::Found;
use crate::readable;

/// What `#[desugar]` makes of one accepted fn.
pub struct Analysis {
    /// The expansion, read back as items.
    items: syn::File,
    /// Its states, what each keeps, its Mermaid diagram.
    pub description: Description,
}

impl Analysis {
    /// Input: a fn of the file. Output: its expansion and description, or
    /// why `#[desugar]` rejects it (every error, each at its span).
    pub fn of(found: &Found<'_>) -> syn::Result<Self> {
        let args = found.desugar_args().unwrap_or_default();
        let (tokens, description) = desugar_expand::expand_and_describe(args, found.item());
        let description = description?;
        let items = syn::parse2::<syn::File>(tokens).map_err(|err| {
            syn::Error::new(
                found.span(),
                format!("the expansion of #[desugar] does not parse: {err}"),
            )
        })?;
        Ok(Analysis { items, description })
    }

    /// The expansion formatted, its `pin_project!` items unwrapped so they
    /// read as code; without the twin `<name>_rustc` unless `twin`.
    pub fn format(&self, name: &str, twin: bool) -> String {
        let mut items = self.items.clone();
        if !twin {
            let twin_name = format!("{name}_rustc");
            items
                .items
                .retain(|item| !matches!(item, syn::Item::Fn(f) if f.sig.ident == twin_name));
        }
        readable::unwrap_pin_project(&mut items);
        prettyplease::unparse(&items)
    }
}
