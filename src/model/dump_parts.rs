//! The whole-store dump as a sequence of parts, so that neither the server nor a file's
//! writer holds a whole store: the head, then each plan with its items and its periods with
//! their entries, a part about a megabyte at most.
//!
//! ```text
//! Head, Plan(1), Items(1, …), Items(1, …), Period(2024-Q1), Entries(2024-Q1, …), Period(…), …, Plan(2), …
//! ```

use serde::{Deserialize, Serialize};

use super::{EntryDump, Owner, PeriodDump, PlanDump, Settings, StoreDump, UserDump};
use crate::domain::{Entry, Item, Period, PeriodId, Plan, PlanId};

/// About how many bytes of text a part of items or entries carries.
pub const DUMP_PART_BYTES: usize = 512 << 10;

/// What a dump holds besides its plans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpHead {
    pub format: u32,
    pub settings: Settings,
    pub owner: Option<Owner>,
    pub users: Vec<UserDump>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DumpPart {
    /// Always the first part, and only once.
    Head(Box<DumpHead>),
    Plan(Box<Plan>),
    /// Items of the plan of the `Plan` part before.
    Items {
        plan: PlanId,
        items: Vec<Item>,
    },
    /// A period of the plan of the `Plan` part before.
    Period(Box<Period>),
    /// Entries of the period of the `Period` part before.
    Entries {
        period: PeriodId,
        entries: Vec<EntryDump>,
    },
}

impl DumpPart {
    /// About the bytes of text the part carries: what a frame of parts is measured by.
    pub fn weight(&self) -> usize {
        match self {
            DumpPart::Head(head) => head.users.len() * 64 + head.settings.words.iter().map(String::len).sum::<usize>(),
            DumpPart::Plan(_) | DumpPart::Period(_) => 1024,
            DumpPart::Items { items, .. } => items.iter().map(item_weight).sum(),
            DumpPart::Entries { entries, .. } => entries.iter().map(entry_weight).sum(),
        }
    }
}

pub fn item_weight(item: &Item) -> usize {
    64 + item.title.len()
        + item.deadline_text.len()
        + item.responsible.len()
        + item.extra.iter().map(|e| e.caption.len() + e.text.len()).sum::<usize>()
}

pub fn entry_weight(e: &EntryDump) -> usize {
    let history: usize = e.history.iter().map(|r| 64 + r.info.len() + r.assessment.len()).sum();
    text_weight(&e.entry) + history
}

/// About what an entry with its texts weighs, without its history.
pub fn text_weight(entry: &Entry) -> usize {
    64 + entry.info.len() + entry.assessment.len()
}

/// `items` cut into runs of about `DUMP_PART_BYTES`, each at least one long.
pub fn in_runs<T>(items: Vec<T>, weight: impl Fn(&T) -> usize) -> Vec<Vec<T>> {
    let mut runs = Vec::new();
    let (mut run, mut bytes) = (Vec::new(), 0);
    for item in items {
        bytes += weight(&item);
        run.push(item);
        if bytes >= DUMP_PART_BYTES {
            runs.push(std::mem::take(&mut run));
            bytes = 0;
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

impl StoreDump {
    /// The dump as its parts, in order.
    pub fn into_parts(self) -> Vec<DumpPart> {
        let head = DumpHead { format: self.format, settings: self.settings, owner: self.owner, users: self.users };
        let mut parts = vec![DumpPart::Head(Box::new(head))];
        for p in self.plans {
            let plan = p.plan.id;
            parts.push(DumpPart::Plan(Box::new(p.plan)));
            parts.extend(in_runs(p.items, item_weight).into_iter().map(|items| DumpPart::Items { plan, items }));
            for period in p.periods {
                let id = period.period.id;
                parts.push(DumpPart::Period(Box::new(period.period)));
                let runs = in_runs(period.entries, entry_weight);
                parts.extend(runs.into_iter().map(|entries| DumpPart::Entries { period: id, entries }));
            }
        }
        parts
    }
}

/// A dump put together from its parts (a caller that wants the whole value: tests, the
/// in-process store).
pub struct DumpAssembler {
    head: DumpHead,
    plans: Vec<PlanDump>,
}

impl Default for DumpAssembler {
    fn default() -> Self {
        let head = DumpHead { format: super::DUMP_FORMAT, settings: Settings::default(), owner: None, users: vec![] };
        Self { head, plans: Vec::new() }
    }
}

impl DumpAssembler {
    pub fn add(&mut self, part: DumpPart) {
        match part {
            DumpPart::Head(head) => self.head = *head,
            DumpPart::Plan(plan) => self.plans.push(PlanDump { plan: *plan, items: Vec::new(), periods: Vec::new() }),
            DumpPart::Items { items, .. } => {
                if let Some(p) = self.plans.last_mut() {
                    p.items.extend(items);
                }
            }
            DumpPart::Period(period) => {
                if let Some(p) = self.plans.last_mut() {
                    p.periods.push(PeriodDump { period: *period, entries: Vec::new() });
                }
            }
            DumpPart::Entries { entries, .. } => {
                if let Some(period) = self.plans.last_mut().and_then(|p| p.periods.last_mut()) {
                    period.entries.extend(entries);
                }
            }
        }
    }

    pub fn finish(self) -> StoreDump {
        let head = self.head;
        StoreDump {
            format: head.format,
            plans: self.plans,
            settings: head.settings,
            owner: head.owner,
            users: head.users,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_about_a_part_long_and_never_empty() {
        let runs = in_runs(vec![100_000usize; 12], |w| *w);
        assert_eq!(runs.iter().map(Vec::len).collect::<Vec<_>>(), [6, 6]);
        assert!(in_runs(Vec::<usize>::new(), |w| *w).is_empty());
        assert_eq!(in_runs(vec![DUMP_PART_BYTES * 3], |w| *w).len(), 1);
    }
}
