//! `status --json`: the JSON of cli.md, made in pieces so that the server can keep each
//! item's object rendered. An item's object depends on the item, its entry and the period
//! (`item`); only its flags depend on the date asked for and the rules (`push_item` puts
//! them in at the place `item` gave). The head, with the counts, is made for each report.
//!
//! The bytes are those of serde_json's `to_writer_pretty` of the whole report (two spaces a
//! level), every string escaped by `text_width::push_json_str`: no C1 control or bidi mark
//! reaches a terminal raw, even inside a string.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{Counts, Deadline, Entry, Flags, Item, ItemDeadline, Period, Plan, Years};
use crate::text_width::{JsonSafe, push_json_str};

/// Everything before the first item: the plan, the period, the date, the counts, and the
/// opening of `"items"`.
pub fn head(plan: &Plan, period: &Period, as_of: NaiveDate, counts: Counts) -> Vec<u8> {
    let head = head_of(plan, period, as_of, counts);
    let mut safe = JsonSafe::new(Vec::new());
    // Writing into memory fails only on a value serde_json cannot write, which these are not.
    let _ = serde_json::to_writer_pretty(&mut safe, &head).and_then(|()| safe.flush().map_err(serde_json::Error::io));
    let mut out = safe.into_inner();
    // The head's closing brace is taken back: the items follow inside it.
    if out.ends_with(b"\n}") {
        out.truncate(out.len() - 2);
    }
    let mut json = Pretty { out, depth: 1, first: false };
    json.key("items");
    json.out.push(b'[');
    json.out
}

/// Appends an item's object as it stands in the report but for its flags, and gives the
/// place in `out` where they go (`push_item`).
pub fn item(out: &mut Vec<u8>, item: &Item, entry: &Entry, info: &str, deadline: &ItemDeadline) -> usize {
    let mut json = Pretty { out: std::mem::take(out), depth: ITEM_DEPTH, first: true };
    json.open(b'{');
    json.string("seq", item.seq_label());
    json.string("point", item.point_label());
    json.string("title", &item.title);
    json.string("deadline_text", &item.deadline_text);
    json.key("deadline");
    deadline_json(&mut json, deadline, &item.deadline_text);
    json.string("info", info);
    json.string("assessment", &entry.assessment);
    json.key("flags");
    let flags_at = json.out.len();
    json.string("responsible", &item.responsible);
    json.string("review", entry.review.as_str());
    json.string_or_null("carried_from", entry.carried_from.map(|p| p.to_string()).as_deref());
    // The other columns, caption → text, in the table's order.
    json.key("extra");
    json.open(b'{');
    for e in &item.extra {
        json.string(&e.caption, &e.text);
    }
    json.close(b'}');
    json.close(b'}');
    *out = json.out;
    flags_at
}

/// Appends an item of the report: `rendered` as `item` made it, its `flags` at `flags_at`;
/// `first`: the report's first item.
pub fn push_item(out: &mut Vec<u8>, first: bool, (rendered, flags_at): (&[u8], usize), flags: Flags) {
    let (before, after) = rendered.split_at(flags_at.min(rendered.len()));
    if !first {
        out.push(b',');
    }
    new_line(out, ITEM_DEPTH);
    out.extend_from_slice(before);
    let mut json = Pretty { out: std::mem::take(out), depth: ITEM_DEPTH + 1, first: true };
    json.open(b'[');
    for name in flags.names() {
        json.element();
        push_json_str(&mut json.out, name);
    }
    json.close(b']');
    *out = json.out;
    out.extend_from_slice(after);
}

/// Appends the end of the report, after its items (`any`: after at least one).
pub fn tail(out: &mut Vec<u8>, any: bool) {
    if any {
        new_line(out, ITEM_DEPTH - 1);
    }
    out.extend_from_slice(b"]\n}\n");
}

