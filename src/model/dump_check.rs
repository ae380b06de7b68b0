//! What a dump must hold before any of it is written: every id once, entries only for items
//! of their plan, periods within their plan's years, revisions in order and agreeing with
//! the history. A dump that breaks one is refused whole, naming the first problem.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{DumpPart, EntryDump, StoreDump, UserDump};
use crate::domain::{Item, ItemId, PeriodId, Plan, PlanId, Years};

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
    /// A streamed restore's parts did not come in a dump's order (a client's fault).
    PartOutOfOrder,
}

impl StoreDump {
    /// The first problem of the dump, if any.
    pub fn check(&self) -> Result<(), DumpProblem> {
        let mut check = DumpCheck::default();
        check.users(&self.users)?;
        for p in &self.plans {
            check.plan(&p.plan)?;
            check.items(&p.items)?;
            for period in &p.periods {
                check.period(period.period.id)?;
                check.entries(&period.entries)?;
            }
        }
        Ok(())
    }
}

/// The same checks, a part at a time as a streamed restore's parts come: what it keeps is
/// the ids seen, and the current plan's points.
#[derive(Default)]
pub struct DumpCheck {
    head_seen: bool,
    plans: BTreeSet<PlanId>,
    periods: BTreeSet<PeriodId>,
    /// The plan of the last `Plan` part, with its items' points.
    plan: Option<(PlanId, Years)>,
    points: BTreeMap<ItemId, String>,
    /// The period of the last `Period` part, with the items it has entries for.
    period: Option<PeriodId>,
    entries: BTreeSet<ItemId>,
}

impl DumpCheck {
    /// The part's problem, if any; parts must come in a dump's order (`DumpPart`).
    pub fn part(&mut self, part: &DumpPart) -> Result<(), DumpProblem> {
        let in_order = match part {
            DumpPart::Head(_) => !self.head_seen,
            DumpPart::Plan(_) => self.head_seen,
            DumpPart::Items { plan, .. } => self.plan.is_some_and(|(p, _)| p == *plan),
            DumpPart::Period(_) => self.plan.is_some(),
            DumpPart::Entries { period, .. } => self.period == Some(*period),
        };
        if !in_order {
            return Err(DumpProblem::PartOutOfOrder);
        }
        match part {
            DumpPart::Head(head) => {
                self.head_seen = true;
                self.users(&head.users)
            }
            DumpPart::Plan(plan) => self.plan(plan),
            DumpPart::Items { items, .. } => self.items(items),
            DumpPart::Period(period) => self.period(period.id),
            DumpPart::Entries { entries, .. } => self.entries(entries),
        }
    }

    /// The point of an item of the current plan, for a message.
    pub fn point(&self, item: ItemId) -> Option<String> {
        self.points.get(&item).cloned()
    }

    fn users(&mut self, users: &[UserDump]) -> Result<(), DumpProblem> {
        let mut seen = BTreeSet::new();
        match users.iter().find(|u| !seen.insert(u.uid)) {
            Some(u) => Err(DumpProblem::DuplicateUser { uid: u.uid }),
            None => Ok(()),
        }
    }

    fn plan(&mut self, plan: &Plan) -> Result<(), DumpProblem> {
        if !self.plans.insert(plan.id) {
            return Err(DumpProblem::DuplicatePlan { plan: plan.id });
        }
        self.plan = Some((plan.id, plan.years));
        self.points.clear();
        self.period = None;
        Ok(())
    }

    fn items(&mut self, items: &[Item]) -> Result<(), DumpProblem> {
        let Some((plan, _)) = self.plan else { return Err(DumpProblem::PartOutOfOrder) };
        match items.iter().find(|i| self.points.insert(i.id, i.point.clone()).is_some()) {
            Some(item) => Err(DumpProblem::DuplicateItem { plan, item: item.id }),
            None => Ok(()),
        }
    }

    fn period(&mut self, id: PeriodId) -> Result<(), DumpProblem> {
        let Some((_, years)) = self.plan else { return Err(DumpProblem::PartOutOfOrder) };
        if !self.periods.insert(id) {
            return Err(DumpProblem::DuplicatePeriod { period: id });
        }
        if !years.contains_period(id) {
            return Err(DumpProblem::PeriodOutsidePlan { period: id, years });
        }
        self.period = Some(id);
        self.entries.clear();
        Ok(())
    }

    fn entries(&mut self, entries: &[EntryDump]) -> Result<(), DumpProblem> {
        let Some(id) = self.period else { return Err(DumpProblem::PartOutOfOrder) };
        for e in entries {
            let Some(point) = self.point(e.item) else {
                return Err(DumpProblem::UnknownItem { period: id, item: e.item });
            };
            if !self.entries.insert(e.item) {
                return Err(DumpProblem::DuplicateEntry { period: id, point });
            }
            check_revisions(id, point, e)?;
        }
        Ok(())
    }
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
