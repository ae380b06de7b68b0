//! The whole store as one value: the JSON export and the backup format. A dump loads only
//! into an empty store, in one transaction.

use super::{Changes, CommitCount, Store, StoreError, TreeId, keys};

/// In the meta tree while a restore is being written: the commit count it started at. A
/// store that holds it was left half way by a killed server.
const RESTORE_STARTED: &[u8] = b"restore-started";

/// Removals a commit when a restore is taken back (as the journal's batches of removals).
const REMOVALS_PER_COMMIT: usize = 200;

/// The trees a restore writes (and clears again after an interrupted one).
const RESTORED_TREES: [TreeId; 8] = [
    TreeId::Items,
    TreeId::Periods,
    TreeId::Entries,
    TreeId::Texts,
    TreeId::History,
    TreeId::Reviews,
    TreeId::Drafts,
    TreeId::Settings,
];
use super::{BetweenParts, DumpSink, PartSource};
use crate::codec::Record;
use crate::domain::{Entry, Item, ItemId, PeriodId, PlanId};
use crate::model::{
    DUMP_FORMAT, DUMP_PART_BYTES, DumpAssembler, DumpHead, DumpPart, EntryDump, StoreDump, UserDump, item_weight,
};

impl Store {
    /// Everything but drafts, read at one moment (writers wait meanwhile) and handed to
    /// `send` a part at a time. Between parts the store holds no reader of sled, so `send`
    /// may give memory back (`BetweenParts::release_memory`).
    pub fn dump_to<E: From<StoreError>>(&self, send: &mut DumpSink<'_, E>) -> Result<(), E> {
        let _writer = self.lock_writer();
        let between = BetweenParts { store: self };
        let users = self.users()?.into_iter().map(|(uid, user)| UserDump { uid, user }).collect();
        let head = DumpHead { format: DUMP_FORMAT, settings: self.settings()?, owner: self.owner()?, users };
        send(DumpPart::Head(Box::new(head)), &between)?;
        let periods = self.periods()?;
        for plan in self.plans()? {
            let (id, years) = (plan.id, plan.years);
            send(DumpPart::Plan(Box::new(plan)), &between)?;
            let mut after = None;
            while let Some(items) = self.item_run(id, after)? {
                after = items.last().map(|i| i.id);
                send(DumpPart::Items { plan: id, items }, &between)?;
            }
            for period in periods.iter().filter(|p| years.contains(p.id.years().first)) {
                send(DumpPart::Period(Box::new(period.clone())), &between)?;
                let mut after = None;
                while let Some(entries) = self.entry_run(period.id, after)? {
                    after = entries.last().map(|e| e.item);
                    send(DumpPart::Entries { period: period.id, entries }, &between)?;
                }
            }
        }
        Ok(())
    }