/// The report's fields before its items.
fn head_of<'a>(plan: &'a Plan, period: &'a Period, as_of: NaiveDate, counts: Counts) -> Head<'a> {
    Head {
        plan: PlanHead {
            organisation: &plan.organisation,
            approved_by: &plan.approved_by,
            year: plan.year(),
            years: plan.years,
        },
        period: PeriodHead {
            id: period.id.to_string(),
            title: &period.title,
            start: period.id.start().to_string(),
            end: period.id.end().to_string(),
            report_date: period.report_date.map(|d| d.to_string()),
        },
        as_of: as_of.to_string(),
        counts,
    }
}

/// The depth of the items' objects: in the report's object, in its `"items"` array.
const ITEM_DEPTH: usize = 2;

#[derive(Serialize)]
struct Head<'a> {
    plan: PlanHead<'a>,
    period: PeriodHead<'a>,
    as_of: String,
    counts: Counts,
}

#[derive(Serialize)]
struct PlanHead<'a> {
    organisation: &'a str,
    approved_by: &'a str,
    /// The first year, as before plans had several.
    year: i32,
    years: Years,
}

#[derive(Serialize)]
struct PeriodHead<'a> {
    id: String,
    title: &'a str,
    start: String,
    end: String,
    report_date: Option<String>,
}

fn new_line(out: &mut Vec<u8>, depth: usize) {
    out.push(b'\n');
    out.resize(out.len() + 2 * depth, b' ');
}

/// JSON as serde_json's `to_writer_pretty` writes it (two spaces a level, `[]` and `{}`
/// when empty), its strings through `push_json_str`: a report's 27 MB of items took serde
/// two passes and a copy.
struct Pretty {
    out: Vec<u8>,
    depth: usize,
    /// Whether the open array or object has no value yet.
    first: bool,
}

impl Pretty {
    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        (self.depth, self.first) = (self.depth + 1, true);
    }

    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.first {
            new_line(&mut self.out, self.depth);
        }
        self.out.push(bracket);
        self.first = false;
    }

    /// Before a value of an array, or a key of an object.
    fn element(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        new_line(&mut self.out, self.depth);
        self.first = false;
    }

    fn key(&mut self, key: &str) {
        self.element();
        push_json_str(&mut self.out, key);
        self.out.extend_from_slice(b": ");
    }

    fn string(&mut self, key: &str, value: &str) {
        self.key(key);
        push_json_str(&mut self.out, value);
    }

    /// A value that needs no escaping: a number, `true`, `null`, a date.
    fn plain(&mut self, key: &str, value: impl std::fmt::Display) {
        self.key(key);
        let _ = write!(self.out, "{value}");
    }

    fn string_or_null(&mut self, key: &str, value: Option<&str>) {
        match value {
            Some(v) => self.string(key, v),
            None => self.plain(key, "null"),
        }
    }

    /// An array of values written by `each`.
    fn array<T>(&mut self, key: &str, values: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.key(key);
        self.open(b'[');
        for v in values {
            self.element();
            each(self, v);
        }
        self.close(b']');
    }
}

fn deadline_json(json: &mut Pretty, d: &ItemDeadline, text: &str) {
    let unparsed = match &d.deadline {
        Deadline::Known(_) => None,
        Deadline::Partial { unparsed, .. } => Some(unparsed.clone()),
        Deadline::Unknown => Some(text.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty()),
    };
    json.open(b'{');
    json.string("kind", d.deadline.kind().as_str());
    json.array("due", &d.due, |j, due| {
        j.open(b'{');
        j.plain("date", format_args!("\"{}\"", due.date));
        j.plain("reports_on", format_args!("\"{}\"", due.reports_on));
        j.close(b'}');
    });
    json.string_or_null("unparsed", unparsed.as_deref());
    json.array("outside_plan", &d.outside_plan, |j, year| {
        let _ = write!(j.out, "{year}");
    });
    json.close(b'}');
}

#[cfg(test)]
mod tests;
