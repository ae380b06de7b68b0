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
    PlanMismatch {
        year: i32,
        stored: String,
        imported: String,
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
}

impl StoreError {
    pub(crate) fn from_open(path: &Path, e: sled::Error) -> StoreError {
        let detail = e.to_string();
        if detail.contains("could not acquire lock") {
            StoreError::Locked { path: path.to_path_buf() }
        } else {
            StoreError::Open { path: path.to_path_buf(), detail }
        }
    }

    /// True for errors caused by what the user asked for, not by the program or the disk.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            StoreError::PlanMismatch { .. }
                | StoreError::UnknownPeriod { .. }
                | StoreError::UnknownItem { .. }
                | StoreError::NotEmpty { .. }
                | StoreError::NewerDump { .. }
        )
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
            StoreError::NewerSchema { path, found, supported } => {
                tr!("store-newer-schema", path = path.display().to_string(), found = *found, supported = *supported)
            }
            StoreError::NewerRecord { path, tree, detail } => {
                tr!("store-newer-record", path = path.display().to_string(), tree = tree, detail = detail)
            }
            StoreError::Write { detail } => tr!("store-write-failed", detail = detail),
            StoreError::PlanMismatch { year, stored, imported } => {
                tr!("store-plan-mismatch", year = *year, stored = stored, imported = imported)
            }
            StoreError::UnknownPeriod { period } => tr!("store-unknown-period", period = period),
            StoreError::NotEmpty { path } => tr!("store-not-empty", path = path.display().to_string()),
            StoreError::NewerDump { found, supported } => {
                tr!("store-newer-dump", found = *found, supported = *supported)
            }
            StoreError::UnknownItem { point } => tr!("store-unknown-item", point = point),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {}
