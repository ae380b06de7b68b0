//! The whole store as one value: the JSON export and the backup format. A dump loads only
//! into an empty store, in one transaction.

use super::{Changes, Store, StoreError, TreeId, keys};
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
                        batches.put(TreeId::Entries, &keys::entry(id, e.item), &e.entry)?;
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
            let mut plans = Changes::default();
            for p in &dump.plans {
                plans.put(TreeId::Plans, &keys::plan(p.plan.id), &p.plan)?;
            }
            self.commit(plans)
        })();
        if result.is_err() {
            batches.take_back();
        }
        result
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
        if self.written.len().is_multiple_of(Self::SIZE) {
            self.flush()?;
        }
        Ok(())
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
