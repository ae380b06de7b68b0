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

impl StoreDump {
    /// The first text of the dump over the limit: an item's title, an entry's or a
    /// revision's text.
    pub fn first_too_long(&self) -> Option<crate::domain::limits::TooLong> {
        use crate::domain::limits::first_too_long;
        self.plans.iter().find_map(|p| {
            let point_of = |id: crate::domain::ItemId| {
                p.items.iter().find(|i| i.id == id).map(|i| i.point.clone()).unwrap_or_default()
            };
            let titles = p.items.iter().find_map(|i| first_too_long(&i.point, [("title", i.title.as_str())]));
            titles.or_else(|| {
                p.periods.iter().flat_map(|period| &period.entries).find_map(|e| {
                    let texts = [("info", e.entry.info.as_str()), ("assessment", e.entry.assessment.as_str())];
                    let history = e
                        .history
                        .iter()
                        .flat_map(|r| [("info", r.info.as_str()), ("assessment", r.assessment.as_str())]);
                    first_too_long(&point_of(e.item), texts.into_iter().chain(history))
                })
            })
        })
    }
}
