use std::fmt;
use std::path::{Path, PathBuf};

use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StoreError {
    /// Another process has the store open (sled allows one).
    Locked {
        path: PathBuf,
    },
    Open {
        path: PathBuf,
        detail: String,
    },
    Corrupt {
        path: PathBuf,
        tree: String,
        detail: String,
    },
    /// The store was written by a newer otchet; it is left untouched.
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    NewerRecord {
        path: PathBuf,
        tree: String,
        detail: String,
    },
    Write {
        detail: String,
    },
    /// An import of a plan for a year that already holds a different plan.
    /// A document of years that a stored plan of another organisation or act covers.
    PlanMismatch {
        /// The stored plan's years, as a phrase ("2020 год", "2021–2024 годы").
        years: String,
        stored: String,
        imported: String,
    },
    /// A plan document that names no years, and none were given.
    PlanYearsUnknown,

    /// The document's years reach into more than one stored plan.
    PlanOverlap {
        years: String,
    },
    /// New years for a plan would leave some of its periods outside it.
    PeriodsOutsideYears {
        years: String,
        periods: String,
    },
    /// New years for a plan that another plan of the store has.
    YearsTaken {
        years: String,
    },
    UnknownPlan {
        id: i32,
    },
    /// Texts to carry over from a period of another plan.
    OtherPlan {
        from: String,
        to: String,
    },
    /// A period to close has an entry written, imported or reviewed.
    PeriodTouched {
        period: String,
        point: String,
    },
    /// A period to close has someone's draft in it.
    PeriodDrafted {
        period: String,
    },
    /// A period to open that no plan's years hold.
    NoPlanFor {
        period: String,
    },
    UnknownPeriod {
        period: String,
    },
    UnknownItem {
        point: String,
    },
    /// A dump (JSON export, backup) loads only into an empty store.
    NotEmpty {
        path: PathBuf,
    },
    NewerDump {
        found: u32,
        supported: u32,
    },
    /// The store's files cannot be read back (sled found them damaged, or failed on them).
    Damaged {
        path: PathBuf,
        detail: String,
        /// Refused before sled opened the files. Otherwise sled's recovery may already have
        /// rewritten what it could not read.
        untouched: bool,
    },
    /// The disk cannot take a change: refused before anything was applied.
    DiskFull {
        path: PathBuf,
        free_kib: u64,
        needed_kib: u64,
    },
    /// The store's file system is mounted read-only.
    ReadOnly {
        path: PathBuf,
    },
    /// A write failed after sled applied it in memory: the store takes no more requests,
    /// so that nobody is shown what the disk may not hold.
    Stopped {
        path: PathBuf,
        detail: String,
    },
    /// The store's folder was deleted or replaced under the server.
    FolderGone {
        path: PathBuf,
    },
}

impl StoreError {
    pub(crate) fn from_open(path: &Path, e: sled::Error) -> StoreError {
        let detail = sled_detail(&e);
        // sled says so in its own words only.
        if e.to_string().contains("could not acquire lock") {
            StoreError::Locked { path: path.to_path_buf() }
        } else if matches!(
            e,
            sled::Error::Corruption { .. } | sled::Error::ReportableBug(_) | sled::Error::Unsupported(_)
        ) {
            // Unsupported: sled reads its `conf` file as one of another sled version.
            StoreError::Damaged { path: path.to_path_buf(), detail, untouched: false }
        } else {
            StoreError::Open { path: path.to_path_buf(), detail }
        }
    }

    /// True for errors caused by what the user asked for, not by the program or the disk.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            StoreError::PlanMismatch { .. }
                | StoreError::PlanYearsUnknown
                | StoreError::PlanOverlap { .. }
                | StoreError::PeriodsOutsideYears { .. }
                | StoreError::YearsTaken { .. }
                | StoreError::UnknownPlan { .. }
                | StoreError::NoPlanFor { .. }
                | StoreError::OtherPlan { .. }
                | StoreError::PeriodTouched { .. }
                | StoreError::PeriodDrafted { .. }
                | StoreError::UnknownPeriod { .. }
                | StoreError::UnknownItem { .. }
                | StoreError::NotEmpty { .. }
                | StoreError::NewerDump { .. }
        )
    }
}

