//! The main screen's data: the period's items with their flags, and the list's view of them.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::editor::Editor;
use crate::domain::text::fold;
use crate::domain::{Counts, DeadlineCache, Entry, FlagRules, Flags, Item, ItemDeadline, ItemId, Period, Plan};
use crate::model::Snapshot;
use crate::model::{Draft, Settings};
use crate::text_width::width;

pub struct Row {
    pub item: Item,
    pub deadline: Arc<ItemDeadline>,
    pub entry: Entry,
    pub flags: Flags,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    List,
    Editor,
    Assessment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    All,
    Overdue,
    NoResult,
    DueSoon,
    NotDone,
    /// Texts carried over from the last period and not looked at since.
    Carried,
    /// Marked ready by their authors, waiting for the coordinator.
    Ready,
    /// The items of the responsible names the user answers for.
    Mine,
    /// The user's drafts in this period.
    Drafts,
}

impl Filter {
    /// The next filter of the `f` cycle; «мои пункты» only for a user linked to names.
    pub fn next(self, has_names: bool) -> Filter {
        let next = match self {
            Filter::All => Filter::Overdue,
            Filter::Overdue => Filter::NoResult,
            Filter::NoResult => Filter::DueSoon,
            Filter::DueSoon => Filter::NotDone,
            Filter::NotDone => Filter::Carried,
            Filter::Carried => Filter::Ready,
            Filter::Ready => Filter::Mine,
            Filter::Mine => Filter::Drafts,
            Filter::Drafts => Filter::All,
        };
        if next == Filter::Mine && !has_names { Filter::Drafts } else { next }
    }

    fn admits(self, row: &Row, drafts: &HashMap<ItemId, Draft>, names: &[String]) -> bool {
        let f = row.flags;
        match self {
            Filter::All => true,
            Filter::Overdue => f.overdue,
            Filter::NoResult => f.no_result,
            Filter::DueSoon => f.due_soon,
            Filter::NotDone => !f.done,
            Filter::Carried => row.entry.carried_from.is_some(),
            Filter::Ready => row.entry.review == crate::domain::Review::Ready,
            Filter::Mine => row.item.answered_by(names),
            Filter::Drafts => drafts.contains_key(&row.item.id),
        }
    }
}

pub struct Main {
    pub plan: Plan,
    pub period: Period,
    pub periods: Vec<Period>,
    pub settings: Settings,
    pub rows: Vec<Row>,
    /// The user's drafts in this period.
    pub drafts: HashMap<ItemId, Draft>,
    /// Who else is editing which item.
    pub presence: HashMap<ItemId, Vec<String>>,
    /// The responsible names the user answers for (the «мои пункты» filter).
    pub my_names: Vec<String>,
    pub focus: Focus,
    pub filter: Filter,
    /// The search as typed; empty when none.
    pub search: String,
    /// Indexes into `rows` of the items the list shows, in plan order.
    pub visible: Vec<usize>,
    /// Position in `visible`.
    pub cursor: usize,
    /// The first visible position drawn.
    pub offset: usize,
    pub editor: Option<Editor>,
    pub counts: Counts,
    /// The widest point number in the plan (at most 6), for the list's column: worked out
    /// once, since reading every item's number each frame costs a millisecond at 10,000.
    pub point_width: usize,
}

impl Main {
    pub fn from_snapshot(s: Snapshot, as_of: NaiveDate, rules: &FlagRules) -> Main {
        let mut entries: HashMap<ItemId, Entry> = s.entries.into_iter().collect();
        let mut cache = DeadlineCache::default();
        let (period, plan_years) = (s.period.id, s.plan.years);
        let rows = s
            .items
            .into_iter()
            .map(|item| {
                let deadline = cache.item_deadline(&item, period, plan_years);
                let entry = entries.remove(&item.id).unwrap_or_default();
                Row { item, deadline, entry, flags: Flags::default() }
            })
            .collect();
        let mut main = Main {
            plan: s.plan,
            period: s.period,
            periods: s.periods,
            settings: s.settings,
            rows,
            drafts: s.drafts.into_iter().collect(),
            presence: HashMap::new(),
            my_names: Vec::new(),
            focus: Focus::List,
            filter: Filter::All,
            search: String::new(),
            visible: Vec::new(),
            cursor: 0,
            offset: 0,
            editor: None,
            counts: Counts::default(),
            point_width: 1,
        };
        main.point_width = main.rows.iter().map(|r| width(r.item.point_label())).max().unwrap_or(1).min(6);
        main.recompute_flags(as_of, rules);
        main.open_selected();
        main
    }

