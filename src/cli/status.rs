//! `otchet status`: counts and flagged items of a period, as text or as the JSON of cli.md.

use std::io::{IsTerminal, Write};

use chrono::NaiveDate;
use clap::ArgMatches;
use serde::Serialize;

use super::Failure;
use super::connect::Context;
use crate::domain::{Counts, DeadlineCache, Entry, Flags, ItemDeadline, ItemId, PeriodId};
use crate::model::Snapshot;
use crate::tr;

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let period = match m.get_one::<String>("period") {
        Some(text) => Some(PeriodId::parse(text).ok_or_else(|| Failure::usage(tr!("cli-bad-period", value = text)))?),
        None => None,
    };
    let as_of = match m.get_one::<String>("as-of") {
        Some(text) => parse_date(text).ok_or_else(|| Failure::usage(tr!("cli-bad-date", value = text)))?,
        None => crate::clock::today(),
    };
    let mut client = ctx.client()?;
    let Some(snapshot) = client.snapshot(period)? else {
        return Err(Failure::other(tr!("status-empty-store", path = ctx.store_path()?.display().to_string())));
    };
    let rows = evaluate(&snapshot, as_of, &ctx.config.rules);
    // Buffered: stdout is line-buffered, and the JSON of a large plan has a million lines.
    let mut out = std::io::BufWriter::with_capacity(64 << 10, std::io::stdout().lock());
    let written = if m.get_flag("json") {
        serde_json::to_writer_pretty(&mut out, &json_report(&snapshot, as_of, &rows))
            .map_err(|e| std::io::Error::from(e.io_error_kind().unwrap_or(std::io::ErrorKind::Other)))
            .and_then(|()| writeln!(out))
    } else {
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        write_text(&mut out, &snapshot, as_of, &rows, color)
    }
    .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::other(e)),
        _ => Ok(()),
    }
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

struct Row<'a> {
    item: &'a crate::domain::Item,
    entry: &'a Entry,
    deadline: std::sync::Arc<ItemDeadline>,
    flags: Flags,
}

fn evaluate<'a>(s: &'a Snapshot, as_of: NaiveDate, rules: &crate::domain::FlagRules) -> Vec<Row<'a>> {
    static EMPTY: Entry = Entry {
        info: String::new(),
        assessment: String::new(),
        changed_by: String::new(),
        changed_at: crate::domain::Stamp(0),
        revision: 0,
    };
    let entries: std::collections::HashMap<ItemId, &Entry> = s.entries.iter().map(|(id, e)| (*id, e)).collect();
    let mut cache = DeadlineCache::default();
    s.items
        .iter()
        .map(|item| {
            let entry = entries.get(&item.id).copied().unwrap_or(&EMPTY);
            let deadline = cache.item_deadline(item, s.plan.year);
            let flags = deadline.flags(&entry.assessment, s.period.id, as_of, rules);
            Row { item, entry, deadline, flags }
        })
        .collect()
}

// ---- JSON (the contract of cli.md) --------------------------------------------------

// Built as it is written: a large plan's report is never held whole beside the snapshot.

#[derive(Serialize)]
struct JsonReport<'a> {
    plan: JsonPlan<'a>,
    period: JsonPeriod<'a>,
    as_of: String,
    counts: Counts,
    items: JsonItems<'a>,
}

#[derive(Serialize)]
struct JsonPlan<'a> {
    organisation: &'a str,
    approved_by: &'a str,
    year: i32,
}

#[derive(Serialize)]
struct JsonPeriod<'a> {
    id: String,
    title: &'a str,
    start: String,
    end: String,
}

struct JsonItems<'a>(&'a [Row<'a>]);

impl Serialize for JsonItems<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(JsonItem))
    }
}

struct JsonItem<'a>(&'a Row<'a>);

impl Serialize for JsonItem<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let r = self.0;
        let mut item = s.serialize_struct("JsonItem", 8)?;
        item.serialize_field("seq", r.item.seq_label())?;
        item.serialize_field("point", r.item.point_label())?;
        item.serialize_field("title", &r.item.title)?;
        item.serialize_field("deadline_text", &r.item.deadline_text)?;
        item.serialize_field("deadline", &JsonDeadline(&r.deadline))?;
        item.serialize_field("info", &r.entry.info)?;
        item.serialize_field("assessment", &r.entry.assessment)?;
        item.serialize_field("flags", &r.flags.names())?;
        item.end()
    }
}

