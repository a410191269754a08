//! Stage 5: print the machine.
//!
//! Output, for `async fn process(input: String) -> usize`:
//! ```text
//! fn process(input: String) -> impl Future<Output = usize> + Captures<()> {
//!     pin_project! { enum __State<T0, T1, ..> {
//!         Unresumed { input: T0 },
//!         /// Suspended at `fetch_length(&trimmed).await`.
//!         Suspend0 { #[pin] __awaitee: Awaited<T1>, trimmed: Home<T2>, input: T0 },
//!         ..
//!         Returned,
//!         Panicked,
//!     } }
//!     pin_project! { struct __Homes<H0> { #[pin] trimmed: Slot<H0>, .. } }
//!     Machine::new(__State::Unresumed { input }, __Homes { .. }, |__state, __homes, __cx| -> Poll<usize> {
//!         '__dispatch: loop {
//!             match __state.as_mut().project() {
//!                 __StateProj::Unresumed { .. } => { /* the body, up to an await */ }
//!                 __StateProj::Suspend0 { __awaitee, .. } => { /* poll it, then resume */ }
//!                 ..
//!             }
//!         }
//!     })
//! }
//! ```

mod awaited_field;
mod awaited_macro;
mod copies;
pub(crate) mod describe;
mod divergence;
mod layout;
mod scan;
mod step;
pub(crate) mod twin;
mod uses;

use proc_macro2::TokenStream;
use quote::quote;

use crate::analysis::Decisions;
use crate::ir::Body;
use crate::names;
use crate::signature::Plan;

/// Input: the plan, the IR and the decisions. Output: the desugared fn.
pub(crate) fn machine(plan: &Plan, body: &Body, decisions: &Decisions) -> syn::Result<TokenStream> {
    let layout = layout::Layout::new(plan, body, decisions);
    let step::Arms {
        tokens: arms,
        transitions,
        error,
        ties,
        drop_checks,
    } = step::arms(body, decisions, &layout);
    if let Some(error) = error {
        return Err(error);
    }
    let ties = ties.into_iter().map(step::type_tie);
    let description = describe::Description::new(&layout, &transitions);
    let state_items = layout.state_items(&description);
    let homes_items = layout.homes_items();
    let initial = layout.initial();
    let homes_init = layout.homes_init();
    let private = names::private();
    let output = plan.output_tokens();
    let header = plan.header(layout.keeps_borrows());
    let state = names::hidden("__state");
    let homes = names::hidden("__homes");
    let cx = names::hidden("__cx");
    let dispatch = step::dispatch_label();
    let edition_check = &body.edition_check;
    let editions = &body.editions;
    let inner_attrs = &plan.inner_attrs;
    // Items declared in the body (`struct Mode`, `use ..`), once: the step
    // closure sees them, and a copy in each arm would be a type of its own.
    let body_items = scan::items(&body.block.stmts);
    Ok(quote! {
        // The user's code is compiled, warned about and linted in the
        // `_rustc` twin; here it is spliced between state transitions.
        #[allow(unused, irrefutable_let_patterns, clippy::all, clippy::pedantic, clippy::nursery, clippy::restriction)]
        #header {
            #(#inner_attrs)*
            #edition_check
            #(#editions)*
            #body_items
            #state_items
            #homes_items
            #private::Machine::new(
                #initial,
                #homes_init,
                |mut #state, mut #homes, #cx| -> #private::Poll<#output> {
                    #(let #ties = ::core::marker::PhantomData;)*
                    #dispatch: loop {
                        match #state.as_mut().project() {
                            #arms
                        }
                    }
                    #drop_checks
                },
            )
        }
    })
}

/// The machine's description alone.
pub(crate) fn describe(plan: &Plan, body: &Body, decisions: &Decisions) -> describe::Description {
    let layout = layout::Layout::new(plan, body, decisions);
    let arms = step::arms(body, decisions, &layout);
    describe::Description::new(&layout, &arms.transitions)
}
