//! The program's own JSON export: a whole-store dump (also the backup format).

use std::path::Path;

use crate::formats::error::{ImportError, Problem};
use crate::model::{DUMP_FORMAT, StoreDump};

/// JSON starts with `{` (after a BOM or white space, which editors may add).
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// A plain JSON export or a backup (whose checksum must match).
pub fn parse_dump(file: &Path, bytes: &[u8]) -> Result<StoreDump, ImportError> {
    crate::formats::backup::read(file, bytes).map(|(dump, _)| dump)
}

/// A plain JSON export, without a backup's header line.
/// Older formats are upgraded first; a newer one is refused before its shape is read.
pub fn parse_plain(file: &Path, bytes: &[u8]) -> Result<StoreDump, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bad_json = |e: serde_json::Error| ImportError::new(file, Problem::Json(super::error::json_detail(&e)));
    #[derive(serde::Deserialize)]
    struct Format {
        format: u32,
    }
    let format = serde_json::from_slice::<Format>(bytes).map_err(bad_json)?.format;
    if format > DUMP_FORMAT {
        return Err(ImportError::new(file, Problem::NewerDump { found: format, supported: DUMP_FORMAT }));
    }
    if format == DUMP_FORMAT {
        // Read straight from the bytes: a large store's dump is never held twice.
        return serde_json::from_slice(bytes).map_err(bad_json);
    }
    let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(bad_json)?;
    super::dump_upgrade::upgrade(&mut value);
    serde_json::from_value(value).map_err(bad_json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Settings;

    #[test]
    fn a_dump_reads_back_and_is_no_period_report() {
        let dump =
            StoreDump { format: DUMP_FORMAT, plans: vec![], settings: Settings::default(), owner: None, users: vec![] };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("backup.json");
        std::fs::write(&path, serde_json::to_vec_pretty(&dump).unwrap()).unwrap();
        assert!(looks_like_json(&std::fs::read(&path).unwrap()));
        assert!(
            matches!(crate::formats::read_document(&path, crate::config::DEFAULT_IMPORT_LIMIT), Ok(crate::formats::Imported::Dump(d)) if d == dump)
        );
        let err = crate::formats::read_report_file(&path, crate::config::DEFAULT_IMPORT_LIMIT).unwrap_err();
        assert_eq!(err.problem, Problem::WholeStoreExport);
        assert!(!looks_like_json("\tОТЧЕТ {".as_bytes()));
    }
}
