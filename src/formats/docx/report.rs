//! A docx body to a report: the header paragraphs before the table, then the table's
//! rows. It reads the same `Report` as the text importer does for the same document.

use std::path::Path;

use super::body::{Block, Row};
use crate::domain::{Report, ReportRow};
use crate::formats::error::{ImportError, Problem};
use crate::formats::form::COLUMNS;
use crate::formats::header::read_header;
use crate::formats::numbers::{first_duplicate_point, is_point, is_seq};
use crate::formats::txt::Cell;

pub fn to_report(file: &Path, blocks: &[Block]) -> Result<Report, ImportError> {
    let fail = |problem| ImportError::new(file, problem);
    let fail_at = |row: usize, problem| ImportError { row: Some(row), ..ImportError::new(file, problem) };

    let Some(table_at) = blocks.iter().position(is_report_table) else {
        return Err(fail(Problem::NoTable));
    };
    let header_cells = header_cells(&blocks[..table_at]);
    let header = read_header(&header_cells).map_err(|(_, problem)| fail(problem))?;
    let Block::Table(table) = &blocks[table_at] else {
        return Err(fail(Problem::NoTable));
    };

    let mut rows = Vec::new();
    let mut sections = Vec::new();
    for (at, row) in table.rows.iter().enumerate().skip(first_item_row(&table.rows)) {
        let number = at + 1;
        let texts: Vec<String> = row.cells.iter().map(|c| c.text()).collect();
        if texts.iter().all(|t| t.trim().is_empty()) || is_numbers_row(&texts) {
            continue;
        }
        if let Some(heading) = heading(row, &texts) {
            sections.push((rows.len(), heading));
            continue;
        }
        if texts.len() != COLUMNS {
            return Err(fail_at(number, Problem::RowCells { found: texts.len() }));
        }
        if !is_seq(&texts[0]) || !is_point(&texts[1]) {
            let problem = Problem::ItemNumbers { seq: texts[0].trim().to_owned(), point: texts[1].trim().to_owned() };
            return Err(fail_at(number, problem));
        }
        let [seq, point, title, deadline_text, info, assessment] =
            <[String; COLUMNS]>::try_from(texts).map_err(|t| fail_at(number, Problem::RowCells { found: t.len() }))?;
        let row = ReportRow {
            seq: seq.trim().to_owned(),
            point: point.trim().to_owned(),
            title,
            deadline_text,
            info,
            assessment,
        };
        rows.push((number, row));
    }
    if rows.is_empty() {
        return Err(fail(Problem::NoItems));
    }
    if let Some((row, point, first_row)) = first_duplicate_point(&rows) {
        return Err(fail_at(row, Problem::DuplicatePointInRow { point, first_row }));
    }

    let title_lines = header_cells[..header.first_value]
        .iter()
        .flat_map(|c| c.text.split('\n'))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    Ok(header.into_report(title_lines, rows.into_iter().map(|(_, r)| r).collect(), sections))
}

fn starts_with_number_sign(row: &Row) -> bool {
    row.cells.first().is_some_and(|c| c.text().trim_start().starts_with('№'))
}

/// The report's table is the first whose column captions start with "№".
fn is_report_table(block: &Block) -> bool {
    matches!(block, Block::Table(t) if t.rows.iter().take(3).any(starts_with_number_sign))
}

/// After the captions (which may take two rows) and the row of column numbers.
fn first_item_row(rows: &[Row]) -> usize {
    let captions = rows.iter().position(starts_with_number_sign).unwrap_or(0);
    let numbers = rows
        .iter()
        .enumerate()
        .skip(captions + 1)
        .take(3)
        .find(|(_, r)| is_numbers_row(&r.cells.iter().map(|c| c.text()).collect::<Vec<_>>()));
    numbers.map_or(captions + 1, |(at, _)| at + 1)
}

fn is_numbers_row(texts: &[String]) -> bool {
    texts.len() == COLUMNS && texts.iter().enumerate().all(|(i, t)| t.trim() == (i + 1).to_string())
}

/// A row merged across the table (one cell, or a few of which one spans columns), or a
/// row with text only in its first cell, and that text not an item number.
fn heading(row: &Row, texts: &[String]) -> Option<String> {
    let filled: Vec<&str> = texts.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
    let merged = texts.len() == 1 || (texts.len() < COLUMNS && row.cells.iter().any(|c| c.span > 1));
    let first_only = texts.len() == COLUMNS && filled.len() == 1 && !texts[0].trim().is_empty();
    let text = filled.join(" ");
    ((merged || first_only) && !is_seq(&text)).then_some(text)
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
