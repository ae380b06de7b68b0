//! The backup file: one header line, then the whole-store JSON export byte for byte.
//!
//! ```text
//! {"otchet_backup":1,"sha256":"…64 hex…","bytes":123456,"created":"2026-04-13T02:00:00+05:00"}
//! { …the JSON export, as `otchet export --format json` writes it… }
//! ```
//!
//! The checksum covers the export's bytes, so `tail -n +2 FILE | sha256sum` checks it too.
//! A file without the header is a plain JSON export: read as such, with nothing to verify.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::formats::error::{ImportError, Problem};
use crate::model::StoreDump;

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

/// Counts and hashes what is written to it, keeping nothing.
struct Digesting {
    sha: Sha256,
    bytes: u64,
}

impl std::io::Write for Digesting {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.sha.update(buf);
        self.bytes += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A backup of a dump written to `w`: the export is made twice, once to checksum it for the
/// header and once to write it, so a large store's export is never held as bytes.
pub fn write_dump(dump: &StoreDump, created: &str, w: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut digest = Digesting { sha: Sha256::new(), bytes: 0 };
    crate::formats::export::write_json(dump, &mut digest)?;
    let header = Header {
        otchet_backup: BACKUP_FORMAT,
        sha256: hex(&digest.sha.finalize()),
        bytes: digest.bytes,
        created: created.to_owned(),
    };
    serde_json::to_writer(&mut *w, &header)?;
    w.write_all(b"\n")?;
    let mut out = std::io::BufWriter::new(w);
    crate::formats::export::write_json(dump, &mut out)?;
    out.flush()
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
        let mut streamed = Vec::new();
        write_dump(&dump(), "2026-04-13T02:00:00+05:00", &mut streamed).unwrap();
        assert_eq!(streamed, wrap(&export, "2026-04-13T02:00:00+05:00"));
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
