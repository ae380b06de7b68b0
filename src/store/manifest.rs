//! `otchet.format`, a small text file beside sled's files: the formats the store is written
//! in and how many transactions it has committed. It is read before sled opens anything,
//! so a store written by a newer otchet is refused with its files untouched (sled itself
//! writes to its files on every open); and it is rewritten after every flushed commit, so
//! files that come back with fewer commits than that (sled recovers a damaged log as far as
//! it can read it, silently) are reported as damaged, never shown as an older or empty plan.

use std::path::{Path, PathBuf};

use super::records::{CommitCount, EntryHead, EntryText, SchemaVersion};
use super::{StoreError, schema};
use crate::codec::Record;
use crate::domain::{Item, Period, Plan};
use crate::model::{Draft, Owner, ReviewEvent, Revision, Settings, UserRecord};

pub const FILE: &str = "otchet.format";

/// What the file says; names it does not know (a newer program's) are kept out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    /// (name, version): "layout" for the schema, else a record kind's name.
    pub versions: Vec<(String, u32)>,
    pub commits: u64,
}

fn record<R: Record>() -> (&'static str, u32) {
    (R::KIND.name(), u32::from(R::VERSION))
}

/// The formats this program writes.
fn ours() -> [(&'static str, u32); 15] {
    [
        ("layout", schema::CURRENT),
        record::<SchemaVersion>(),
        record::<Plan>(),
        record::<Item>(),
        record::<Period>(),
        record::<EntryHead>(),
        record::<EntryText>(),
        record::<Revision>(),
        record::<ReviewEvent>(),
        record::<Draft>(),
        record::<Settings>(),
        record::<UserRecord>(),
        record::<Owner>(),
        record::<CommitCount>(),
        record::<super::journal::UndoRecord>(),
    ]
}

pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// `Ok(None)`: no file (a store from before it existed, or a new one).
pub fn read(dir: &Path) -> Result<Option<Manifest>, StoreError> {
    let text = match read_capped(&path(dir)) {
        Ok(Some(text)) => text,
        Ok(None) => {
            let detail = format!("{FILE}: {}", crate::tr!("store-manifest-too-big", bytes = MAX_BYTES));
            return Err(StoreError::Damaged { path: dir.to_path_buf(), detail, untouched: true });
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(StoreError::Open {
                path: dir.to_path_buf(),
                detail: format!("{FILE}: {}", crate::i18n::os_error(&e)),
            });
        }
    };
    let bad = |line: &str| StoreError::Damaged {
        path: dir.to_path_buf(),
        detail: format!("{FILE}: «{}»", quoted(line)),
        untouched: true,
    };
    let mut manifest = Manifest::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (name, value) = line.split_once(' ').ok_or_else(|| bad(line))?;
        if name == "commits" {
            manifest.commits = value.trim().parse().map_err(|_| bad(line))?;
        } else {
            manifest.versions.push((name.to_owned(), value.trim().parse().map_err(|_| bad(line))?));
        }
    }
    Ok(Some(manifest))
}

/// The file is a few lines: more than this is damage, and is not read (or echoed) whole.
const MAX_BYTES: u64 = 64 << 10;

/// The file's text; `Ok(None)` when it is over `MAX_BYTES`.
fn read_capped(path: &Path) -> std::io::Result<Option<String>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    crate::safe_fs::open_for_reading(path)?.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Ok(None);
    }
    String::from_utf8(bytes).map(Some).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// A line of the file as a message may quote it: short, without control characters.
fn quoted(line: &str) -> String {
    const SHOWN: usize = 60;
    let mut shown: String = line.chars().take(SHOWN).map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect();
    if line.chars().nth(SHOWN).is_some() {
        shown.push('…');
    }
    shown
}

/// Refuses a store whose file names a format newer than this program's.
pub fn check_formats(dir: &Path, manifest: &Manifest) -> Result<(), StoreError> {
    let ours = ours();
    for (name, found) in &manifest.versions {
        let Some((_, supported)) = ours.iter().find(|(n, _)| n == name) else {
            // A kind of record this program has never heard of: written by a newer one.
            return Err(StoreError::NewerRecord {
                path: dir.to_path_buf(),
                tree: name.clone(),
                detail: crate::tr!("store-unknown-format", name = quoted(name), found = *found),
            });
        };
        if found > supported {
            return Err(if name == "layout" {
                StoreError::NewerSchema { path: dir.to_path_buf(), found: *found, supported: *supported }
            } else {
                StoreError::NewerRecord {
                    path: dir.to_path_buf(),
                    tree: name.clone(),
                    detail: crate::tr!(
                        "store-newer-format",
                        name = name.as_str(),
                        found = *found,
                        supported = *supported
                    ),
                }
            });
        }
    }
    Ok(())
}

