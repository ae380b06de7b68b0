//! The backup file: one header line, then the whole-store JSON export byte for byte.
//!
//! ```text
//! {"otchet_backup":1,"sha256":"…64 hex…","bytes":123456,"created":"2026-04-13T02:00:00+05:00"}
//! { …the JSON export, as `otchet export --format json` writes it… }
//! ```
//!
//! The checksum covers the export's bytes, so `tail -n +2 FILE | sha256sum` checks it too.
//! A file without the header is a plain JSON export: read as such, with nothing to verify.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::formats::error::{ImportError, Problem};
use crate::formats::{AtomicFile, ExportError, JsonDumpWriter};
use crate::model::{DumpPart, StoreDump};

/// Bump when the header's meaning changes; a reader refuses a newer one.
pub const BACKUP_FORMAT: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    otchet_backup: u32,
    sha256: String,
    bytes: u64,
    created: String,
}

/// How a whole-store file was checked when it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verified {
    /// A backup whose checksum matched.
    Checksum,
    /// A plain JSON export: it carries no checksum.
    Plain,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The backup's bytes for a JSON export's bytes (`formats::export` with `ExportFormat::Json`).
pub fn wrap(export: &[u8], created: &str) -> Vec<u8> {
    let header = Header {
        otchet_backup: BACKUP_FORMAT,
        sha256: hex(&Sha256::digest(export)),
        bytes: export.len() as u64,
        created: created.to_owned(),
    };
    // A struct of strings and numbers always serializes.
    let mut out = serde_json::to_vec(&header).unwrap_or_default();
    out.push(b'\n');
    out.extend_from_slice(export);
    out
}

/// Passes what is written on to `out`, counting and hashing it.
struct Digesting<W> {
    out: W,
    sha: Sha256,
    bytes: u64,
}

impl<W: Write> Write for Digesting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.sha.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// A backup written from a dump's parts as they come: the export goes to a scratch file
/// beside the backup (unlinked at once, so nothing is left of it whatever happens),
/// hashed on the way; `save` then writes the header and copies the export after it. The
/// store is read once, and never held.
pub struct BackupWriter {
    path: PathBuf,
    json: JsonDumpWriter<Digesting<BufWriter<File>>>,
}

impl BackupWriter {
    pub fn create(path: &Path) -> Result<BackupWriter, ExportError> {
        use std::os::unix::fs::OpenOptionsExt;
        let failed = |e: std::io::Error| ExportError::write(path, &e);
        let name = path.file_name().ok_or_else(|| failed(std::io::ErrorKind::InvalidInput.into()))?;
        // Refused before the store is read, not after.
        crate::formats::export::refuse_non_regular(path).map_err(failed)?;
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let scratch = dir.join(format!(".{}.{}-{n}.export", name.to_string_lossy(), std::process::id()));
        let file =
            OpenOptions::new().read(true).write(true).create_new(true).mode(0o600).open(&scratch).map_err(failed)?;
        std::fs::remove_file(&scratch).map_err(failed)?;
        let out = Digesting { out: BufWriter::new(file), sha: Sha256::new(), bytes: 0 };
        Ok(BackupWriter { path: path.to_path_buf(), json: JsonDumpWriter::new(out) })
    }

    fn failed(&self, e: &std::io::Error) -> ExportError {
        ExportError::write(&self.path, e)
    }

    pub fn part(&mut self, part: DumpPart) -> Result<(), ExportError> {
        self.json.part(part).map_err(|e| self.failed(&e))
    }

    /// How many plans and periods the backup holds so far.
    pub fn counts(&self) -> (usize, usize) {
        self.json.counts()
    }

    /// The backup saved at its path (created with `mode`), stamped `created`.
    pub fn save(self, mode: u32, created: &str) -> Result<(), ExportError> {
        let path = self.path.clone();
        let failed = |e: std::io::Error| ExportError::write(&path, &e);
        let digest = self.json.finish().map_err(failed)?;
        let header = Header {
            otchet_backup: BACKUP_FORMAT,
            sha256: hex(&digest.sha.finalize()),
            bytes: digest.bytes,
            created: created.to_owned(),
        };
        let mut export = digest.out.into_inner().map_err(|e| failed(e.into_error()))?;
        export.seek(SeekFrom::Start(0)).map_err(failed)?;
        let mut file = AtomicFile::create(&path, mode)?;
        let copied = (|| {
            serde_json::to_writer(&mut *file.writer(), &header)?;
            file.writer().write_all(b"\n")?;
            std::io::copy(&mut export, file.writer()).map(drop)
        })();
        copied.map_err(|e| file.failed(&e))?;
        file.commit()
    }
}

