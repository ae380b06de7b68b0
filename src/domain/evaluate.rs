//! Deadlines and flags of every item of a period, as of a date.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::deadline::{Deadline, Due};
use super::flags::{FlagRules, Flags, flags, flags_folded};
use super::period::{PeriodId, Years};
use super::plan::{Item, Review};

/// An item's understood deadline and its due dates in a period's years. They depend only
/// on the item, so they are worked out once and kept while flags are recomputed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemDeadline {
    pub deadline: Deadline,
    pub due: Vec<Due>,
    /// Years the deadline names outside the plan's (kept, never used, and shown).
    pub outside_plan: Vec<i32>,
}

impl ItemDeadline {
    /// The deadline's due dates in the years of `period` (the plan's own years only).
    pub fn new(deadline: Deadline, period: PeriodId, plan: Years) -> ItemDeadline {
        let years = period.years();
        let (first, last) = (years.first.max(plan.first), years.last.min(plan.last));
        let due = if first <= last { deadline.due_dates_in(first, last) } else { Vec::new() };
        let mut outside_plan: Vec<i32> = deadline
            .schedule()
            .map(|s| s.clauses.iter().flat_map(|c| c.years_outside(plan.first, plan.last)).collect())
            .unwrap_or_default();
        outside_plan.sort_unstable();
        outside_plan.dedup();
        ItemDeadline { deadline, due, outside_plan }
    }
}

/// Works out each distinct deadline text once, and shares the result between the items
/// that have it: plans repeat a few phrasings many times (10,000 items, a few hundred texts).
#[derive(Default)]
pub struct DeadlineCache {
    context: Option<(PeriodId, Years)>,
    known: HashMap<String, Arc<ItemDeadline>>,
}

impl DeadlineCache {
    /// The item's deadline in `period` of a plan of the years `plan`.
    pub fn item_deadline(&mut self, item: &Item, period: PeriodId, plan: Years) -> Arc<ItemDeadline> {
        if let Some(s) = &item.schedule_override {
            return Arc::new(ItemDeadline::new(Deadline::Known(s.clone()), period, plan));
        }
        if self.context != Some((period, plan)) {
            self.known.clear();
            self.context = Some((period, plan));
        }
        if let Some(known) = self.known.get(&item.deadline_text) {
            return Arc::clone(known);
        }
        let known = Arc::new(ItemDeadline::new(Deadline::resolve(&item.deadline_text, None), period, plan));
        self.known.insert(item.deadline_text.clone(), Arc::clone(&known));
        known
    }
}

impl ItemDeadline {
    pub fn flags(&self, assessment: &str, period: PeriodId, as_of: NaiveDate, rules: &FlagRules) -> Flags {
        flags(&self.due, assessment, period, as_of, rules)
    }

    /// The due date that matters most on `as_of`: the next one to come, or else the last
    /// one passed.
    pub fn nearest_due(&self, as_of: NaiveDate) -> Option<Due> {
        self.due.iter().find(|d| d.date >= as_of).or_else(|| self.due.last()).copied()
    }

    /// For an overdue item: the earliest date that made it so.
    pub fn missed_due(&self, period: PeriodId, as_of: NaiveDate, no_result: bool) -> Option<Due> {
        let last = self.due.last().filter(|d| d.date <= as_of);
        let in_period = self.due.iter().find(|d| no_result && period.contains(d.reports_on) && d.date <= as_of);
        in_period.or(last).copied()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    pub items: usize,
    pub overdue: usize,
    pub no_result: usize,
    pub due_soon: usize,
    pub done: usize,
    pub ready: usize,
    pub accepted: usize,
}

impl Counts {
    pub fn add(&mut self, f: Flags, review: Review) {
        self.items += 1;
        self.overdue += usize::from(f.overdue);
        self.no_result += usize::from(f.no_result);
        self.due_soon += usize::from(f.due_soon);
        self.done += usize::from(f.done);
        self.ready += usize::from(review == Review::Ready);
        self.accepted += usize::from(review == Review::Accepted);
    }
}

/// Which items a status is about: `None`, all; else those one of the names answers for.
pub type Answering<'a> = Option<&'a [String]>;

/// Counts a period's items one at a time, and tells which a status lists (overdue or
/// without a result): a server works out a status of 10,000 items without holding them.
pub struct FlagCounter<'a> {
    period: PeriodId,
    as_of: NaiveDate,
    rules: &'a FlagRules,
    answering: Answering<'a>,
    pub counts: Counts,
}

impl<'a> FlagCounter<'a> {
    pub fn new(period: PeriodId, as_of: NaiveDate, rules: &'a FlagRules, answering: Answering<'a>) -> Self {
        FlagCounter { period, as_of, rules, answering, counts: Counts::default() }
    }

    /// Counts an item of this deadline and responsible, if `answering` answers for it, with
    /// its entry's assessment folded (`fold`) and review state; its flags, when counted.
    pub fn take(&mut self, (deadline, responsible): (&ItemDeadline, &str), entry: (&str, Review)) -> Option<Flags> {
        if self.answering.is_some_and(|names| !super::plan::answers_for(responsible, names)) {
            return None;
        }
        let (folded_assessment, review) = entry;
        let f = flags_folded(&deadline.due, folded_assessment, self.period, self.as_of, self.rules);
        self.counts.add(f, review);
        Some(f)
    }
}
