//! The reporting cycle: opening a period (its entries carried over from another), undoing
//! that while nothing in it was touched, its report date, and the review state of entries.

use chrono::NaiveDate;

use super::journal::{Journal, JournalOf};
use super::{BetweenParts, Changes, Store, StoreError, TreeId, keys};
use crate::domain::{Actor, Entry, ItemId, Period, PeriodId, Review, Stamp};
use crate::model::{PeriodOpened, ReviewChange, ReviewEvent, RevisionSource};

/// The keys a period's close removes between two givings back of memory.
const REMOVAL_RUN: usize = 1000;

impl Store {
    /// Opens a period of an existing plan; with `copy_from`, every text of that period (of
    /// the same plan) is carried over, marked as such, each with its first revision.
    pub fn open_period(
        &self,
        period: PeriodId,
        copy_from: Option<PeriodId>,
        by: (&Actor, Stamp),
    ) -> Result<PeriodOpened, StoreError> {
        self.open_period_with(period, copy_from, by, &mut |_| {})
    }

    /// As `open_period`, the texts carried over a run of entries at a time through a
    /// journal (all or nothing, the period's record last), `between` called between runs.
    pub fn open_period_with(
        &self,
        period: PeriodId,
        copy_from: Option<PeriodId>,
        by: (&Actor, Stamp),
        between: &mut dyn FnMut(&BetweenParts<'_>),
    ) -> Result<PeriodOpened, StoreError> {
        let _writer = self.lock_writer();
        let plan = self.plan_of(period)?.ok_or_else(|| StoreError::NoPlanFor { period: period.to_string() })?;
        if let Some(existing) = self.period(period)? {
            return Ok(PeriodOpened { period: existing, created: false, carried: 0 });
        }
        if let Some(from) = copy_from {
            if self.period(from)?.is_none() {
                return Err(StoreError::UnknownPeriod { period: from.to_string() });
            }
            if self.plan_of(from)?.map(|p| p.id) != Some(plan.id) {
                return Err(StoreError::OtherPlan { from: from.to_string(), to: period.to_string() });
            }
        }
        let created = Period::new(period, period.official_title());
        let Some(from) = copy_from else {
            let mut changes = Changes::default();
            changes.put(TreeId::Periods, &keys::period(period), &created)?;
            self.commit(changes)?;
            return Ok(PeriodOpened { period: created, created: true, carried: 0 });
        };
        let mut journal = Journal::begin(self, JournalOf::OpenPeriod)?;
        let carried = self.carry_over((from, period), by, &mut journal, between);
        let mut last = Changes::default();
        let written = carried.and_then(|carried| {
            last.put(TreeId::Periods, &keys::period(period), &created)?;
            journal.finish(last).map(|()| carried)
        });
        match written {
            Ok(carried) => Ok(PeriodOpened { period: created, created: true, carried }),
            Err(e) => {
                // A failed take-back leaves the journal open: the next start takes it back.
                let _ = journal.take_back();
                Err(e)
            }
        }
    }

    /// Writes the texts of `from` into `to` through `journal`, a run at a time; how many.
    fn carry_over(
        &self,
        (from, to): (PeriodId, PeriodId),
        by: (&Actor, Stamp),
        journal: &mut Journal<'_>,
        between: &mut dyn FnMut(&BetweenParts<'_>),
    ) -> Result<usize, StoreError> {
        let (mut carried, mut after) = (0, None);
        while let Some(run) = self.entries_after(from, after, crate::model::text_weight)? {
            after = run.last().map(|(id, _)| *id);
            for (id, entry) in run {
                if entry.info.trim().is_empty() && entry.assessment.trim().is_empty() {
                    continue;
                }
                let mut changes = Changes::default();
                carry(&mut changes, (from, to, id), &entry, by)?;
                journal.add(changes)?;
                carried += 1;
            }
            between(&BetweenParts { store: self });
        }
        Ok(carried)
    }

    /// Takes back a period opened by mistake: refused once anything in it was written by
    /// hand, imported, reviewed or drafted.
    pub fn close_period(&self, period: PeriodId) -> Result<(), StoreError> {
        self.close_period_with(period, &mut |_| {})
    }

    /// As `close_period`, `between` called after each run of removals.
    pub fn close_period_with(
        &self,
        period: PeriodId,
        between: &mut dyn FnMut(&BetweenParts<'_>),
    ) -> Result<(), StoreError> {
        let _writer = self.lock_writer();
        if self.period(period)?.is_none() {
            return Err(StoreError::UnknownPeriod { period: period.to_string() });
        }
        let plan = self.plan_of(period)?;
        // Read only for the message: a period's items are many.
        let point = |id: ItemId| {
            let item = plan.as_ref().and_then(|p| self.item(p.id, id).ok().flatten());
            item.map_or(format!("#{}", id.0), |i| i.point_label().to_owned())
        };
        for (id, entry) in self.entry_heads(period)? {
            let untouched = entry.carried_from.is_some() && entry.revision <= 1 && entry.review == Review::Open;
            if !untouched || !self.scan::<ReviewEvent>(TreeId::Reviews, &keys::entry(period, id))?.is_empty() {
                return Err(StoreError::PeriodTouched { period: period.to_string(), point: point(id) });
            }
        }
        let drafted = self
            .tree(TreeId::Drafts)?
            .iter()
            .keys()
            .filter_map(Result::ok)
            .any(|k| k.get(4..9) == Some(&keys::period(period)[..]));
        if drafted {
            return Err(StoreError::PeriodDrafted { period: period.to_string() });
        }
        // Through a journal, a batch at a time: all or nothing, the period gone first.
        let mut journal = Journal::begin(self, JournalOf::ClosePeriod)?;
        let removed = self
            .remove_period(period, &mut journal, between)
            .and_then(|()| journal.finish_with(Changes::default(), between));
        if removed.is_err() {
            // A failed take-back leaves the journal open: the next start takes it back.
            let _ = journal.take_back();
        }
        removed
    }

    /// The period's record, then every record kept under it, removed through `journal`.
    fn remove_period(
        &self,
        period: PeriodId,
        journal: &mut Journal<'_>,
        between: &mut dyn FnMut(&BetweenParts<'_>),
    ) -> Result<(), StoreError> {
        let mut changes = Changes::default();
        changes.remove(TreeId::Periods, &keys::period(period));
        journal.add(changes)?;
        for tree in [TreeId::Entries, TreeId::Texts, TreeId::History, TreeId::Reviews] {
            // A run of keys at a time, memory given back between: a whole tree's scan kept
            // what it read (a server's peak of 53 MiB through a close at 10,000 × 4).
            let mut after: Option<sled::IVec> = None;
            loop {
                let run = self.range_after(tree, &keys::period(period), after.as_deref())?.take(REMOVAL_RUN);
                let keys: Vec<sled::IVec> = run.map(|kv| kv.map(|(k, _)| k)).collect::<Result<_, _>>()?;
                let Some(last) = keys.last().cloned() else { break };
                for key in keys {
                    let mut changes = Changes::default();
                    changes.remove(tree, &key);
                    journal.add(changes)?;
                }
                after = Some(last);
                between(&BetweenParts { store: self });
            }
        }
        Ok(())
    }

    /// Sets (or with `None` clears) when a period's report is due or was sent.
    pub fn set_report_date(&self, period: PeriodId, date: Option<NaiveDate>) -> Result<Period, StoreError> {
        let _writer = self.lock_writer();
        let mut stored =
            self.period(period)?.ok_or_else(|| StoreError::UnknownPeriod { period: period.to_string() })?;
        if stored.report_date == date {
            return Ok(stored);
        }
        stored.report_date = date;
        let mut changes = Changes::default();
        changes.put(TreeId::Periods, &keys::period(period), &stored)?;
        self.commit(changes)?;
        Ok(stored)
    }

    /// Moves an entry to a review state, recording who did it; marking it ready or accepted
    /// also takes off a carried-over mark (its text was looked at).
    pub fn set_review(
        &self,
        period: PeriodId,
        id: ItemId,
        to: Review,
        (actor, now): (&Actor, Stamp),
    ) -> Result<Entry, StoreError> {
        let _writer = self.lock_writer();
        let mut entry = self.entry_to_review(period, id)?;
        if entry.review == to {
            return Ok(entry);
        }
        let change = ReviewChange::Review { from: entry.review, to };
        entry.review = to;
        if to != Review::Open {
            entry.carried_from = None;
        }
        let event = ReviewEvent { at: now, by: actor.name.clone(), revision: entry.revision, change };
        self.commit_review(period, id, &entry, event)?;
        Ok(entry)
    }

    /// Keeps a carried-over text as it is: the mark goes, the history says who looked.
    pub fn confirm_carried(
        &self,
        period: PeriodId,
        id: ItemId,
        (actor, now): (&Actor, Stamp),
    ) -> Result<Entry, StoreError> {
        let _writer = self.lock_writer();
        let mut entry = self.entry_to_review(period, id)?;
        if entry.carried_from.is_none() {
            return Ok(entry);
        }
        entry.carried_from = None;
        let event = ReviewEvent {
            at: now,
            by: actor.name.clone(),
            revision: entry.revision,
            change: ReviewChange::CarriedConfirmed,
        };
        self.commit_review(period, id, &entry, event)?;
        Ok(entry)
    }

    pub fn reviews(&self, period: PeriodId, id: ItemId) -> Result<Vec<ReviewEvent>, StoreError> {
        Ok(self.scan(TreeId::Reviews, &keys::entry(period, id))?.into_iter().map(|(_, e)| e).collect())
    }

    /// Every (period, item) a user has a draft of, in any period.
    pub fn drafts_everywhere(&self, uid: u32) -> Result<Vec<(PeriodId, ItemId)>, StoreError> {
        // Held while its keys are read: a reopen waits until no tree is in use.
        let drafts = self.tree(TreeId::Drafts)?;
        let keys = drafts.scan_prefix(keys::user(uid)).keys();
        let mut out = Vec::new();
        for key in keys {
            let key = key.map_err(|e| self.read_error(TreeId::Drafts, e))?;
            if let (Some(period), Some(item)) =
                (key.get(4..).and_then(keys::period_from), key.get(4..).and_then(keys::entry_item_from))
            {
                out.push((period, item));
            }
        }
        Ok(out)
    }

    /// The entry a review change applies to: the stored one, or an empty one of an item of
    /// the period's plan.
    fn entry_to_review(&self, period: PeriodId, id: ItemId) -> Result<Entry, StoreError> {
        let plan = self.plan_of(period)?.ok_or_else(|| StoreError::UnknownPeriod { period: period.to_string() })?;
        if self.period(period)?.is_none() {
            return Err(StoreError::UnknownPeriod { period: period.to_string() });
        }
        if self.item(plan.id, id)?.is_none() {
            return Err(StoreError::UnknownItem { point: format!("#{}", id.0) });
        }
        Ok(self.entry(period, id)?.unwrap_or_default())
    }

    fn commit_review(&self, period: PeriodId, id: ItemId, entry: &Entry, event: ReviewEvent) -> Result<(), StoreError> {
        let seq = self.tree(TreeId::Reviews)?.scan_prefix(keys::entry(period, id)).count() as u64 + 1;
        let mut changes = Changes::default();
        changes.put_entry(period, id, entry)?;
        changes.put(TreeId::Reviews, &keys::review(period, id, seq), &event)?;
        self.commit(changes)
    }
}

/// One entry carried from `from` into `to`: its texts, open, marked, as revision 1.
fn carry(
    changes: &mut Changes,
    (from, to, id): (PeriodId, PeriodId, ItemId),
    old: &Entry,
    (actor, now): (&Actor, Stamp),
) -> Result<(), StoreError> {
    let entry = Entry {
        info: old.info.clone(),
        assessment: old.assessment.clone(),
        changed_by: actor.name.clone(),
        changed_at: now,
        revision: 1,
        review: Review::Open,
        carried_from: Some(from),
    };
    changes.put_revision(to, id, &entry, RevisionSource::Carried { from })
}
