//! A document's rows merged one at a time as they come: each matched to a stored item (by
//! point, then by title) or added as a new one, its texts made a new revision where they
//! differ. Only an index of the stored items is held, never the items or entries themselves.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::import::{merge_plan, new_item, point_key, updated_item};
use super::journal::{Journal, JournalOf};
use super::{Changes, Store, StoreError, TreeId, keys};
use crate::domain::plan::strip_number_dot;
use crate::domain::text::fold;
use crate::domain::{
    Actor, Entry, Item, ItemId, Period, PeriodId, Plan, PlanId, Report, ReportRow, Review, Stamp, Years,
};
use crate::model::{ImportOutcome, RevisionSource};

/// A merge under way: the journal it writes through and what it found so far.
pub(super) struct RowMerge<'a> {
    store: &'a Store,
    header: &'a Report,
    pub(super) plan: Plan,
    plan_before: Option<Plan>,
    by: (&'a Actor, Stamp),
    replace_edited: bool,
    known: KnownItems,
    next_id: u32,
    row_ids: Vec<ItemId>,
    /// Rows matched to a stored item.
    matched: usize,
    pub(super) journal: Journal<'a>,
    pub(super) outcome: ImportOutcome,
}

impl<'a> RowMerge<'a> {
    pub(super) fn new(
        store: &'a Store,
        header: &'a Report,
        plan: Plan,
        (by, replace_edited): ((&'a Actor, Stamp), bool),
        outcome: ImportOutcome,
    ) -> Result<Self, StoreError> {
        let known = KnownItems::of(store, &plan)?;
        let plan_before = (!outcome.plan_created).then(|| plan.clone());
        Ok(RowMerge {
            store,
            header,
            next_id: known.next_id,
            plan,
            plan_before,
            by,
            replace_edited,
            known,
            row_ids: Vec::new(),
            matched: 0,
            journal: Journal::begin(store, JournalOf::Import)?,
            outcome,
        })
    }

    /// The next row: its item, then (in a period's report) its texts.
    pub(super) fn row(&mut self, row: &ReportRow) -> Result<(), StoreError> {
        let id = self.merge_item(row)?;
        self.row_ids.push(id);
        match self.header.period {
            Some(period) => self.merge_entry(period, id, row),
            None => Ok(()),
        }
    }

    /// Whether most of the document's items are the plan's (when neither names its act).
    pub(super) fn mostly_known(&self) -> bool {
        self.known.count == 0 || self.matched * 2 >= self.row_ids.len().min(self.known.count).max(1)
    }

    /// The plan, and a new period, written last.
    pub(super) fn last_changes(&mut self, years: Years) -> Result<Changes, StoreError> {
        let mut last = Changes::default();
        merge_plan(&mut self.plan, self.header, years, &self.row_ids);
        if self.plan_before.as_ref() != Some(&self.plan) {
            last.put(TreeId::Plans, &keys::plan(self.plan.id), &self.plan)?;
        }
        if let Some(period) = self.header.period
            && self.store.period(period)?.is_none()
        {
            let title = self.header.period_title.clone();
            last.put(TreeId::Periods, &keys::period(period), &Period::new(period, title))?;
            self.outcome.period_created = true;
        }
        Ok(last)
    }

    /// The row's stored item (updated where the document has its columns), or a new one.
    fn merge_item(&mut self, row: &ReportRow) -> Result<ItemId, StoreError> {
        let stored = self.known.find(self.store, self.plan.id, row)?;
        let added = stored.is_none();
        let item = stored.unwrap_or_else(|| {
            self.next_id += 1;
            new_item(ItemId(self.next_id - 1), &row.point)
        });
        let updated = updated_item(&item, row, self.header);
        if added || updated != item {
            let mut changes = Changes::default();
            changes.put(TreeId::Items, &keys::item(self.plan.id, item.id), &updated)?;
            self.journal.add(changes)?;
            if added { self.outcome.items_added += 1 } else { self.outcome.items_updated += 1 }
        }
        // Points alone say little (every plan has a 1.1): a row is the plan's when its title
        // is also the stored one's, if perhaps reworded.
        self.matched += usize::from(!added && titles_alike(&item.title, &row.title));
        Ok(item.id)
    }

    /// Texts that differ from the stored entry become a new revision; an empty cell never
    /// erases a stored text, nor does a document undo an edit made in the program (unless
    /// told to).
    fn merge_entry(&mut self, period: PeriodId, id: ItemId, row: &ReportRow) -> Result<(), StoreError> {
        let old = self.store.entry(period, id)?;
        let row_empty = row.info.trim().is_empty() && row.assessment.trim().is_empty();
        match &old {
            Some(e) if e.same_text(&row.info, &row.assessment) => return Ok(()),
            None if row_empty => return Ok(()),
            Some(_) if row_empty => {
                self.outcome.entries_kept += 1;
                return Ok(());
            }
            Some(_) if !self.replace_edited && self.store.edited_here(period, id)? => {
                self.outcome.edited_kept.push(strip_number_dot(&row.point).to_owned());
                return Ok(());
            }
            _ => {}
        }
        let (actor, now) = self.by;
        let revision = old.map_or(0, |e| e.revision) + 1;
        let entry = Entry {
            info: row.info.clone(),
            assessment: row.assessment.clone(),
            changed_by: actor.name.clone(),
            changed_at: now,
            revision,
            review: Review::Open,
            carried_from: None,
        };
        let mut changes = Changes::default();
        changes.put_revision(period, id, &entry, RevisionSource::Import)?;
        self.journal.add(changes)?;
        self.outcome.entries_changed += 1;
        Ok(())
    }
}

/// The stored items of a plan by point and by folded title, found in constant time (a
/// search of the whole list for each row took seconds at 10,000 items). Titles are kept as
/// hashes: a match is read and compared before it counts.
struct KnownItems {
    by_point: HashMap<String, ItemId>,
    by_title: HashMap<u64, Vec<ItemId>>,
    count: usize,
    next_id: u32,
}

impl KnownItems {
    fn of(store: &Store, plan: &Plan) -> Result<Self, StoreError> {
        let mut known = KnownItems { by_point: HashMap::new(), by_title: HashMap::new(), count: 0, next_id: 1 };
        store.for_each_item(plan.id, |item: Item| {
            // The first of two alike wins, as a search from the top found it.
            known.by_point.entry(point_key(&item.point)).or_insert(item.id);
            let title = fold(&item.title);
            if !title.is_empty() {
                known.by_title.entry(hash(&title)).or_default().push(item.id);
            }
            known.count += 1;
            known.next_id = known.next_id.max(item.id.0 + 1);
        })?;
        Ok(known)
    }

    /// The stored item of a row: by its point ("5." and "5" are one), else by its title.
    fn find(&self, store: &Store, plan: PlanId, row: &ReportRow) -> Result<Option<Item>, StoreError> {
        if let Some(id) = self.by_point.get(&point_key(&row.point)) {
            return store.item(plan, *id);
        }
        let folded = fold(&row.title);
        for id in self.by_title.get(&hash(&folded)).into_iter().flatten() {
            // The hash only narrows the search: the title itself must be the same.
            if let Some(item) = store.item(plan, *id)?.filter(|i| fold(&i.title) == folded) {
                return Ok(Some(item));
            }
        }
        Ok(None)
    }
}

/// Whether two titles are one item's, perhaps reworded: half the words of the shorter (of
/// three letters or more, case and ё/е folded) are in the other. An empty side (a row or an
/// item without a title) does not tell, and counts as alike.
pub(super) fn titles_alike(stored: &str, row: &str) -> bool {
    let words = |text: &str| -> std::collections::HashSet<String> {
        fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3).map(str::to_owned).collect()
    };
    let (a, b) = (words(stored), words(row));
    let shorter = a.len().min(b.len());
    shorter == 0 || a.intersection(&b).count() * 2 >= shorter
}

fn hash(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}
