//! `otchet export`: a period's report as docx, html, csv or txt, or the whole store as
//! JSON, written to a file all at once.

use std::path::PathBuf;

use clap::ArgMatches;

use super::Failure;
use super::connect::Context;
use crate::domain::PeriodId;
use crate::formats::{ExportFormat, ExportInput, PeriodExport, export, save_atomically, save_json_export};
use crate::tr;

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    // Everything the user typed is checked before the store is opened.
    let name = m.get_one::<String>("format").map(String::as_str).unwrap_or_default();
    let format = ExportFormat::parse(name)
        .ok_or_else(|| Failure::usage(tr!("cli-bad-format", value = name, formats = ExportFormat::names(", "))))?;
    let Some(output) = m.get_one::<PathBuf>("output") else {
        return Err(Failure::usage(tr!("cli-export-output")));
    };
    let period = match m.get_one::<String>("period") {
        Some(text) => Some(PeriodId::parse(text).ok_or_else(|| Failure::usage(tr!("cli-bad-period", value = text)))?),
        None => None,
    };
    let as_of = match m.get_one::<String>("as-of") {
        Some(text) => Some(super::args::parse_date(text)?),
        None => None,
    };

    let delimiter = csv_delimiter(m)?;
    let mut client = ctx.client()?;
    let store = ctx.store_path()?.display().to_string();
    let empty_store = || Failure::other(tr!("status-empty-store", path = store.as_str()));
    let file = output.display().to_string();
    if format.is_whole_store() {
        if client.plans()?.is_empty() {
            return Err(empty_store());
        }
        // Written as it comes: a large store is never held, as values or as bytes.
        let (plans, periods) = save_json_export::<Failure>(output, |take| client.dump_to(take))?;
        say!("{}", tr!("export-dump-done", file = file.as_str(), plans = plans, periods = periods));
        return Ok(());
    }
    let (bytes, done) = {
        let Some(snapshot) = client.snapshot(period)? else {
            return Err(super::period::no_period(ctx, &mut client));
        };
        // The period's report date, else today.
        let as_of = as_of.or(snapshot.period.report_date).unwrap_or_else(crate::clock::today);
        let mut period_export = PeriodExport::new(&snapshot, as_of, &ctx.config.rules);
        period_export.csv_delimiter = delimiter;
        let input = ExportInput::Period(period_export);
        let bytes = export(format, &input).map_err(Failure::other)?;
        let done = tr!(
            "export-done",
            file = file.as_str(),
            format = format.extension(),
            period = snapshot.period.id.to_string(),
            items = snapshot.items.len()
        );
        (bytes, done)
    };
    save_atomically(output, &bytes).map_err(Failure::other)?;
    say!("{done}");
    Ok(())
}

/// `--csv-delimiter`: one character (`;` unless given).
fn csv_delimiter(m: &ArgMatches) -> Result<char, Failure> {
    let Some(text) = m.get_one::<String>("csv-delimiter") else { return Ok(PeriodExport::RUSSIAN_EXCEL_DELIMITER) };
    let text = if text == "\\t" { "\t" } else { text.as_str() };
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !matches!(c, '"' | '\r' | '\n') => Ok(c),
        _ => Err(Failure::usage(tr!("cli-bad-csv-delimiter", value = text))),
    }
}