    /// Flags of every row, the counts, and the list after filter and search.
    pub fn recompute_flags(&mut self, as_of: NaiveDate, rules: &FlagRules) {
        let period = self.period.id;
        let mut counts = Counts::default();
        for row in &mut self.rows {
            row.flags = row.deadline.flags(&row.entry.assessment, period, as_of, rules);
            counts.add(row.flags, row.entry.review);
        }
        self.counts = counts;
        self.refilter();
    }

    /// Recomputes one row after its entry changed.
    pub fn update_row(&mut self, index: usize, entry: Entry, as_of: NaiveDate, rules: &FlagRules) {
        let period = self.period.id;
        let Some(row) = self.rows.get_mut(index) else { return };
        row.entry = entry;
        row.flags = row.deadline.flags(&row.entry.assessment, period, as_of, rules);
        self.counts = Counts::default();
        for row in &self.rows {
            self.counts.add(row.flags, row.entry.review);
        }
        self.refilter();
    }

    /// Keeps the selected item selected when it is still shown.
    pub fn refilter(&mut self) {
        let selected = self.selected_index();
        let needle = fold(&self.search);
        self.visible = (0..self.rows.len())
            .filter(|&i| {
                let row = &self.rows[i];
                self.filter.admits(row, &self.drafts, &self.my_names)
                    && (needle.is_empty()
                        || fold(&row.item.title).contains(&needle)
                        || fold(&row.entry.info).contains(&needle)
                        || fold(&row.entry.assessment).contains(&needle)
                        || fold(&row.item.point).contains(&needle))
            })
            .collect();
        self.cursor = selected.and_then(|s| self.visible.iter().position(|&i| i == s)).unwrap_or(0);
        if self.cursor >= self.visible.len() {
            self.cursor = self.visible.len().saturating_sub(1);
        }
    }

    /// Index into `rows` of the selected item.
    pub fn selected_index(&self) -> Option<usize> {
        self.visible.get(self.cursor).copied()
    }

    pub fn selected(&self) -> Option<&Row> {
        self.selected_index().map(|i| &self.rows[i])
    }

    pub fn row_of(&self, id: ItemId) -> Option<usize> {
        self.rows.iter().position(|r| r.item.id == id)
    }

    /// Opens an editor on the selected item unless it is open already.
    pub fn open_selected(&mut self) {
        let Some(row) = self.selected() else {
            self.editor = None;
            return;
        };
        if self.editor.as_ref().is_some_and(|e| e.item == row.item.id) {
            return;
        }
        let mut editor = Editor::new(row.item.id, &row.entry);
        editor.apply_focus(self.focus);
        self.editor = Some(editor);
    }

    /// The latest period of the plan before this one, for copying texts forward.
    pub fn previous_period(&self) -> Option<&Period> {
        let current = self.period.id;
        let years = self.plan.years;
        self.periods
            .iter()
            .filter(|p| !p.id.is_span() && years.contains(p.id.year) && p.id.end() < current.end())
            .max_by_key(|p| (p.id.end(), std::cmp::Reverse(p.id.start())))
    }

    /// The section heading shown before a row, if any.
    pub fn section_before(&self, index: usize) -> Option<&str> {
        let id = self.rows.get(index)?.item.id;
        self.plan.sections.iter().find(|s| s.before == id).map(|s| s.title.as_str())
    }
}
