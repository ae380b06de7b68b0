//! `otchet import FILE`: a period's report (text export or .docx) merged into the store, or
//! the program's JSON export loaded into an empty store.

use std::path::{Path, PathBuf};

use clap::ArgMatches;

use super::Failure;
use super::connect::Context;
use crate::client::Client;
use crate::domain::{Report, Years};
use crate::formats::{Imported, read_document};
use crate::model::StoreDump;
use crate::tr;

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let Some(file) = m.get_one::<PathBuf>("file") else {
        return Err(Failure::usage(tr!("cli-import-file")));
    };
    let years = match m.get_one::<String>("years") {
        Some(t) => Some(Years::parse(t).ok_or_else(|| Failure::usage(tr!("cli-bad-years", value = t.as_str())))?),
        None => None,
    };
    // Read and check the whole file before the store is touched.
    let imported = read_document(file, ctx.config.import_limit)?;
    let mut client = ctx.client_creating()?;
    match imported {
        Imported::Report(mut report) => {
            report.years = years.or(report.years);
            if report.period.is_none() {
                import_plan(&mut client, file, report)
            } else {
                import_report(&mut client, file, report, m.get_flag("replace-edited"))
            }
        }
        Imported::Dump(dump) => load_dump(&mut client, file, dump),
    }
}

/// The plan itself: its items, and the period to open first when it has none.
fn import_plan(client: &mut Client, file: &Path, report: Report) -> Result<(), Failure> {
    let items = report.rows.len();
    let years = report.plan_years();
    let outcome = client.import(report)?;
    let file = file.display().to_string();
    if outcome.items_added + outcome.items_updated == 0 && !outcome.plan_created {
        say!("{}", tr!("import-plan-unchanged", file = file, years = &outcome.years));
    } else {
        let (added, updated) = (outcome.items_added, outcome.items_updated);
        say!(
            "{}",
            tr!(
                "import-plan-done",
                file = file,
                years = &outcome.years,
                items = items,
                added = added,
                updated = updated
            )
        );
    }
    let plan = client.plans()?.into_iter().find(|p| years.is_some_and(|y| p.plan.years.contains(y.first)));
    if let Some(plan) = plan.filter(|p| p.periods.is_empty()) {
        say!("{}", tr!("import-plan-next", period = super::period::first_period(plan.plan.years).to_string()));
    }
    Ok(())
}

fn import_report(client: &mut Client, file: &Path, report: Report, replace_edited: bool) -> Result<(), Failure> {
    let items = report.rows.len();
    let outcome = client.import_with(report, replace_edited)?;
    let file = file.display().to_string();
    if outcome.items_added + outcome.items_updated + outcome.entries_changed == 0
        && !outcome.period_created
        && !outcome.plan_created
    {
        say!("{}", tr!("import-unchanged", file = file, period = &outcome.period, items = items));
    } else {
        say!(
            "{}",
            tr!(
                "import-done",
                file = file,
                period = &outcome.period,
                items = items,
                added = outcome.items_added,
                updated = outcome.items_updated,
                entries = outcome.entries_changed
            )
        );
    }
    if outcome.entries_kept > 0 {
        say!("{}", tr!("import-kept", n = outcome.entries_kept));
    }
    if !outcome.edited_kept.is_empty() {
        say!("{}", tr!("import-edited-kept", points = outcome.edited_kept.join(", "), n = outcome.edited_kept.len()));
    }
    Ok(())
}

/// A dump restores a whole store, so it goes only into an empty one.
fn load_dump(client: &mut Client, file: &Path, dump: StoreDump) -> Result<(), Failure> {
    let plans = dump.plans.len();
    let periods = dump.plans.iter().map(|p| p.periods.len()).sum::<usize>();
    let items = dump.plans.iter().map(|p| p.items.len()).sum::<usize>();
    client.load_dump(dump)?;
    let file = file.display().to_string();
    say!("{}", tr!("import-dump-done", file = file, plans = plans, periods = periods, items = items));
    Ok(())
}
