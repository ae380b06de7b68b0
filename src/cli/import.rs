//! `otchet import FILE`: a period's report (text export or .docx) merged into the store, or
//! the program's JSON export loaded into an empty store.

use std::path::{Path, PathBuf};

use clap::ArgMatches;

use super::Failure;
use super::connect::Context;
use crate::client::Client;
use crate::domain::Report;
use crate::formats::{Imported, read_document};
use crate::model::StoreDump;
use crate::tr;

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let Some(file) = m.get_one::<PathBuf>("file") else {
        return Err(Failure::usage(tr!("cli-import-file")));
    };
    // Read and check the whole file before the store is touched.
    let imported = read_document(file, crate::formats::DEFAULT_IMPORT_LIMIT)?;
    let mut client = ctx.client()?;
    match imported {
        Imported::Report(report) => import_report(&mut client, file, report),
        Imported::Dump(dump) => load_dump(&mut client, file, dump),
    }
}

fn import_report(client: &mut Client, file: &Path, report: Report) -> Result<(), Failure> {
    let items = report.rows.len();
    let outcome = client.import(report)?;
    let file = file.display().to_string();
    if outcome.items_added + outcome.items_updated + outcome.entries_changed == 0
        && !outcome.period_created
        && !outcome.plan_created
    {
        println!("{}", tr!("import-unchanged", file = file, period = &outcome.period, items = items));
    } else {
        println!(
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
        println!("{}", tr!("import-kept", n = outcome.entries_kept));
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
    println!("{}", tr!("import-dump-done", file = file, plans = plans, periods = periods, items = items));
    Ok(())
}
