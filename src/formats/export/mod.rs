//! Writing reports out: one period in the official form (docx), for the site (html), for
//! spreadsheets (csv) or as Word's text export (txt); the whole store as JSON. The CLI's
//! `otchet export` and the TUI's export command both call `export` and `save_atomically`.

mod csv;
mod docx;
mod html;
mod json;
mod marks;
mod save;
mod txt;
mod view;
mod xlsx;

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use json::JsonDumpWriter;
pub(crate) use save::refuse_non_regular;
pub use save::{AtomicFile, save_atomically, save_atomically_streaming, save_atomically_with_mode, save_json_export};

/// The whole-store JSON export written to `w` as it is made (what `export` returns for
/// `ExportFormat::Json`).
pub fn write_json(dump: &StoreDump, w: &mut impl std::io::Write) -> std::io::Result<()> {
    json::write_to(dump, w)
}

use crate::domain::{FlagRules, PeriodId};
use crate::model::Snapshot;
use crate::model::StoreDump;
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Docx,
    Xlsx,
    Html,
    Csv,
    Txt,
    Json,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Docx,
        ExportFormat::Xlsx,
        ExportFormat::Html,
        ExportFormat::Csv,
        ExportFormat::Txt,
        ExportFormat::Json,
    ];

    /// Every format's name between `separator`s: "docx, xlsx, html, csv, txt, json" for
    /// messages, "docx|xlsx|…" for usage, "docx xlsx …" for completion.
    pub fn names(separator: &str) -> String {
        Self::ALL.map(Self::extension).join(separator)
    }

    /// "docx", "DOCX", ".docx" …
    pub fn parse(name: &str) -> Option<Self> {
        let name = name.trim().trim_start_matches('.');
        Self::ALL.into_iter().find(|f| f.extension().eq_ignore_ascii_case(name))
    }

    /// The format a file name asks for by its extension.
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension().and_then(|e| e.to_str()).and_then(Self::parse)
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Docx => "docx",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Html => "html",
            ExportFormat::Csv => "csv",
            ExportFormat::Txt => "txt",
            ExportFormat::Json => "json",
        }
    }

    /// `otchet-2020-Q1.docx`
    pub fn default_file_name(self, period: PeriodId) -> String {
        format!("otchet-{period}.{}", self.extension())
    }

    /// JSON holds the whole store (every plan, period, entry and revision); the others
    /// hold one period.
    pub fn is_whole_store(self) -> bool {
        self == ExportFormat::Json
    }

    /// One line saying what the format is for, in the interface language.
    pub fn description(self) -> String {
        match self {
            ExportFormat::Docx => tr!("export-format-docx"),
            ExportFormat::Xlsx => tr!("export-format-xlsx"),
            ExportFormat::Html => tr!("export-format-html"),
            ExportFormat::Csv => tr!("export-format-csv"),
            ExportFormat::Txt => tr!("export-format-txt"),
            ExportFormat::Json => tr!("export-format-json"),
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// One period's report: the snapshot of that period, and the date and rules the csv's
/// flags are worked out with.
pub struct PeriodExport<'a> {
    pub snapshot: &'a Snapshot,
    pub as_of: NaiveDate,
    pub rules: &'a FlagRules,
    /// Between the csv's fields: `;` for Russian Excel, `,` for the rest.
    pub csv_delimiter: char,
}

impl<'a> PeriodExport<'a> {
    pub const RUSSIAN_EXCEL_DELIMITER: char = ';';

    pub fn new(snapshot: &'a Snapshot, as_of: NaiveDate, rules: &'a FlagRules) -> Self {
        Self { snapshot, as_of, rules, csv_delimiter: Self::RUSSIAN_EXCEL_DELIMITER }
    }
}

pub enum ExportInput<'a> {
    Period(PeriodExport<'a>),
    /// For `ExportFormat::Json`: `Client::dump()`.
    WholeStore(&'a StoreDump),
}

#[derive(Debug)]
pub enum ExportError {
    /// A period format was given the whole store, or JSON one period.
    WrongInput {
        format: ExportFormat,
    },
    Encode {
        format: ExportFormat,
        detail: String,
    },
    Write {
        path: PathBuf,
        detail: String,
    },
}

impl ExportError {
    /// A failure to write the file at `path`, in the user's language.
    pub fn write(path: &std::path::Path, e: &std::io::Error) -> Self {
        ExportError::Write { path: path.to_path_buf(), detail: crate::i18n::os_error(e) }
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ExportError::WrongInput { format } if format.is_whole_store() => {
                tr!("export-needs-store", format = format.extension())
            }
            ExportError::WrongInput { format } => tr!("export-needs-period", format = format.extension()),
            ExportError::Encode { format, detail } => {
                tr!("export-encode-failed", format = format.extension(), detail = detail)
            }
            ExportError::Write { path, detail } => {
                tr!("export-write-failed", path = path.display().to_string(), detail = detail)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ExportError {}

/// The file's bytes; nothing is written anywhere.
pub fn export(format: ExportFormat, input: &ExportInput<'_>) -> Result<Vec<u8>, ExportError> {
    let encode = |detail: String| ExportError::Encode { format, detail };
    match (format, input) {
        (ExportFormat::Json, ExportInput::WholeStore(dump)) => json::write(dump).map_err(|e| encode(e.to_string())),
        (ExportFormat::Docx, ExportInput::Period(p)) => docx::write(p.snapshot).map_err(|e| encode(e.to_string())),
        (ExportFormat::Xlsx, ExportInput::Period(p)) => {
            xlsx::write(p.snapshot, p.as_of, p.rules).map_err(|e| encode(e.describe()))
        }
        (ExportFormat::Html, ExportInput::Period(p)) => Ok(html::write(p.snapshot).into_bytes()),
        (ExportFormat::Csv, ExportInput::Period(p)) => {
            Ok(csv::write(p.snapshot, p.as_of, p.rules, p.csv_delimiter).into_bytes())
        }
        (ExportFormat::Txt, ExportInput::Period(p)) => Ok(txt::write(p.snapshot).into_bytes()),
        _ => Err(ExportError::WrongInput { format }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_file_names() {
        assert_eq!(ExportFormat::parse("DOCX"), Some(ExportFormat::Docx));
        assert_eq!(ExportFormat::parse(".csv"), Some(ExportFormat::Csv));
        assert_eq!(ExportFormat::parse("pdf"), None);
        assert_eq!(ExportFormat::from_path(Path::new("/tmp/a.HTML")), Some(ExportFormat::Html));
        let q1 = PeriodId::parse("2020-Q1").unwrap();
        assert_eq!(ExportFormat::Docx.default_file_name(q1), "otchet-2020-Q1.docx");
        assert_eq!(ExportFormat::Json.default_file_name(PeriodId::parse("2020-9M").unwrap()), "otchet-2020-9M.json");
    }
}
