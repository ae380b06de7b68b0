//! A period's search without reading the period: the words of its items and entries
//! (title, point, responsible, execution text, assessment; case and ё/е folded) are worked
//! out at its first search, then followed change by change (`Store::changed_since`): an
//! edit reads again the one item it touched. A search of letters and digits is answered
//! from the words alone; one with spaces or signs reads only the items whose words could
//! hold it, and compares their texts as before.

mod words;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use crate::domain::text::fold;
use crate::domain::{Entry, Item, ItemId, PeriodId, PlanId};
use crate::store::{Changed, Store, StoreError};
use words::{ItemWords, words_of};

/// The words of the period searched last (one: a server keeps a few megabytes at most).
#[derive(Default)]
pub struct SearchIndex {
    kept: Mutex<Option<PeriodWords>>,
    /// How many times a period's words were worked out from all its texts.
    builds: AtomicU64,
}

struct PeriodWords {
    period: PeriodId,
    plan: PlanId,
    /// The store's commits these words hold (`Store::latest_change`).
    seen: u64,
    words: ItemWords,
}

impl SearchIndex {
    /// The items of `period`, in plan order, whose title, point, responsible, execution
    /// text or assessment holds `query`, case and ё/е folded.
    pub fn search(
        &self,
        store: &Store,
        (period, query): (PeriodId, &str),
        between_runs: &dyn Fn(),
    ) -> Result<Vec<ItemId>, StoreError> {
        let Some(plan) = store.plan_of(period)? else {
            return Err(StoreError::UnknownPeriod { period: period.to_string() });
        };
        let needle = fold(query);
        let parts: Vec<&str> = words_of(&needle).collect();
        if parts.is_empty() {
            // Only spaces and signs: no word to look up.
            return scan(store, (plan.id, period), &needle);
        }
        let candidates = {
            let mut kept = self.lock();
            self.followed(&mut kept, store, (plan.id, period), between_runs)?.words.holding_all(&parts)
        };
        if parts == [needle.as_str()] {
            return Ok(candidates);
        }
        let mut found = Vec::new();
        for id in candidates {
            let item = store.item(plan.id, id)?;
            let entry = store.entry(period, id)?;
            if item.is_some_and(|item| texts_of(&item, entry.as_ref()).any(|t| fold(t).contains(&needle))) {
                found.push(id);
            }
        }
        Ok(found)
    }

    /// How many times a period's words were worked out whole.
    #[cfg(test)]
    pub fn builds(&self) -> u64 {
        self.builds.load(Ordering::Relaxed)
    }

    fn lock(&self) -> MutexGuard<'_, Option<PeriodWords>> {
        // Words half changed by a panic are dropped: the next search works them out again.
        self.kept.lock().unwrap_or_else(|poisoned| {
            let mut kept = poisoned.into_inner();
            *kept = None;
            self.kept.clear_poison();
            kept
        })
    }

    /// The period's words as of the store's latest change: those kept, followed through the
    /// changes since, or worked out anew.
    fn followed<'a>(
        &self,
        kept: &'a mut Option<PeriodWords>,
        store: &Store,
        (plan, period): (PlanId, PeriodId),
        between_runs: &dyn Fn(),
    ) -> Result<&'a PeriodWords, StoreError> {
        let same = kept.as_ref().is_some_and(|k| (k.plan, k.period) == (plan, period));
        let changes = kept.as_ref().filter(|_| same).and_then(|k| store.changed_since(k.seen));
        // A plan or a period written may change which items the period has: worked out anew.
        let changes = changes.filter(|c| !c.changed.iter().any(|c| matches!(c, Changed::Plan(_) | Changed::Period(_))));
        match (kept.as_mut(), changes) {
            (Some(words), Some(changes)) => {
                words.follow(store, &changes.changed)?;
                words.seen = changes.latest;
            }
            _ => {
                *kept = None;
                let built = PeriodWords::read(store, (plan, period), between_runs)?;
                self.builds.fetch_add(1, Ordering::Relaxed);
                *kept = Some(built);
            }
        }
        kept.as_ref().ok_or(StoreError::UnknownPeriod { period: period.to_string() })
    }
}

impl PeriodWords {
    /// Every item's words, from its own texts and its entry's, read a run at a time with
    /// `between_runs` called between two (the server gives memory back there).
    fn read(
        store: &Store,
        (plan, period): (PlanId, PeriodId),
        between_runs: &dyn Fn(),
    ) -> Result<PeriodWords, StoreError> {
        // Before reading: a change committed meanwhile is followed at the next search.
        let seen = store.latest_change();
        let mut words = ItemWords::default();
        let mut after = None;
        loop {
            let (run, last) = store.decoded_run((plan, period), after)?;
            for (item, entry) in run {
                words.set(item.id, texts_of(&item, entry.as_ref()));
                after = Some(item.id);
            }
            if last || after.is_none() {
                break;
            }
            between_runs();
        }
        words.shrink_to_fit();
        Ok(PeriodWords { period, plan, seen, words })
    }

    /// The items and entries of this period that changed, read again.
    fn follow(&mut self, store: &Store, changed: &[Changed]) -> Result<(), StoreError> {
        let mut ids: Vec<ItemId> = (changed.iter())
            .filter_map(|c| match *c {
                Changed::Item(plan, id) if plan == self.plan => Some(id),
                Changed::Entry(period, id) if period == self.period => Some(id),
                _ => None,
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            match store.item(self.plan, id)? {
                Some(item) => {
                    let entry = store.entry(self.period, id)?;
                    self.words.set(id, texts_of(&item, entry.as_ref()));
                }
                None => self.words.remove(id),
            }
        }
        Ok(())
    }
}

/// The texts of an item and its entry a search looks in.
fn texts_of<'a>(item: &'a Item, entry: Option<&'a Entry>) -> impl Iterator<Item = &'a str> {
    let own = [&item.title, &item.point, &item.responsible].into_iter();
    own.chain(entry.into_iter().flat_map(|e| [&e.info, &e.assessment])).map(String::as_str)
}

/// Every item and entry of the period read and compared: a search of no letter or digit.
fn scan(store: &Store, (plan, period): (PlanId, PeriodId), needle: &str) -> Result<Vec<ItemId>, StoreError> {
    let mut by_entry = std::collections::HashSet::new();
    store.for_each_entry(period, |id, e| {
        if [&e.info, &e.assessment].iter().any(|text| fold(text).contains(needle)) {
            by_entry.insert(id);
        }
    })?;
    let found = store.items_where(plan, |item| {
        by_entry.contains(&item.id) || texts_of(item, None).any(|text| fold(text).contains(needle))
    })?;
    Ok(found.into_iter().map(|item| item.id).collect())
}

#[cfg(test)]
mod tests;
