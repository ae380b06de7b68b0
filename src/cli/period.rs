//! `otchet period list | open ID`: the store's periods, and opening a new one (admins).

use clap::{Arg, ArgMatches, Command};

use super::Failure;
use super::args::localized;
use super::connect::Context;
use crate::client::Client;
use crate::domain::{PeriodId, Years};
use crate::text_width::sanitize;
use crate::tr;

pub fn command() -> Command {
    let id = || Arg::new("id").value_name("ID").required(true).help(tr!("cli-period-id"));
    localized(Command::new("period"))
        .about(tr!("cli-period-command"))
        .override_usage(tr!("cli-usage-period"))
        .subcommand_help_heading(tr!("cli-commands"))
        .subcommand_value_name(tr!("cli-command"))
        .subcommand(localized(Command::new("list")).about(tr!("cli-period-list")))
        .subcommand(localized(Command::new("open")).about(tr!("cli-period-open")).arg(id()))
}

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    match m.subcommand() {
        Some(("open", m)) => open(ctx, m),
        _ => list(ctx),
    }
}

fn period_id(m: &ArgMatches) -> Result<PeriodId, Failure> {
    let text = m.get_one::<String>("id").map(String::as_str).unwrap_or_default();
    PeriodId::parse(text).ok_or_else(|| Failure::usage(tr!("cli-bad-period", value = text)))
}

fn open(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let id = period_id(m)?;
    let mut client = ctx.client()?;
    let existed = client.plans()?.iter().any(|p| p.periods.contains(&id));
    let period = client.open_period(id)?;
    let title = sanitize(&period.title).into_owned();
    let text = if existed {
        tr!("period-already-open", id = id.to_string(), title = title)
    } else {
        tr!("period-opened", id = id.to_string(), title = title)
    };
    println!("{text}");
    Ok(())
}

fn list(ctx: &Context) -> Result<(), Failure> {
    let mut client = ctx.client()?;
    let plans = client.plans()?;
    if plans.is_empty() {
        let path = ctx.store_path()?.display().to_string();
        return Err(Failure::other(tr!("status-empty-store", path = path)));
    }
    for info in plans {
        println!(
            "{}",
            tr!("period-list-plan", years = crate::i18n::years_phrase(info.plan.years.first, info.plan.years.last))
        );
        if info.periods.is_empty() {
            println!("  {}", tr!("plan-no-periods"));
        }
        for id in info.periods {
            println!("  {:<10} {}", id.to_string(), id.official_title());
        }
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
