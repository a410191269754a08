//! Catching panics without printing them.
//!
//! The harness provokes panics on purpose (polling after completion, bodies
//! that panic) and records their messages; the default hook would print each
//! one to stderr. Replacing the hook around each catch would race with other
//! tests running in parallel, so instead one hook is installed for the whole
//! process, once: it stays silent on threads that are inside
//! [`catch_quietly`] and hands every other panic to the hook it replaced.

use core::any::Any;
use core::cell::Cell;
use std::boxed::Box;
use std::panic::{self, AssertUnwindSafe};
use std::string::{String, ToString};
use std::sync::Once;

std::thread_local! {
    /// How many `catch_quietly` calls this thread is inside (they nest when
    /// a stepped future runs the harness itself).
    static QUIET: Cell<usize> = const { Cell::new(0) };
}

fn install_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let quiet = QUIET.try_with(Cell::get).unwrap_or(0) > 0;
            if !quiet {
                previous(info);
            }
        }));
    });
}

/// Decrements the quiet depth, also when `f` unwinds.
struct Unquiet;

impl Drop for Unquiet {
    fn drop(&mut self) {
        let _ = QUIET.try_with(|q| q.set(q.get() - 1));
    }
}

/// Runs `f`, turning a panic into `Err(message)` and keeping the panic hook
/// quiet about it.
///
/// `f` is treated as unwind safe: the harness only ever looks at the future
/// again to check how it behaves after a panic (which is what rustc's
/// poisoning defines).
pub fn catch_quietly<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    QUIET.with(|q| q.set(q.get() + 1));
    let _unquiet = Unquiet;
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| panic_message(&*payload))
}

/// The message of a panic payload: the `&str` or `String` that `panic!`
/// carries, or a placeholder for other payloads (`panic_any`).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic payload>".to_string()
    }
}
