//! `otchet status`: counts and flagged items of a period, as text or as the JSON of cli.md;
//! `--mine` and `--responsible TEXT` narrow it to the items someone answers for.

use std::io::{IsTerminal, Write};

use chrono::NaiveDate;
use clap::ArgMatches;

use super::Failure;
use super::connect::Context;
use crate::domain::{DeadlineCache, Entry, Flags, ItemId, Review};
use crate::model::{FLAGGED_TITLE_WIDTH, Flagged, FlaggedItem, Snapshot};
use crate::tr;

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let period = super::args::period_of(m)?;
    let as_of = match m.get_one::<String>("as-of") {
        Some(text) => Some(super::args::parse_date(text)?),
        None => None,
    };
    let mut client = ctx.client()?;
    let selection = selection(&mut client, m)?;
    // Buffered: stdout is line-buffered, and the JSON of a large plan has a million lines.
    let mut out = std::io::BufWriter::with_capacity(64 << 10, std::io::stdout().lock());
    let asked = Asked { period, as_of, today: crate::clock::today(), selection };
    let written = if m.get_flag("json") {
        json_report(ctx, &mut client, &asked, &mut out)?
    } else {
        text_report(ctx, &mut client, asked, &mut out)?
    }
    .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::other(crate::i18n::os_error(&e))),
        _ => Ok(()),
    }
}

/// What a status is asked for.
struct Asked {
    period: Option<crate::domain::PeriodId>,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
    selection: Selection,
}

/// The JSON carries every item and its texts: the server makes it from the items it keeps
/// rendered (`server::rendered`), and it is written as its parts come, but for its first
/// `HELD_BYTES`: a small report that fails half way shows nothing.
fn json_report(
    ctx: &Context,
    client: &mut crate::client::Client,
    asked: &Asked,
    out: &mut impl Write,
) -> Result<std::io::Result<()>, Failure> {
    let dates = (asked.as_of, asked.today);
    let rules = ctx.config.rules.clone();
    let (first, mut last) = client.status_json(asked.period, dates, rules, asked.selection.names())?;
    let Some(mut held) = first else {
        return Err(super::period::no_period(ctx, client));
    };
    let (mut written, mut holding) = (Ok(()), held.len() < HELD_BYTES);
    if !holding {
        written = out.write_all(&std::mem::take(&mut held));
    }
    while !last && written.is_ok() {
        let part;
        (part, last) = client.more_json()?;
        if holding {
            held.extend_from_slice(&part);
            holding = held.len() < HELD_BYTES;
            if !holding {
                written = out.write_all(&std::mem::take(&mut held));
            }
            continue;
        }
        written = out.write_all(&part);
    }
    // Parts still on their way when the writing stopped are not read: the connection goes.
    if !last {
        client.abandon();
    }
    Ok(written.and_then(|()| out.write_all(&held)))
}

/// The start of a report held until it is whole or this long.
const HELD_BYTES: usize = 256 << 10;

/// The text lists only overdue and resultless items: the server works them out and sends
/// those alone, with the counts.
fn text_report(
    ctx: &Context,
    client: &mut crate::client::Client,
    asked: Asked,
    out: &mut impl Write,
) -> Result<std::io::Result<()>, Failure> {
    let rules = &ctx.config.rules;
    let responsible = asked.selection.names();
    let Some(flagged) = client.flagged(asked.period, (asked.as_of, asked.today), rules.clone(), responsible)? else {
        return Err(super::period::no_period(ctx, client));
    };
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    Ok(write_text(out, &flagged, color))
}

/// Which items a status is about: all, those of some responsible names.
enum Selection {
    All,
    AnsweredBy(Vec<String>),
}

impl Selection {
    /// The names asked about, for the server's counts; none for all.
    fn names(&self) -> Option<Vec<String>> {
        match self {
            Selection::All => None,
            Selection::AnsweredBy(names) => Some(names.clone()),
        }
    }
}

/// `--responsible TEXT`, or `--mine`: the names the user is linked to (`users add … --responsible`).
fn selection(client: &mut crate::client::Client, m: &ArgMatches) -> Result<Selection, Failure> {
    if let Some(text) = m.get_one::<String>("responsible") {
        return Ok(Selection::AnsweredBy(vec![text.clone()]));
    }
    if !m.get_flag("mine") {
        return Ok(Selection::All);
    }
    let me = client.whoami()?;
    if me.responsible.is_empty() {
        let (name, role) = (me.actor.name.as_str(), me.role.as_str());
        return Err(Failure::usage(tr!("status-mine-unlinked", name = name, role = role)));
    }
    Ok(Selection::AnsweredBy(me.responsible))
}