struct JsonDeadline<'a>(&'a ItemDeadline);

impl Serialize for JsonDeadline<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut deadline = s.serialize_struct("JsonDeadline", 2)?;
        deadline.serialize_field("kind", self.0.deadline.kind().as_str())?;
        deadline.serialize_field("due", &JsonDues(&self.0.due))?;
        deadline.end()
    }
}

struct JsonDues<'a>(&'a [crate::domain::Due]);

impl Serialize for JsonDues<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|d| JsonDue { date: Shown(d.date), reports_on: Shown(d.reports_on) }))
    }
}

#[derive(Serialize)]
struct JsonDue {
    date: Shown<NaiveDate>,
    reports_on: Shown<crate::domain::Quarter>,
}

/// A value written as its `Display` text, without making a `String` of it first.
struct Shown<T>(T);

impl<T: std::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

fn json_report<'a>(s: &'a Snapshot, as_of: NaiveDate, rows: &'a [Row<'a>]) -> JsonReport<'a> {
    let mut counts = Counts::default();
    for r in rows {
        counts.add(r.flags);
    }
    JsonReport {
        plan: JsonPlan { organisation: &s.plan.organisation, approved_by: &s.plan.approved_by, year: s.plan.year },
        period: JsonPeriod {
            id: s.period.id.to_string(),
            title: &s.period.title,
            start: s.period.id.start().to_string(),
            end: s.period.id.end().to_string(),
        },
        as_of: as_of.to_string(),
        counts,
        items: JsonItems(rows),
    }
}

// ---- text ---------------------------------------------------------------------------

const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";
const TITLE_WIDTH: usize = 60;

fn write_text(
    out: &mut impl Write,
    s: &Snapshot,
    as_of: NaiveDate,
    rows: &[Row<'_>],
    color: bool,
) -> std::io::Result<()> {
    let mut counts = Counts::default();
    for r in rows {
        counts.add(r.flags);
    }
    let paint = |code: &'static str| if color { code } else { "" };
    writeln!(out, "{}{}{}", paint(BOLD), s.plan.organisation, paint(RESET))?;
    writeln!(
        out,
        "{}",
        tr!(
            "status-heading",
            period = &s.period.title,
            id = s.period.id.to_string(),
            date = as_of.format("%d.%m.%Y").to_string(),
            items = counts.items
        )
    )?;
    writeln!(
        out,
        "{}",
        tr!(
            "status-counts",
            overdue = counts.overdue,
            no_result = counts.no_result,
            due_soon = counts.due_soon,
            done = counts.done
        )
    )?;
    let overdue: Vec<&Row<'_>> = rows.iter().filter(|r| r.flags.overdue).collect();
    let no_result: Vec<&Row<'_>> = rows.iter().filter(|r| r.flags.no_result).collect();
    let lists = [
        (tr!("status-overdue-list", n = overdue.len()), "!", RED, overdue),
        (tr!("status-no-result-list", n = no_result.len()), "?", YELLOW, no_result),
    ];
    for (heading, mark, code, listed) in lists {
        if listed.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "{}{}{}", paint(BOLD), heading, paint(RESET))?;
        for r in listed {
            let due = if r.flags.overdue {
                r.deadline
                    .missed_due(s.period.id, as_of, r.flags.no_result)
                    .map(|d| tr!("status-missed", date = d.date.format("%d.%m.%Y").to_string()))
            } else {
                r.deadline.nearest_due(as_of).map(|d| tr!("status-due", date = d.date.format("%d.%m.%Y").to_string()))
            };
            writeln!(
                out,
                "  {}{mark}{} {:>5} {}  {}",
                paint(code),
                paint(RESET),
                r.item.point_label(),
                crate::text_width::truncate(&crate::text_width::one_line(&r.item.title), TITLE_WIDTH),
                due.unwrap_or_default()
            )?;
        }
    }
    Ok(())
}
