//! One period's report as read from a document, before it is merged into a store.

use serde::{Deserialize, Serialize};

use super::period::{PeriodId, Years};
use super::plan::{Column, Extra, Field};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    pub seq: String,
    pub point: String,
    pub title: String,
    pub deadline_text: String,
    pub responsible: String,
    pub info: String,
    pub assessment: String,
    /// The row's text in the columns the form does not have.
    pub extra: Vec<Extra>,
}

/// A period's report, or the plan itself, as read from a document, before it is merged into
/// a store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub title_lines: Vec<String>,
    /// Empty when the document does not name it (a plan often does not).
    pub organisation: String,
    pub approved_by: String,
    /// `None`: the document is the plan itself, with no period's texts.
    pub period: Option<PeriodId>,
    /// The period as the document wrote it.
    pub period_title: String,
    /// The years the title or the approving act names ("на 2021–2024 годы").
    pub years: Option<Years>,
    /// The table's columns, as recognised by their captions.
    pub columns: Vec<Column>,
    pub rows: Vec<ReportRow>,
    /// Section headings: (index of the row they stand before, heading text).
    pub sections: Vec<(usize, String)>,
    /// The closing block under the table: who signs (position and name) and the executor
    /// with a phone; empty when there is none.
    pub signed_by: String,
    pub executor: String,
}

impl Report {
    /// Whether the table had a column for `field`.
    pub fn has(&self, field: Field) -> bool {
        self.columns.iter().any(|c| c.field == field)
    }

    /// The years this document's plan covers: as its title or act says, else its period's.
    /// A period outside the years named makes them reach it.
    pub fn plan_years(&self) -> Option<Years> {
        let period = self.period.map(PeriodId::years);
        match (self.years, period) {
            (Some(y), Some(p)) => Some(Years { first: y.first.min(p.first), last: y.last.max(p.last) }),
            (years, period) => years.or(period),
        }
    }

    /// The rows moved out into parts of about `part_bytes` of text each, in order.
    pub fn take_rows(&mut self, part_bytes: usize) -> Vec<Vec<ReportRow>> {
        let mut parts = Vec::new();
        let (mut part, mut bytes) = (Vec::new(), 0);
        for row in std::mem::take(&mut self.rows) {
            bytes += row.text_bytes();
            part.push(row);
            if bytes >= part_bytes {
                parts.push(std::mem::take(&mut part));
                bytes = 0;
            }
        }
        if !part.is_empty() {
            parts.push(part);
        }
        parts
    }

    /// The report without its rows (for a streamed import, where they come apart).
    pub fn without_rows(&self) -> Report {
        Report {
            title_lines: self.title_lines.clone(),
            organisation: self.organisation.clone(),
            approved_by: self.approved_by.clone(),
            period: self.period,
            period_title: self.period_title.clone(),
            years: self.years,
            columns: self.columns.clone(),
            rows: Vec::new(),
            sections: self.sections.clone(),
            signed_by: self.signed_by.clone(),
            executor: self.executor.clone(),
        }
    }
}

impl ReportRow {
    /// The bytes of text the row holds.
    pub fn text_bytes(&self) -> usize {
        let own =
            [&self.seq, &self.point, &self.title, &self.deadline_text, &self.responsible, &self.info, &self.assessment];
        own.iter().map(|t| t.len()).sum::<usize>() + self.extra.iter().map(|e| e.text.len()).sum::<usize>()
    }
}
