//! `status --json`: the contract of cli.md, built as it is written, the items asked for a
//! run at a time as they are written, so that a large plan's report is never held whole.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::Row;
use crate::domain::{Counts, Deadline, DeadlineCache, FlagRules, Item, ItemDeadline, PeriodId, Years};
use crate::model::Snapshot;
use crate::text_width::push_json_str;

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
    let head = Head {
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
    };
    // No C1 control or bidi mark reaches a terminal raw, even inside a string.
    let mut safe = crate::text_width::JsonSafe::new(Vec::new());
    serde_json::to_writer_pretty(&mut safe, &head)
        .map_err(|e| std::io::Error::from(e.io_error_kind().unwrap_or(std::io::ErrorKind::Other)))?;
    safe.flush()?;
    let mut head = safe.into_inner();
    // The head's closing brace is taken back: the items follow inside it. Held with the
    // first items: a small report that fails half way shows nothing.
    if head.ends_with(b"\n}") {
        head.truncate(head.len() - 2);
    }
    head.reserve(Pretty::FLUSH_AT + (64 << 10));
    let mut json = Pretty { out: head, depth: 1, first: false };
    json.key("items");
    json.open(b'[');
    write_items(out, &mut json, judging, (s.period.id, s.plan.years), next_run)?;
    json.close(b']');
    json.close(b'}');
    json.out.push(b'\n');
    out.write_all(&json.out)
}

/// Each run's admitted items, judged as they come, written out a block at a time.
fn write_items(
    out: &mut impl Write,
    json: &mut Pretty,
    j: &Judging<'_>,
    (period, years): (PeriodId, Years),
    next_run: &mut NextRun<'_>,
) -> std::io::Result<()> {
    let mut cache = DeadlineCache::default();
    while let Some(run) = next_run()? {
        for (item, entry) in run.iter().filter(|(item, _)| (j.admits)(item)) {
            let entry = entry.as_ref().unwrap_or(&super::EMPTY);
            let deadline = cache.item_deadline(item, period, years);
            let flags = deadline.flags(&entry.assessment, period, j.as_of, j.rules);
            item_json(json, &Row { item, entry, deadline, flags });
            if json.out.len() >= Pretty::FLUSH_AT {
                out.write_all(&json.out)?;
                json.out.clear();
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Head<'a> {
    plan: Plan<'a>,
    period: Period<'a>,
    as_of: String,
    counts: Counts,
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
    /// The items are written out about this much at a time.
    const FLUSH_AT: usize = 256 << 10;

    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        (self.depth, self.first) = (self.depth + 1, true);
    }

    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.first {
            self.new_line();
        }
        self.out.push(bracket);
        self.first = false;
    }

    /// Before a value of an array, or a key of an object.
    fn element(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.new_line();
        self.first = false;
    }

    fn new_line(&mut self) {
        self.out.push(b'\n');
        self.out.resize(self.out.len() + 2 * self.depth, b' ');
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

/// An item as cli.md writes it.
fn item_json(json: &mut Pretty, r: &Row<'_>) {
    json.element();
    json.open(b'{');
    json.string("seq", r.item.seq_label());
    json.string("point", r.item.point_label());
    json.string("title", &r.item.title);
    json.string("deadline_text", &r.item.deadline_text);
    json.key("deadline");
    deadline_json(json, &r.deadline, &r.item.deadline_text);
    json.string("info", &r.entry.info);
    json.string("assessment", &r.entry.assessment);
    json.array("flags", &r.flags.names(), |j, name| push_json_str(&mut j.out, name));
    json.string("responsible", &r.item.responsible);
    json.string("review", r.entry.review.as_str());
    json.string_or_null("carried_from", r.entry.carried_from.map(|p| p.to_string()).as_deref());
    // The other columns, caption → text, in the table's order.
    json.key("extra");
    json.open(b'{');
    for e in &r.item.extra {
        json.string(&e.caption, &e.text);
    }
    json.close(b'}');
    json.close(b'}');
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
mod tests {
    use super::Pretty;

    #[test]
    fn pretty_writes_as_serde_json_s_pretty_printer() {
        // json! sorts its keys: they are written here in that order.
        let value = serde_json::json!({"items": [
            {"a": "ж\n", "due": [], "extra": {}, "n": null, "years": [2021, 2022], "d": {"due": [{"date": "x"}]}},
            {"a": "", "due": [], "extra": {"Графа": "текст"}, "n": 1, "years": [], "d": {"due": []}}
        ]});
        let mut json = Pretty { out: Vec::new(), depth: 0, first: true };
        json.open(b'{');
        json.key("items");
        json.open(b'[');
        for (a, extra, n, years) in
            [("ж\n", None, "null", vec![2021, 2022]), ("", Some(("Графа", "текст")), "1", vec![])]
        {
            json.element();
            json.open(b'{');
            json.string("a", a);
            json.key("d");
            json.open(b'{');
            let due: &[&str] = if years.is_empty() { &[] } else { &["x"] };
            json.array("due", due, |j, date| {
                j.open(b'{');
                j.string("date", date);
                j.close(b'}');
            });
            json.close(b'}');
            json.array::<()>("due", &[], |_, _| {});
            json.key("extra");
            json.open(b'{');
            if let Some((k, v)) = extra {
                json.string(k, v);
            }
            json.close(b'}');
            json.plain("n", n);
            json.array("years", &years, |j, y| j.out.extend_from_slice(y.to_string().as_bytes()));
            json.close(b'}');
        }
        json.close(b']');
        json.close(b'}');
        assert_eq!(String::from_utf8(json.out).unwrap(), serde_json::to_string_pretty(&value).unwrap());
    }
}