/// What sled said, for a message in the user's language (sled's own words are English,
/// and its corruption error's `Display` adds an empty backtrace).
pub(crate) fn sled_detail(e: &sled::Error) -> String {
    match e {
        sled::Error::Corruption { at: Some(at), .. } => tr!("store-sled-corruption-at", at = at.lid().to_string()),
        sled::Error::Corruption { at: None, .. } => tr!("store-sled-corruption"),
        sled::Error::Io(e) => crate::i18n::os_error(e),
        // sled reads its `conf` file as one of another sled version.
        sled::Error::Unsupported(_) => tr!("store-sled-unsupported"),
        _ => tr!("store-sled-failed"),
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            StoreError::Locked { path } => tr!("store-locked", path = path.display().to_string()),
            StoreError::Open { path, detail } => {
                tr!("store-open-failed", path = path.display().to_string(), detail = detail)
            }
            StoreError::Corrupt { path, tree, detail } => {
                tr!("store-corrupt", path = path.display().to_string(), tree = tree, detail = detail)
            }
            StoreError::Damaged { path, detail, untouched: true } => {
                tr!("store-damaged", path = path.display().to_string(), detail = detail)
            }
            StoreError::Damaged { path, detail, untouched: false } => {
                tr!("store-damaged-files", path = path.display().to_string(), detail = detail)
            }
            StoreError::NewerSchema { path, found, supported } => {
                tr!("store-newer-schema", path = path.display().to_string(), found = *found, supported = *supported)
            }
            StoreError::NewerRecord { path, tree, detail } => {
                tr!("store-newer-record", path = path.display().to_string(), tree = tree, detail = detail)
            }
            StoreError::Write { detail } => tr!("store-write-failed", detail = detail),
            StoreError::PlanMismatch { years, stored, imported } => {
                tr!("store-plan-mismatch", years = years, stored = stored, imported = imported)
            }
            StoreError::PlanYearsUnknown => tr!("store-plan-years-unknown"),
            StoreError::PlanOverlap { years } => tr!("store-plan-overlap", years = years),
            StoreError::PeriodsOutsideYears { years, periods } => {
                tr!("store-periods-outside-years", years = years, periods = periods)
            }
            StoreError::UnknownPlan { id } => tr!("store-unknown-plan", id = *id),
            StoreError::NoPlanFor { period } => tr!("store-no-plan-for", period = period),
            StoreError::OtherPlan { from, to } => tr!("store-other-plan", from = from, to = to),
            StoreError::PeriodTouched { period, point } => tr!("store-period-touched", period = period, point = point),
            StoreError::PeriodDrafted { period } => tr!("store-period-drafted", period = period),
            StoreError::YearsTaken { years } => tr!("store-years-taken", years = years),
            StoreError::UnknownPeriod { period } => tr!("store-unknown-period", period = period),
            StoreError::NotEmpty { path } => tr!("store-not-empty", path = path.display().to_string()),
            StoreError::NewerDump { found, supported } => {
                tr!("store-newer-dump", found = *found, supported = *supported)
            }
            StoreError::UnknownItem { point } => tr!("store-unknown-item", point = point),
            StoreError::DiskFull { path, free_kib, needed_kib } => {
                tr!("store-disk-full", path = path.display().to_string(), free = *free_kib, needed = *needed_kib)
            }
            StoreError::ReadOnly { path } => tr!("store-read-only", path = path.display().to_string()),
            StoreError::Stopped { path, detail } => {
                tr!("store-stopped", path = path.display().to_string(), detail = detail)
            }
            StoreError::FolderGone { path } => format!("{}: {}", path.display(), tr!("store-folder-gone")),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {}
