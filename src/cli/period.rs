//! `otchet period list | open ID [--copy-from ID] | close ID | set ID --report-date DATE |
//! summary [ID]`: the reporting cycle (opening, closing and dating are an admin's).

use clap::{Arg, ArgMatches, Command};

use super::Failure;
use super::args::{localized, parse_date, period_arg};
use super::connect::Context;
use crate::client::Client;
use crate::domain::summary::by_responsible;
use crate::domain::{Counts, PeriodId, Years};
use crate::model::Snapshot;
use crate::text_width::{sanitize, width};
use crate::tr;

pub fn command() -> Command {
    let id = || Arg::new("id").value_name("ID").required(true).help(tr!("cli-period-id"));
    localized(Command::new("period"))
        .about(tr!("cli-period-command"))
        .override_usage(tr!("cli-usage-period"))
        .subcommand_help_heading(tr!("cli-commands"))
        .subcommand_value_name(tr!("cli-command"))
        .subcommand(
            localized(Command::new("list"))
                .about(tr!("cli-period-list"))
                .arg(Arg::new("ids").long("ids").action(clap::ArgAction::SetTrue).help(tr!("cli-period-list-ids"))),
        )
        .subcommand(
            localized(Command::new("open"))
                .about(tr!("cli-period-open"))
                .arg(id())
                .arg(Arg::new("copy-from").long("copy-from").value_name("ID").help(tr!("cli-period-copy-from"))),
        )
        .subcommand(localized(Command::new("close")).about(tr!("cli-period-close")).arg(id()))
        .subcommand(
            localized(Command::new("set")).about(tr!("cli-period-set")).arg(id()).arg(
                Arg::new("report-date")
                    .long("report-date")
                    .value_name(tr!("cli-date"))
                    .required(true)
                    .help(tr!("cli-period-report-date")),
            ),
        )
        .subcommand(localized(Command::new("summary")).about(tr!("cli-period-summary")).arg(period_arg()))
}

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    match m.subcommand() {
        Some(("open", m)) => open(ctx, m),
        Some(("close", m)) => close(ctx, m),
        Some(("set", m)) => set(ctx, m),
        Some(("summary", m)) => summary(ctx, m),
        Some(("list", m)) if m.get_flag("ids") => list_ids(ctx),
        _ => list(ctx),
    }
}

fn period_id(m: &ArgMatches, name: &str) -> Result<Option<PeriodId>, Failure> {
    match m.get_one::<String>(name) {
        Some(text) => {
            PeriodId::parse(text).map(Some).ok_or_else(|| Failure::usage(tr!("cli-bad-period", value = text)))
        }
        None => Ok(None),
    }
}

fn required_id(m: &ArgMatches) -> Result<PeriodId, Failure> {
    period_id(m, "id")?.ok_or_else(|| Failure::usage(tr!("cli-period-id")))
}

fn open(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let id = required_id(m)?;
    let copy_from = period_id(m, "copy-from")?;
    let mut client = ctx.client()?;
    let opened = client.open_period(id, copy_from)?;
    let title = sanitize(&opened.period.title).into_owned();
    if !opened.created {
        say!("{}", tr!("period-already-open", id = id.to_string(), title = title));
        return Ok(());
    }
    say!("{}", tr!("period-opened", id = id.to_string(), title = title));
    if let Some(from) = copy_from {
        say!("{}", tr!("period-carried", n = opened.carried, from = from.to_string()));
    }
    Ok(())
}

fn close(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let id = required_id(m)?;
    ctx.client()?.close_period(id)?;
    say!("{}", tr!("period-closed", id = id.to_string()));
    Ok(())
}

fn set(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let id = required_id(m)?;
    let text = m.get_one::<String>("report-date").map(String::as_str).unwrap_or_default();
    // An empty date clears the stored one.
    let date = if text.trim().is_empty() { None } else { Some(parse_date(text)?) };
    let period = ctx.client()?.set_report_date(id, date)?;
    let shown = period.report_date.map_or_else(|| tr!("plan-none"), |d| d.format("%d.%m.%Y").to_string());
    say!("{}", tr!("period-report-date-set", id = id.to_string(), date = shown));
    Ok(())
}

