//! Word documents (.docx), read and written with `zip` + `quick-xml`: a small reader of our
//! own sees merged cells (gridSpan, vMerge, hMerge), runs, tabs and breaks exactly as Word's
//! text export does, and the writer states the form's page and table setup directly.

mod body;
pub(crate) mod package;
mod report;
pub(crate) mod xml;

use std::path::Path;

use crate::domain::Report;
use crate::formats::error::{ImportError, Problem};

pub use package::is_zip;

pub fn parse_report(file: &Path, bytes: &[u8]) -> Result<Report, ImportError> {
    let xml = package::document_xml(bytes).map_err(|p| ImportError::new(file, p))?;
    let blocks =
        body::read_body(&xml).map_err(|_| ImportError::new(file, Problem::DocxXml(crate::tr!("xml-malformed"))))?;
    report::to_report(file, &blocks)
}

#[cfg(test)]
mod tests;
