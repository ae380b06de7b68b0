//! The whole store as one value: the JSON export and the backup format.

use serde::{Deserialize, Serialize};

use super::{Owner, Revision, Settings, UserRecord};
use crate::domain::limits::{TooLong, first_too_long};
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
    /// The first text of the dump over the limit: any text it holds, the item's point
    /// named when the text is an item's.
    pub fn first_too_long(&self) -> Option<TooLong> {
        head_too_long(&self.settings, self.owner.as_ref(), &self.users).or_else(|| {
            self.plans.iter().find_map(|p| {
                let point_of = |id: ItemId| p.items.iter().find(|i| i.id == id).map(|i| i.point.clone());
                plan_too_long(&p.plan).or_else(|| items_too_long(&p.items)).or_else(|| {
                    p.periods.iter().find_map(|period| {
                        period_too_long(&period.period).or_else(|| entries_too_long(&period.entries, &point_of))
                    })
                })
            })
        })
    }
}

impl super::DumpPart {
    /// As `StoreDump::first_too_long`, for one part; `point_of` names an entry's item.
    pub fn first_too_long(&self, point_of: &dyn Fn(ItemId) -> Option<String>) -> Option<TooLong> {
        use super::DumpPart as P;
        match self {
            P::Head(head) => head_too_long(&head.settings, head.owner.as_ref(), &head.users),
            P::Plan(plan) => plan_too_long(plan),
            P::Items { items, .. } => items_too_long(items),
            P::Period(period) => period_too_long(period),
            P::Entries { entries, .. } => entries_too_long(entries, point_of),
        }
    }
}

fn head_too_long(settings: &Settings, owner: Option<&Owner>, users: &[UserDump]) -> Option<TooLong> {
    let own = settings.assessments.iter().chain(&settings.words).map(|t| ("assessments", t.as_str()));
    let users = users.iter().flat_map(|u| {
        std::iter::once(("user", u.user.name.as_str())).chain(u.user.responsible.iter().map(|r| ("user", r.as_str())))
    });
    let owner = owner.into_iter().map(|o| ("user", o.name.as_str()));
    first_too_long("", own.chain(users).chain(owner))
}

fn plan_too_long(plan: &Plan) -> Option<TooLong> {
    let own = [
        ("organisation", plan.organisation.as_str()),
        ("approved_by", plan.approved_by.as_str()),
        ("signed_by", plan.signed_by.as_str()),
        ("executor", plan.executor.as_str()),
    ];
    let lists = plan
        .title_lines
        .iter()
        .map(|t| ("title", t.as_str()))
        .chain(plan.sections.iter().map(|s| ("title", s.title.as_str())))
        .chain(plan.columns.iter().map(|c| ("caption", c.caption.as_str())));
    first_too_long("", own.into_iter().chain(lists))
}

fn period_too_long(period: &Period) -> Option<TooLong> {
    first_too_long("", [("title", period.title.as_str())])
}

fn items_too_long(items: &[Item]) -> Option<TooLong> {
    items.iter().find_map(|i| {
        let texts = [
            ("seq", i.seq.as_str()),
            ("point", i.point.as_str()),
            ("title", i.title.as_str()),
            ("deadline", i.deadline_text.as_str()),
            ("responsible", i.responsible.as_str()),
        ];
        let extra = i.extra.iter().flat_map(|e| [("extra", e.caption.as_str()), ("extra", e.text.as_str())]);
        first_too_long(&i.point, texts.into_iter().chain(extra))
    })
}

fn entries_too_long(entries: &[EntryDump], point_of: &dyn Fn(ItemId) -> Option<String>) -> Option<TooLong> {
    entries.iter().find_map(|e| {
        let texts = [
            ("info", e.entry.info.as_str()),
            ("assessment", e.entry.assessment.as_str()),
            ("user", e.entry.changed_by.as_str()),
        ];
        let history = e
            .history
            .iter()
            .flat_map(|r| [("info", r.info.as_str()), ("assessment", r.assessment.as_str()), ("user", r.by.as_str())]);
        // Named only when found: looking the point up for every entry would be slow.
        first_too_long("", texts.into_iter().chain(history))
            .map(|t| TooLong { point: point_of(e.item).unwrap_or_default(), ..t })
    })
}
