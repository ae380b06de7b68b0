use std::fmt;
use std::path::PathBuf;

use crate::tr;

/// Bad input: names the file, the line when there is one, and what was expected.
#[derive(Debug, PartialEq, Eq)]
pub struct ImportError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub problem: Problem,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    Unreadable(String),
    Empty,
    Binary,
    NoHeader,
    MissingHeaderField(&'static str),
    UnknownPeriod(String),
    NoTable,
    RowCells { found: usize },
    DuplicatePoint { point: String, first_line: usize },
    NoItems,
    Docx(String),
    Json(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problem = match &self.problem {
            Problem::Unreadable(detail) => tr!("import-unreadable", detail = detail),
            Problem::Empty => tr!("import-empty"),
            Problem::Binary => tr!("import-binary"),
            Problem::NoHeader => tr!("import-no-header"),
            Problem::MissingHeaderField(field) => match *field {
                "organisation" => tr!("import-missing-organisation"),
                "period" => tr!("import-missing-period"),
                _ => tr!("import-missing-act"),
            },
            Problem::UnknownPeriod(text) => tr!("import-unknown-period", text = text),
            Problem::NoTable => tr!("import-no-table"),
            Problem::RowCells { found } => tr!("import-row-cells", found = *found),
            Problem::DuplicatePoint { point, first_line } => {
                tr!("import-duplicate-point", point = point, first = *first_line)
            }
            Problem::NoItems => tr!("import-no-items"),
            Problem::Docx(detail) => tr!("import-bad-docx", detail = detail),
            Problem::Json(detail) => tr!("import-bad-json", detail = detail),
        };
        let file = self.file.display().to_string();
        let text = match self.line {
            Some(line) => tr!("import-error-at-line", file = file, line = line, problem = problem),
            None => tr!("import-error", file = file, problem = problem),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ImportError {}
