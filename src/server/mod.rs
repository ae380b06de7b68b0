//! The server side: the service every request goes through, and the socket server that
//! owns the store for every TUI and command (docs/server.md).

pub mod backups;
mod broadcast;
mod caps;
mod dictionary;
mod error;
mod fault;
mod flag_index;
mod hub;
mod lifecycle;
pub mod listener;
mod log;
mod memory;
mod parts;
mod presence;
mod rendered;
mod search;
pub mod service;
mod session;
mod sessions;
mod status_json;
pub mod store_dir;

pub use error::ServeError;
pub use fault::Refusal;
pub use listener::{BoundSocket, ServerOptions, bind, run};
pub use service::Service;

/// Stack of the server's threads: they decode frames and call the store, nothing deep.
const THREAD_STACK: usize = 256 << 10;

pub use log::line as log_line;
pub use memory::lean_malloc;
