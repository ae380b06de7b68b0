//! `status --json`: the contract of cli.md, built as it is written, each item's execution
//! text asked for as it is written, so that a large plan's report is never held whole.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use std::cell::RefCell;

use super::{Row, counts};
use crate::domain::{Counts, Deadline, Due, Extra, ItemDeadline, ItemId, Quarter, Years};
use crate::model::Snapshot;

/// Gives an item's execution text as it is written (the list the rows come from has none).
pub(super) type InfoOf<'a> = dyn FnMut(ItemId) -> std::io::Result<String> + 'a;

pub(super) fn write(
    out: &mut impl Write,
    s: &Snapshot,
    as_of: NaiveDate,
    rows: &[Row<'_>],
    info_of: &mut InfoOf<'_>,
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
        as_of: as_of.to_string(),
        counts: counts(rows),
        items: Items { rows, info_of: RefCell::new(info_of) },
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
    rows: &'a [Row<'a>],
    /// Asked for each item as it is written: serde's `serialize` takes `&self`.
    info_of: RefCell<&'a mut InfoOf<'b>>,
}

impl Serialize for Items<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.rows.len()))?;
        for row in self.rows {
            let info = (self.info_of.borrow_mut())(row.item.id).map_err(serde::ser::Error::custom)?;
            seq.serialize_element(&Item(row, &info))?;
        }
        seq.end()
    }
}

struct Item<'a>(&'a Row<'a>, &'a str);

impl Serialize for Item<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut item = s.serialize_struct("Item", 13)?;
        item.serialize_field("seq", r.item.seq_label())?;
        item.serialize_field("point", r.item.point_label())?;
        item.serialize_field("title", &r.item.title)?;
        item.serialize_field("deadline_text", &r.item.deadline_text)?;
        item.serialize_field("deadline", &DeadlineJson { deadline: &r.deadline, text: &r.item.deadline_text })?;
        item.serialize_field("info", self.1)?;
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
