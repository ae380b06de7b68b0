//! Reading a report or a plan from Word's plain-text table export.

use std::path::Path;

use super::cells::{Cell, split_cells};
use crate::domain::Report;
use crate::formats::decode::{DecodeError, decode_text};
use crate::formats::document::{Parts, Place, assemble};
use crate::formats::error::{ImportError, Problem};
use crate::formats::header::{read_header, split_captions};
use crate::formats::numbers::is_point;
use crate::formats::table::{Layout, MAX_COLUMNS, MIN_COLUMNS, field_of, is_numbers_row};

pub fn parse_report(file: &Path, bytes: &[u8]) -> Result<Report, ImportError> {
    let fail = |line: Option<usize>, problem| ImportError { line, ..ImportError::new(file, problem) };
    let decoded = decode_text(bytes).map_err(|e| match e {
        DecodeError::Empty => fail(None, Problem::Empty),
        DecodeError::Binary => fail(None, Problem::Binary),
    })?;
    let (preamble, cells) = split_cells(&decoded.text);
    let table = find_table(&cells).map_err(|(line, p)| fail(line, p))?;
    let above = above_the_table(&preamble, &cells[..table.start]);
    let header = read_header(&above);
    let title_lines: Vec<String> = above[..header.first_value.min(above.len())]
        .iter()
        .flat_map(|c| c.text.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let mut body = cells[table.body..].to_vec();
    let closing = match body.last_mut() {
        Some(last) => {
            let (own, closing) = crate::formats::closing::split_off(&last.text);
            last.text = own;
            closing
        }
        None => Vec::new(),
    };
    let (rows, sections) = read_rows(&body, &table.layout).map_err(|(line, p)| fail(Some(line), p))?;
    let parts = Parts { header, title_lines, layout: table.layout, rows, sections, closing };
    assemble(parts).map_err(|(place, problem)| {
        let line = match place {
            Some(Place::Line(n) | Place::Row(n)) => Some(n),
            None => None,
        };
        fail(line, problem)
    })
}

/// The lines before the table's captions as header cells: the lines before the first TAB,
/// then the cells, captions on lines of their own.
fn above_the_table(preamble: &[&str], cells: &[Cell]) -> Vec<Cell> {
    let lines = preamble.iter().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let mut above: Vec<Cell> =
        lines.map(|(i, l)| Cell { line: i + 1, text: l.trim().to_owned(), blank_after: true }).collect();
    above.extend(cells.iter().cloned());
    split_captions(above)
}

/// Where the table is: its captions start at `start`, its rows at `body`.
struct Table {
    start: usize,
    body: usize,
    layout: Layout,
}

/// The first run of cells that reads as a table's captions with a title and a deadline
/// column; a run that reads as captions but lacks them is the refusal to give.
fn find_table(cells: &[Cell]) -> Result<Table, (Option<usize>, Problem)> {
    let mut refusal = None;
    for start in 0..cells.len() {
        let text = cells[start].text.trim();
        if !(text.starts_with('№') || field_of(text) != crate::domain::Field::Extra) {
            continue;
        }
        let Some((captions, body)) = captions_at(cells, start) else { continue };
        match Layout::from_captions(&captions) {
            Ok(layout) => return Ok(Table { start, body, layout }),
            Err(p) if refusal.is_none() && text.starts_with('№') => refusal = Some((Some(cells[start].line), p)),
            Err(_) => {}
        }
    }
    Err(refusal.unwrap_or((cells.last().map(|c| c.line + 1), Problem::NoTable)))
}

/// The captions of a table starting at `start`, and where its rows begin: up to the row of
/// column numbers when there is one (two rows of captions fold into one), else to the end of
/// the first row (Word ends a row with a blank line).
fn captions_at(cells: &[Cell], start: usize) -> Option<(Vec<String>, usize)> {
    let limit = (start + 2 * MAX_COLUMNS + 1).min(cells.len());
    let numbers = (start + MIN_COLUMNS..limit)
        .find(|&j| cells[j].text.trim() == "1" && cells.get(j + 1).is_some_and(|c| c.text.trim() == "2"));
    if let Some(j) = numbers {
        let n = (j..cells.len()).take_while(|&k| cells[k].text.trim() == (k - j + 1).to_string()).count();
        let texts: Vec<String> = cells[start..j].iter().map(|c| c.text.clone()).collect();
        let captions = fold_two_rows(&texts, n)?;
        return Some((captions, j + n));
    }
    let end = (start..cells.len()).find(|&j| cells[j].blank_after)?;
    let captions: Vec<String> = cells[start..=end].iter().map(|c| c.text.clone()).collect();
    (MIN_COLUMNS..=MAX_COLUMNS).contains(&captions.len()).then_some((captions, end + 1))
}

/// `n` captions from one row of them, or from two: an empty cell of the second row is a
/// caption of the first standing over both; a run of filled ones shares one of the first
/// ("Объем финансирования, тыс. руб.: 2022").
fn fold_two_rows(texts: &[String], n: usize) -> Option<Vec<String>> {
    if texts.len() == n {
        return Some(texts.to_vec());
    }
    let first_row_len = texts.len().checked_sub(n).filter(|m| *m > 0 && *m < n)?;
    let (first, second) = texts.split_at(first_row_len);
    let mut parents = first.iter();
    let mut parent: Option<&String> = None;
    let mut out = Vec::with_capacity(n);
    for sub in second {
        if sub.trim().is_empty() {
            parent = None;
            out.push(parents.next()?.clone());
        } else {
            let p = match parent {
                Some(p) => p,
                None => parents.next()?,
            };
            parent = Some(p);
            out.push(format!("{}: {}", p.trim(), sub.trim()));
        }
    }
    parents.next().is_none().then_some(out)
}

type Rows = (Vec<(Place, Vec<String>)>, Vec<(usize, String)>);

/// A row of a table whose first columns hold numbers starts where numbers stand.
fn starts_row(cells: &[Cell], at: usize, numbers: usize) -> bool {
    numbers > 0 && (0..numbers).all(|k| cells.get(at + k).is_some_and(|c| is_point(&c.text)))
}

/// Rows of the table's width, each starting with its numbers (when the table numbers its
/// rows); a lone cell where a row would start is a section heading (a row merged across the
/// table), and so is each of a few such cells in a row. Word ends every row with a blank line,
/// which tells a heading from an extra cell of the row before it.
fn read_rows(cells: &[Cell], layout: &Layout) -> Result<Rows, (usize, Problem)> {
    let (n, numbers) = (layout.width(), layout.number_columns());
    let mut rows: Vec<(Place, Vec<String>)> = Vec::new();
    let mut sections = Vec::new();
    let mut at = 0;
    while at < cells.len() {
        if numbers > 0 && !starts_row(cells, at, numbers) {
            let next_row = (at + 1..=cells.len())
                .find(|&j| j == cells.len() || starts_row(cells, j, numbers))
                .unwrap_or(cells.len());
            let run = &cells[at..next_row];
            let after_row_end = at == 0 || cells[at - 1].blank_after;
            let headings = run.iter().all(|c| !c.text.trim().is_empty() && !is_point(&c.text) && c.blank_after);
            if after_row_end && run.len() < n && headings {
                sections.extend(run.iter().map(|c| (rows.len(), c.text.trim().to_owned())));
                at = next_row;
                continue;
            }
            // Cells that belong to no row: the row before them had too many.
            let row_start = rows.last().map_or(cells[at].line, |(Place::Line(l) | Place::Row(l), _)| *l);
            let found = if rows.is_empty() { next_row - at } else { n + next_row - at };
            return Err((row_start, Problem::RowCells { found, expected: n }));
        }
        let end = if numbers > 0 {
            (at + numbers..at + n).find(|&j| starts_row(cells, j, numbers)).unwrap_or(at + n)
        } else {
            at + n
        };
        if end > cells.len() || end - at < n {
            return Err((cells[at].line, Problem::RowCells { found: end.min(cells.len()) - at, expected: n }));
        }
        let texts: Vec<String> = cells[at..end].iter().map(|c| c.text.clone()).collect();
        if !is_numbers_row(&texts) {
            rows.push((Place::Line(cells[at].line), texts));
        }
        at = end;
    }
    Ok((rows, sections))
}

#[cfg(test)]
mod tests;
