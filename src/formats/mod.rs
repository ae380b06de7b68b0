//! Documents in and out: reading reports (Word's text export, .docx, the program's JSON
//! export) into the domain's types, and writing a period's report (docx, html, csv, txt)
//! or the whole store (json).

pub mod backup;
mod closing;
pub mod decode;
mod document;
pub mod docx;
mod dump_upgrade;
mod error;
pub mod export;
pub mod form;
pub mod header;
pub mod json;
mod numbers;
mod read;
pub mod status_json;
pub mod table;
pub mod txt;

use std::path::Path;

pub use error::{ImportError, Problem};
pub use export::{
    AtomicFile, ExportError, ExportFormat, ExportInput, JsonDumpWriter, PeriodExport, export, save_atomically,
    save_atomically_streaming, save_atomically_with_mode, save_json_export, write_json,
};

use crate::domain::Report;
use crate::model::StoreDump;

/// What a file held: one period's report, or a whole-store dump (the JSON export).
#[derive(Debug)]
pub enum Imported {
    Report(Report),
    Dump(StoreDump),
}

/// Reads a file of any supported format, telling the format from its content: a zip is a
/// .docx, JSON is the program's own whole-store export, anything else Word's text export.
/// What is not a regular file, or is larger than `limit` bytes, is refused unread.
pub fn read_document(path: &Path, limit: u64) -> Result<Imported, ImportError> {
    let bytes = read::file(path, limit)?;
    let imported = read_bytes(path, &bytes)?;
    let too_long = match &imported {
        Imported::Report(r) => r.first_too_long(),
        Imported::Dump(d) => d.first_too_long(),
    };
    match too_long {
        Some(t) => Err(ImportError::new(path, Problem::TextTooLong(t))),
        None => Ok(imported),
    }
}

/// One period's report (text export or .docx); a whole-store export is refused here with a
/// message saying how to load it.
pub fn read_report_file(path: &Path, limit: u64) -> Result<Report, ImportError> {
    match read_document(path, limit)? {
        Imported::Report(report) => Ok(report),
        Imported::Dump(_) => Err(ImportError::new(path, Problem::WholeStoreExport)),
    }
}

/// `path` only names the file in messages, and a `.docx` name asks for a Word document.
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Imported, ImportError> {
    const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    let named_docx = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if bytes.starts_with(OLE_MAGIC) {
        Err(ImportError::new(path, Problem::OldWordDocument))
    } else if docx::is_zip(bytes) || named_docx {
        docx::parse_report(path, bytes).map(Imported::Report)
    } else if json::looks_like_json(bytes) {
        json::parse_dump(path, bytes).map(Imported::Dump)
    } else {
        txt::parse_report(path, bytes).map(Imported::Report)
    }
}
