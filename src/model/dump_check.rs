//! What a dump must hold before any of it is written: every id once, entries only for items
//! of their plan, periods within their plan's years, revisions in order and agreeing with
//! the history. A dump that breaks one is refused whole, naming the first problem.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{EntryDump, PlanDump, StoreDump};
use crate::domain::{ItemId, PeriodId, PlanId, Years};

/// Revisions past this are refused: a store's next save must not wrap its revision to 0
/// (a million saves a second would take nine years to get here).
pub const MAX_REVISION: u64 = 1 << 48;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DumpProblem {
    DuplicatePlan {
        plan: PlanId,
    },
    DuplicateItem {
        plan: PlanId,
        item: ItemId,
    },
    DuplicatePeriod {
        period: PeriodId,
    },
    PeriodOutsidePlan {
        period: PeriodId,
        years: Years,
    },
    UnknownItem {
        period: PeriodId,
        item: ItemId,
    },
    DuplicateEntry {
        period: PeriodId,
        point: String,
    },
    /// The history's revisions are not strictly increasing.
    HistoryOutOfOrder {
        period: PeriodId,
        point: String,
    },
    /// The entry's revision is not its history's last.
    RevisionMismatch {
        period: PeriodId,
        point: String,
        entry: u64,
        history: u64,
    },
    RevisionTooLarge {
        period: PeriodId,
        point: String,
        revision: u64,
    },
    DuplicateUser {
        uid: u32,
    },
}

impl StoreDump {
    /// The first problem of the dump, if any.
    pub fn check(&self) -> Result<(), DumpProblem> {
        let mut plans = BTreeSet::new();
        let mut periods = BTreeSet::new();
        for p in &self.plans {
            if !plans.insert(p.plan.id) {
                return Err(DumpProblem::DuplicatePlan { plan: p.plan.id });
            }
            check_plan(p, &mut periods)?;
        }
        let mut users = BTreeSet::new();
        match self.users.iter().find(|u| !users.insert(u.uid)) {
            Some(u) => Err(DumpProblem::DuplicateUser { uid: u.uid }),
            None => Ok(()),
        }
    }
}

fn check_plan(p: &PlanDump, periods: &mut BTreeSet<PeriodId>) -> Result<(), DumpProblem> {
    let mut points = BTreeMap::new();
    if let Some(item) = p.items.iter().find(|i| points.insert(i.id, i.point.as_str()).is_some()) {
        return Err(DumpProblem::DuplicateItem { plan: p.plan.id, item: item.id });
    }
    for period in &p.periods {
        let id = period.period.id;
        if !periods.insert(id) {
            return Err(DumpProblem::DuplicatePeriod { period: id });
        }
        if !p.plan.years.contains_period(id) {
            return Err(DumpProblem::PeriodOutsidePlan { period: id, years: p.plan.years });
        }
        let mut entries = BTreeSet::new();
        for e in &period.entries {
            let Some(point) = points.get(&e.item).map(|p| p.to_string()) else {
                return Err(DumpProblem::UnknownItem { period: id, item: e.item });
            };
            if !entries.insert(e.item) {
                return Err(DumpProblem::DuplicateEntry { period: id, point });
            }
            check_revisions(id, point, e)?;
        }
    }
    Ok(())
}

fn check_revisions(period: PeriodId, point: String, e: &EntryDump) -> Result<(), DumpProblem> {
    let revision = e.entry.revision;
    if revision > MAX_REVISION || e.history.iter().any(|r| r.revision > MAX_REVISION) {
        let revision = e.history.iter().map(|r| r.revision).fold(revision, u64::max);
        return Err(DumpProblem::RevisionTooLarge { period, point, revision });
    }
    let starts_at_zero = e.history.first().is_some_and(|r| r.revision == 0);
    if starts_at_zero || e.history.windows(2).any(|w| w[0].revision >= w[1].revision) {
        return Err(DumpProblem::HistoryOutOfOrder { period, point });
    }
    // Every revision past 0 was made by a save, which the history keeps.
    let last = e.history.last().map_or(0, |r| r.revision);
    if last != revision {
        return Err(DumpProblem::RevisionMismatch { period, point, entry: revision, history: last });
    }
    Ok(())
}
