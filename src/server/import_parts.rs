//! A streamed import: the report first, its rows after in parts, read as the store writes
//! them (`Store::import_streamed`), so that the server holds one part at a time.

use super::fault::Refusal;
use super::service::Service;
use crate::domain::{Actor, Report, ReportRow, Stamp};
use crate::proto::{ApiError, BadRequest, Response};
use crate::store::BetweenParts;

/// Where the parts after a request come from: the connection, or nowhere.
pub trait Parts {
    /// The next part's rows; `Ok(None)` when there is none (the connection's end).
    fn next_rows(&mut self) -> Result<Option<Vec<ReportRow>>, Refusal>;
}

/// A request that no part follows.
pub struct NoParts;

impl Parts for NoParts {
    fn next_rows(&mut self) -> Result<Option<Vec<ReportRow>>, Refusal> {
        Ok(None)
    }
}

impl Service {
    /// Merges `report`, whose rows are in it (`parts` 0) or in the `parts` parts `source`
    /// gives; each row is checked against the text limit as its part comes.
    pub(super) fn import(
        &self,
        report: &Report,
        (by, replace_edited): ((&Actor, Stamp), bool),
        parts: u32,
        source: &mut dyn Parts,
    ) -> Result<Response, Refusal> {
        if parts == 0 {
            return Ok(Response::Imported(self.store().import_with(report, by, replace_edited)?));
        }
        let mut left = parts;
        let mut next = |between: &BetweenParts<'_>| -> Result<Option<Vec<ReportRow>>, Refusal> {
            if left == 0 {
                return Ok(None);
            }
            left -= 1;
            super::memory::give_back_with(|| between.release_memory(), super::memory::GiveBack::BetweenParts);
            let rows = source.next_rows()?.ok_or(ApiError::BadRequest { reason: BadRequest::PartsMissing })?;
            match rows.iter().find_map(ReportRow::first_too_long) {
                Some(t) => Err(ApiError::from(t).into()),
                None => Ok(Some(rows)),
            }
        };
        Ok(Response::Imported(self.store().import_streamed(&report.without_rows(), by, replace_edited, &mut next)?))
    }
}
