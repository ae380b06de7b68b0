//! A document read into rows of cells becomes a `Report`: a period's report when its table has
//! the report's text columns (then its header must name the period), else the plan itself
//! (its title names the years, an «УТВЕРЖДЕН …» block the approving act). The same for the
//! text export and for .docx.

use std::collections::HashMap;

use super::error::Problem;
use super::header::{Header, plan_title, years_named};
use super::table::Layout;
use crate::domain::plan::strip_number_dot;
use crate::domain::{Report, ReportRow};

/// Where a row stands: a line of a text file, or a row of a Word table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Line(usize),
    Row(usize),
}

/// What a reader found in a document, before it is a `Report`.
pub struct Parts {
    pub header: Header,
    /// The lines above the table that are not header values (the title).
    pub title_lines: Vec<String>,
    pub layout: Layout,
    /// Each row's cells, as many as the layout has columns, with where the row stands.
    pub rows: Vec<(Place, Vec<String>)>,
    /// Section headings: (index of the row they stand before, heading text).
    pub sections: Vec<(usize, String)>,
    /// The paragraphs under the table (the signature and the executor), if any.
    pub closing: Vec<String>,
}

/// A refusal and where in the document it is.
pub type Failure = (Option<Place>, Problem);

pub fn assemble(parts: Parts) -> Result<Report, Failure> {
    let Parts { header, title_lines, layout, rows, sections, closing } = parts;
    let places: Vec<Place> = rows.iter().map(|(p, _)| *p).collect();
    let rows: Vec<ReportRow> = rows.iter().enumerate().map(|(i, (_, cells))| layout.row(cells, i + 1)).collect();
    if rows.is_empty() {
        return Err((None, Problem::NoItems));
    }
    if let Some((again, point, first)) = first_duplicate_point(&rows) {
        let problem = match places[first] {
            Place::Line(first_line) => Problem::DuplicatePoint { point, first_line },
            Place::Row(first_row) => Problem::DuplicatePointInRow { point, first_row },
        };
        return Err((Some(places[again]), problem));
    }
    // A plan may have an empty «Отметка о выполнении» column: no period, no texts, a plan.
    let texts_empty = rows.iter().all(|r| r.info.trim().is_empty() && r.assessment.trim().is_empty());
    let is_report = layout.is_report() && !(header.period.is_none() && texts_empty);
    let (period, period_title) = if is_report {
        let (id, title) = header.report_period().map_err(|(line, p)| (line.map(Place::Line), p))?;
        (Some(id), title)
    } else {
        (None, String::new())
    };
    let (title_lines, approved_by) = if header.approved_by.is_empty() {
        plan_title(&title_lines)
    } else {
        (title_lines, header.approved_by.clone())
    };
    let years = years_named(&title_lines.join(" ")).or_else(|| years_named(&approved_by));
    let (signed_by, executor) = super::closing::read(&closing);
    Ok(Report {
        title_lines,
        organisation: header.organisation,
        approved_by,
        period,
        period_title,
        years,
        columns: layout.columns,
        rows,
        sections,
        signed_by,
        executor,
    })
}

/// The first point written twice: (the row again, the point, the row first).
fn first_duplicate_point(rows: &[ReportRow]) -> Option<(usize, String, usize)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (at, row) in rows.iter().enumerate() {
        let key = strip_number_dot(&row.point);
        if let Some(first) = seen.insert(key, at) {
            return Some((at, key.to_owned(), first));
        }
    }
    None
}
