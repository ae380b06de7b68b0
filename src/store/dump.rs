//! The whole store as one value: the JSON export and the backup format. A dump loads only
//! into an empty store, in one transaction.

use serde::{Deserialize, Serialize};

use super::records::{Owner, Revision, Settings, UserRecord};
use super::{Changes, Store, StoreError, TreeId, keys};
use crate::domain::{Entry, Item, ItemId, Period, Plan};

/// Bump when the dump's shape changes; loading checks it.
pub const DUMP_FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreDump {
    pub format: u32,
    pub plans: Vec<PlanDump>,
    pub settings: Settings,
    pub owner: Option<Owner>,
    pub users: Vec<UserDump>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDump {
    pub plan: Plan,
    pub items: Vec<Item>,
    pub periods: Vec<PeriodDump>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodDump {
    pub period: Period,
    pub entries: Vec<EntryDump>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryDump {
    pub item: ItemId,
    pub entry: Entry,
    pub history: Vec<Revision>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDump {
    pub uid: u32,
    pub user: UserRecord,
}

impl Store {
    /// Everything but drafts, read at one moment (writers wait meanwhile).
    pub fn dump(&self) -> Result<StoreDump, StoreError> {
        let _writer = self.lock_writer();
        let periods = self.periods()?;
        let mut plans = Vec::new();
        for plan in self.plans()? {
            let mut plan_periods = Vec::new();
            for period in periods.iter().filter(|p| p.id.year == plan.year) {
                let mut entries = Vec::new();
                for (item, entry) in self.entries(period.id)? {
                    entries.push(EntryDump { item, history: self.history(period.id, item)?, entry });
                }
                plan_periods.push(PeriodDump { period: period.clone(), entries });
            }
            plans.push(PlanDump { items: self.items(plan.year)?, plan, periods: plan_periods });
        }
        Ok(StoreDump {
            format: DUMP_FORMAT,
            plans,
            settings: self.settings()?,
            owner: self.owner()?,
            users: self.users()?.into_iter().map(|(uid, user)| UserDump { uid, user }).collect(),
        })
    }

    /// Loads a dump into a store that holds no plan yet.
    pub fn load_dump(&self, dump: &StoreDump) -> Result<(), StoreError> {
        let _writer = self.lock_writer();
        if dump.format > DUMP_FORMAT {
            return Err(StoreError::NewerDump { found: dump.format, supported: DUMP_FORMAT });
        }
        if !self.is_empty()? {
            return Err(StoreError::NotEmpty { path: self.path.clone() });
        }
        let mut changes = Changes::default();
        for p in &dump.plans {
            changes.put(TreeId::Plans, &keys::year(p.plan.year), &p.plan)?;
            for item in &p.items {
                changes.put(TreeId::Items, &keys::item(p.plan.year, item.id), item)?;
            }
            for period in &p.periods {
                let id = period.period.id;
                changes.put(TreeId::Periods, &keys::period(id), &period.period)?;
                for e in &period.entries {
                    changes.put(TreeId::Entries, &keys::entry(id, e.item), &e.entry)?;
                    for rev in &e.history {
                        changes.put(TreeId::History, &keys::revision(id, e.item, rev.revision), rev)?;
                    }
                }
            }
        }
        changes.put(TreeId::Settings, b"settings", &dump.settings)?;
        // The restoring user already owns the store; the dump's users keep their roles.
        for u in &dump.users {
            if self.user(u.uid)?.is_none() {
                changes.put(TreeId::Users, &keys::user(u.uid), &u.user)?;
            }
        }
        self.commit(changes)
    }
}
