//! A plan as `otchet plan show` and the TUI's start screen list it, and what an admin may
//! change of it.

use serde::{Deserialize, Serialize};

use crate::domain::{PeriodId, Plan, Years};

/// A stored plan with how many items it has and its periods, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanInfo {
    pub plan: Plan,
    pub items: usize,
    pub periods: Vec<PeriodId>,
}

/// The fields of a plan to change; `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanChange {
    pub organisation: Option<String>,
    pub approved_by: Option<String>,
    pub years: Option<Years>,
    pub signed_by: Option<String>,
    pub executor: Option<String>,
}

impl PlanChange {
    pub fn is_empty(&self) -> bool {
        self == &PlanChange::default()
    }

    /// The plan with the change made.
    pub fn applied_to(&self, plan: &Plan) -> Plan {
        let pick =
            |new: &Option<String>, old: &String| new.as_ref().map_or_else(|| old.clone(), |s| s.trim().to_owned());
        Plan {
            organisation: pick(&self.organisation, &plan.organisation),
            approved_by: pick(&self.approved_by, &plan.approved_by),
            years: self.years.unwrap_or(plan.years),
            signed_by: pick(&self.signed_by, &plan.signed_by),
            executor: pick(&self.executor, &plan.executor),
            ..plan.clone()
        }
    }
}
