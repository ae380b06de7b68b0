//! Merging one period's report into the store: the plan is created or matched, items
//! are matched by their point number, and entries that differ become new revisions.
//! Everything is computed first and committed in one transaction, so a failed import
//! writes nothing, and importing the same report again writes nothing at all.

use std::collections::HashMap;

use super::{Changes, Store, StoreError, TreeId, keys};
use crate::domain::plan::strip_number_dot;
use crate::domain::text::fold;
use crate::domain::{Actor, Entry, Item, ItemId, Period, Plan, Report, Section, Stamp};
use crate::model::{ImportOutcome, Revision, RevisionSource};

impl Store {
    pub fn import(&self, report: &Report, actor: &Actor, now: Stamp) -> Result<ImportOutcome, StoreError> {
        let _writer = self.lock_writer();
        let year = report.year();
        let mut changes = Changes::default();
        let mut outcome = ImportOutcome { period: report.period.to_string(), ..Default::default() };

        let stored_plan = self.plan(year)?;
        if let Some(plan) = &stored_plan
            && !same_plan(plan, report)
        {
            return Err(StoreError::PlanMismatch {
                year,
                stored: format!("{} — {}", plan.organisation, plan.approved_by),
                imported: format!("{} — {}", report.organisation, report.approved_by),
            });
        }
        let row_ids = self.merge_items(report, &mut changes, &mut outcome)?;
        merge_plan(stored_plan.as_ref(), report, &row_ids, &mut changes, &mut outcome)?;
        if self.period(report.period)?.is_none() {
            let period = Period { id: report.period, title: report.period_title.clone() };
            changes.put(TreeId::Periods, &keys::period(report.period), &period)?;
            outcome.period_created = true;
        }
        self.merge_entries(report, &row_ids, actor, now, &mut changes, &mut outcome)?;
        self.commit(changes)?;
        Ok(outcome)
    }

    /// Items matched by point (updated when their texts differ) or added; the id of each row.
    fn merge_items(
        &self,
        report: &Report,
        changes: &mut Changes,
        outcome: &mut ImportOutcome,
    ) -> Result<Vec<ItemId>, StoreError> {
        let year = report.year();
        let stored_items = self.items(year)?;
        let by_point: HashMap<String, &Item> = stored_items.iter().map(|i| (point_key(&i.point), i)).collect();
        let mut next_id = stored_items.iter().map(|i| i.id.0 + 1).max().unwrap_or(1);
        let mut row_ids = Vec::with_capacity(report.rows.len());
        for row in &report.rows {
            let id = match by_point.get(&point_key(&row.point)) {
                Some(item) => {
                    let updated = Item {
                        seq: row.seq.clone(),
                        title: row.title.clone(),
                        deadline_text: row.deadline_text.clone(),
                        ..(*item).clone()
                    };
                    if updated != **item {
                        changes.put(TreeId::Items, &keys::item(year, item.id), &updated)?;
                        outcome.items_updated += 1;
                    }
                    item.id
                }
                None => {
                    let id = ItemId(next_id);
                    next_id += 1;
                    let item = Item {
                        id,
                        seq: row.seq.clone(),
                        point: row.point.clone(),
                        title: row.title.clone(),
                        deadline_text: row.deadline_text.clone(),
                        schedule_override: None,
                        responsible: String::new(),
                    };
                    changes.put(TreeId::Items, &keys::item(year, id), &item)?;
                    outcome.items_added += 1;
                    id
                }
            };
            row_ids.push(id);
        }
        Ok(row_ids)
    }

    /// Entries that differ from the stored ones become new revisions; an empty cell never
    /// erases a stored text.
    fn merge_entries(
        &self,
        report: &Report,
        row_ids: &[ItemId],
        actor: &Actor,
        now: Stamp,
        changes: &mut Changes,
        outcome: &mut ImportOutcome,
    ) -> Result<(), StoreError> {
        let stored_entries: HashMap<ItemId, Entry> = self.entries(report.period)?.into_iter().collect();
        for (row, id) in report.rows.iter().zip(row_ids) {
            let old = stored_entries.get(id);
            let row_empty = row.info.trim().is_empty() && row.assessment.trim().is_empty();
            match old {
                Some(e) if e.same_text(&row.info, &row.assessment) => continue,
                None if row_empty => continue,
                Some(_) if row_empty => {
                    outcome.entries_kept += 1;
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
            };
            let record = Revision {
                revision,
                by: actor.name.clone(),
                at: now,
                info: entry.info.clone(),
                assessment: entry.assessment.clone(),
                source: RevisionSource::Import,
            };
            changes.put(TreeId::Entries, &keys::entry(report.period, *id), &entry)?;
            changes.put(TreeId::History, &keys::revision(report.period, *id, revision), &record)?;
            outcome.entries_changed += 1;
        }
        Ok(())
    }
}

/// The plan itself: created with the report's header, or given the report's sections.
fn merge_plan(
    stored: Option<&Plan>,
    report: &Report,
    row_ids: &[ItemId],
    changes: &mut Changes,
    outcome: &mut ImportOutcome,
) -> Result<(), StoreError> {
    let sections: Vec<Section> = report
        .sections
        .iter()
        .filter_map(|(row, title)| row_ids.get(*row).map(|id| Section { before: *id, title: title.clone() }))
        .collect();
    let plan = match stored {
        None => {
            outcome.plan_created = true;
            Some(Plan {
                year: report.year(),
                organisation: report.organisation.clone(),
                approved_by: report.approved_by.clone(),
                title_lines: report.title_lines.clone(),
                sections,
            })
        }
        Some(p) if !sections.is_empty() && sections != p.sections => Some(Plan { sections, ..p.clone() }),
        Some(_) => None,
    };
    if let Some(plan) = plan {
        changes.put(TreeId::Plans, &keys::year(plan.year), &plan)?;
    }
    Ok(())
}

/// Points compare without the trailing dot and spaces: "5." and "5" are one item.
fn point_key(point: &str) -> String {
    strip_number_dot(point).replace(' ', "")
}

/// Same organisation and approving act, ignoring case, ё/е and spacing.
fn same_plan(plan: &Plan, report: &Report) -> bool {
    fold(&plan.organisation) == fold(&report.organisation) && fold(&plan.approved_by) == fold(&report.approved_by)
}
