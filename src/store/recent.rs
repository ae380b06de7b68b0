//! What the latest commits changed, key by key: what the server keeps worked out from a
//! period (its search index) follows a change by reading again only the items and entries
//! it touched, not the whole period.

use std::collections::VecDeque;

use super::{TreeId, keys};
use crate::domain::{ItemId, PeriodId, PlanId};

/// A record a commit wrote or removed, of those a period's search or report looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Changed {
    /// A plan: its years, its head, or (replaced) which items it has.
    Plan(PlanId),
    /// A period: opened, closed, its report date.
    Period(PeriodId),
    Item(PlanId, ItemId),
    Entry(PeriodId, ItemId),
}

/// The changes committed after a point, up to `latest`.
#[derive(Debug, PartialEq, Eq)]
pub struct ChangedSince {
    pub latest: u64,
    pub changed: Vec<Changed>,
}

/// Keys kept for this many changed records at most: an import or a restore changes more,
/// and whoever follows then works its whole period out again.
const KEPT_RECORDS: usize = 4096;

/// The commits counted since the store opened, with the records the latest changed.
#[derive(Debug, Default)]
pub struct Recent {
    latest: u64,
    /// Every commit after this one is in `commits`: since an earlier one, nobody can tell.
    known_after: u64,
    commits: VecDeque<(u64, Vec<Changed>)>,
    kept: usize,
}

impl Recent {
    /// One more commit, of these writes. A key that does not tell its record makes the
    /// commit one that cannot be followed.
    pub fn record<V>(&mut self, ops: &[(TreeId, Vec<u8>, V)]) {
        let changed: Option<Vec<Changed>> = (ops.iter())
            .filter_map(|(tree, key, _)| match tree {
                TreeId::Items => Some(item_of(key)),
                TreeId::Entries | TreeId::Texts => Some(entry_of(key)),
                TreeId::Plans => Some(keys::year_from(key).map(|year| Changed::Plan(PlanId(year)))),
                TreeId::Periods => Some(keys::period_from(key).map(Changed::Period)),
                _ => None,
            })
            .collect();
        match changed {
            Some(mut changed) if changed.len() <= KEPT_RECORDS => {
                self.latest += 1;
                changed.sort_unstable();
                changed.dedup();
                self.keep(changed);
            }
            _ => self.forget_all(),
        }
    }

    fn keep(&mut self, changed: Vec<Changed>) {
        if changed.is_empty() {
            return;
        }
        self.kept += changed.len();
        self.commits.push_back((self.latest, changed));
        while self.kept > KEPT_RECORDS {
            let Some((seq, dropped)) = self.commits.pop_front() else { break };
            self.kept -= dropped.len();
            self.known_after = seq;
        }
    }

    /// Counts a commit whose records are not known, and forgets those before.
    pub fn forget_all(&mut self) {
        self.latest += 1;
        self.commits.clear();
        self.kept = 0;
        self.known_after = self.latest;
    }

    /// The last commit counted.
    pub fn latest(&self) -> u64 {
        self.latest
    }

    /// What the commits after `seen` changed, or `None` when they are no longer all known.
    pub fn since(&self, seen: u64) -> Option<ChangedSince> {
        if seen < self.known_after || seen > self.latest {
            return None;
        }
        let mut changed: Vec<Changed> =
            self.commits.iter().filter(|(seq, _)| *seq > seen).flat_map(|(_, c)| c.iter().copied()).collect();
        changed.sort_unstable();
        changed.dedup();
        Some(ChangedSince { latest: self.latest, changed })
    }
}

fn item_of(key: &[u8]) -> Option<Changed> {
    Some(Changed::Item(PlanId(keys::year_from(key)?), keys::item_id_from(key)?))
}

fn entry_of(key: &[u8]) -> Option<Changed> {
    Some(Changed::Entry(keys::period_from(key)?, keys::entry_item_from(key)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PeriodKind;

    fn q1() -> PeriodId {
        PeriodId::new(2024, PeriodKind::Q1)
    }

    fn entry_write(id: u32) -> (TreeId, Vec<u8>, ()) {
        (TreeId::Entries, keys::entry(q1(), ItemId(id)).to_vec(), ())
    }

    #[test]
    fn the_records_committed_since_a_point_are_told_once_each() {
        let mut recent = Recent::default();
        recent.record(&[entry_write(1)]);
        let seen = recent.latest();
        recent.record(&[entry_write(2), (TreeId::Texts, keys::entry(q1(), ItemId(2)).to_vec(), ())]);
        recent.record(&[(TreeId::Items, keys::item(PlanId(2024), ItemId(3)).to_vec(), ())]);
        recent.record(&[(TreeId::History, b"anything".to_vec(), ())]);
        let since = recent.since(seen).expect("followable");
        assert_eq!(since.latest, 4);
        assert_eq!(since.changed, [Changed::Item(PlanId(2024), ItemId(3)), Changed::Entry(q1(), ItemId(2))]);
        assert_eq!(recent.since(4).map(|s| s.changed.len()), Some(0));
        assert_eq!(recent.since(0).map(|s| s.changed.len()), Some(3));
    }

    #[test]
    fn a_period_or_plan_written_is_told_and_a_key_that_tells_nothing_cannot_be_followed() {
        let mut recent = Recent::default();
        recent.record(&[entry_write(1)]);
        recent.record(&[(TreeId::Periods, keys::period(q1()).to_vec(), ())]);
        recent.record(&[(TreeId::Plans, keys::plan(PlanId(2024)).to_vec(), ())]);
        let since = recent.since(1).expect("followable");
        assert_eq!(since.changed, [Changed::Plan(PlanId(2024)), Changed::Period(q1())]);
        recent.record(&[(TreeId::Periods, b"?".to_vec(), ())]);
        assert_eq!(recent.since(1), None);
        assert!(recent.since(4).is_some_and(|s| s.changed.is_empty()));
        let import: Vec<_> = (0..=KEPT_RECORDS as u32).map(entry_write).collect();
        recent.record(&import);
        assert_eq!(recent.since(4), None);
        assert!(recent.since(5).is_some());
        // Older commits make way for newer ones: those before them are then unknown.
        for id in 0..KEPT_RECORDS as u32 + 1 {
            recent.record(&[entry_write(id)]);
        }
        assert_eq!(recent.since(5), None);
        assert!(recent.since(recent.latest() - 10).is_some_and(|s| s.changed.len() == 10));
    }
}
