//! rustc's `-Zprint-type-sizes` output, read into one [`TypeSize`] per
//! `print-type-size type:` block.
//!
//! ```text
//! print-type-size type: `{async fn body of fetch_two_rustc()}`: 168 bytes, alignment: 8 bytes
//! print-type-size     discriminant: 1 bytes
//! print-type-size     variant `Unresumed`: 32 bytes
//! print-type-size         upvar `.a`: 16 bytes, offset: 0 bytes, alignment: 8 bytes
//! print-type-size         padding: 8 bytes
//! print-type-size         local `.__awaitee`: 88 bytes, type: LeafFuture<..>
//! print-type-size     end padding: 6 bytes
//! ```
//!
//! A struct's or closure's fields are at the first indent; an enum's or
//! coroutine's are under their variant, at the second. A variant's size is
//! the variant's without the discriminant, as rustc prints it. Lines of
//! other shapes are skipped, so a newer rustc's additions do no harm.

/// One type rustc laid out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeSize {
    /// The type as rustc writes it (`seeds::seed_001::fetch_two::__State<&str, ..>`).
    pub name: String,
    pub size: u64,
    pub align: u64,
    /// The tag's size; `None` for a struct, or an enum whose tag is in a niche.
    pub discriminant: Option<u64>,
    /// A struct's, tuple's or closure's fields (empty for an enum).
    pub fields: Vec<Entry>,
    /// An enum's or a coroutine's variants, in rustc's order.
    pub variants: Vec<Variant>,
    pub end_padding: u64,
}

/// One variant of an enum or a coroutine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub name: String,
    /// Without the discriminant.
    pub size: u64,
    pub entries: Vec<Entry>,
}

/// One line of a variant or a struct, in offset order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// `field`, `upvar` (a captured argument) or `local` (a value kept
    /// across an await), with its name without rustc's leading `.`.
    Field {
        kind: String,
        name: String,
        size: u64,
    },
    Padding(u64),
}

impl TypeSize {
    /// The variant named `name`.
    pub fn variant(&self, name: &str) -> Option<&Variant> {
        self.variants.iter().find(|variant| variant.name == name)
    }
}

/// Input: what `rustc -Zprint-type-sizes` printed (other lines are
/// skipped). Output: its blocks, in rustc's order (largest first).
pub fn parse(text: &str) -> Vec<TypeSize> {
    let mut types: Vec<TypeSize> = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("print-type-size ") else {
            continue;
        };
        if let Some(header) = rest.strip_prefix("type: `") {
            if let Some(ty) = type_header(header) {
                types.push(ty);
            }
            continue;
        }
        let Some(ty) = types.last_mut() else {
            continue;
        };
        let body = rest.trim_start();
        let in_variant = rest.len() - body.len() > 4;
        read_line(ty, body, in_variant);
    }
    types
}

/// `NAME`: 168 bytes, alignment: 8 bytes` (after the opening backtick).
fn type_header(header: &str) -> Option<TypeSize> {
    let (name, sizes) = header.rsplit_once("`: ")?;
    let (size, align) = sizes.split_once(", alignment: ")?;
    Some(TypeSize {
        name: name.to_owned(),
        size: bytes(size)?,
        align: bytes(align)?,
        ..TypeSize::default()
    })
}

/// One indented line of a block, into `ty`.
fn read_line(ty: &mut TypeSize, body: &str, in_variant: bool) {
    if let Some(size) = body.strip_prefix("discriminant: ").and_then(bytes) {
        ty.discriminant = Some(size);
    } else if let Some(size) = body.strip_prefix("end padding: ").and_then(bytes) {
        ty.end_padding = size;
    } else if let Some(rest) = body.strip_prefix("variant `") {
        if let Some((name, size)) = rest.split_once("`: ")
            && let Some(size) = bytes(size)
        {
            ty.variants.push(Variant {
                name: name.to_owned(),
                size,
                entries: Vec::new(),
            });
        }
    } else if let Some(entry) = entry(body) {
        match ty.variants.last_mut() {
            Some(variant) if in_variant => variant.entries.push(entry),
            _ => ty.fields.push(entry),
        }
    }
}

/// `padding: 8 bytes`, or `upvar `.a`: 16 bytes, offset: 0 bytes, ..`.
fn entry(body: &str) -> Option<Entry> {
    if let Some(size) = body.strip_prefix("padding: ") {
        return bytes(size).map(Entry::Padding);
    }
    let (kind, rest) = body.split_once(" `")?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let (name, size) = rest.split_once("`: ")?;
    Some(Entry::Field {
        kind: kind.to_owned(),
        name: name.to_owned(),
        size: bytes(size)?,
    })
}

/// The number in `168 bytes` or `16 bytes, offset: 0 bytes, ..`.
fn bytes(text: &str) -> Option<u64> {
    let (number, _) = text.split_once(" bytes")?;
    number.parse().ok()
}
