//! The main screen's data: the period's items with their flags, and the list's view of them.

use std::collections::{HashMap, HashSet, VecDeque};

use chrono::NaiveDate;

use super::editor::Editor;
use super::row::{Row, split};
use crate::domain::text::Needle;
use crate::domain::{Counts, DeadlineCache, Entry, FlagRules, Item, ItemId, Period, Plan};
use crate::model::Snapshot;
use crate::model::{Draft, Settings};
use crate::text_width::width;

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
    /// Which execution texts are here, asked for, and what the server's search found.
    pub texts: Texts,
    /// The list came in parts and more are on the way (`Request::ListPart`): the counts
    /// are of the rows here so far.
    pub loading: bool,
    /// The next part to ask for, after this item: asked after the texts the screen shows,
    /// which then do not wait behind it.
    pub next_part: Option<ItemId>,
    /// Entries changed elsewhere while the list loads, of items whose part is still to
    /// come: a part read before the change must not bring back the older entry.
    pub arrived: HashMap<ItemId, Entry>,
    /// The columns of a title the rows not shown whole keep (`layout::sketch_room`).
    pub sketch_room: usize,
    /// The folded search and the filter `visible` was worked out for, no row changed
    /// since: a search typed further only narrows `visible` (`refilter`).
    narrowable: Option<(String, Filter)>,
    /// While `narrowable` holds, the `visible` of each shorter search typed on the way to
    /// it, shortest first: a Backspace takes the last back instead of looking at every row
    /// again (5.6 ms at 10,000 items, `cargo bench --bench tui_keys -- search_backspace`).
    earlier: Vec<(String, Vec<usize>)>,
}

/// The execution texts of a list that came without them: fetched for the items shown
/// (and their neighbours), at most `TEXTS_KEPT` kept; text searches go to the server.
#[derive(Debug, Default)]
pub struct Texts {
    /// The list came without texts: they are fetched as items are shown.
    pub remote: bool,
    pub asked: HashSet<ItemId>,
    /// Loaded texts, oldest first: the first to let go.
    pub kept: VecDeque<ItemId>,
    /// The query last sent to the server's search.
    pub searched: String,
    /// What the server found for `found.0`.
    pub found: Option<(String, HashSet<ItemId>)>,
}

/// Execution texts a list keeps at once: enough for scrolling back and forth.
pub const TEXTS_KEPT: usize = 64;

impl Main {
    /// `sketch_room`: as `Main::sketch_room`, for a snapshot that is a list.
    pub fn from_snapshot(s: Snapshot, (as_of, rules): (NaiveDate, &FlagRules), sketch_room: usize) -> Main {
        let mut main = Main {
            plan: s.plan,
            period: s.period,
            periods: s.periods,
            settings: s.settings,
            rows: Vec::with_capacity(s.items.len()),
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
            texts: Texts { remote: !s.texts, ..Texts::default() },
            loading: false,
            next_part: None,
            arrived: HashMap::new(),
            sketch_room,
            narrowable: None,
            earlier: Vec::new(),
        };
        main.append((s.items, s.entries, s.texts), as_of, rules);
        main.point_width = main.rows.iter().map(|r| width(r.item.point_label())).max().unwrap_or(1).min(6);
        main.open_selected();
        main
    }

    /// Rows after the last here (a snapshot's, or the next part of a list that comes in
    /// parts), with their entries (`texts`: with their execution texts), their flags
    /// counted; what is selected stays so.
    pub fn append(
        &mut self,
        (items, entries, texts): (Vec<Item>, Vec<(ItemId, Entry)>, bool),
        as_of: NaiveDate,
        rules: &FlagRules,
    ) {
        let mut entries: HashMap<ItemId, Entry> = entries.into_iter().collect();
        self.rows_changed();
        // Exactly: a list of 10,000 comes in 11 parts, and doubling would hold 12,800 rows.
        self.rows.reserve_exact(items.len());
        let mut cache = DeadlineCache::default();
        let (period, plan_years) = (self.period.id, self.plan.years);
        for item in items {
            let deadline = cache.item_deadline(&item, period, plan_years);
            let listed = entries.remove(&item.id).unwrap_or_default();
            let (entry, text_here) = match self.arrived.remove(&item.id) {
                Some(newer) if newer.revision >= listed.revision => (newer, true),
                _ => (listed, texts),
            };
            let mut row = Row::new(item, deadline, (entry, text_here), (texts, self.sketch_room));
            if text_here && !texts {
                self.texts.kept.push_back(row.item.id);
            }
            row.flags = row.deadline.flags(&row.entry.assessment, period, as_of, rules);
            self.counts.add(row.flags, row.entry.review);
            self.point_width = self.point_width.max(width(row.item.point_label()).min(6));
            self.rows.push(row);
        }
        self.refilter();
    }

    /// Flags of every row, the counts, and the list after filter and search.
    pub fn recompute_flags(&mut self, as_of: NaiveDate, rules: &FlagRules) {
        self.rows_changed();
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
        self.rows_changed();
        let period = self.period.id;
        let Some(row) = self.rows.get_mut(index) else { return };
        // An entry from a save or an event is whole.
        if !row.text_loaded() && row.whole.is_none() {
            self.texts.kept.push_back(row.item.id);
        }
        let (entry, text) = split(entry);
        (row.entry, row.text) = (entry, Some(Box::new(text)));
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
        let needle = Needle::new(&self.search);
        let answered = self.texts.found.as_ref().is_some_and(|(query, _)| *query == self.search);
        self.visible = match self.back_to_earlier(&needle, answered) {
            Some(visible) => visible,
            None => self.rows_found(&needle, answered),
        };
        self.narrowable = Some((needle.folded().to_owned(), self.filter));
        self.cursor = selected.and_then(|s| self.visible.iter().position(|&i| i == s)).unwrap_or(0);
        if self.cursor >= self.visible.len() {
            self.cursor = self.visible.len().saturating_sub(1);
        }
    }