    /// The whole dump as one value (tests, and an in-process client).
    pub fn dump(&self) -> Result<StoreDump, StoreError> {
        let mut assembler = DumpAssembler::default();
        self.dump_to(&mut |part, _: &BetweenParts<'_>| {
            assembler.add(part);
            Ok::<(), StoreError>(())
        })?;
        Ok(assembler.finish())
    }

    /// The plan's items after `after`, about a part's worth; `None` past the last.
    fn item_run(&self, plan: PlanId, after: Option<ItemId>) -> Result<Option<Vec<Item>>, StoreError> {
        let start = after.map(|id| keys::item(plan, id));
        let mut run = Vec::new();
        let mut bytes = 0;
        for kv in self.range_after(TreeId::Items, &keys::plan(plan), start.as_ref().map(|k| &k[..]))? {
            let item: Item = self.decoded(TreeId::Items, &kv?.1)?;
            bytes += item_weight(&item);
            run.push(item);
            if bytes >= DUMP_PART_BYTES {
                break;
            }
        }
        Ok((!run.is_empty()).then_some(run))
    }

    /// The period's entries after `after`, each with its text and history, about a part's
    /// worth; `None` past the last.
    fn entry_run(&self, period: PeriodId, after: Option<ItemId>) -> Result<Option<Vec<EntryDump>>, StoreError> {
        let Some(run) = self.entries_after(period, after, entry_weight_of)? else { return Ok(None) };
        let dumped =
            run.into_iter().map(|(item, entry)| Ok(EntryDump { item, history: self.history(period, item)?, entry }));
        dumped.collect::<Result<Vec<_>, StoreError>>().map(Some)
    }

    /// The records under `prefix` whose keys come after `after` (from the first without).
    pub(super) fn range_after(
        &self,
        tree: TreeId,
        prefix: &[u8],
        after: Option<&[u8]>,
    ) -> Result<impl Iterator<Item = Result<(sled::IVec, sled::IVec), StoreError>> + '_, StoreError> {
        use std::ops::Bound;
        self.check_running()?;
        let start = match after {
            Some(key) => Bound::Excluded(key.to_vec()),
            None => Bound::Included(prefix.to_vec()),
        };
        let prefix = prefix.to_vec();
        // The iterator keeps the tree's reference: while it is read, sled is not reopened
        // (an iterator alone keeps sled's files locked, and the reopen would fail).
        let held = self.tree(tree)?;
        let records = held.range::<Vec<u8>, _>((start, Bound::Unbounded));
        Ok(records.take_while(move |kv| kv.as_ref().map_or(true, |(k, _)| k.starts_with(&prefix))).map(move |kv| {
            let _held = &held;
            kv.map_err(|e| self.read_error(tree, e))
        }))
    }

    pub(super) fn decoded<R: Record>(&self, tree: TreeId, bytes: &[u8]) -> Result<R, StoreError> {
        crate::codec::decode(bytes).map_err(|e| self.corrupt(tree, e))
    }

    /// Loads a dump into a store that holds no plan yet, its parts given one at a time by
    /// `next`, the head first. The parts are written in batches as they come, the plans
    /// last: until they are in, the store holds no plan, and a load that fails takes back
    /// what it wrote.
    pub fn load_dump_streamed<E: From<StoreError>>(&self, next: &mut PartSource<'_, DumpPart, E>) -> Result<(), E> {
        let _writer = self.lock_writer();
        if !self.is_empty()? {
            return Err(StoreError::NotEmpty { path: self.path.clone() }.into());
        }
        self.begin_restore()?;
        let mut load = Load { store: self, changes: Changes::default(), users: Vec::new(), plans: Changes::default() };
        let result = (|| {
            while let Some(part) = next(&BetweenParts { store: self })? {
                load.part(part)?;
            }
            load.finish().map_err(E::from)
        })();
        if result.is_err() {
            load.take_back();
        }
        result
    }

    /// As `load_dump_streamed`, from a whole dump.
    pub fn load_dump(&self, dump: StoreDump) -> Result<(), StoreError> {
        let mut parts = dump.into_parts().into_iter();
        self.load_dump_streamed(&mut |_: &BetweenParts<'_>| Ok::<_, StoreError>(parts.next()))
    }

    /// Empties the trees a restore writes (the store holds no plan: nothing there is shown).
    /// A few hundred keys a commit: sled copies a leaf for each key a transaction removes.
    fn clear_restored_trees(&self) -> Result<(), StoreError> {
        for tree in RESTORED_TREES {
            let keys: Vec<sled::IVec> =
                self.tree(tree)?.iter().keys().collect::<Result<_, _>>().map_err(|e| self.read_error(tree, e))?;
            for run in keys.chunks(REMOVALS_PER_COMMIT) {
                let mut clear = Changes::default();
                run.iter().for_each(|key| clear.remove(tree, key));
                self.commit(clear)?;
            }
        }
        Ok(())
    }

    /// Whether a restore was left half way (a killed server): the store takes nothing but
    /// another restore then.
    pub fn restore_interrupted(&self) -> Result<bool, StoreError> {
        Ok(self.get::<CommitCount>(TreeId::Meta, RESTORE_STARTED)?.is_some())
    }

    /// Marks the restore begun, first clearing what an interrupted one left.
    fn begin_restore(&self) -> Result<(), StoreError> {
        if self.restore_interrupted()? {
            self.clear_restored_trees()?;
        }
        let mut start = Changes::default();
        start.put(
            TreeId::Meta,
            RESTORE_STARTED,
            &CommitCount(self.commits.load(std::sync::atomic::Ordering::Acquire)),
        )?;
        self.commit(start)
    }
}

/// About what an entry weighs in a dump, before its history is read (a revision per save,
/// each about as long as the texts).
fn entry_weight_of(entry: &Entry) -> usize {
    crate::model::text_weight(entry) * (1 + usize::try_from(entry.revision.min(4)).unwrap_or(4))
}

/// A restore's writes, committed a few thousand at a time; the plans kept for the end.
struct Load<'a> {
    store: &'a Store,
    changes: Changes,
    /// The users the dump added (the others' records were there before and stay).
    users: Vec<u32>,
    plans: Changes,
}

