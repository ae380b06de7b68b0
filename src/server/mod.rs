//! The server side: the service every request goes through.

pub mod service;

pub use service::Service;
