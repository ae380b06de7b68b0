//! The whole store as one value: the JSON export and the backup format. A dump loads only
//! into an empty store, in one transaction.

use super::{Changes, CommitCount, Store, StoreError, TreeId, keys};

/// In the meta tree while a restore is being written: the commit count it started at. A
/// store that holds it was left half way by a killed server.
const RESTORE_STARTED: &[u8] = b"restore-started";

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
use crate::domain::{Entry, ItemId, PeriodId};
use crate::model::{DUMP_FORMAT, EntryDump, PeriodDump, PlanDump, StoreDump, UserDump};

impl Store {
    /// Everything but drafts, read at one moment (writers wait meanwhile).
    pub fn dump(&self) -> Result<StoreDump, StoreError> {
        let _writer = self.lock_writer();
        let periods = self.periods()?;
        let mut plans = Vec::new();
        for plan in self.plans()? {
            let mut plan_periods = Vec::new();
            for period in periods.iter().filter(|p| plan.years.contains(p.id.years().first)) {
                let mut entries = Vec::new();
                for (item, entry) in self.entries(period.id)? {
                    entries.push(EntryDump { item, history: self.history(period.id, item)?, entry });
                }
                plan_periods.push(PeriodDump { period: period.clone(), entries });
            }
            plans.push(PlanDump { items: self.items(plan.id)?, plan, periods: plan_periods });
        }
        Ok(StoreDump {
            format: DUMP_FORMAT,
            plans,
            settings: self.settings()?,
            owner: self.owner()?,
            users: self.users()?.into_iter().map(|(uid, user)| UserDump { uid, user }).collect(),
        })
    }

    /// Loads a dump into a store that holds no plan yet. A large dump is written in batches
    /// (one sled transaction of a whole store took gigabytes), the plans last: until they are
    /// in, the store holds no plan, and a load that fails takes back what it wrote.
    pub fn load_dump(&self, dump: &StoreDump) -> Result<(), StoreError> {
        let _writer = self.lock_writer();
        if dump.format > DUMP_FORMAT {
            return Err(StoreError::NewerDump { found: dump.format, supported: DUMP_FORMAT });
        }
        if !self.is_empty()? {
            return Err(StoreError::NotEmpty { path: self.path.clone() });
        }
        self.begin_restore()?;
        let mut batches = Batches { store: self, changes: Changes::default(), written: Vec::new() };
        let result = (|| {
            for p in &dump.plans {
                for item in &p.items {
                    batches.put(TreeId::Items, &keys::item(p.plan.id, item.id), item)?;
                }
                for period in &p.periods {
                    let id = period.period.id;
                    batches.put(TreeId::Periods, &keys::period(id), &period.period)?;
                    for e in &period.entries {
                        batches.put_entry(id, e.item, &e.entry)?;
                        for rev in &e.history {
                            batches.put(TreeId::History, &keys::revision(id, e.item, rev.revision), rev)?;
                        }
                    }
                }
            }
            batches.put(TreeId::Settings, b"settings", &dump.settings)?;
            // The restoring user already owns the store; the dump's users keep their roles.
            for u in &dump.users {
                if self.user(u.uid)?.is_none() {
                    batches.put(TreeId::Users, &keys::user(u.uid), &u.user)?;
                }
            }
            batches.flush()?;
            // The plans and the end of the restore in one transaction: complete, or refused.
            let mut plans = Changes::default();
            for p in &dump.plans {
                plans.put(TreeId::Plans, &keys::plan(p.plan.id), &p.plan)?;
            }
            plans.remove(TreeId::Meta, RESTORE_STARTED);
            self.commit(plans)
        })();
        if result.is_err() {
            batches.take_back();
            let mut end = Changes::default();
            end.remove(TreeId::Meta, RESTORE_STARTED);
            let _ = self.commit(end);
        }
        result
    }

    /// Whether a restore was left half way (a killed server): the store takes nothing but
    /// another restore then.
    pub fn restore_interrupted(&self) -> Result<bool, StoreError> {
        Ok(self.get::<CommitCount>(TreeId::Meta, RESTORE_STARTED)?.is_some())
    }

    /// Marks the restore begun, first clearing what an interrupted one left.
    fn begin_restore(&self) -> Result<(), StoreError> {
        if self.restore_interrupted()? {
            let mut clear = Changes::default();
            for tree in RESTORED_TREES {
                for key in self.tree(tree)?.iter().keys().flatten() {
                    clear.remove(tree, &key);
                    if clear.bytes() > 8 << 20 {
                        self.commit(std::mem::take(&mut clear))?;
                    }
                }
            }
            self.commit(clear)?;
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

/// Writes committed a few thousand at a time, remembering their keys to take them back.
struct Batches<'a> {
    store: &'a Store,
    changes: Changes,
    written: Vec<(TreeId, Vec<u8>)>,
}

impl Batches<'_> {
    const SIZE: usize = 2000;

    fn put<R: crate::codec::Record>(&mut self, tree: TreeId, key: &[u8], value: &R) -> Result<(), StoreError> {
        self.changes.put(tree, key, value)?;
        self.written.push((tree, key.to_vec()));
        self.flush_when_full()
    }

    fn put_entry(&mut self, period: PeriodId, id: ItemId, entry: &Entry) -> Result<(), StoreError> {
        self.changes.put_entry(period, id, entry)?;
        let key = keys::entry(period, id).to_vec();
        self.written.extend([(TreeId::Entries, key.clone()), (TreeId::Texts, key)]);
        self.flush_when_full()
    }

    fn flush_when_full(&mut self) -> Result<(), StoreError> {
        if self.changes.ops.len() >= Self::SIZE { self.flush() } else { Ok(()) }
    }

    fn flush(&mut self) -> Result<(), StoreError> {
        self.store.commit(std::mem::take(&mut self.changes))
    }

    /// Best effort: the store holds no plan either way, so what stays is never shown.
    fn take_back(&mut self) {
        let mut undo = Changes::default();
        for (tree, key) in self.written.drain(..) {
            undo.remove(tree, &key);
        }
        let _ = self.store.commit(undo);
    }
}
