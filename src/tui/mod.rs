//! The terminal UI, in the Elm architecture: `State`, `Action`, `update` (no I/O),
//! `view`, and an event loop (`runtime`) that blocks on input, server events and one timer.

pub mod action;
pub mod command;
pub mod completion;
pub mod describe;
pub mod diff;
pub mod help;
pub mod key;
pub mod keymap;
pub mod layout;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;

pub use action::{Action, Effect};
pub use state::State;
pub use update::{first_load, update};
pub use view::view;

pub mod runtime;
/// The sample (or a generated plan) as a State: for tests, and for the benches.
#[cfg(any(test, feature = "dev"))]
pub mod test_support;