/// Each item's flags as of `as_of`, with its entry's review state (`period summary`).
pub(super) fn judge(s: &Snapshot, as_of: NaiveDate, rules: &crate::domain::FlagRules) -> Vec<(Flags, Review)> {
    let entries: std::collections::HashMap<ItemId, &Entry> = s.entries.iter().map(|(id, e)| (*id, e)).collect();
    let mut cache = DeadlineCache::default();
    s.items
        .iter()
        .map(|item| {
            let entry = entries.get(&item.id).copied();
            let deadline = cache.item_deadline(item, s.period.id, s.plan.years);
            let flags = deadline.flags(entry.map_or("", |e| e.assessment.as_str()), s.period.id, as_of, rules);
            (flags, entry.map_or(Review::Open, |e| e.review))
        })
        .collect()
}

// ---- text ---------------------------------------------------------------------------

const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// The heading, the counts, and the overdue then the resultless items.
fn write_text(out: &mut impl Write, f: &Flagged, color: bool) -> std::io::Result<()> {
    let paint = |code: &'static str| if color { code } else { "" };
    if !f.organisation.trim().is_empty() {
        writeln!(out, "{}{}{}", paint(BOLD), crate::text_width::sanitize(&f.organisation), paint(RESET))?;
    }
    let (counts, as_of) = (&f.counts, f.as_of.format("%d.%m.%Y").to_string());
    let heading = tr!(
        "status-heading",
        period = crate::text_width::sanitize(&f.period.title).into_owned(),
        id = f.period.id.to_string(),
        date = as_of,
        items = counts.items
    );
    writeln!(out, "{heading}")?;
    let line = tr!(
        "status-counts",
        overdue = counts.overdue,
        no_result = counts.no_result,
        due_soon = counts.due_soon,
        done = counts.done
    );
    writeln!(out, "{line}")?;
    if counts.ready + counts.accepted > 0 {
        writeln!(out, "{}", tr!("status-review-counts", ready = counts.ready, accepted = counts.accepted))?;
    }
    let overdue: Vec<&FlaggedItem> = f.listed.iter().filter(|r| r.overdue).collect();
    let no_result: Vec<&FlaggedItem> = f.listed.iter().filter(|r| r.no_result).collect();
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
        // The date's words once per list, not once per line.
        let said = DueWords::new(mark == "!");
        for r in listed {
            write_item(out, r, &said, (mark, paint(code), paint(RESET)))?;
        }
    }
    Ok(())
}

/// «просрочено с {date}» or «срок {date}», with the date's place found once.
struct DueWords {
    before: String,
    after: String,
}

impl DueWords {
    fn new(overdue: bool) -> DueWords {
        const PLACE: &str = "\u{1}";
        let said = match overdue {
            true => tr!("status-missed", date = PLACE),
            false => tr!("status-due", date = PLACE),
        };
        let (before, after) = said.split_once(PLACE).unwrap_or((&said, ""));
        DueWords { before: before.to_owned(), after: after.to_owned() }
    }
}

fn write_item(
    out: &mut impl Write,
    r: &FlaggedItem,
    said: &DueWords,
    (mark, on, off): (&str, &str, &str),
) -> std::io::Result<()> {
    let title = crate::text_width::truncate(&crate::text_width::sanitize(&r.title_start), FLAGGED_TITLE_WIDTH);
    write!(out, "  {on}{mark}{off} {:>5} {title}", crate::text_width::sanitize(&r.point))?;
    if let Some(date) = r.due {
        // The dates in one column, whatever the titles' widths (by display width, not bytes).
        let pad = FLAGGED_TITLE_WIDTH.saturating_sub(crate::text_width::width(&title));
        write!(out, "{:pad$}  {}{}{}", "", said.before, date.format("%d.%m.%Y"), said.after)?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_of(point: &str, title: &str, due: Option<chrono::NaiveDate>) -> String {
        crate::i18n::set_lang(crate::i18n::Lang::Ru);
        let item = FlaggedItem { point: point.into(), title_start: title.into(), overdue: true, no_result: true, due };
        let mut out = Vec::new();
        write_item(&mut out, &item, &DueWords::new(true), ("!", "", "")).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_dates_stand_in_one_column_after_short_and_cut_titles_and_a_line_without_one_ends_at_its_title() {
        let date = chrono::NaiveDate::from_ymd_opt(2025, 12, 31);
        let cut = line_of("1.2", "Проведение заседаний комиссии по соблюдению требований", date);
        let short = line_of("3.2.2", "Проверка достоверности сведений", date);
        let column = |l: &str| crate::text_width::width(&l[..l.find("просрочено").unwrap()]);
        assert_eq!(column(&cut), column(&short), "{cut}{short}");
        assert!(cut.contains('…') && short.contains("сведений  ") && short.ends_with("31.12.2025\n"));
        let undated = line_of("4.5", "Рассмотрение обращений", None);
        assert_eq!(undated, "  !   4.5 Рассмотрение обращений\n");
    }
}
