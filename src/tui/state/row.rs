//! A row of the main screen's list: what it keeps of its item and entry (a list's
//! sketches), and the item and text whole for the items shown and near them.

use std::sync::Arc;

use crate::domain::text::Needle;
use crate::domain::{Entry, Flags, Item, ItemDeadline, ItemId, PeriodId, Review, Stamp};

/// What a list row keeps of its item: enough to draw, filter and search it; the rest
/// (the deadline's words, the plan's other columns) comes with the item shown, whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListItem {
    pub id: ItemId,
    pub point: String,
    /// Its title sketched for the list's room (`text_width::title_sketch`).
    pub title: String,
    pub responsible: String,
}

impl ListItem {
    pub fn of(item: &Item, room: usize) -> ListItem {
        ListItem {
            id: item.id,
            point: item.point.clone(),
            title: crate::text_width::title_sketch(&item.title, room),
            responsible: item.responsible.clone(),
        }
    }

    /// As `Item::point_label`.
    pub fn point_label(&self) -> &str {
        crate::domain::plan::strip_number_dot(&self.point)
    }

    /// As `Item::answered_by`.
    pub fn answered_by(&self, names: &[String]) -> bool {
        crate::domain::plan::answers_for(&self.responsible, names)
    }
}

/// What a list row keeps of its entry: what its flags and marks need.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListEntry {
    pub assessment: String,
    pub revision: u64,
    pub review: Review,
    pub carried_from: Option<PeriodId>,
}

/// The rest of an entry, here for the items shown and near them (at most `TEXTS_KEPT`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryText {
    pub info: String,
    pub changed_by: String,
    pub changed_at: Stamp,
}

/// An entry split into what the list keeps and the rest.
pub(super) fn split(entry: Entry) -> (ListEntry, EntryText) {
    let Entry { info, assessment, changed_by, changed_at, revision, review, carried_from } = entry;
    (ListEntry { assessment, revision, review, carried_from }, EntryText { info, changed_by, changed_at })
}

pub struct Row {
    pub item: ListItem,
    /// The item whole, when it is shown or near it (`Request::Shown`; at most `TEXTS_KEPT`).
    pub whole: Option<Box<Item>>,
    pub deadline: Arc<ItemDeadline>,
    pub entry: ListEntry,
    /// The entry's execution text and who wrote it last, when here (a list comes without).
    pub text: Option<Box<EntryText>>,
    pub flags: Flags,
}

impl Row {
    /// `entry` with its text or without (`text_here`); `whole`: the item whole, as a
    /// snapshot brings it; else a list's sketch, kept for a list of `room` columns.
    pub fn new(
        item: Item,
        deadline: Arc<ItemDeadline>,
        (entry, text_here): (Entry, bool),
        (whole, room): (bool, usize),
    ) -> Row {
        // A snapshot's titles are drawn at any width without a load again.
        let listed = ListItem::of(&item, if whole { crate::text_width::LIST_TITLE_ROOM } else { room });
        let whole = whole.then(|| Box::new(item));
        let (entry, text) = split(entry);
        Row { item: listed, whole, deadline, entry, text: text_here.then(|| Box::new(text)), flags: Flags::default() }
    }

    pub fn text_loaded(&self) -> bool {
        self.text.is_some()
    }

    /// The execution text; empty while it is not here.
    pub fn info(&self) -> &str {
        self.text.as_ref().map_or("", |t| &t.info)
    }

    /// The entry as the store has it (its text empty while not here).
    pub fn entry_whole(&self) -> Entry {
        let ListEntry { assessment, revision, review, carried_from } = self.entry.clone();
        let EntryText { info, changed_by, changed_at } = self.text.as_deref().cloned().unwrap_or_default();
        Entry { info, assessment, changed_by, changed_at, revision, review, carried_from }
    }

    /// The title whole when the item is here whole, else its sketch.
    pub fn title(&self) -> &str {
        self.whole.as_ref().map_or(&self.item.title, |w| &w.title)
    }

    /// Whether a search finds it in what is here: the title (its sketch until the item is
    /// whole), point, responsible, assessment and the execution text when it is here. The
    /// server's search finds the rest (`update::texts`).
    pub fn matches(&self, needle: &Needle) -> bool {
        let item = &self.item;
        [self.title(), &item.point, &item.responsible, &self.entry.assessment, self.info()]
            .iter()
            .any(|text| needle.found_in(text))
    }

    /// Back to what a list holds: the item's sketch and the entry's part.
    pub(super) fn let_go(&mut self) {
        self.whole = None;
        self.text = None;
    }
}
