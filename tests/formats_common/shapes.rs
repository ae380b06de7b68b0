//! Documents of other administrations' shapes, written once in a small table notation
//! (`tests/fixtures/shapes/*.table`) and rendered both as Word's text export and as .docx,
//! so that each shape goes through both importers.
//!
//! The notation, line by line:
//! - `# …` a comment;
//! - text: a paragraph before the table (an empty line: an empty paragraph);
//! - `> text`: a header value (Word writes it after a tab, its caption follows as text);
//! - `| a | b | c |`: a table row; `\n` in a cell breaks it into paragraphs; `[2] text` is a
//!   cell spanning two columns (the cells under it, in the next row, are sub-captions);
//! - `|= text`: a row merged across the table (a section heading).

use std::fmt::Write;

use super::docx_with_body;

pub enum Line {
    Paragraph(String),
    Value(String),
    Row(Vec<Cell>),
    Merged(String),
}

pub struct Cell {
    pub text: String,
    pub span: usize,
}

pub struct Shape {
    pub lines: Vec<Line>,
}

impl Shape {
    pub fn fixture(name: &str) -> Shape {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shapes").join(name);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Shape::parse(&text)
    }

    pub fn parse(text: &str) -> Shape {
        let lines = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                if let Some(heading) = l.strip_prefix("|=") {
                    Line::Merged(heading.trim().to_owned())
                } else if let Some(row) = l.strip_prefix('|') {
                    Line::Row(row.trim_end().trim_end_matches('|').split('|').map(cell).collect())
                } else if let Some(value) = l.strip_prefix("> ") {
                    Line::Value(value.trim().to_owned())
                } else {
                    Line::Paragraph(l.trim().to_owned())
                }
            })
            .collect();
        Shape { lines }
    }

    /// The table's width in columns.
    fn columns(&self) -> usize {
        let widths = self.lines.iter().filter_map(|l| match l {
            Line::Row(cells) => Some(cells.iter().map(|c| c.span).sum::<usize>()),
            _ => None,
        });
        widths.max().unwrap_or(1)
    }

    /// As Word's "Save as plain text" writes it: paragraphs on their lines, every table cell
    /// led by a tab, a blank line after each row.
    pub fn txt(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            match line {
                Line::Paragraph(text) => {
                    out.push_str(text);
                    out.push_str("\n\n");
                }
                Line::Value(text) | Line::Merged(text) => {
                    let _ = write!(out, "\t{text}\n\n");
                }
                Line::Row(cells) => {
                    for c in cells {
                        let _ = writeln!(out, "\t{}", c.text);
                    }
                    out.push('\n');
                }
            }
        }
        out
    }

    pub fn docx(&self) -> Vec<u8> {
        let n = self.columns();
        let mut body = String::new();
        let mut in_table = false;
        for line in &self.lines {
            let is_row = matches!(line, Line::Row(_) | Line::Merged(_));
            if is_row && !in_table {
                body.push_str("<w:tbl><w:tblPr/><w:tblGrid>");
                body.extend(std::iter::repeat_n("<w:gridCol w:w=\"1000\"/>", n));
                body.push_str("</w:tblGrid>");
            } else if !is_row && in_table {
                body.push_str("</w:tbl>");
            }
            in_table = is_row;
            match line {
                Line::Paragraph(text) if text.is_empty() => body.push_str("<w:p/>"),
                Line::Paragraph(text) => body.push_str(&paragraph(text)),
                Line::Value(text) => {
                    let _ = write!(
                        body,
                        "<w:p><w:r><w:tab/></w:r><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                        escape(text)
                    );
                }
                Line::Merged(text) => {
                    let _ = write!(
                        body,
                        "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"{n}\"/></w:tcPr>{}</w:tc></w:tr>",
                        paragraph(text)
                    );
                }
                Line::Row(cells) => {
                    body.push_str("<w:tr>");
                    for c in cells {
                        let span =
                            if c.span > 1 { format!("<w:gridSpan w:val=\"{}\"/>", c.span) } else { String::new() };
                        let paragraphs: String = c.text.split('\n').map(paragraph).collect();
                        let _ = write!(body, "<w:tc><w:tcPr>{span}</w:tcPr>{paragraphs}</w:tc>");
                    }
                    body.push_str("</w:tr>");
                }
            }
        }
        if in_table {
            body.push_str("</w:tbl>");
        }
        body.push_str("<w:p/><w:sectPr/>");
        docx_with_body(&body)
    }
}

fn cell(text: &str) -> Cell {
    let text = text.trim();
    let (span, text) = match text.strip_prefix('[').and_then(|t| t.split_once(']')) {
        Some((n, rest)) if n.parse::<usize>().is_ok() => (n.parse().unwrap_or(1), rest.trim()),
        _ => (1, text),
    };
    Cell { text: text.replace("\\n", "\n"), span }
}

fn paragraph(text: &str) -> String {
    if text.is_empty() {
        return "<w:p/>".to_owned();
    }
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", escape(text))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
