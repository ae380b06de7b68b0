// One call needs `unsafe`: glibc's malloc_trim (server::memory), chosen by measurement.
#![deny(unsafe_code)]
// Product code handles every failure; tests may unwrap. Functions fit on a screen.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), warn(clippy::too_many_lines))]

pub mod cli;
pub mod client;
pub mod clock;
pub mod codec;
pub mod config;
/// Development code: the plan generator (the `dev` feature, which tests, benches and
/// examples turn on).
#[cfg(feature = "dev")]
pub mod dev;
pub mod domain;
pub mod formats;
pub mod i18n;
pub mod identity;
pub mod model;
pub mod proto;
pub mod safe_fs;
pub mod sample;
pub mod server;
pub mod spelling;
pub mod store;
pub mod text_width;
pub mod tui;
