//! `otchet plan show | set … | responsible POINT [TEXT]`: the plan's header fields, its
//! years and the closing block of its reports, and who answers for an item.

use clap::{Arg, ArgMatches, Command};

use super::Failure;
use super::args::localized;
use super::connect::Context;
use crate::client::Client;
use crate::domain::plan::strip_number_dot;
use crate::domain::{PeriodId, Years};
use crate::model::{PlanChange, PlanInfo};
use crate::text_width::{sanitize, width};
use crate::tr;

pub fn command() -> Command {
    let plan_arg = || Arg::new("plan").long("plan").value_name(tr!("cli-year")).help(tr!("cli-plan-which"));
    let text = |flag: &'static str, help: String| Arg::new(flag).long(flag).value_name(tr!("cli-text")).help(help);
    let set = localized(Command::new("set"))
        .about(tr!("cli-plan-set"))
        .override_usage(tr!("cli-usage-plan-set"))
        .arg(text("organisation", tr!("cli-plan-organisation")))
        .arg(text("approved-by", tr!("cli-plan-approved-by")))
        .arg(Arg::new("years").long("years").value_name("A-B").help(tr!("cli-plan-years")))
        .arg(text("signed-by", tr!("cli-plan-signed-by")))
        .arg(text("executor", tr!("cli-plan-executor")))
        .arg(plan_arg());
    localized(Command::new("plan"))
        .about(tr!("cli-plan"))
        .override_usage(tr!("cli-usage-plan"))
        .subcommand_help_heading(tr!("cli-commands"))
        .subcommand_value_name(tr!("cli-command"))
        .subcommand(localized(Command::new("show")).about(tr!("cli-plan-show")).arg(plan_arg()))
        .subcommand(set)
        .subcommand(
            localized(Command::new("responsible"))
                .about(tr!("cli-plan-responsible"))
                .override_usage(tr!("cli-usage-plan-responsible"))
                .arg(Arg::new("point").value_name(tr!("cli-point")).required(true).help(tr!("cli-plan-point")))
                .arg(Arg::new("text").value_name(tr!("cli-text")).help(tr!("cli-plan-responsible-text")))
                .arg(plan_arg()),
        )
}

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    match m.subcommand() {
        Some(("set", m)) => set(ctx, m),
        Some(("responsible", m)) => responsible(ctx, m),
        Some((_, m)) => show(ctx, m),
        None => show(ctx, m),
    }
}

fn show(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let mut client = ctx.client()?;
    let info = chosen(ctx, &mut client, m)?;
    print!("{}", crate::text_width::sanitize(&describe(&info)));
    Ok(())
}

fn set(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let text = |flag: &str| m.get_one::<String>(flag).cloned();
    let years = match m.get_one::<String>("years") {
        Some(t) => Some(Years::parse(t).ok_or_else(|| Failure::usage(tr!("cli-bad-years", value = t.as_str())))?),
        None => None,
    };
    let change = PlanChange {
        organisation: text("organisation"),
        approved_by: text("approved-by"),
        years,
        signed_by: text("signed-by"),
        executor: text("executor"),
    };
    if change.is_empty() {
        return Err(Failure::usage(tr!("plan-set-nothing")));
    }
    let mut client = ctx.client()?;
    let info = chosen(ctx, &mut client, m)?;
    let plan = client.set_plan(info.plan.id, change)?;
    print!("{}", crate::text_width::sanitize(&describe(&PlanInfo { plan, ..info })));
    Ok(())
}

fn responsible(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let point = m.get_one::<String>("point").map(|p| strip_number_dot(p).to_owned()).unwrap_or_default();
    let mut client = ctx.client()?;
    let info = chosen(ctx, &mut client, m)?;
    let items = client.items(info.plan.id)?;
    let Some(item) = items.iter().find(|i| i.point_label() == point) else {
        return Err(Failure::usage(tr!(
            "plan-no-item",
            point = point.as_str(),
            years = crate::i18n::years_phrase(info.plan.years.first, info.plan.years.last)
        )));
    };
    let text = match m.get_one::<String>("text") {
        Some(text) => {
            client.set_responsible(info.plan.id, item.id, text.clone())?;
            text.trim().to_owned()
        }
        None => item.responsible.clone(),
    };
    let shown = if text.is_empty() { tr!("plan-none") } else { sanitize(&text).into_owned() };
    say!("{point}  {}", tr!("plan-responsible-is", text = shown));
    Ok(())
}

/// The plan `--plan YEAR` names (the one covering that year), else the plan of the latest
/// period, else the only or latest plan.
fn chosen(ctx: &Context, client: &mut Client, m: &ArgMatches) -> Result<PlanInfo, Failure> {
    let plans = client.plans()?;
    if let Some(text) = m.get_one::<String>("plan") {
        let year = Years::parse(text).filter(|y| y.first == y.last).map(|y| y.first);
        let year = year.ok_or_else(|| Failure::usage(tr!("cli-bad-year", value = text.as_str())))?;
        let known = plans.iter().map(|p| p.plan.years.to_string()).collect::<Vec<_>>().join(", ");
        return plans
            .into_iter()
            .find(|p| p.plan.years.contains(year))
            .ok_or_else(|| Failure::usage(tr!("plan-no-such", year = year, plans = known)));
    }
    let latest = |p: &PlanInfo| p.periods.iter().copied().max_by_key(period_order).map(|id| period_order(&id));
    let chosen = plans.into_iter().max_by_key(|p| (latest(p), p.plan.years.last));
    chosen.ok_or_else(|| {
        let path = ctx.store_path().map(|p| p.display().to_string()).unwrap_or_default();
        Failure::other(tr!("status-empty-store", path = path))
    })
}

/// Periods as the default one is chosen: a whole span only when nothing else.
fn period_order(id: &PeriodId) -> (bool, chrono::NaiveDate, u8) {
    (!id.is_span(), id.end(), id.kind.code())
}

/// The plan as `plan show` prints it: one field a line, labels aligned.
fn describe(info: &PlanInfo) -> String {
    let plan = &info.plan;
    let none = tr!("plan-none");
    let or_none = |s: &str| if s.trim().is_empty() { none.clone() } else { s.trim().to_owned() };
    let columns: Vec<String> = plan.columns.iter().map(|c| crate::text_width::one_line(&c.caption)).collect();
    let periods: Vec<String> = info.periods.iter().map(PeriodId::to_string).collect();
    let rows = [
        (tr!("plan-years"), plan.years.to_string()),
        (tr!("plan-organisation"), or_none(&plan.organisation)),
        (tr!("plan-approved-by"), or_none(&plan.approved_by)),
        (tr!("plan-title"), or_none(&plan.title_lines.join("\n"))),
        (tr!("plan-items"), tr!("plan-items-count", n = info.items, sections = plan.sections.len())),
        (tr!("plan-columns"), if columns.is_empty() { none.clone() } else { columns.join("; ") }),
        (tr!("plan-periods"), if periods.is_empty() { tr!("plan-no-periods") } else { periods.join(", ") }),
        (tr!("plan-signed-by"), or_none(&plan.signed_by)),
        (tr!("plan-executor"), or_none(&plan.executor)),
    ];
    let label_width = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let mut out = String::new();
    for (label, value) in rows {
        let pad = " ".repeat(label_width - width(&label));
        for (i, line) in sanitize(&value).lines().enumerate() {
            let lead = if i == 0 { format!("{label}:{pad} ") } else { " ".repeat(label_width + 2) };
            out.push_str(&format!("{lead}{line}\n"));
        }
    }
    out
}
