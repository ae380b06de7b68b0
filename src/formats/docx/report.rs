//! A docx body to a report or a plan: the paragraphs before the table (the header or the
//! title), then the table's rows, read cell by grid column. It reads the same `Report` as
//! the text importer does for the same document.

use std::path::Path;

use super::body::{Block, Row, Table};
use crate::domain::{Field, Report};
use crate::formats::document::{Parts, Place, assemble};
use crate::formats::error::{ImportError, Problem};
use crate::formats::header::read_header;
use crate::formats::numbers::is_point;
use crate::formats::table::{Layout, MAX_COLUMNS, MIN_COLUMNS, field_of, is_numbers_row};
use crate::formats::txt::Cell;

pub fn to_report(file: &Path, blocks: &[Block]) -> Result<Report, ImportError> {
    let fail = |place: Option<Place>, problem| {
        let row = match place {
            Some(Place::Row(n) | Place::Line(n)) => Some(n),
            None => None,
        };
        ImportError { row, ..ImportError::new(file, problem) }
    };
    let (table_at, header_rows, layout) = find_table(blocks).map_err(|p| fail(None, p))?;
    let Block::Table(table) = &blocks[table_at] else { return Err(fail(None, Problem::NoTable)) };
    let header_cells = crate::formats::header::split_captions(header_cells(&blocks[..table_at]));
    let header = read_header(&header_cells);
    let title_lines = header_cells[..header.first_value.min(header_cells.len())]
        .iter()
        .flat_map(|c| c.text.split('\n'))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let (rows, sections) = read_rows(table, header_rows, &layout).map_err(|(row, p)| fail(Some(Place::Row(row)), p))?;
    let closing = closing_paragraphs(&blocks[table_at + 1..]);
    assemble(Parts { header, title_lines, layout, rows, sections, closing }).map_err(|(place, p)| fail(place, p))
}

/// The first table whose caption rows give a layout with a title and a deadline column:
/// its index, the number of rows above its items, and the layout. A table whose captions
/// start with "№" but lack them is the refusal to give.
fn find_table(blocks: &[Block]) -> Result<(usize, usize, Layout), Problem> {
    let mut refusal = None;
    for (i, block) in blocks.iter().enumerate() {
        let Block::Table(table) = block else { continue };
        let Some(start) = table.rows.iter().take(3).position(looks_like_captions) else { continue };
        let (captions, header_rows) = captions(table, start);
        if !(MIN_COLUMNS..=MAX_COLUMNS).contains(&captions.len()) {
            continue;
        }
        match Layout::from_captions(&captions) {
            Ok(layout) => return Ok((i, header_rows, layout)),
            Err(p) if refusal.is_none() => refusal = Some(p),
            Err(_) => {}
        }
    }
    Err(refusal.unwrap_or(Problem::NoTable))
}

fn looks_like_captions(row: &Row) -> bool {
    let first = row.cells.first().map(|c| c.text()).unwrap_or_default();
    first.trim_start().starts_with('№') || row.cells.iter().filter(|c| field_of(&c.text()) != Field::Extra).count() >= 2
}

/// The width of a row in grid columns.
fn width(row: &Row) -> usize {
    row.cells.iter().map(|c| c.grid_col + c.span).max().unwrap_or(0)
}

/// The text of the cell covering grid column `g`, and how many columns it covers.
fn covering(row: &Row, g: usize) -> Option<(String, usize)> {
    row.cells.iter().find(|c| c.grid_col <= g && g < c.grid_col + c.span.max(1)).map(|c| (c.text(), c.span))
}

