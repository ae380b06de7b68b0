//! Tools for measuring the program, not part of it: a generator of large plans for
//! benchmarks and load (`otchet dev-generate`, hidden), see docs/performance.md.

pub mod generate;
mod rng;
mod texts;

pub use generate::{GenOptions, Generated, generate};
