//! `otchet status`: counts and flagged items of a period, as text or as the JSON of cli.md;
//! `--mine` and `--responsible TEXT` narrow it to the items someone answers for.

use std::io::{IsTerminal, Write};

use chrono::NaiveDate;
use clap::ArgMatches;

use super::Failure;
use super::connect::Context;
use crate::domain::{Counts, DeadlineCache, Entry, Flags, Item, ItemDeadline, ItemId};
use crate::model::{FLAGGED_TITLE_WIDTH, Flagged, FlaggedItem, Snapshot};
use crate::tr;

mod json;

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

impl Asked {
    /// The date asked for, else the period's report date, else today.
    fn as_of(&self, s: &Snapshot) -> NaiveDate {
        self.as_of.or(s.period.report_date).unwrap_or(self.today)
    }
}

/// The JSON carries every item and its texts: the period's list first (no texts), then
/// its execution texts a run at a time as the items are written, so that neither side
/// holds a whole period's texts.
fn json_report(
    ctx: &Context,
    client: &mut crate::client::Client,
    asked: &Asked,
    out: &mut impl Write,
) -> Result<std::io::Result<()>, Failure> {
    let Some(snapshot) = client.list(asked.period)? else {
        return Err(super::period::no_period(ctx, client));
    };
    let as_of = asked.as_of(&snapshot);
    let rows: Vec<Row<'_>> =
        evaluate(&snapshot, as_of, &ctx.config.rules).into_iter().filter(|r| asked.selection.admits(r.item)).collect();
    let period = snapshot.period.id;
    let mut texts = TextRuns { client, period, run: Default::default(), started: false, last: false, failed: None };
    let written = json::write(out, &snapshot, as_of, &rows, &mut |item| texts.info(item));
    match texts.failed.take() {
        Some(e) => Err(e.into()),
        None => Ok(written),
    }
}

/// A period's execution texts, in item order, as the server sends them a run at a time
/// ahead of the last (`Request::PeriodTexts`): it reads the next run while this one is
/// written.
struct TextRuns<'a> {
    client: &'a mut crate::client::Client,
    period: crate::domain::PeriodId,
    run: std::collections::VecDeque<(crate::domain::ItemId, crate::domain::Entry)>,
    /// Whether the runs were asked for.
    started: bool,
    /// Whether the last run has come.
    last: bool,
    /// The server's failure, when it stopped the writing.
    failed: Option<crate::client::ClientError>,
}

impl TextRuns<'_> {
    /// The execution text of `item` (empty if it has no entry); items are asked in order.
    fn info(&mut self, item: crate::domain::ItemId) -> std::io::Result<String> {
        let fetched = (|| loop {
            while self.run.front().is_some_and(|(id, _)| *id < item) {
                self.run.pop_front();
            }
            match self.run.front_mut() {
                Some((id, entry)) if *id == item => return Ok(std::mem::take(&mut entry.info)),
                Some(_) => return Ok(String::new()),
                None if self.last => return Ok(String::new()),
                None => {
                    let (run, last) =
                        if self.started { self.client.more_texts()? } else { self.client.period_texts(self.period)? };
                    self.started = true;
                    self.run.extend(run);
                    self.last = last;
                }
            }
        })();
        fetched.map_err(|e: crate::client::ClientError| {
            let said = e.to_string();
            self.failed = Some(e);
            std::io::Error::other(said)
        })
    }
}

impl Drop for TextRuns<'_> {
    /// Runs still on their way when the writing stopped are not read: the connection goes.
    fn drop(&mut self) {
        if self.started && !self.last {
            self.client.abandon();
        }
    }
}

/// The text lists only overdue and resultless items: the server works them out and sends
/// those alone, with the counts.
fn text_report(
    ctx: &Context,
    client: &mut crate::client::Client,
    asked: Asked,
    out: &mut impl Write,
) -> Result<std::io::Result<()>, Failure> {
    let responsible = match &asked.selection {
        Selection::All => None,
        Selection::AnsweredBy(names) => Some(names.clone()),
    };
    let rules = &ctx.config.rules;
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
    fn admits(&self, item: &Item) -> bool {
        match self {
            Selection::All => true,
            Selection::AnsweredBy(names) => item.answered_by(names),
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

pub(super) struct Row<'a> {
    pub item: &'a Item,
    pub entry: &'a Entry,
    pub deadline: std::sync::Arc<ItemDeadline>,
    pub flags: Flags,
}

pub(super) static EMPTY: Entry = Entry {
    info: String::new(),
    assessment: String::new(),
    changed_by: String::new(),
    changed_at: crate::domain::Stamp(0),
    revision: 0,
    review: crate::domain::Review::Open,
    carried_from: None,
};

pub(super) fn evaluate<'a>(s: &'a Snapshot, as_of: NaiveDate, rules: &crate::domain::FlagRules) -> Vec<Row<'a>> {
    let entries: std::collections::HashMap<ItemId, &Entry> = s.entries.iter().map(|(id, e)| (*id, e)).collect();
    let mut cache = DeadlineCache::default();
    s.items
        .iter()
        .map(|item| {
            let entry = entries.get(&item.id).copied().unwrap_or(&EMPTY);
            let deadline = cache.item_deadline(item, s.period.id, s.plan.years);
            let flags = deadline.flags(&entry.assessment, s.period.id, as_of, rules);
            Row { item, entry, deadline, flags }
        })
        .collect()
}

pub(super) fn counts(rows: &[Row<'_>]) -> Counts {
    let mut counts = Counts::default();
    for r in rows {
        counts.add(r.flags, r.entry.review);
    }
    counts
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
    let title = crate::text_width::sanitize(&r.title_start);
    write!(
        out,
        "  {on}{mark}{off} {:>5} {}  ",
        crate::text_width::sanitize(&r.point),
        crate::text_width::truncate(&title, FLAGGED_TITLE_WIDTH),
    )?;
    if let Some(date) = r.due {
        write!(out, "{}{}{}", said.before, date.format("%d.%m.%Y"), said.after)?;
    }
    writeln!(out)
}
