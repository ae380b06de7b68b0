//! Documents in and out: reading reports (Word's text export) into the domain's types.

pub mod decode;
mod error;
pub mod txt;

use std::path::Path;

pub use error::{ImportError, Problem};

use crate::domain::Report;

/// Reads a report file of any supported format, telling the format from its content.
pub fn read_report(path: &Path) -> Result<Report, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| ImportError {
        file: path.to_path_buf(),
        line: None,
        problem: Problem::Unreadable(e.to_string()),
    })?;
    txt::parse_report(path, &bytes)
}
