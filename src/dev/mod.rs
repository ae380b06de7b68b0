//! Tools for measuring the program, not part of it: a generator of large plans for
//! benchmarks and load (`examples/generate.rs`), see docs/performance.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod generate;
mod rng;
mod texts;

pub use generate::{GenOptions, Generated, generate};
