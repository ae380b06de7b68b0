//! What an admin changes of a plan by hand: its header fields, its years, the closing block
//! of its reports, and who answers for an item.

use super::import::plan_years_phrase;
use super::{Changes, Store, StoreError, TreeId, keys};
use crate::domain::{Item, ItemId, Plan, PlanId};
use crate::model::{PlanChange, PlanInfo};

impl Store {
    /// Every plan, with how many items it has and its periods.
    pub fn plan_infos(&self) -> Result<Vec<PlanInfo>, StoreError> {
        let periods = self.periods()?;
        let mut out = Vec::new();
        for plan in self.plans()? {
            let items = self.item_count(plan.id)?;
            let periods = periods.iter().map(|p| p.id).filter(|id| plan.years.contains_period(*id)).collect();
            out.push(PlanInfo { plan, items, periods });
        }
        Ok(out)
    }

    /// Changes a plan's fields. New years must not meet another plan's, and must keep every
    /// period the plan has.
    pub fn change_plan(&self, id: PlanId, change: &PlanChange) -> Result<Plan, StoreError> {
        let _writer = self.lock_writer();
        let plans = self.plans()?;
        let plan = plans.iter().find(|p| p.id == id).ok_or(StoreError::UnknownPlan { id: id.0 })?;
        let changed = change.applied_to(plan);
        if changed == *plan {
            return Ok(changed);
        }
        let years = changed.years;
        if plans.iter().any(|p| p.id != id && p.years.overlaps(years)) {
            return Err(StoreError::YearsTaken { years: plan_years_phrase(years.first, years.last) });
        }
        let lost: Vec<String> = self
            .periods()?
            .iter()
            .filter(|p| plan.years.contains_period(p.id) && !years.contains_period(p.id))
            .map(|p| p.id.to_string())
            .collect();
        if !lost.is_empty() {
            let years = plan_years_phrase(years.first, years.last);
            return Err(StoreError::PeriodsOutsideYears { years, periods: lost.join(", ") });
        }
        let mut changes = Changes::default();
        changes.put(TreeId::Plans, &keys::plan(id), &changed)?;
        self.commit(changes)?;
        Ok(changed)
    }

    /// Sets who answers for an item, as the plan would write it.
    pub fn set_responsible(&self, plan: PlanId, id: ItemId, responsible: &str) -> Result<Item, StoreError> {
        let _writer = self.lock_writer();
        let mut item = self.item(plan, id)?.ok_or_else(|| StoreError::UnknownItem { point: format!("#{}", id.0) })?;
        let responsible = responsible.trim();
        if item.responsible == responsible {
            return Ok(item);
        }
        item.responsible = responsible.to_owned();
        let mut changes = Changes::default();
        changes.put(TreeId::Items, &keys::item(plan, id), &item)?;
        self.commit(changes)?;
        Ok(item)
    }
}
