use std::fmt;
use std::path::PathBuf;

use crate::tr;

/// Bad input: names the file, the line (text) or table row (docx) when there is one, and
/// what was expected.
#[derive(Debug, PartialEq, Eq)]
pub struct ImportError {
    pub file: PathBuf,
    pub line: Option<usize>,
    /// 1-based row of the document's table, for formats that have real rows.
    pub row: Option<usize>,
    pub problem: Problem,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    Unreadable(String),
    /// A folder, a FIFO, a device: not a file to read.
    NotAFile {
        kind: &'static str,
    },
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Empty,
    Binary,
    /// One text over the limit a store keeps (domain::limits).
    TextTooLong(crate::domain::limits::TooLong),
    /// A report's columns, but no period above the table.
    NoPeriod,
    UnknownPeriod(String),
    NoTable,
    /// A table without its title or deadline column: the captions it has, what is missing.
    MissingColumns {
        found: Vec<String>,
        missing: Vec<&'static str>,
    },
    RowCells {
        found: usize,
        expected: usize,
    },
    DuplicatePoint {
        point: String,
        first_line: usize,
    },
    DuplicatePointInRow {
        point: String,
        first_row: usize,
    },
    /// A docx row of six cells whose first two are not item numbers.
    ItemNumbers {
        seq: String,
        point: String,
    },
    NoItems,
    Docx(String),
    DocxNotZip(String),
    /// Starts as a zip does, but the archive cannot be read.
    DocxBrokenZip(String),
    DocxNoDocument,
    DocxTooLarge {
        limit_mib: u64,
    },
    DocxXml(String),
    /// An old binary Word (.doc) or other OLE file.
    OldWordDocument,
    Json(String),
    /// The program's whole-store JSON export where one period's report was expected.
    WholeStoreExport,
    /// A backup whose first line is not a header this program can read.
    BackupHeader(String),
    /// A backup whose content does not match its checksum (changed or cut short).
    BackupChecksum,
    /// A JSON export of a newer otchet.
    NewerDump {
        found: u32,
        supported: u32,
    },
    NewerBackup {
        found: u32,
        supported: u32,
    },
}

impl ImportError {
    pub fn new(file: &std::path::Path, problem: Problem) -> Self {
        Self { file: file.to_path_buf(), line: None, row: None, problem }
    }
}

impl Problem {
    /// What is wrong with the file as a whole (before its table is looked at).
    fn of_the_file(&self) -> String {
        match self {
            Problem::Unreadable(detail) => tr!("import-unreadable", detail = detail),
            Problem::NotAFile { kind } => match *kind {
                "dir" => tr!("import-not-a-file-dir"),
                "fifo" => tr!("import-not-a-file-fifo"),
                "device" => tr!("import-not-a-file-device"),
                _ => tr!("import-not-a-file"),
            },
            Problem::TooLarge { bytes, limit } => {
                tr!("import-too-large", mib = (*bytes).div_ceil(1 << 20), limit = (*limit) >> 20)
            }
            Problem::Empty => tr!("import-empty"),
            Problem::TextTooLong(t) => {
                crate::i18n::text_too_long(&t.point, t.field, t.bytes, crate::domain::limits::MAX_TEXT_BYTES)
            }
            Problem::Binary => tr!("import-binary"),
            _ => String::new(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problem = match &self.problem {
            Problem::Unreadable(_)
            | Problem::NotAFile { .. }
            | Problem::TooLarge { .. }
            | Problem::Empty
            | Problem::TextTooLong(_)
            | Problem::Binary => self.problem.of_the_file(),
            Problem::NoPeriod => tr!("import-no-period"),
            Problem::UnknownPeriod(text) => tr!("import-unknown-period", text = text),
            Problem::NoTable => tr!("import-no-table"),
            Problem::MissingColumns { found, missing } => {
                let missing = match missing.as_slice() {
                    [one] if *one == super::table::TITLE => tr!("import-missing-title"),
                    [one] if *one == super::table::DEADLINE => tr!("import-missing-deadline"),
                    _ => tr!("import-missing-both"),
                };
                let count = found.len();
                let found = found.iter().map(|c| format!("«{c}»")).collect::<Vec<_>>().join(", ");
                tr!("import-missing-columns", count = count, found = found, missing = missing)
            }
            Problem::RowCells { found, expected } => tr!("import-row-cells", found = *found, expected = *expected),
            Problem::DuplicatePoint { point, first_line } => {
                tr!("import-duplicate-point", point = point, first = *first_line)
            }
            Problem::DuplicatePointInRow { point, first_row } => {
                tr!("import-duplicate-point-row", point = point, first = *first_row)
            }
            Problem::ItemNumbers { seq, point } => tr!("import-item-numbers", seq = seq, point = point),
            Problem::NoItems => tr!("import-no-items"),
            Problem::Docx(detail) => tr!("import-bad-docx", detail = detail),
            Problem::DocxNotZip(detail) => tr!("import-docx-not-zip", detail = detail),
            Problem::DocxBrokenZip(detail) => tr!("import-docx-broken-zip", detail = detail),
            Problem::DocxNoDocument => tr!("import-docx-no-document"),
            Problem::DocxTooLarge { limit_mib } => tr!("import-docx-too-large", limit = *limit_mib),
            Problem::DocxXml(detail) => tr!("import-docx-xml", detail = detail),
            Problem::OldWordDocument => tr!("import-old-word"),
            Problem::Json(detail) => tr!("import-bad-json", detail = detail),
            Problem::WholeStoreExport => tr!("import-whole-store-export"),
            Problem::BackupHeader(detail) => tr!("backup-bad-header", detail = detail),
            Problem::BackupChecksum => tr!("backup-bad-checksum"),
            Problem::NewerDump { found, supported } => {
                tr!("store-newer-dump", found = *found, supported = *supported)
            }
            Problem::NewerBackup { found, supported } => {
                tr!("backup-newer", found = *found, supported = *supported)
            }
        };
        let file = self.file.display().to_string();
        let text = match (self.line, self.row) {
            (Some(line), _) => tr!("import-error-at-line", file = file, line = line, problem = problem),
            (None, Some(row)) => tr!("import-error-at-row", file = file, row = row, problem = problem),
            (None, None) => tr!("import-error", file = file, problem = problem),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ImportError {}

/// A JSON parse error in the interface language, with its line and column.
pub fn json_detail(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        Category::Io => tr!("json-unreadable"),
        Category::Syntax | Category::Eof => tr!("json-syntax-at", line = line, column = column),
        // A value read from an upgraded older export has no place in the file.
        Category::Data if line == 0 => tr!("json-shape"),
        Category::Data => tr!("json-shape-at", line = line, column = column),
    }
}

/// A zip archive's error in the interface language.
pub fn zip_detail(e: &zip::result::ZipError) -> String {
    match e {
        zip::result::ZipError::Io(e) => crate::i18n::os_error(e),
        zip::result::ZipError::UnsupportedArchive(_) => tr!("zip-unsupported"),
        _ => tr!("zip-invalid"),
    }
}
