//! The types of a machine's fields as one type, which the expansion names
//! in its `State` impl (`type FieldTypes = ..;`) and `State::field_layout`
//! reads: a state's fields are the leaves (`Field<T>`) of a tree of pairs,
//! and the states the rows (`Row<_>`) of another. A type costs rustc less to
//! check than a `match` with a generic call per field (BENCHMARKS.md, "Build
//! time"), and a balanced tree keeps the nesting logarithmic, far under the
//! recursion limit a list of hundreds of fields would reach.
//!
//! Before: `fn field_layout(state, field) { match (state, field) { (0, 0) => of::<T0>(), (1, 0) => of::<F0>(), (1, 1) => of::<T1>(), _ => of::<()>() } }`
//! After:  `type FieldTypes = (Row<Field<T0>>, Row<(Field<F0>, Field<T1>)>);`

use core::marker::PhantomData;

use crate::inspect::FieldLayout;

/// A field of type `T`: a leaf of a [`FieldTree`].
pub struct Field<T>(PhantomData<T>);

/// A state whose fields are the tree `L`: a leaf of a [`StateTree`].
pub struct Row<L>(PhantomData<L>);

/// A state's fields, in order: `()`, a [`Field`], or a pair of trees.
pub trait FieldTree {
    /// How many fields the tree holds.
    const LEN: usize;
    /// The layout of field `field`, which is below [`Self::LEN`].
    fn layout(field: usize) -> FieldLayout;
}

impl FieldTree for () {
    const LEN: usize = 0;
    fn layout(_: usize) -> FieldLayout {
        FieldLayout::of::<()>()
    }
}

impl<T> FieldTree for Field<T> {
    const LEN: usize = 1;
    fn layout(_: usize) -> FieldLayout {
        FieldLayout::of::<T>()
    }
}

impl<A: FieldTree, B: FieldTree> FieldTree for (A, B) {
    const LEN: usize = A::LEN + B::LEN;
    fn layout(field: usize) -> FieldLayout {
        if field < A::LEN {
            A::layout(field)
        } else {
            B::layout(field - A::LEN)
        }
    }
}

/// A machine's states, in order: `()`, a [`Row`], or a pair of trees.
pub trait StateTree {
    /// How many states the tree holds.
    const LEN: usize;
    /// The layout of field `field` of state `state`; the layout of `()`
    /// where the state or the field is past the end, as there is no such
    /// field.
    fn layout(state: usize, field: usize) -> FieldLayout;
}

impl StateTree for () {
    const LEN: usize = 0;
    fn layout(_: usize, _: usize) -> FieldLayout {
        FieldLayout::of::<()>()
    }
}

impl<L: FieldTree> StateTree for Row<L> {
    const LEN: usize = 1;
    fn layout(state: usize, field: usize) -> FieldLayout {
        if state == 0 && field < L::LEN {
            L::layout(field)
        } else {
            FieldLayout::of::<()>()
        }
    }
}

impl<A: StateTree, B: StateTree> StateTree for (A, B) {
    const LEN: usize = A::LEN + B::LEN;
    fn layout(state: usize, field: usize) -> FieldLayout {
        if state < A::LEN {
            A::layout(state, field)
        } else {
            B::layout(state - A::LEN, field)
        }
    }
}
