//! `otchet import FILE`

use std::path::PathBuf;

use clap::ArgMatches;

use super::Failure;
use super::connect::Context;
use crate::formats::read_report;
use crate::tr;

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let Some(file) = m.get_one::<PathBuf>("file") else {
        return Err(Failure::usage(tr!("cli-import-file")));
    };
    // Read and check the whole file before the store is touched.
    let report = read_report(file)?;
    let items = report.rows.len();
    let mut client = ctx.client()?;
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
