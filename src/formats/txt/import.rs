//! Reading a report from Word's plain-text table export.

use std::path::Path;

use super::cells::{Cell, split_cells};
use crate::domain::{Report, ReportRow};
use crate::formats::decode::{DecodeError, decode_text};
use crate::formats::error::{ImportError, Problem};
use crate::formats::form::COLUMNS;
use crate::formats::header::read_header;
use crate::formats::numbers::{first_duplicate_point, is_point, is_seq};

pub fn parse_report(file: &Path, bytes: &[u8]) -> Result<Report, ImportError> {
    let fail = |line: Option<usize>, problem| ImportError { line, ..ImportError::new(file, problem) };
    let decoded = decode_text(bytes).map_err(|e| match e {
        DecodeError::Empty => fail(None, Problem::Empty),
        DecodeError::Binary => fail(None, Problem::Binary),
    })?;
    let (preamble, cells) = split_cells(&decoded.text);

    let table_at = cells.iter().position(|c| c.text.trim_start().starts_with('№'));
    let header_cells = &cells[..table_at.unwrap_or(cells.len())];
    let header = read_header(header_cells).map_err(|(line, p)| fail(line, p))?;
    let Some(table_at) = table_at else {
        return Err(fail(cells.last().map(|c| c.line + 1), Problem::NoTable));
    };

    // Column captions, then (usually) the row of column numbers 1 … 6.
    let mut body = &cells[table_at..];
    if body.len() < COLUMNS {
        return Err(fail(Some(body[0].line), Problem::NoTable));
    }
    body = &body[COLUMNS..];
    if body.len() >= COLUMNS && body[..COLUMNS].iter().enumerate().all(|(i, c)| c.text.trim() == (i + 1).to_string()) {
        body = &body[COLUMNS..];
    }

    let (rows, sections) = read_rows(body).map_err(|(line, p)| fail(Some(line), p))?;
    if rows.is_empty() {
        return Err(fail(None, Problem::NoItems));
    }
    if let Some((line, point, first_line)) = first_duplicate_point(&rows) {
        return Err(fail(Some(line), Problem::DuplicatePoint { point, first_line }));
    }

    let title_lines = preamble.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).map(str::to_owned).collect();
    Ok(header.into_report(title_lines, rows.into_iter().map(|(_, r)| r).collect(), sections))
}

fn starts_row(cells: &[Cell], at: usize) -> bool {
    cells.get(at).is_some_and(|c| is_seq(&c.text)) && cells.get(at + 1).is_some_and(|c| is_point(&c.text))
}

type Rows = (Vec<(usize, ReportRow)>, Vec<(usize, String)>);

/// Rows of six cells, each starting with its number and point; a lone cell where a row
/// would start is a section heading (a row merged across the table), and so is each of a
/// few such cells in a row (a heading of a part, then of a section). Word ends every row
/// with a blank line, which tells a heading from a seventh cell of the row before it.
fn read_rows(cells: &[Cell]) -> Result<Rows, (usize, Problem)> {
    let mut rows = Vec::new();
    let mut sections = Vec::new();
    let mut at = 0;
    while at < cells.len() {
        if !starts_row(cells, at) {
            let next_row =
                (at + 1..=cells.len()).find(|&j| j == cells.len() || starts_row(cells, j)).unwrap_or(cells.len());
            let run = &cells[at..next_row];
            // A row that ended where it should: otherwise these are its extra cells.
            let after_row_end = at == 0 || cells[at - 1].blank_after;
            let headings = run.iter().all(|c| !c.text.trim().is_empty() && !is_seq(&c.text) && c.blank_after);
            if after_row_end && run.len() < COLUMNS && headings {
                sections.extend(run.iter().map(|c| (rows.len(), c.text.trim().to_owned())));
                at = next_row;
                continue;
            }
            // Cells that belong to no row: the row before them had too many.
            let row_start = rows.last().map_or(cells[at].line, |(line, _)| *line);
            let found = if rows.is_empty() { next_row - at } else { COLUMNS + next_row - at };
            return Err((row_start, Problem::RowCells { found }));
        }
        let end = (at + 2..at + COLUMNS).find(|&j| starts_row(cells, j)).unwrap_or(at + COLUMNS);
        if end > cells.len() || end - at < COLUMNS {
            return Err((cells[at].line, Problem::RowCells { found: end.min(cells.len()) - at }));
        }
        let c = &cells[at..end];
        rows.push((
            c[0].line,
            ReportRow {
                seq: c[0].text.trim().to_owned(),
                point: c[1].text.trim().to_owned(),
                title: c[2].text.clone(),
                deadline_text: c[3].text.clone(),
                info: c[4].text.clone(),
                assessment: c[5].text.clone(),
            },
        ));
        at = end;
    }
    Ok((rows, sections))
}

#[cfg(test)]
mod tests;
