//! `x`: writing the report to a file, through the same exporters as `otchet export`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::client::Client;
use crate::domain::{FlagRules, PeriodId};
use crate::formats::{
    ExportFormat, ExportInput, PeriodExport, export as render, save_atomically, save_atomically_streaming, write_json,
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
        let dump = client.dump().map_err(|e| e.to_string())?;
        // Written as it is made: a large store's JSON is never held as bytes.
        save_atomically_streaming(path, 0o666, |file| {
            let mut out = std::io::BufWriter::new(file);
            write_json(&dump, &mut out)?;
            std::io::Write::flush(&mut out)
        })
        .map_err(|e| e.to_string())?;
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
