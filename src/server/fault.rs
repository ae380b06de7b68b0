//! A store's failure as a client may be told it: without the server's paths and details,
//! which go to the server's log instead.

use crate::proto::{ApiError, StoreFault};
use crate::store::StoreError;

/// The wire's wording of a store error.
pub fn fault_of(e: &StoreError) -> StoreFault {
    match e {
        StoreError::Locked { .. } | StoreError::Open { .. } | StoreError::Write { .. } => StoreFault::Internal,
        StoreError::Damaged { .. } | StoreError::Corrupt { .. } => StoreFault::Damaged,
        StoreError::NewerSchema { .. } | StoreError::NewerRecord { .. } => StoreFault::NewerData,
        StoreError::DiskFull { free_kib, needed_kib, .. } => {
            StoreFault::DiskFull { free_kib: *free_kib, needed_kib: *needed_kib }
        }
        StoreError::ReadOnly { .. } => StoreFault::ReadOnly,
        StoreError::Stopped { .. } => StoreFault::Stopped,
        StoreError::FolderGone { .. } => StoreFault::FolderGone,
        StoreError::PlanMismatch { years, stored, imported } => {
            StoreFault::PlanMismatch { years: years.clone(), stored: stored.clone(), imported: imported.clone() }
        }
        StoreError::PlanYearsUnknown => StoreFault::PlanYearsUnknown,
        StoreError::PlanOverlap { years } => StoreFault::PlanOverlap { years: years.clone() },
        StoreError::PeriodsOutsideYears { years, periods } => {
            StoreFault::PeriodsOutsideYears { years: years.clone(), periods: periods.clone() }
        }
        StoreError::YearsTaken { years } => StoreFault::YearsTaken { years: years.clone() },
        StoreError::UnknownPlan { id } => StoreFault::UnknownPlan { id: *id },
        StoreError::NoPlanFor { period } => StoreFault::NoPlanFor { period: period.clone() },
        StoreError::OtherPlan { from, to } => StoreFault::OtherPlan { from: from.clone(), to: to.clone() },
        StoreError::PeriodTouched { period, point } => {
            StoreFault::PeriodTouched { period: period.clone(), point: point.clone() }
        }
        StoreError::PeriodDrafted { period } => StoreFault::PeriodDrafted { period: period.clone() },
        StoreError::UnknownPeriod { period } => StoreFault::UnknownPeriod { period: period.clone() },
        StoreError::UnknownItem { point } => StoreFault::UnknownItem { point: point.clone() },
        StoreError::NotEmpty { .. } => StoreFault::NotEmpty,
        StoreError::NewerDump { found, supported } => StoreFault::NewerDump { found: *found, supported: *supported },
    }
}

/// Why a request was not carried out: a refusal to put on the wire as it is, or a store
/// error to log in full and send as its fault.
#[derive(Debug)]
pub enum Refusal {
    Api(ApiError),
    Store(StoreError),
}

impl From<ApiError> for Refusal {
    fn from(e: ApiError) -> Self {
        Refusal::Api(e)
    }
}

impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Self {
        Refusal::Store(e)
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn no_server_path_reaches_the_wire() {
        let path = PathBuf::from("/srv/secret/store");
        let errors = [
            StoreError::Corrupt { path: path.clone(), tree: "entries".into(), detail: "bad /srv/secret/x".into() },
            StoreError::DiskFull { path: path.clone(), free_kib: 1, needed_kib: 2 },
            StoreError::Stopped { path: path.clone(), detail: "/srv/secret".into() },
            StoreError::NotEmpty { path },
        ];
        for e in errors {
            let wire = format!("{:?} {}", fault_of(&e), fault_of(&e));
            assert!(!wire.contains("/srv/secret"), "{wire}");
        }
    }
}
