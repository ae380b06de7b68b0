//! Merging a document into the store: a period's report, or the plan itself. The plan is
//! found by its years (plans never share a year) and checked to be the same plan (the same
//! organisation and approving act, or the same items where those are missing), or created;
//! items are matched by point, then by title; entries that differ become new revisions.
//! Everything is computed first and committed in one transaction, so a failed import writes
//! nothing, and importing the same document again writes nothing at all.

use std::collections::HashMap;

use super::{Changes, Store, StoreError, TreeId, keys};
use crate::domain::plan::strip_number_dot;
use crate::domain::text::fold;
use crate::domain::{
    Actor, Column, Entry, Field, Item, ItemId, Period, PeriodId, Plan, PlanId, Report, Review, Section, Stamp, Years,
};
use crate::model::{ImportOutcome, Revision, RevisionSource};

impl Store {
    /// Texts edited in the program since they were imported are kept (and named in the
    /// outcome): a document read again never undoes someone's work.
    pub fn import(&self, report: &Report, actor: &Actor, now: Stamp) -> Result<ImportOutcome, StoreError> {
        self.import_with(report, (actor, now), false)
    }

    /// `replace_edited`: the document's texts win even over those edited in the program.
    pub fn import_with(
        &self,
        report: &Report,
        (actor, now): (&Actor, Stamp),
        replace_edited: bool,
    ) -> Result<ImportOutcome, StoreError> {
        let _writer = self.lock_writer();
        let mut changes = Changes::default();
        let years = report.plan_years().ok_or(StoreError::PlanYearsUnknown)?;
        let stored = self.plan_for(report, years)?;
        let plan_created = stored.is_none();
        let mut plan = stored.unwrap_or_else(|| self.new_plan(report, years));
        let mut outcome = ImportOutcome {
            period: report.period.map(|p| p.to_string()).unwrap_or_default(),
            years: plan_years_phrase(plan.years.first.min(years.first), plan.years.last.max(years.last)),
            plan_created,
            ..Default::default()
        };
        let row_ids = self.merge_items(plan.id, report, &mut changes, &mut outcome)?;
        let before = plan.clone();
        merge_plan(&mut plan, report, years, &row_ids);
        if plan_created || plan != before {
            changes.put(TreeId::Plans, &keys::plan(plan.id), &plan)?;
        }
        if let Some(period) = report.period {
            if self.period(period)?.is_none() {
                changes.put(
                    TreeId::Periods,
                    &keys::period(period),
                    &Period::new(period, report.period_title.clone()),
                )?;
                outcome.period_created = true;
            }
            let merge = Merge { period, replace_edited, by: (actor, now) };
            self.merge_entries(&merge, report, &row_ids, &mut changes, &mut outcome)?;
        }
        self.commit(changes)?;
        Ok(outcome)
    }

    /// The stored plan this document belongs to, if any: the one its years fall in (it must
    /// be the same plan), else one of the same organisation and act that can take its years.
    fn plan_for(&self, report: &Report, years: Years) -> Result<Option<Plan>, StoreError> {
        let plans = self.plans()?;
        let overlapping: Vec<&Plan> = plans.iter().filter(|p| p.years.overlaps(years)).collect();
        match overlapping.as_slice() {
            [plan] => {
                self.check_same_plan(plan, report)?;
                let merged = Years { first: plan.years.first.min(years.first), last: plan.years.last.max(years.last) };
                if plans.iter().any(|p| p.id != plan.id && p.years.overlaps(merged)) {
                    return Err(StoreError::PlanOverlap { years: plan_years_phrase(years.first, years.last) });
                }
                Ok(Some((*plan).clone()))
            }
            [] => Ok(self.extendable(&plans, report, years)),
            _ => Err(StoreError::PlanOverlap { years: plan_years_phrase(years.first, years.last) }),
        }
    }

