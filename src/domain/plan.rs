//! The plan, its items and periods, and the entry of each item in each period.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use super::deadline::{Deadline, Schedule};
use super::period::{PeriodId, Years};

/// Seconds since the Unix epoch, UTC. The caller supplies it: domain code never reads the clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp(pub i64);

/// An item's identity within its plan: its position when first imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ItemId(pub u32);

/// A plan's key in the store: its first year when it was stored. It never changes, even
/// when the plan's years do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PlanId(pub i32);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub id: PlanId,
    /// The years the plan covers; the plans of a store never share a year.
    pub years: Years,
    /// Empty until a document or an admin names it.
    pub organisation: String,
    pub approved_by: String,
    /// The report's title lines, as written ("ОТЧЕТ", "об исполнении плана …").
    pub title_lines: Vec<String>,
    /// Section headings of the plan's table, each shown before an item.
    pub sections: Vec<Section>,
    /// The table's columns as the documents had them, in order (the report's two text
    /// columns included); empty: the official form's six.
    pub columns: Vec<Column>,
    /// The closing block of an exported report: the signer's position and name, and the
    /// executor with a phone. Empty: none.
    pub signed_by: String,
    pub executor: String,
}

impl Plan {
    /// A plan of these years with nothing in it yet.
    pub fn new(years: Years) -> Plan {
        Plan {
            id: PlanId(years.first),
            years,
            organisation: String::new(),
            approved_by: String::new(),
            title_lines: Vec::new(),
            sections: Vec::new(),
            columns: Vec::new(),
            signed_by: String::new(),
            executor: String::new(),
        }
    }

    /// The plan's first year: periods and due dates of older stores are counted from it.
    pub fn year(&self) -> i32 {
        self.years.first
    }
}

/// What a column of a plan's table holds, recognised by its caption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Seq,
    Point,
    Title,
    Responsible,
    Deadline,
    Info,
    Assessment,
    /// Any other column (expected result, financing, notes): kept under its caption.
    Extra,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub field: Field,
    /// As the document wrote it, line breaks kept.
    pub caption: String,
}

/// A column the official form does not have, with the item's text in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extra {
    pub caption: String,
    pub text: String,
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
    /// Who answers for the item, as the plan writes it («Отдел кадров; юридический отдел»).
    pub responsible: String,
    /// The item's text in the columns the form does not have, in the table's order.
    pub extra: Vec<Extra>,
}

impl Item {
    pub fn deadline(&self) -> Deadline {
        Deadline::resolve(&self.deadline_text, self.schedule_override.as_ref())
    }

    /// Whether one of `names` (a user's responsible names) is among the item's responsible,
    /// case, ё/е and spacing aside.
    pub fn answered_by(&self, names: &[String]) -> bool {
        answers_for(&self.responsible, names)
    }

    /// The point without the trailing dot, as `status --json` shows it.
    pub fn point_label(&self) -> &str {
        strip_number_dot(&self.point)
    }

    pub fn seq_label(&self) -> &str {
        strip_number_dot(&self.seq)
    }
}

/// Whether one of `names` is among `responsible` (an item's), case, ё/е and spacing aside.
pub fn answers_for(responsible: &str, names: &[String]) -> bool {
    let responsible = super::text::fold(responsible);
    names.iter().map(|n| super::text::fold(n)).any(|n| !n.is_empty() && responsible.contains(&n))
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
    /// When the report is due or was sent: the date the period is viewed as of by default.
    pub report_date: Option<NaiveDate>,
}

impl Period {
    pub fn new(id: PeriodId, title: String) -> Period {
        Period { id, title, report_date: None }
    }
}

/// Where an entry stands in the coordinator's review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Review {
    #[default]
    Open,
    /// Its author says it is finished.
    Ready,
    /// An admin has checked it.
    Accepted,
}

impl Review {
    /// The name `status --json` and `otchet review` use.
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Open => "open",
            Review::Ready => "ready",
            Review::Accepted => "accepted",
        }
    }

    pub fn parse(text: &str) -> Option<Review> {
        [Review::Open, Review::Ready, Review::Accepted].into_iter().find(|r| r.as_str() == text.trim())
    }
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
    pub review: Review,
    /// Copied from this period when the entry's period was opened, and not looked at since
    /// (an edit or a confirmation clears it).
    pub carried_from: Option<PeriodId>,
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