    /// The rows the filter admits and `needle` finds (or the server's search, when it has
    /// `answered` this one): only among those shown when the search was typed further,
    /// which are then kept for a Backspace.
    fn rows_found(&mut self, needle: &Needle, answered: bool) -> Vec<usize> {
        if answered || !self.narrows_to(needle) {
            self.earlier.clear();
            let found = self.texts.found.as_ref().filter(|_| answered).map(|(_, items)| items);
            return self.admitted(0..self.rows.len(), needle, found);
        }
        let shown = std::mem::take(&mut self.visible);
        let narrowed = self.admitted(shown.iter().copied(), needle, None);
        if let Some((was, _)) = self.narrowable.as_ref().filter(|(was, _)| was != needle.folded()) {
            self.earlier.push((was.clone(), shown));
        }
        narrowed
    }

    /// Those of `candidates` the filter admits and `needle` (or the server's `found`) finds.
    fn admitted(
        &self,
        candidates: impl Iterator<Item = usize>,
        needle: &Needle,
        found: Option<&HashSet<ItemId>>,
    ) -> Vec<usize> {
        candidates
            .filter(|&i| {
                let row = &self.rows[i];
                self.filter.admits(row, &self.drafts, &self.my_names)
                    && (needle.is_empty()
                        || row.matches(needle)
                        || found.is_some_and(|items| items.contains(&row.item.id)))
            })
            .collect()
    }

    /// A Backspace: what a shorter search typed on the way to this one showed, when
    /// nothing has changed since and the server has not answered it.
    fn back_to_earlier(&mut self, needle: &Needle, answered: bool) -> Option<Vec<usize>> {
        let was = self.searched_unchanged()?;
        if answered || was.len() <= needle.folded().len() || !was.starts_with(needle.folded()) {
            return None;
        }
        while let Some((query, visible)) = self.earlier.pop() {
            if query == needle.folded() {
                return Some(visible);
            }
        }
        None
    }

    /// How many shorter searches' rows are kept for a Backspace.
    #[cfg(test)]
    pub fn searches_kept(&self) -> usize {
        self.earlier.len()
    }

    /// A row, its entry or the list changed: what searches found must be looked for again.
    fn rows_changed(&mut self) {
        self.narrowable = None;
        self.earlier.clear();
    }

    /// Whether `needle` only narrows what `visible` holds: the search typed further and
    /// nothing changed since (`searched_unchanged`). A letter typed then looks only at
    /// what the last one found.
    fn narrows_to(&self, needle: &Needle) -> bool {
        self.searched_unchanged().is_some_and(|was| needle.folded().starts_with(was))
    }

    /// The search `visible` was worked out for, while it still holds: the filter as it
    /// was (not one of the user's drafts or names, kept outside the rows), no row changed
    /// since, and the search not empty.
    fn searched_unchanged(&self) -> Option<&str> {
        let (was, filter) = self.narrowable.as_ref()?;
        let holds = *filter == self.filter && !matches!(filter, Filter::Drafts | Filter::Mine) && !was.is_empty();
        holds.then_some(was.as_str())
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
        if !row.text_loaded() {
            // Its text is on the way (`update::texts`); the panes say so meanwhile.
            self.editor = None;
            return;
        }
        let mut editor = Editor::new(row.item.id, &row.entry_whole());
        editor.apply_focus(self.focus);
        self.editor = Some(editor);
    }

    /// An item shown came whole (`Request::Shown`): it replaces the row's sketch.
    pub fn take_whole_item(&mut self, item: Item) {
        self.rows_changed();
        let Some(index) = self.row_of(item.id) else { return };
        let row = &mut self.rows[index];
        if row.whole.is_none() {
            if !row.text_loaded() {
                self.texts.kept.push_back(item.id);
            }
            row.whole = Some(Box::new(item));
        }
    }

    /// The items near the cursor whose texts are neither here nor asked for, nearest first;
    /// they count as asked from now on.
    pub fn texts_to_ask(&mut self) -> Vec<ItemId> {
        let near = [0isize, 1, -1, 2, -2];
        let mut wanted = Vec::new();
        for step in near {
            let Some(pos) = self.cursor.checked_add_signed(step) else { continue };
            let Some(&index) = self.visible.get(pos) else { continue };
            let row = &self.rows[index];
            if !(row.text_loaded() && row.whole.is_some()) && self.texts.asked.insert(row.item.id) {
                wanted.push(row.item.id);
            }
        }
        wanted
    }

    /// Lets the oldest loaded texts go, past `TEXTS_KEPT`; never the open editor's item's.
    pub fn let_texts_go(&mut self) {
        let keep = self.editor.as_ref().map(|e| e.item);
        let mut looked = 0;
        while self.texts.kept.len() > TEXTS_KEPT && looked < self.texts.kept.len() {
            let Some(item) = self.texts.kept.pop_front() else { break };
            looked += 1;
            if Some(item) == keep {
                self.texts.kept.push_back(item);
                continue;
            }
            if let Some(index) = self.row_of(item) {
                self.rows[index].let_go();
            }
        }
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
