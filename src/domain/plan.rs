//! The plan, its items and periods, and the entry of each item in each period.

use serde::{Deserialize, Serialize};

use super::deadline::{Deadline, Schedule};
use super::period::PeriodId;

/// Seconds since the Unix epoch, UTC. The caller supplies it: domain code never reads the clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp(pub i64);

/// An item's identity within its plan: its position when first imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ItemId(pub u32);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The plan's year; a store holds at most one plan per year.
    pub year: i32,
    pub organisation: String,
    pub approved_by: String,
    /// The report's title lines, as written ("ОТЧЕТ", "об исполнении плана …").
    pub title_lines: Vec<String>,
    /// Section headings of the plan's table, each shown before an item.
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub before: ItemId,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: ItemId,
    /// № п/п as written, e.g. "5."
    pub seq: String,
    /// Номер пункта Плана as written, e.g. "5." or "5.1"
    pub point: String,
    pub title: String,
    pub deadline_text: String,
    /// Set by hand when the text is not understood (or understood wrongly); wins over the parse.
    pub schedule_override: Option<Schedule>,
    pub responsible: String,
}

impl Item {
    pub fn deadline(&self) -> Deadline {
        Deadline::resolve(&self.deadline_text, self.schedule_override.as_ref())
    }

    /// The point without the trailing dot, as `status --json` shows it.
    pub fn point_label(&self) -> &str {
        strip_number_dot(&self.point)
    }

    pub fn seq_label(&self) -> &str {
        strip_number_dot(&self.seq)
    }
}

pub fn strip_number_dot(s: &str) -> &str {
    let s = s.trim();
    s.strip_suffix('.').unwrap_or(s)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub id: PeriodId,
    /// The period as the report wrote it ("I квартал 2020 года").
    pub title: String,
}

/// What was done for one item in one period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub info: String,
    pub assessment: String,
    pub changed_by: String,
    pub changed_at: Stamp,
    /// 0 for an entry nobody has written; every save adds one.
    pub revision: u64,
}

impl Entry {
    pub fn same_text(&self, info: &str, assessment: &str) -> bool {
        self.info == info && self.assessment == assessment
    }
}

/// A change to one entry, made from the entry at `base_revision`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryEdit {
    pub period: PeriodId,
    pub item: ItemId,
    pub base_revision: u64,
    pub info: String,
    pub assessment: String,
}
