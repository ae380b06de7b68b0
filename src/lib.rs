#![forbid(unsafe_code)]

pub mod cli;
pub mod client;
pub mod clock;
pub mod codec;
pub mod config;
#[doc(hidden)]
pub mod dev;
pub mod domain;
pub mod formats;
pub mod i18n;
pub mod identity;
pub mod model;
pub mod proto;
pub mod sample;
pub mod server;
pub mod store;
pub mod text_width;
pub mod tui;