/// A backup of a whole dump written to `path`.
pub fn save_dump(dump: &StoreDump, path: &Path, mode: u32, created: &str) -> Result<(), ExportError> {
    let mut backup = BackupWriter::create(path)?;
    dump.clone().into_parts().into_iter().try_for_each(|part| backup.part(part))?;
    backup.save(mode, created)
}

/// The header of a backup, if `bytes` starts with one (else `None`: a plain export).
fn split(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = bytes.iter().position(|b| *b == b'\n')?;
    let first = &bytes[..end];
    // Only a line that names itself a backup header is one; a pretty-printed export's
    // first line is a lone "{".
    if !first.starts_with(b"{\"otchet_backup\"") {
        return None;
    }
    Some((first, &bytes[end + 1..]))
}

/// Reads a backup (checking its checksum) or a plain JSON export.
pub fn read(file: &Path, bytes: &[u8]) -> Result<(StoreDump, Verified), ImportError> {
    let fail = |p: Problem| ImportError::new(file, p);
    let Some((first, body)) = split(bytes) else {
        return crate::formats::json::parse_plain(file, bytes).map(|d| (d, Verified::Plain));
    };
    let header: Header =
        serde_json::from_slice(first).map_err(|e| fail(Problem::BackupHeader(super::error::json_detail(&e))))?;
    if header.otchet_backup > BACKUP_FORMAT {
        return Err(fail(Problem::NewerBackup { found: header.otchet_backup, supported: BACKUP_FORMAT }));
    }
    let found = hex(&Sha256::digest(body));
    if body.len() as u64 != header.bytes || !found.eq_ignore_ascii_case(&header.sha256) {
        return Err(fail(Problem::BackupChecksum));
    }
    crate::formats::json::parse_plain(file, body).map(|d| (d, Verified::Checksum))
}

/// True when the bytes start with a backup header.
pub fn is_backup(bytes: &[u8]) -> bool {
    split(bytes).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Settings;

    fn dump() -> StoreDump {
        StoreDump {
            format: crate::model::DUMP_FORMAT,
            plans: vec![],
            settings: Settings::default(),
            owner: None,
            users: vec![],
        }
    }

    #[test]
    fn a_streamed_backup_is_the_wrapped_export() {
        let export = crate::formats::export::export(
            crate::formats::ExportFormat::Json,
            &crate::formats::ExportInput::WholeStore(&dump()),
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("backup.json");
        save_dump(&dump(), &path, 0o600, "2026-04-13T02:00:00+05:00").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), wrap(&export, "2026-04-13T02:00:00+05:00"));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no scratch file left");
    }

    #[test]
    fn a_backup_reads_back_and_any_changed_byte_is_refused() {
        let export = serde_json::to_vec_pretty(&dump()).unwrap();
        let backup = wrap(&export, "2026-04-13T02:00:00+05:00");
        assert!(is_backup(&backup) && !is_backup(&export));
        let path = Path::new("b.json");
        assert_eq!(read(path, &backup).unwrap(), (dump(), Verified::Checksum));
        assert_eq!(read(path, &export).unwrap(), (dump(), Verified::Plain));
        let body_start = backup.iter().position(|b| *b == b'\n').unwrap() + 1;
        for i in [body_start, backup.len() - 2] {
            let mut bad = backup.clone();
            bad[i] ^= 0x01;
            let err = read(path, &bad).unwrap_err();
            assert!(matches!(err.problem, Problem::BackupChecksum), "{err:?}");
        }
        let cut = &backup[..backup.len() - 5];
        assert!(matches!(read(path, cut).unwrap_err().problem, Problem::BackupChecksum));
        let newer =
            String::from_utf8(backup.clone()).unwrap().replacen("\"otchet_backup\":1", "\"otchet_backup\":9", 1);
        assert!(matches!(read(path, newer.as_bytes()).unwrap_err().problem, Problem::NewerBackup { found: 9, .. }));
    }
}
