//! `status --json`'s answer: the head with the counts from the flag index, then the period's
//! items as the server keeps them rendered (`server::rendered`), each with its flags for the
//! date asked for, sent in parts of about a megabyte ahead of the last.

use chrono::NaiveDate;

use super::fault::Refusal;
use super::memory::{GiveBack, give_back};
use super::parts::Parts;
use super::rendered::{ReportOf, Run, Segments};
use super::service::Service;
use crate::domain::{Answering, Counts, FlagCounter, FlagRules, Flags, ItemId, PeriodId, Plan, Review};
use crate::formats::status_json;
use crate::model::Bytes;
use crate::proto::{ApiError, BadRequest, Request, Response};
use crate::store::StoreError;

/// About how many bytes of the output a part carries.
const PART_BYTES: usize = 96 << 10;

/// A report's changes of the store are read again at most this many times when the store
/// changed while its flags and items were worked out.
const TRIES: u32 = 3;

/// What a `Request::StatusJson` asks.
struct JsonAsked<'a> {
    period: Option<PeriodId>,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
    rules: &'a FlagRules,
    responsible: Answering<'a>,
}

/// Each item's flags as of the date asked for, in plan order; `None` for an item the
/// asker's responsible names do not answer for.
type Judged = Vec<(ItemId, Option<Flags>)>;

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
        let (judged, counts, segments) = self.judged(&chosen.plan, of, (asked, as_of))?;
        let mut written = Written { judged: &judged, next: 0, any: false };
        let mut json = status_json::head(&chosen.plan, &chosen.period, as_of, counts);
        let between_runs = || give_back(self.store(), GiveBack::BetweenReads);
        segments.read(self.store(), of, &between_runs, &mut |run: &Run| -> Result<bool, Refusal> {
            written.items(&mut json, run, &mut |json| match out.streams() {
                true => send_part(out, json),
                false => Ok(()),
            })?;
            Ok(true)
        })?;
        status_json::tail(&mut json, written.any);
        Ok(Response::StatusJson { json: Some(Bytes(json)), last: true })
    }

    /// Each item's flags, the counts, and the period's items rendered, all as of one change
    /// of the store (worked out again when a change came in between).
    fn judged(
        &self,
        plan: &Plan,
        of: ReportOf,
        (asked, as_of): (&JsonAsked<'_>, NaiveDate),
    ) -> Result<(Judged, Counts, Segments), StoreError> {
        let store = self.store();
        let between_runs = || give_back(store, GiveBack::BetweenReads);
        let mut tries = 1;
        loop {
            let seen = store.latest_change();
            let items = self.flag_index.items(store, plan, of.period)?;
            let marks = self.flag_index.marks(store, of.period)?;
            let mut counter = FlagCounter::new(of.period, as_of, asked.rules, asked.responsible);
            let judged = (items.items.iter())
                .map(|i| {
                    let mark = marks.get(i.id).unwrap_or(("", Review::Open));
                    (i.id, counter.take((&i.deadline, items.responsible(i)), mark))
                })
                .collect();
            let segments = self.rendered.current(store, of, &between_runs)?;
            if store.latest_change() == seen || tries == TRIES {
                return Ok((judged, counter.counts, segments));
            }
            tries += 1;
        }
    }
}

/// Sends `json` as a part ahead of the last, and empties it for the next: the same buffer
/// all along (a new megabyte a part was a page fault every 4 KiB, a sixth of the time).
fn send_part(out: &mut dyn Parts, json: &mut Vec<u8>) -> Result<(), Refusal> {
    let part = Response::StatusJson { json: Some(Bytes(std::mem::take(json))), last: false };
    if let Response::StatusJson { json: Some(Bytes(sent)), .. } = out.send_ahead(part)? {
        *json = sent;
        json.clear();
    }
    Ok(())
}

/// Where a report's writing is: the flags of its items, the next one's place in them, and
/// whether an item was written.
struct Written<'a> {
    judged: &'a [(ItemId, Option<Flags>)],
    next: usize,
    any: bool,
}

impl Written<'_> {
    /// A run's items the asker is shown, with their flags; `full` is given `json` each
    /// time it holds a part.
    fn items(
        &mut self,
        json: &mut Vec<u8>,
        run: &Run,
        full: &mut dyn FnMut(&mut Vec<u8>) -> Result<(), Refusal>,
    ) -> Result<(), Refusal> {
        for (id, object, flags_at) in run.items() {
            if json.len() >= PART_BYTES {
                full(json)?;
            }
            // Both in plan order.
            while self.judged.get(self.next).is_some_and(|(judged, _)| *judged < id) {
                self.next += 1;
            }
            let Some((_, Some(flags))) = self.judged.get(self.next).filter(|(judged, _)| *judged == id) else {
                continue;
            };
            status_json::push_item(json, !self.any, (object, flags_at), *flags);
            self.any = true;
        }
        Ok(())
    }
}