    /// A plan of the same organisation and act whose years can grow to hold the document's
    /// (a 2022 report of a plan stored from its 2021 report).
    fn extendable(&self, plans: &[Plan], report: &Report, years: Years) -> Option<Plan> {
        let named = !report.organisation.is_empty() && !report.approved_by.is_empty();
        let candidate = plans.iter().find(|p| named && same_header(p, report))?;
        let merged =
            Years { first: candidate.years.first.min(years.first), last: candidate.years.last.max(years.last) };
        let free = plans.iter().all(|p| p.id == candidate.id || !p.years.overlaps(merged));
        free.then(|| candidate.clone())
    }

    /// The same plan: the same organisation and act when both sides name them, else most of
    /// the document's items are the plan's.
    fn check_same_plan(&self, plan: &Plan, report: &Report) -> Result<(), StoreError> {
        let named = |o: &str, a: &str| !o.trim().is_empty() && !a.trim().is_empty();
        let same = if named(&plan.organisation, &plan.approved_by) && named(&report.organisation, &report.approved_by) {
            same_header(plan, report)
        } else {
            let items = self.items(plan.id)?;
            let known = report.rows.iter().filter(|r| find_item(&items, &r.point, &r.title).is_some()).count();
            items.is_empty() || known * 2 >= report.rows.len().min(items.len()).max(1)
        };
        if same {
            return Ok(());
        }
        Err(StoreError::PlanMismatch {
            years: plan_years_phrase(plan.years.first, plan.years.last),
            stored: format!("{} — {}", plan.organisation, plan.approved_by),
            imported: format!("{} — {}", report.organisation, report.approved_by),
        })
    }

    /// A new plan's id is its first year, unless another plan (whose years moved) holds it.
    fn new_plan(&self, report: &Report, years: Years) -> Plan {
        let taken: Vec<PlanId> = self.plans().map(|ps| ps.iter().map(|p| p.id).collect()).unwrap_or_default();
        let id = (years.first..).map(PlanId).find(|id| !taken.contains(id)).unwrap_or(PlanId(years.first));
        Plan {
            id,
            years,
            organisation: String::new(),
            approved_by: String::new(),
            title_lines: report.title_lines.clone(),
            sections: Vec::new(),
            columns: Vec::new(),
            signed_by: String::new(),
            executor: String::new(),
        }
    }

    /// Items matched by point, then by title (updated where the document has their columns),
    /// or added; the id of each row.
    fn merge_items(
        &self,
        plan: PlanId,
        report: &Report,
        changes: &mut Changes,
        outcome: &mut ImportOutcome,
    ) -> Result<Vec<ItemId>, StoreError> {
        let stored = self.items(plan)?;
        let mut next_id = stored.iter().map(|i| i.id.0 + 1).max().unwrap_or(1);
        let mut row_ids = Vec::with_capacity(report.rows.len());
        for row in &report.rows {
            let (item, added) = match find_item(&stored, &row.point, &row.title) {
                Some(item) => (item.clone(), false),
                None => {
                    next_id += 1;
                    (new_item(ItemId(next_id - 1), &row.point), true)
                }
            };
            let updated = updated_item(&item, row, report);
            if added || updated != item {
                changes.put(TreeId::Items, &keys::item(plan, item.id), &updated)?;
                if added {
                    outcome.items_added += 1;
                } else {
                    outcome.items_updated += 1;
                }
            }
            row_ids.push(item.id);
        }
        Ok(row_ids)
    }