/// One caption per grid column, from the caption row at `start` and, when a row of sub-captions
/// follows it before the items, from that too ("Объем финансирования: 2022"). Also the number of
/// rows above the first item (the captions, and the row of column numbers if there is one).
fn captions(table: &Table, start: usize) -> (Vec<String>, usize) {
    let first = &table.rows[start];
    let n = width(first);
    let texts = |r: &Row| (0..width(r)).map(|g| covering(r, g).map(|(t, _)| t).unwrap_or_default()).collect::<Vec<_>>();
    // Sub-captions stand only under a caption spanning columns; a row merged across the
    // table there is a section heading.
    let spanning = first.cells.iter().any(|c| c.span > 1);
    let second = table.rows.get(start + 1).filter(|r| {
        spanning && r.cells.len() > 1 && width(r) == n && !is_numbers_row(&texts(r)) && !starts_with_number(r)
    });
    let captions: Vec<String> = (0..n)
        .map(|g| {
            let (top, span) = covering(first, g).unwrap_or_default();
            match second.and_then(|r| covering(r, g)) {
                Some((sub, _)) if span > 1 && !sub.trim().is_empty() && sub != top => {
                    format!("{}: {}", top.trim(), sub.trim())
                }
                _ => top,
            }
        })
        .collect();
    let mut below = start + 1 + usize::from(second.is_some());
    if table.rows.get(below).is_some_and(|r| is_numbers_row(&texts(r))) {
        below += 1;
    }
    (captions, below)
}

fn starts_with_number(row: &Row) -> bool {
    row.cells.first().is_some_and(|c| is_point(&c.text()))
}

type Rows = (Vec<(Place, Vec<String>)>, Vec<(usize, String)>);

fn read_rows(table: &Table, skip: usize, layout: &Layout) -> Result<Rows, (usize, Problem)> {
    let n = layout.width();
    let numbers = layout.number_columns();
    let mut rows = Vec::new();
    let mut sections = Vec::new();
    for (at, row) in table.rows.iter().enumerate().skip(skip) {
        let number = at + 1;
        let texts: Vec<String> = row.cells.iter().map(|c| c.text()).collect();
        if texts.iter().all(|t| t.trim().is_empty()) || is_numbers_row(&texts) {
            continue;
        }
        if let Some(heading) = heading(row, &texts, n) {
            sections.push((rows.len(), heading));
            continue;
        }
        if width(row) != n {
            return Err((number, Problem::RowCells { found: texts.len(), expected: n }));
        }
        let cells: Vec<String> = (0..n).map(|g| covering(row, g).map(|(t, _)| t).unwrap_or_default()).collect();
        if numbers > 0 && !cells[..numbers].iter().all(|t| is_point(t)) {
            let second = cells.get(1).map(|t| t.trim().to_owned()).unwrap_or_default();
            return Err((number, Problem::ItemNumbers { seq: cells[0].trim().to_owned(), point: second }));
        }
        rows.push((Place::Row(number), cells));
    }
    Ok((rows, sections))
}

/// A row merged across the table (one cell, or a few of which one spans columns), or a row
/// with text only in its first cell, and that text not an item number.
fn heading(row: &Row, texts: &[String], n: usize) -> Option<String> {
    let filled: Vec<&str> = texts.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
    let merged = texts.len() == 1 || (texts.len() < n && row.cells.iter().any(|c| c.span > 1));
    let first_only = texts.len() == n && filled.len() == 1 && !texts[0].trim().is_empty();
    let text = filled.join(" ");
    ((merged || first_only) && !is_point(&text)).then_some(text)
}

/// The paragraphs after the table, up to the next table.
fn closing_paragraphs(blocks: &[Block]) -> Vec<String> {
    let lines: Vec<&str> = blocks
        .iter()
        .map_while(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    // Each paragraph its own (an empty one between them, as in the text export).
    let spaced: Vec<&str> = lines.iter().flat_map(|l| [*l, ""]).collect();
    crate::formats::closing::paragraphs(&spaced)
}

/// The paragraphs before the table (and the cells of any layout table there), each as a
/// cell of the text export would hold it.
fn header_cells(blocks: &[Block]) -> Vec<Cell> {
    let texts = blocks.iter().flat_map(|b| match b {
        Block::Paragraph(p) => vec![p.trim_end().to_owned()],
        Block::Table(t) => t.rows.iter().flat_map(|r| r.cells.iter().map(|c| c.text())).collect(),
    });
    texts.enumerate().map(|(i, text)| Cell { line: i + 1, text, blank_after: true }).collect()
}