impl Load<'_> {
    /// Records per commit, and the bytes at which a commit comes sooner (as the journal's).
    const SIZE: usize = 500;
    const BYTES: u64 = 512 << 10;

    fn part(&mut self, part: DumpPart) -> Result<(), StoreError> {
        match part {
            DumpPart::Head(head) => self.head(&head)?,
            DumpPart::Plan(plan) => self.plans.put(TreeId::Plans, &keys::plan(plan.id), &*plan)?,
            DumpPart::Items { plan, items } => {
                for item in &items {
                    self.changes.put(TreeId::Items, &keys::item(plan, item.id), item)?;
                }
            }
            DumpPart::Period(period) => self.changes.put(TreeId::Periods, &keys::period(period.id), &*period)?,
            DumpPart::Entries { period, entries } => {
                for e in &entries {
                    self.changes.put_entry(period, e.item, &e.entry)?;
                    for rev in &e.history {
                        self.changes.put(TreeId::History, &keys::revision(period, e.item, rev.revision), rev)?;
                    }
                }
            }
        }
        if self.changes.ops.len() >= Self::SIZE || self.changes.bytes() >= Self::BYTES { self.flush() } else { Ok(()) }
    }

    fn head(&mut self, head: &DumpHead) -> Result<(), StoreError> {
        if head.format > DUMP_FORMAT {
            return Err(StoreError::NewerDump { found: head.format, supported: DUMP_FORMAT });
        }
        self.changes.put(TreeId::Settings, b"settings", &head.settings)?;
        // The restoring user already owns the store; the dump's users keep their roles.
        for u in &head.users {
            if self.store.user(u.uid)?.is_none() {
                self.changes.put(TreeId::Users, &keys::user(u.uid), &u.user)?;
                self.users.push(u.uid);
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), StoreError> {
        self.store.commit(std::mem::take(&mut self.changes))
    }

    /// The plans and the end of the restore in one transaction: complete, or refused.
    fn finish(&mut self) -> Result<(), StoreError> {
        self.flush()?;
        let mut plans = std::mem::take(&mut self.plans);
        plans.remove(TreeId::Meta, RESTORE_STARTED);
        self.store.commit(plans)
    }

    /// Best effort: the store holds no plan either way, so what stays is never shown.
    fn take_back(&mut self) {
        let mut users = Changes::default();
        for uid in self.users.drain(..) {
            users.remove(TreeId::Users, &keys::user(uid));
        }
        let _ = self.store.commit(users);
        let _ = self.store.clear_restored_trees();
        let mut end = Changes::default();
        end.remove(TreeId::Meta, RESTORE_STARTED);
        let _ = self.store.commit(end);
    }
}

/// Dumps of every shape a JSON writer meets: no plan; a plan whose period has entries with
/// history, and one with no entries; a plan with no period; two plans; users.
#[cfg(test)]
pub(crate) fn dumps_of_every_shape_for_tests(dir: &std::path::Path) -> Vec<StoreDump> {
    use crate::domain::{Actor, EntryEdit, Stamp};
    let store = Store::open(&dir.join("shapes"), &super::StoreOptions::default()).unwrap();
    let actor = Actor { uid: 1000, name: "ivanova".into() };
    let empty = store.dump().unwrap();
    store.ensure_owner(&actor, Stamp(1)).unwrap();
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    let rows = [("1", "сделано «так»\nи\tтак", "выполнено"), ("2", "", ""), ("3", "текст", "")];
    store.import(&super::tests::report("2020-Q1", &rows), &actor, Stamp(2)).unwrap();
    let item = store.dump().unwrap().plans[0].items[0].id;
    let base_revision = store.entry(q1, item).unwrap().unwrap().revision;
    let edit = EntryEdit { period: q1, item, base_revision, info: "правка".into(), assessment: String::new() };
    store.save_entry(&edit, &actor, Stamp(3), crate::model::RevisionSource::Edit).unwrap();
    store.open_period(PeriodId::parse("2020-Q2").unwrap(), None, (&actor, Stamp(4))).unwrap();
    let full = store.dump().unwrap();
    let mut no_period = full.clone();
    no_period.plans[0].periods.clear();
    let mut two_plans = full.clone();
    let mut second = full.plans[0].clone();
    second.plan.id = PlanId(2021);
    second.items.clear();
    two_plans.plans.push(second);
    vec![empty, full, no_period, two_plans]
}
