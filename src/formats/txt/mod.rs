//! Word's plain-text export of the report table (the sample's format).

mod cells;
mod import;

pub(crate) use cells::Cell;
pub use import::parse_report;
