//! The server's daily backups: `<store>/backups/otchet-YYYY-MM-DD.json`, written when the
//! server starts (replacing that day's) and when the day changes; the newest `keep_days`
//! days are kept, older ones removed. Each is the backup format of `formats::backup`.

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeDelta};

use crate::formats::ExportError;
use crate::formats::backup::BackupWriter;
use crate::model::DumpPart;
use crate::store::{BetweenParts, Store, StoreError};

pub const DIR_NAME: &str = "backups";

#[derive(Clone, Debug)]
pub struct Policy {
    /// `<store>/backups`.
    pub dir: PathBuf,
    /// How many days of backups are kept; at least 1 (0 turns backups off before this).
    pub keep_days: u32,
}

impl Policy {
    /// `None` when `keep_days` is 0: no backups.
    pub fn for_store(store: &Path, keep_days: u32) -> Option<Policy> {
        (keep_days > 0).then(|| Policy { dir: store.join(DIR_NAME), keep_days })
    }
}

pub fn file_name(day: NaiveDate) -> String {
    format!("otchet-{}.json", day.format("%Y-%m-%d"))
}

fn day_of(name: &str) -> Option<NaiveDate> {
    let date = name.strip_prefix("otchet-")?.strip_suffix(".json")?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// Writes the day's backup and prunes the old ones. `Ok(None)`: the store holds no plan,
/// so there is nothing to back up.
pub fn write_daily(store: &Store, policy: &Policy, today: NaiveDate) -> Result<Option<PathBuf>, String> {
    if store.is_empty().map_err(|e| e.to_string())? {
        return Ok(None);
    }
    // 0770 and 0660 less the server's umask: private (0700, 0600) unless the store is a
    // staff group's.
    match std::fs::DirBuilder::new().mode(0o770).create(&policy.dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(format!("{}: {}", policy.dir.display(), crate::i18n::os_error(&e))),
    }
    // A `backups` link planted by a group member would take the backups, and the pruning,
    // into another folder.
    crate::safe_fs::own_folder(&policy.dir).map_err(|e| crate::i18n::os_error(&e))?;
    let path = policy.dir.join(file_name(today));
    let mut backup = BackupWriter::create(&path).map_err(|e| e.to_string())?;
    let mut bytes = 0;
    super::memory::give_back(store, super::memory::GiveBack::BeforeDump);
    let mut take = |part: DumpPart, between: &BetweenParts<'_>| -> Result<(), Said> {
        bytes += part.weight();
        backup.part(part)?;
        if bytes >= super::parts::DUMP_FRAME_BYTES {
            super::memory::give_back_with(|| between.release_memory(), super::memory::GiveBack::BetweenDumpFrames);
            bytes = 0;
        }
        Ok(())
    };
    store.dump_to(&mut take).map_err(|Said(e)| e)?;
    backup.save(0o660, &crate::clock::local_rfc3339()).map_err(|e| e.to_string())?;
    prune(policy, today);
    Ok(Some(path))
}

/// A backup's failure, from the store or the file, as the log says it.
struct Said(String);

impl From<StoreError> for Said {
    fn from(e: StoreError) -> Self {
        Said(e.to_string())
    }
}

impl From<ExportError> for Said {
    fn from(e: ExportError) -> Self {
        Said(e.to_string())
    }
}

/// Removes the backups older than the kept days; other files in the folder stay.
pub fn prune(policy: &Policy, today: NaiveDate) -> Vec<PathBuf> {
    let oldest_kept = today - TimeDelta::days(i64::from(policy.keep_days.max(1)) - 1);
    let mut removed = Vec::new();
    let Ok(entries) = std::fs::read_dir(&policy.dir) else { return removed };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(day) = name.to_str().and_then(day_of) else { continue };
        if day < oldest_kept && std::fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_pruning_keep_the_newest_days_and_other_files() {
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        assert_eq!(file_name(day("2026-04-03")), "otchet-2026-04-03.json");
        assert_eq!(day_of("otchet-2026-04-03.json"), Some(day("2026-04-03")));
        assert_eq!(day_of("otchet-2026-04-03.json.part"), None);
        let dir = tempfile::tempdir().unwrap();
        let policy = Policy { dir: dir.path().to_path_buf(), keep_days: 3 };
        for d in ["2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02"] {
            std::fs::write(dir.path().join(file_name(day(d))), "{}").unwrap();
        }
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let mut removed = prune(&policy, day("2026-04-02"));
        removed.sort();
        assert_eq!(removed, [dir.path().join("otchet-2026-03-30.json")]);
        let mut left: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        assert_eq!(left, ["notes.txt", "otchet-2026-03-31.json", "otchet-2026-04-01.json", "otchet-2026-04-02.json"]);
        assert!(Policy::for_store(dir.path(), 0).is_none());
    }
}
