//! Streamed requests: an import's rows and a restore's parts follow their request on the
//! connection, a dump's parts go out ahead of its answer (as `status --json`'s do,
//! `server::status_json`), so that the server holds a part at a time, never a whole
//! report, period or store.

use std::collections::VecDeque;

use super::fault::Refusal;
use super::memory::{GiveBack, give_back, give_back_with};
use super::service::Service;
use crate::domain::{Actor, PeriodId, Report, ReportRow, Stamp};
use crate::model::{DumpCheck, DumpPart};
use crate::proto::{ApiError, BadRequest, Request, Response};
use crate::store::BetweenParts;

/// About how many bytes of text a frame of a dump's parts carries.
pub(super) const DUMP_FRAME_BYTES: usize = 1 << 20;

/// The connection a request came on, for what follows it there.
pub trait Parts {
    /// The next request on the connection, read as a part of this one; `None` at its end.
    fn next_part(&mut self) -> Option<Request>;

    /// Whether answers may go ahead of the last: an in-process caller takes one answer.
    fn streams(&self) -> bool;

    /// Sends an answer ahead of the last (a dump's parts), and gives it back: its buffers
    /// serve the next one.
    fn send_ahead(&mut self, response: Response) -> Result<Response, Refusal>;
}

/// A request with nothing around it: in-process, or on a connection not streaming it.
pub struct NoParts;

impl Parts for NoParts {
    fn next_part(&mut self) -> Option<Request> {
        None
    }

    fn streams(&self) -> bool {
        false
    }

    fn send_ahead(&mut self, _: Response) -> Result<Response, Refusal> {
        Err(ApiError::BadRequest { reason: BadRequest::Unsendable }.into())
    }
}

/// Between the runs of a long write: sled reopened when the server has grown.
fn give_back_between(between: &BetweenParts<'_>) {
    give_back_with(|| between.release_memory(), GiveBack::BetweenParts);
}

fn parts_missing() -> Refusal {
    ApiError::BadRequest { reason: BadRequest::PartsMissing }.into()
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
            give_back_with(|| between.release_memory(), GiveBack::BetweenParts);
            let Some(Request::ImportRows { rows }) = source.next_part() else { return Err(parts_missing()) };
            match rows.iter().find_map(ReportRow::first_too_long) {
                Some(t) => Err(ApiError::from(t).into()),
                None => Ok(Some(rows)),
            }
        };
        Ok(Response::Imported(self.store().import_streamed(&report.without_rows(), by, replace_edited, &mut next)?))
    }

    /// Opens a period, the texts of `copy_from` carried a run at a time, memory given back
    /// between runs.
    pub(super) fn open_period(
        &self,
        period: PeriodId,
        copy_from: Option<PeriodId>,
        by: (&Actor, Stamp),
    ) -> Result<Response, Refusal> {
        Ok(Response::Opened(self.store().open_period_with(period, copy_from, by, &mut give_back_between)?))
    }

    /// Takes a period back, memory given back between runs of its removals.
    pub(super) fn close_period(&self, period: PeriodId) -> Result<Response, Refusal> {
        self.store().close_period_with(period, &mut give_back_between)?;
        Ok(Response::Done)
    }

    /// The whole store, read at one moment: sent a frame of parts at a time ahead of the
    /// last, giving memory back between them, or in one answer to an in-process caller.
    pub(super) fn dump(&self, out: &mut dyn Parts) -> Result<Response, Refusal> {
        let mut frame = Vec::new();
        let mut bytes = 0;
        give_back(self.store(), GiveBack::BeforeDump);
        self.store().dump_to(&mut |part: DumpPart, between: &BetweenParts<'_>| -> Result<(), Refusal> {
            bytes += part.weight();
            frame.push(part);
            if bytes >= DUMP_FRAME_BYTES && out.streams() {
                out.send_ahead(Response::DumpParts { parts: std::mem::take(&mut frame), last: false })?;
                give_back_with(|| between.release_memory(), GiveBack::BetweenDumpFrames);
                bytes = 0;
            }
            Ok(())
        })?;
        Ok(Response::DumpParts { parts: frame, last: true })
    }

    /// Loads a dump into an empty store, its parts in the request (`first`) and in the
    /// `more` requests after it, each part checked (`DumpCheck`, the text limit) before
    /// it is written; a refused one takes back all written before it.
    pub(super) fn load_dump(
        &self,
        first: Vec<DumpPart>,
        more: u32,
        source: &mut dyn Parts,
    ) -> Result<Response, Refusal> {
        let mut check = DumpCheck::default();
        let mut queue = VecDeque::from(first);
        let mut left = more;
        let mut next = |between: &BetweenParts<'_>| -> Result<Option<DumpPart>, Refusal> {
            while queue.is_empty() {
                if left == 0 {
                    return Ok(None);
                }
                left -= 1;
                give_back_with(|| between.release_memory(), GiveBack::BetweenParts);
                let Some(Request::LoadDumpParts { parts }) = source.next_part() else { return Err(parts_missing()) };
                queue.extend(parts);
            }
            let Some(part) = queue.pop_front() else { return Ok(None) };
            if let Err(problem) = check.part(&part) {
                return Err(ApiError::BadRequest { reason: BadRequest::BadDump(problem) }.into());
            }
            match part.first_too_long(&|item| check.point(item)) {
                Some(t) => Err(ApiError::from(t).into()),
                None => Ok(Some(part)),
            }
        };
        self.store().load_dump_streamed(&mut next)?;
        Ok(Response::Done)
    }
}
