//! Everything a screen or a report of one period needs.

use serde::{Deserialize, Serialize};

use super::{Draft, Settings};
use crate::domain::{Entry, Item, ItemId, Period, Plan};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub plan: Plan,
    /// Every period in the store, for the period picker.
    pub periods: Vec<Period>,
    pub period: Period,
    pub items: Vec<Item>,
    /// Entries someone has written; an item without one has an empty entry.
    pub entries: Vec<(ItemId, Entry)>,
    /// Whether the entries carry their execution texts and the items are whole. A list
    /// (`Request::List`, `ListPart`) leaves the texts out, `info` empty, and sketches its
    /// items (a title's start and end, no other columns): a screen asks for an item whole
    /// with its text when it shows it (`Request::Shown`).
    pub texts: bool,
    /// The asking user's drafts in this period.
    pub drafts: Vec<(ItemId, Draft)>,
    pub settings: Settings,
}

impl Snapshot {
    /// As a list carries it (`Request::List`): no execution text, its items sketched.
    pub fn into_list(mut self) -> Snapshot {
        self.items.iter_mut().for_each(sketch);
        self.entries.iter_mut().for_each(|(_, e)| sketch_entry(e));
        self.texts = false;
        self
    }
}

/// An item as a list carries it: its title sketched (`text_width::title_sketch`), without
/// its № п/п nor the plan's other columns; `Request::Shown` brings it whole.
fn sketch(item: &mut Item) {
    item.title = crate::text_width::title_sketch(&item.title, crate::text_width::LIST_TITLE_ROOM);
    item.seq = String::new();
    item.extra = Vec::new();
}

/// An entry as a list carries it: without its execution text, nor who changed it last
/// (the item shown says so, `Request::Shown` bringing it whole).
fn sketch_entry(entry: &mut Entry) {
    entry.info = String::new();
    entry.changed_by = String::new();
}

/// What `status` (text) shows of a period, worked out by the server (`Request::Flagged`):
/// the counts over its items, and only the items it lists, as the lines show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flagged {
    pub organisation: String,
    pub period: Period,
    /// The date the flags are of: the one asked for, else the period's report date, else today.
    pub as_of: chrono::NaiveDate,
    pub counts: crate::domain::Counts,
    /// Overdue and resultless items, in plan order.
    pub listed: Vec<FlaggedItem>,
}

/// An item of a period with its entry there, when anyone wrote one: a row of a report.
pub type PeriodRow = (crate::domain::Item, Option<crate::domain::Entry>);

/// A listed item, as its line shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlaggedItem {
    /// As `Item::point_label`.
    pub point: String,
    /// The title's start on one line: its words up to `FLAGGED_TITLE_WIDTH` columns and
    /// the word past them (so that a line can tell it was cut).
    pub title_start: String,
    pub overdue: bool,
    pub no_result: bool,
    /// The date that made an overdue item so; for the others, the next (or last) due date.
    pub due: Option<chrono::NaiveDate>,
}

/// The columns of a listed title in `status` (text): its line fits 80 columns.
pub const FLAGGED_TITLE_WIDTH: usize = 44;