    /// Entries that differ from the stored ones become new revisions; an empty cell never
    /// erases a stored text, nor does a document undo an edit made in the program (unless
    /// told to).
    fn merge_entries(
        &self,
        merge: &Merge<'_>,
        report: &Report,
        row_ids: &[ItemId],
        changes: &mut Changes,
        outcome: &mut ImportOutcome,
    ) -> Result<(), StoreError> {
        let (period, (actor, now)) = (merge.period, merge.by);
        let stored: HashMap<ItemId, Entry> = self.entries(period)?.into_iter().collect();
        for (row, id) in report.rows.iter().zip(row_ids) {
            let old = stored.get(id);
            let row_empty = row.info.trim().is_empty() && row.assessment.trim().is_empty();
            match old {
                Some(e) if e.same_text(&row.info, &row.assessment) => continue,
                None if row_empty => continue,
                Some(_) if row_empty => {
                    outcome.entries_kept += 1;
                    continue;
                }
                Some(_) if !merge.replace_edited && self.edited_here(period, *id)? => {
                    outcome.edited_kept.push(strip_number_dot(&row.point).to_owned());
                    continue;
                }
                _ => {}
            }
            let revision = old.map_or(0, |e| e.revision) + 1;
            let entry = Entry {
                info: row.info.clone(),
                assessment: row.assessment.clone(),
                changed_by: actor.name.clone(),
                changed_at: now,
                revision,
                review: Review::Open,
                carried_from: None,
            };
            let record = Revision {
                revision,
                by: actor.name.clone(),
                at: now,
                info: entry.info.clone(),
                assessment: entry.assessment.clone(),
                source: RevisionSource::Import,
            };
            changes.put_entry(period, *id, &entry)?;
            changes.put(TreeId::History, &keys::revision(period, *id, revision), &record)?;
            outcome.entries_changed += 1;
        }
        Ok(())
    }

    /// Whether an entry's current text was written in the program (an edit or a restore),
    /// not by a document or a carry-over.
    fn edited_here(&self, period: PeriodId, id: ItemId) -> Result<bool, StoreError> {
        let last = self.history(period, id)?.pop();
        Ok(last.is_some_and(|r| matches!(r.source, RevisionSource::Edit | RevisionSource::Restore)))
    }
}

/// How a document's texts go into a period.
struct Merge<'a> {
    period: PeriodId,
    replace_edited: bool,
    by: (&'a Actor, Stamp),
}

/// "2020 год", "2021–2024 годы", as messages name a plan's years.
pub(crate) fn plan_years_phrase(first: i32, last: i32) -> String {
    crate::i18n::years_phrase(first, last)
}

fn new_item(id: ItemId, point: &str) -> Item {
    Item {
        id,
        seq: String::new(),
        point: point.to_owned(),
        title: String::new(),
        deadline_text: String::new(),
        schedule_override: None,
        responsible: String::new(),
        extra: Vec::new(),
    }
}

/// The stored item with what the document says of it; a column the document does not have
/// leaves the item's value as it was.
fn updated_item(item: &Item, row: &crate::domain::ReportRow, report: &Report) -> Item {
    let mut updated = Item {
        seq: row.seq.clone(),
        title: row.title.clone(),
        deadline_text: row.deadline_text.clone(),
        ..item.clone()
    };
    if report.has(Field::Responsible) {
        updated.responsible = row.responsible.clone();
    }
    if report.has(Field::Extra) {
        updated.extra = row.extra.clone();
    }
    updated
}

/// An item by its point ("5." and "5" are one), else by its title.
fn find_item<'a>(items: &'a [Item], point: &str, title: &str) -> Option<&'a Item> {
    let key = point_key(point);
    let folded = fold(title);
    items
        .iter()
        .find(|i| point_key(&i.point) == key)
        .or_else(|| items.iter().find(|i| !folded.is_empty() && fold(&i.title) == folded))
}

/// Points compare without the trailing dot and spaces: "5." and "5" are one item.
fn point_key(point: &str) -> String {
    strip_number_dot(point).replace(' ', "")
}

/// Same organisation and approving act, ignoring case, ё/е and spacing; two wordings of an
/// act with the same date and number are one act («постановлением … от 28.12.2020 № 2450»
/// in a plan's approval block, «Постановление … от 28.12.2020 № 2450 «Об утверждении …»» in a
/// report's header).
fn same_header(plan: &Plan, report: &Report) -> bool {
    let same_act = match (act_key(&plan.approved_by), act_key(&report.approved_by)) {
        (Some(a), Some(b)) => a == b,
        _ => fold(&plan.approved_by) == fold(&report.approved_by),
    };
    fold(&plan.organisation) == fold(&report.organisation) && same_act
}

