//! One period's report as read from a document, before it is merged into a store.

use serde::{Deserialize, Serialize};

use super::period::PeriodId;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    pub seq: String,
    pub point: String,
    pub title: String,
    pub deadline_text: String,
    pub info: String,
    pub assessment: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub title_lines: Vec<String>,
    pub organisation: String,
    pub approved_by: String,
    pub period: PeriodId,
    /// The period as the document wrote it.
    pub period_title: String,
    pub rows: Vec<ReportRow>,
    /// Section headings: (index of the row they stand before, heading text).
    pub sections: Vec<(usize, String)>,
}

impl Report {
    pub fn year(&self) -> i32 {
        self.period.year
    }
}
