//! The report's header, the same in every format: pairs of a value and its caption in
//! parentheses under it (organisation, period, approving act).

use super::error::Problem;
use super::txt::Cell;
use crate::domain::text::fold;
use crate::domain::{PeriodId, Report, ReportRow};

pub struct Header {
    pub organisation: String,
    pub period: PeriodId,
    pub period_title: String,
    pub approved_by: String,
    /// Index of the first value among the cells: what stands before it is the title.
    pub first_value: usize,
}

impl Header {
    /// The report this header stands over.
    pub fn into_report(self, title_lines: Vec<String>, rows: Vec<ReportRow>, sections: Vec<(usize, String)>) -> Report {
        Report {
            title_lines,
            organisation: self.organisation,
            approved_by: self.approved_by,
            period: self.period,
            period_title: self.period_title,
            rows,
            sections,
        }
    }
}

/// A failure and the line (or paragraph) it is on.
pub type Failure = (Option<usize>, Problem);

pub fn read_header(cells: &[Cell]) -> Result<Header, Failure> {
    let first_line = cells.first().map(|c| c.line);
    let value_before = |caption: &str| -> Option<usize> {
        let at = cells.iter().position(|c| fold(&c.text).starts_with(caption))?;
        cells[..at].iter().rposition(|c| !c.text.trim().is_empty() && !c.text.trim_start().starts_with('('))
    };
    let organisation = value_before("(наименование органа");
    let period = value_before("(отчетный период");
    let act = value_before("(реквизиты");
    if organisation.is_none() && period.is_none() && act.is_none() {
        return Err((first_line.or(Some(1)), Problem::NoHeader));
    }
    let organisation = organisation.ok_or((first_line, Problem::MissingHeaderField("organisation")))?;
    let period_at = period.ok_or((first_line, Problem::MissingHeaderField("period")))?;
    let act = act.ok_or((first_line, Problem::MissingHeaderField("approved_by")))?;
    let period_cell = &cells[period_at];
    let period_title = period_cell.text.trim().to_owned();
    let period = PeriodId::parse_title(&period_title)
        .ok_or_else(|| (Some(period_cell.line), Problem::UnknownPeriod(period_title.clone())))?;
    Ok(Header {
        organisation: cells[organisation].text.trim().to_owned(),
        period,
        period_title,
        approved_by: cells[act].text.trim().to_owned(),
        first_value: organisation.min(period_at).min(act),
    })
}