/// A period's snapshot with its rows' flags as of its report date (else today).
fn tallies(
    ctx: &Context,
    snapshot: &Snapshot,
) -> (chrono::NaiveDate, Vec<(crate::domain::Flags, crate::domain::Review)>) {
    let as_of = snapshot.period.report_date.unwrap_or_else(crate::clock::today);
    (as_of, super::status::judge(snapshot, as_of, &ctx.config.rules))
}

/// Each period's id on a line of its own, newest last (for shell completion).
fn list_ids(ctx: &Context) -> Result<(), Failure> {
    let mut client = ctx.client()?;
    let mut ids: Vec<PeriodId> = client.plans()?.into_iter().flat_map(|p| p.periods).collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        println!("{id}");
    }
    Ok(())
}

fn list(ctx: &Context) -> Result<(), Failure> {
    let mut client = ctx.client()?;
    let plans = client.plans()?;
    if plans.is_empty() {
        return Err(no_period(ctx, &mut client));
    }
    let today = crate::clock::today();
    for info in plans {
        say!(
            "{}",
            tr!("period-list-plan", years = crate::i18n::years_phrase(info.plan.years.first, info.plan.years.last))
        );
        if info.periods.is_empty() {
            say!("  {}", tr!("plan-no-periods"));
        }
        for id in info.periods {
            // The server's counts, as `status` shows them: no item is sent.
            let Some(f) = client.counts(Some(id), (None, today), ctx.config.rules.clone(), None)? else { continue };
            let date = f.period.report_date.map_or_else(|| tr!("plan-none"), |d| d.format("%d.%m.%Y").to_string());
            say!("  {:<10} {}", id.to_string(), sanitize(&f.period.title));
            say!(
                "             {}",
                tr!("period-list-date", date = date, as_of = f.as_of.format("%d.%m.%Y").to_string())
            );
            say!("             {}", counts_line(&f.counts));
        }
    }
    Ok(())
}

fn counts_line(c: &Counts) -> String {
    tr!(
        "period-counts",
        items = c.items,
        no_result = c.no_result,
        overdue = c.overdue,
        ready = c.ready,
        accepted = c.accepted
    )
}

/// Who still owes text: each responsible name with its items' counts.
fn summary(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let period = period_id(m, "period")?;
    let mut client = ctx.client()?;
    // The list without the texts: the flags need the assessments alone.
    let Some(snapshot) = client.list(period)? else { return Err(no_period(ctx, &mut client)) };
    let (as_of, rows) = tallies(ctx, &snapshot);
    let heading = tr!(
        "period-summary-heading",
        period = sanitize(&snapshot.period.title).into_owned(),
        id = snapshot.period.id.to_string(),
        date = as_of.format("%d.%m.%Y").to_string()
    );
    say!("{heading}");
    let summary =
        by_responsible(snapshot.items.iter().zip(rows).map(|(item, (f, r))| (item.responsible.as_str(), f, r)));
    let names: Vec<String> = summary
        .iter()
        .map(|(n, _)| n.as_deref().map_or_else(|| tr!("summary-nobody"), |n| sanitize(n).into_owned()))
        .collect();
    let name_width = names.iter().map(|n| width(n)).max().unwrap_or(0).min(40);
    for (name, (_, counts)) in names.iter().zip(&summary) {
        let shown = crate::text_width::truncate(name, name_width);
        let pad = " ".repeat(name_width.saturating_sub(width(&shown)));
        say!("  {shown}{pad}  {}", counts_line(counts));
    }
    Ok(())
}

/// The quarter to report on first in a plan of these years.
pub(super) fn first_period(years: Years) -> PeriodId {
    PeriodId::quarter(years.first_quarter(crate::clock::today()))
}

/// Why a command that needs a period has none: an empty store, or a plan with no period
/// yet (then which to open).
pub(super) fn no_period(ctx: &Context, client: &mut Client) -> Failure {
    match client.plans().ok().and_then(|plans| plans.into_iter().next()) {
        Some(info) => Failure::other(tr!(
            "status-no-period",
            years = crate::i18n::years_phrase(info.plan.years.first, info.plan.years.last),
            period = first_period(info.plan.years).to_string()
        )),
        None => {
            let path = ctx.store_path().map(|p| p.display().to_string()).unwrap_or_default();
            Failure::other(tr!("status-empty-store", path = path))
        }
    }
}
