//! The terminal UI, in the Elm architecture: `State`, `Action`, `update` (no I/O),
//! `view`, and an event loop (`runtime`) that blocks on input, server events and one timer.

pub mod action;
pub mod command;
pub mod describe;
pub mod key;
pub mod keymap;
pub mod layout;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;

pub use action::{Action, Effect};
pub use state::State;
pub use update::update;
pub use view::view;

pub mod runtime;
#[cfg(test)]
pub(crate) mod test_support;