/// Replaces the file (a temporary file renamed over it: never half written). The mode is
/// 0660 less the umask: 0600 in a private store, 0660 in a staff group's.
pub fn write(dir: &Path, commits: u64) -> std::io::Result<()> {
    let mut text = String::from("# otchet: the formats of this store and its commits. Do not edit or delete.\n");
    for (name, version) in ours() {
        text.push_str(&format!("{name} {version}\n"));
    }
    text.push_str(&commits_line(commits));
    crate::safe_fs::replace(&path(dir), text.as_bytes(), 0o660)
}

/// The last line, its number of a fixed width so that it can be rewritten in place.
fn commits_line(commits: u64) -> String {
    format!("commits {commits:020}\n")
}

/// Records one more commit: the number on the last line is overwritten in place (a rename
/// per commit makes ext4 flush the file, which doubled the latency of a save). A file of
/// another shape (an older program's) is replaced whole.
pub fn record_commits(dir: &Path, commits: u64) -> std::io::Result<()> {
    use std::os::unix::fs::FileExt;
    let line = commits_line(commits);
    let written = crate::safe_fs::open_for_writing(&path(dir), false, 0o660).and_then(|file| {
        let len = file.metadata()?.len();
        let at = len.checked_sub(line.len() as u64).ok_or(std::io::ErrorKind::InvalidData)?;
        let mut current = vec![0; line.len()];
        file.read_exact_at(&mut current, at)?;
        if !current.starts_with(b"commits ") {
            return Err(std::io::ErrorKind::InvalidData.into());
        }
        file.write_all_at(line.as_bytes(), at)
    });
    match written {
        Ok(()) => Ok(()),
        Err(_) => write(dir, commits),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commits_are_recorded_in_place() {
        let dir = tempfile::tempdir().unwrap();
        record_commits(dir.path(), 7).unwrap();
        assert_eq!(read(dir.path()).unwrap().unwrap().commits, 7);
        use std::os::unix::fs::MetadataExt;
        let before = std::fs::metadata(path(dir.path())).unwrap();
        record_commits(dir.path(), 123_456).unwrap();
        let after = std::fs::metadata(path(dir.path())).unwrap();
        assert_eq!((before.ino(), before.len()), (after.ino(), after.len()), "the same file, rewritten in place");
        assert_eq!(read(dir.path()).unwrap().unwrap().commits, 123_456);
        // An older program's file (a number of its own width) is replaced whole.
        std::fs::write(path(dir.path()), "layout 1\ncommits 5\n").unwrap();
        record_commits(dir.path(), 6).unwrap();
        assert_eq!(read(dir.path()).unwrap().unwrap().commits, 6);
    }

    #[test]
    fn written_reads_back_and_newer_formats_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()).unwrap(), None);
        write(dir.path(), 42).unwrap();
        let manifest = read(dir.path()).unwrap().unwrap();
        assert_eq!(manifest.commits, 42);
        assert!(manifest.versions.iter().any(|(n, v)| n == "layout" && *v == schema::CURRENT));
        check_formats(dir.path(), &manifest).unwrap();

        let newer = |name: &str| {
            let mut m = manifest.clone();
            m.versions.iter_mut().filter(|(n, _)| n == name).for_each(|(_, v)| *v += 1);
            check_formats(dir.path(), &m)
        };
        assert!(matches!(newer("layout"), Err(StoreError::NewerSchema { .. })));
        assert!(matches!(newer("entry"), Err(StoreError::NewerRecord { .. })));
        let mut unknown = manifest.clone();
        unknown.versions.push(("attachment".into(), 1));
        assert!(matches!(check_formats(dir.path(), &unknown), Err(StoreError::NewerRecord { .. })));

        std::fs::write(path(dir.path()), "layout один\n").unwrap();
        assert!(matches!(read(dir.path()), Err(StoreError::Damaged { .. })));
        std::fs::write(path(dir.path()), "\u{1b}]0;x\u{7}".repeat(1 << 20)).unwrap();
        let Err(StoreError::Damaged { detail, .. }) = read(dir.path()) else { panic!("a huge file is damage") };
        assert!(detail.chars().count() < 100 && !detail.contains('\u{1b}'), "{detail}");
    }
}
