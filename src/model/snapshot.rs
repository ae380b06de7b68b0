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
    /// Whether the entries carry their execution texts. A list (`Request::List`) leaves
    /// them out, `info` empty: a screen asks for an item's text when it shows it.
    pub texts: bool,
    /// The asking user's drafts in this period.
    pub drafts: Vec<(ItemId, Draft)>,
    pub settings: Settings,
}

/// What `status` (text) shows of a period, worked out by the server: the counts over its
/// items, and of the items only those it lists (`Request::Flagged`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flagged {
    /// A list (no execution texts) holding only the listed items and their entries.
    pub snapshot: Snapshot,
    pub counts: crate::domain::Counts,
}
