//! `x`: writing the report to a file, through the same exporters as `otchet export`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::client::Client;
use crate::domain::{FlagRules, PeriodId};
use crate::formats::{
    ExportError, ExportFormat, ExportInput, PeriodExport, export as render, save_atomically, save_json_export,
};
use crate::tr;

pub fn export(
    client: &mut Client,
    format: ExportFormat,
    path: &Path,
    period: PeriodId,
    as_of: NaiveDate,
    rules: &FlagRules,
) -> Result<PathBuf, String> {
    // The full path, as the user is told where the file went.
    let path = &std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if format.is_whole_store() {
        // Written as it comes: a large store is never held, as values or as bytes.
        save_json_export::<Said>(path, |take| client.dump_to(take)).map_err(|Said(e)| e)?;
        return Ok(path.to_path_buf());
    }
    let bytes = {
        let snapshot = client
            .snapshot(Some(period))
            .map_err(|e| e.to_string())?
            .ok_or_else(|| tr!("store-unknown-period", period = period.to_string()))?;
        render(format, &ExportInput::Period(PeriodExport::new(&snapshot, as_of, rules)))
    }
    .map_err(|e| e.to_string())?;
    save_atomically(path, &bytes).map_err(|e| e.to_string())?;
    Ok(path.to_path_buf())
}

/// A failure of the whole-store export, from the server or the file, as the screen says it.
struct Said(String);

impl From<ExportError> for Said {
    fn from(e: ExportError) -> Self {
        Said(e.to_string())
    }
}

impl From<crate::client::ClientError> for Said {
    fn from(e: crate::client::ClientError) -> Self {
        Said(e.to_string())
    }
}
