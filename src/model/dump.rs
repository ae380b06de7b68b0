//! The whole store as one value: the JSON export and the backup format.

use serde::{Deserialize, Serialize};

use super::{Owner, Revision, Settings, UserRecord};
use crate::domain::{Entry, Item, ItemId, Period, Plan};

/// Bump when the dump's shape changes (and teach `formats::dump_upgrade` the step); loading
/// checks it. 2: plans of several years, responsible, other columns, review states.
pub const DUMP_FORMAT: u32 = 2;

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
