//! `status --json`: the contract of cli.md, built as it is written, the items asked for a
//! run at a time as they are written, so that a large plan's report is never held whole.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use std::cell::RefCell;

use super::Row;
use crate::domain::{
    Counts, Deadline, DeadlineCache, Due, Extra, FlagRules, Item, ItemDeadline, PeriodId, Quarter, Years,
};
use crate::model::Snapshot;

/// Gives the next run of a period's items with their entries; `None` after the last.
pub(super) type NextRun<'a> = dyn FnMut() -> std::io::Result<Option<Vec<crate::model::PeriodRow>>> + 'a;

/// How the items are judged as they come: the date and rules of their flags, and which
/// of them the report shows.
pub(super) struct Judging<'a> {
    pub as_of: NaiveDate,
    pub rules: &'a FlagRules,
    pub admits: &'a dyn Fn(&Item) -> bool,
}

/// Writes the report of `s`'s period: its head, `counts`, then each run's items.
pub(super) fn write(
    out: &mut impl Write,
    s: &Snapshot,
    (judging, counts): (&Judging<'_>, Counts),
    next_run: &mut NextRun<'_>,
) -> std::io::Result<()> {
    let report = Report {
        plan: Plan {
            organisation: &s.plan.organisation,
            approved_by: &s.plan.approved_by,
            year: s.plan.year(),
            years: s.plan.years,
        },
        period: Period {
            id: s.period.id.to_string(),
            title: &s.period.title,
            start: s.period.id.start().to_string(),
            end: s.period.id.end().to_string(),
            report_date: s.period.report_date.map(|d| d.to_string()),
        },
        as_of: judging.as_of.to_string(),
        counts,
        items: Items { judging, period: (s.period.id, s.plan.years), next_run: RefCell::new(next_run) },
    };
    // No C1 control or bidi mark reaches a terminal raw, even inside a string.
    let mut safe = crate::text_width::JsonSafe::new(&mut *out);
    serde_json::to_writer_pretty(&mut safe, &report)
        .map_err(|e| std::io::Error::from(e.io_error_kind().unwrap_or(std::io::ErrorKind::Other)))?;
    safe.flush()?;
    writeln!(out)
}

#[derive(Serialize)]
struct Report<'a, 'b> {
    plan: Plan<'a>,
    period: Period<'a>,
    as_of: String,
    counts: Counts,
    items: Items<'a, 'b>,
}

#[derive(Serialize)]
struct Plan<'a> {
    organisation: &'a str,
    approved_by: &'a str,
    /// The first year, as before plans had several.
    year: i32,
    years: Years,
}

#[derive(Serialize)]
struct Period<'a> {
    id: String,
    title: &'a str,
    start: String,
    end: String,
    report_date: Option<String>,
}

struct Items<'a, 'b> {
    judging: &'a Judging<'a>,
    period: (PeriodId, Years),
    /// Asked for each run as the one before is written: serde's `serialize` takes `&self`.
    next_run: RefCell<&'a mut NextRun<'b>>,
}

impl Serialize for Items<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (j, (period, years)) = (self.judging, self.period);
        let mut seq = s.serialize_seq(None)?;
        let mut cache = DeadlineCache::default();
        while let Some(run) = (self.next_run.borrow_mut())().map_err(serde::ser::Error::custom)? {
            for (item, entry) in run.iter().filter(|(item, _)| (j.admits)(item)) {
                let entry = entry.as_ref().unwrap_or(&super::EMPTY);
                let deadline = cache.item_deadline(item, period, years);
                let flags = deadline.flags(&entry.assessment, period, j.as_of, j.rules);
                seq.serialize_element(&ItemJson(&Row { item, entry, deadline, flags }))?;
            }
        }
        seq.end()
    }
}

struct ItemJson<'a>(&'a Row<'a>);

impl Serialize for ItemJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut item = s.serialize_struct("Item", 13)?;
        item.serialize_field("seq", r.item.seq_label())?;
        item.serialize_field("point", r.item.point_label())?;
        item.serialize_field("title", &r.item.title)?;
        item.serialize_field("deadline_text", &r.item.deadline_text)?;
        item.serialize_field("deadline", &DeadlineJson { deadline: &r.deadline, text: &r.item.deadline_text })?;
        item.serialize_field("info", &r.entry.info)?;
        item.serialize_field("assessment", &r.entry.assessment)?;
        item.serialize_field("flags", &r.flags.names())?;
        item.serialize_field("responsible", &r.item.responsible)?;
        item.serialize_field("review", r.entry.review.as_str())?;
        item.serialize_field("carried_from", &r.entry.carried_from.map(|p| p.to_string()))?;
        item.serialize_field("extra", &ExtraJson(&r.item.extra))?;
        item.end()
    }
}

/// The other columns, caption → text, in the table's order.
struct ExtraJson<'a>(&'a [Extra]);

impl Serialize for ExtraJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for e in self.0 {
            map.serialize_entry(&e.caption, &e.text)?;
        }
        map.end()
    }
}

struct DeadlineJson<'a> {
    deadline: &'a ItemDeadline,
    text: &'a str,
}

impl Serialize for DeadlineJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.deadline;
        let unparsed = match &d.deadline {
            Deadline::Known(_) => None,
            Deadline::Partial { unparsed, .. } => Some(unparsed.clone()),
            Deadline::Unknown => {
                Some(self.text.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty())
            }
        };
        let mut deadline = s.serialize_struct("Deadline", 4)?;
        deadline.serialize_field("kind", d.deadline.kind().as_str())?;
        deadline.serialize_field("due", &Dues(&d.due))?;
        deadline.serialize_field("unparsed", &unparsed)?;
        deadline.serialize_field("outside_plan", &d.outside_plan)?;
        deadline.end()
    }
}

struct Dues<'a>(&'a [Due]);

impl Serialize for Dues<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|d| DueJson { date: Shown(d.date), reports_on: Shown(d.reports_on) }))
    }
}

#[derive(Serialize)]
struct DueJson {
    date: Shown<NaiveDate>,
    reports_on: Shown<Quarter>,
}

/// A value written as its `Display` text, without making a `String` of it first.
struct Shown<T>(T);

impl<T: std::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}