/// An act's date and number: "28.12.2020" and "01-2450-а" of "… от 28.12.2020г. № 01-2450-а …".
fn act_key(act: &str) -> Option<(String, String)> {
    let folded = fold(act);
    let (before, after) = folded.split_once('№')?;
    let number: String =
        after.trim_start().chars().take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.')).collect();
    let number = number.trim_end_matches('.').to_owned();
    let date = before.split_whitespace().rev().find_map(|word| {
        let digits = word.trim_end_matches(|c: char| !c.is_ascii_digit());
        let parts: Vec<&str> = digits.split('.').collect();
        (parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())))
            .then(|| digits.to_owned())
    })?;
    (!number.is_empty()).then_some((date, number))
}

/// What the document adds to the plan: the header fields it lacks, its years, its columns
/// and sections; a report's title lines when the plan has only a plan's.
fn merge_plan(plan: &mut Plan, report: &Report, years: Years, row_ids: &[ItemId]) {
    if plan.organisation.trim().is_empty() {
        plan.organisation = report.organisation.clone();
    }
    if plan.approved_by.trim().is_empty() {
        plan.approved_by = report.approved_by.clone();
    }
    if plan.signed_by.trim().is_empty() {
        plan.signed_by = report.signed_by.clone();
    }
    if plan.executor.trim().is_empty() {
        plan.executor = report.executor.clone();
    }
    plan.years = Years { first: plan.years.first.min(years.first), last: plan.years.last.max(years.last) };
    if plan.title_lines.is_empty() || (report.period.is_some() && !report.title_lines.is_empty()) {
        plan.title_lines = report.title_lines.clone();
    }
    plan.columns = merge_columns(&plan.columns, &report.columns);
    let sections: Vec<Section> = report
        .sections
        .iter()
        .filter_map(|(row, title)| row_ids.get(*row).map(|id| Section { before: *id, title: title.clone() }))
        .collect();
    if !sections.is_empty() {
        plan.sections = sections;
    }
}

/// The document's columns, with the plan's columns it lacks kept where they stood (after
/// the column that came before them), and the report's two text columns at the end when
/// neither has them.
pub(crate) fn merge_columns(stored: &[Column], document: &[Column]) -> Vec<Column> {
    let same = |a: &Column, b: &Column| a.field == b.field && (a.field != Field::Extra || a.caption == b.caption);
    let mut out: Vec<Column> = document.to_vec();
    for (i, column) in stored.iter().enumerate() {
        if out.iter().any(|c| same(c, column)) {
            continue;
        }
        let after = stored[..i].iter().rev().find_map(|prev| out.iter().position(|c| same(c, prev)));
        out.insert(after.map_or(0, |p| p + 1), column.clone());
    }
    for field in [Field::Info, Field::Assessment] {
        if !out.iter().any(|c| c.field == field) {
            let caption = crate::domain::form::caption_of(field).unwrap_or_default();
            out.push(Column { field, caption: caption.to_owned() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::act_key;

    #[test]
    fn an_act_is_known_by_its_date_and_number() {
        let key = |d: &str, n: &str| Some((d.to_owned(), n.to_owned()));
        assert_eq!(
            act_key("постановлением администрации района от 28.12.2020 № 01-2450-а"),
            key("28.12.2020", "01-2450-а")
        );
        assert_eq!(
            act_key(
                "Постановление Администрации Серовского городского округа от 05.02.2020г. №130 «Об утверждении Плана»"
            ),
            key("05.02.2020", "130")
        );
        assert_eq!(act_key("Распоряжение от 1.02.2021 № 15-р."), key("1.02.2021", "15-р"));
        assert_eq!(act_key("Постановление №1 «О плане»"), None, "no date");
        assert_eq!(act_key("Постановление от 28.12.2020"), None, "no number");
    }
}
