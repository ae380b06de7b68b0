//! Reading a report from Word's plain-text table export.

use std::collections::HashMap;
use std::path::Path;

use super::cells::{Cell, split_cells};
use crate::domain::plan::strip_number_dot;
use crate::domain::text::fold;
use crate::domain::{PeriodId, Report, ReportRow};
use crate::formats::decode::{DecodeError, decode_text};
use crate::formats::error::{ImportError, Problem};

pub const COLUMNS: usize = 6;

pub fn parse_report(file: &Path, bytes: &[u8]) -> Result<Report, ImportError> {
    let fail = |line: Option<usize>, problem| ImportError { file: file.to_path_buf(), line, problem };
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
    check_unique_points(&rows).map_err(|(line, p)| fail(Some(line), p))?;

    Ok(Report {
        title_lines: preamble.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).map(str::to_owned).collect(),
        organisation: header.organisation,
        approved_by: header.approved_by,
        period: header.period,
        period_title: header.period_title,
        rows: rows.into_iter().map(|(_, r)| r).collect(),
        sections,
    })
}

struct Header {
    organisation: String,
    period: PeriodId,
    period_title: String,
    approved_by: String,
}

type Failure = (Option<usize>, Problem);

/// The header is pairs of a value and its caption in parentheses under it.
fn read_header(cells: &[Cell]) -> Result<Header, Failure> {
    let first_line = cells.first().map(|c| c.line);
    let value_before = |caption: &str| -> Option<&Cell> {
        let at = cells.iter().position(|c| fold(&c.text).starts_with(caption))?;
        cells[..at].iter().rev().find(|c| !c.text.trim().is_empty() && !c.text.trim_start().starts_with('('))
    };
    let organisation = value_before("(наименование органа");
    let period = value_before("(отчетный период");
    let act = value_before("(реквизиты");
    if organisation.is_none() && period.is_none() && act.is_none() {
        return Err((first_line.or(Some(1)), Problem::NoHeader));
    }
    let organisation = organisation.ok_or((first_line, Problem::MissingHeaderField("organisation")))?;
    let period_cell = period.ok_or((first_line, Problem::MissingHeaderField("period")))?;
    let act = act.ok_or((first_line, Problem::MissingHeaderField("approved_by")))?;
    let period_title = period_cell.text.trim().to_owned();
    let period = PeriodId::parse_title(&period_title)
        .ok_or_else(|| (Some(period_cell.line), Problem::UnknownPeriod(period_title.clone())))?;
    Ok(Header {
        organisation: organisation.text.trim().to_owned(),
        period,
        period_title,
        approved_by: act.text.trim().to_owned(),
    })
}

/// "12." or "12": the № п/п column.
fn is_seq(text: &str) -> bool {
    let t = strip_number_dot(text);
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// "12.", "12", "5.1", "5.1.": the point column.
fn is_point(text: &str) -> bool {
    let t = strip_number_dot(text);
    !t.is_empty() && t.split('.').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

fn starts_row(cells: &[Cell], at: usize) -> bool {
    cells.get(at).is_some_and(|c| is_seq(&c.text)) && cells.get(at + 1).is_some_and(|c| is_point(&c.text))
}

type Rows = (Vec<(usize, ReportRow)>, Vec<(usize, String)>);

/// Rows of six cells, each starting with its number and point; a lone cell where a row
/// would start is a section heading (a row merged across the table).
fn read_rows(cells: &[Cell]) -> Result<Rows, (usize, Problem)> {
    let mut rows = Vec::new();
    let mut sections = Vec::new();
    let mut at = 0;
    while at < cells.len() {
        if !starts_row(cells, at) {
            let next_row =
                (at + 1..=cells.len()).find(|&j| j == cells.len() || starts_row(cells, j)).unwrap_or(cells.len());
            if next_row == at + 1 && !cells[at].text.trim().is_empty() && !is_seq(&cells[at].text) {
                sections.push((rows.len(), cells[at].text.trim().to_owned()));
                at += 1;
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

fn check_unique_points(rows: &[(usize, ReportRow)]) -> Result<(), (usize, Problem)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (line, row) in rows {
        let key = strip_number_dot(&row.point);
        if let Some(first_line) = seen.insert(key, *line) {
            return Err((*line, Problem::DuplicatePoint { point: key.to_owned(), first_line }));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
