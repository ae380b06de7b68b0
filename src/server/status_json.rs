//! `status --json`'s answer: the head with the counts, then each item's object as the
//! server keeps it rendered (`server::rendered`) with its flags for the date asked for put
//! in, sent in parts of about 96 KiB ahead of the last. The counts and every item's flags
//! are worked out from what was rendered with the objects, so that they always agree.

use chrono::NaiveDate;

use super::fault::Refusal;
use super::memory::{GiveBack, give_back};
use super::parts::Parts;
use super::rendered::{RenderedItem, ReportOf, Run};
use super::service::{FlaggedAsked, Service};
use crate::domain::{Answering, Counts, FlagCounter, FlagRules, PeriodId};
use crate::formats::status_json;
use crate::model::Bytes;
use crate::proto::{ApiError, BadRequest, Request, Response};
use crate::store::StoreError;

/// About how many bytes of the output a part carries: less than glibc's mmap threshold
/// (128 KiB), so that the client's buffer for each is taken from its heap again, not from
/// pages mapped and zeroed anew (25.6 ms instead of 30 at 10,000 items with parts of 1 MiB).
const PART_BYTES: usize = 96 << 10;

/// What a `Request::StatusJson` asks.
struct JsonAsked<'a> {
    period: Option<PeriodId>,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
    rules: &'a FlagRules,
    responsible: Answering<'a>,
}

impl Service {
    /// The output of `status --json` (`request`): each part sent ahead of the last, or all
    /// in one answer to an in-process caller.
    pub(super) fn status_json(&self, request: Request, out: &mut dyn Parts) -> Result<Response, Refusal> {
        let Request::StatusJson { period, as_of, today, rules, responsible } = request else {
            return Err(ApiError::BadRequest { reason: BadRequest::Unsendable }.into());
        };
        let rules = &rules;
        let asked = JsonAsked { period, as_of, today, rules, responsible: responsible.as_deref() };
        self.answer(&asked, out)
    }

    fn answer(&self, asked: &JsonAsked<'_>, out: &mut dyn Parts) -> Result<Response, Refusal> {
        let Some(chosen) = self.choose(asked.period)? else {
            return Ok(Response::StatusJson { json: None, last: true });
        };
        let as_of = asked.as_of.or(chosen.period.report_date).unwrap_or(asked.today);
        let of = ReportOf { plan: chosen.plan.id, years: chosen.plan.years, period: chosen.period.id };
        let store = self.store();
        let between_runs = || give_back(store, GiveBack::BetweenReads);
        let segments = self.rendered.current(store, of, &between_runs)?;
        let judge = || FlagCounter::new(of.period, as_of, asked.rules, asked.responsible);
        let counts = match segments.kept_items() {
            Some(items) => counted(judge(), items),
            // Not kept (no room on the disk): as `status` counts them, from the flag index.
            None => self.indexed_counts(asked, of.period)?,
        };
        let mut json = status_json::head(&chosen.plan, &chosen.period, as_of, counts);
        let mut written = Written { judge: judge(), any: false };
        segments.read(store, of, &between_runs, &mut |run: &Run, bytes: &[u8]| -> Result<bool, Refusal> {
            written.items(&mut json, run.items_over(bytes), &mut |json| match out.streams() {
                true => send_part(out, json),
                false => Ok(()),
            })?;
            Ok(true)
        })?;
        status_json::tail(&mut json, written.any);
        Ok(Response::StatusJson { json: Some(Bytes(json)), last: true })
    }

    /// The period's counts from the flag index, as `status` (text) has them.
    fn indexed_counts(&self, asked: &JsonAsked<'_>, period: PeriodId) -> Result<Counts, StoreError> {
        let (as_of, today, rules, responsible) = (asked.as_of, asked.today, asked.rules, asked.responsible);
        let counted = FlaggedAsked { period: Some(period), as_of, today, rules, responsible, listed: false };
        let flagged = self.flagged(&counted)?;
        Ok(flagged.map(|f| f.counts).unwrap_or_default())
    }
}

/// The counts of `items`, as `judge` flags them.
fn counted<'a>(mut judge: FlagCounter<'_>, items: impl Iterator<Item = RenderedItem<'a>>) -> Counts {
    for item in items {
        judge.take((item.deadline, item.responsible), (item.assessment, item.review));
    }
    judge.counts
}

/// Sends `json` as a part ahead of the last, and empties it for the next: the same buffer
/// all along.
fn send_part(out: &mut dyn Parts, json: &mut Vec<u8>) -> Result<(), Refusal> {
    let part = Response::StatusJson { json: Some(Bytes(std::mem::take(json))), last: false };
    if let Response::StatusJson { json: Some(Bytes(sent)), .. } = out.send_ahead(part)? {
        *json = sent;
        json.clear();
    }
    Ok(())
}

/// How a report's items are flagged, and whether one was written.
struct Written<'a> {
    judge: FlagCounter<'a>,
    any: bool,
}

impl Written<'_> {
    /// The items the asker is shown, with their flags; `full` is given `json` each time it
    /// holds a part.
    fn items<'r>(
        &mut self,
        json: &mut Vec<u8>,
        items: impl Iterator<Item = RenderedItem<'r>>,
        full: &mut dyn FnMut(&mut Vec<u8>) -> Result<(), Refusal>,
    ) -> Result<(), Refusal> {
        for item in items {
            if json.len() >= PART_BYTES {
                full(json)?;
            }
            let judged = self.judge.take((item.deadline, item.responsible), (item.assessment, item.review));
            let Some(flags) = judged else { continue };
            status_json::push_item(json, !self.any, (item.object, item.flags_at), flags);
            self.any = true;
        }
        Ok(())
    }
}
