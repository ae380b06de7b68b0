//! `otchet dev-generate` (hidden): writes a large generated plan as one report file per
//! quarter, in Word's text export, for `otchet import` and the measurements of
//! docs/performance.md.

use std::path::PathBuf;

use clap::{Arg, ArgMatches, Command, value_parser};

use super::Failure;
use super::args::localized;
use crate::dev::{GenOptions, generate};
use crate::domain::FlagRules;
use crate::formats::{ExportError, ExportFormat, ExportInput, PeriodExport, export, save_atomically};
use crate::tr;

pub fn command() -> Command {
    let number = |name: &'static str, default: &'static str, help: String| {
        Arg::new(name).long(name).value_name("N").value_parser(value_parser!(u64)).default_value(default).help(help)
    };
    localized(Command::new("dev-generate"))
        .hide(true)
        .about(tr!("cli-dev-generate"))
        .arg(number("items", "10000", tr!("cli-dev-generate-items")))
        .arg(
            Arg::new("periods")
                .long("periods")
                .value_name("1-4")
                .value_parser(value_parser!(u8).range(1..=4))
                .default_value("4")
                .help(tr!("cli-dev-generate-periods")),
        )
        .arg(number("seed", "1", tr!("cli-dev-generate-seed")))
        .arg(
            Arg::new("output")
                .long("output")
                .short('o')
                .value_name(tr!("cli-dir"))
                .required(true)
                .value_parser(value_parser!(PathBuf))
                .help(tr!("cli-dev-generate-output")),
        )
}

pub fn run(m: &ArgMatches) -> Result<(), Failure> {
    let items = m.get_one::<u64>("items").copied().unwrap_or(10_000);
    let options = GenOptions {
        items: usize::try_from(items).unwrap_or(usize::MAX),
        periods: m.get_one::<u8>("periods").copied().unwrap_or(4),
        seed: m.get_one::<u64>("seed").copied().unwrap_or(1),
    };
    let Some(dir) = m.get_one::<PathBuf>("output") else {
        return Err(Failure::usage(tr!("cli-dev-generate-output")));
    };
    let write_failed = |e: std::io::Error| ExportError::Write { path: dir.clone(), detail: e.to_string() };
    std::fs::create_dir_all(dir).map_err(|e| Failure::other(write_failed(e)))?;
    let generated = generate(&options).map_err(Failure::other)?;
    let rules = FlagRules::default();
    for index in 0..generated.periods.len() {
        let Some(snapshot) = generated.snapshot(index) else { continue };
        let as_of = snapshot.period.id.end();
        let input = ExportInput::Period(PeriodExport { snapshot: &snapshot, as_of, rules: &rules });
        let bytes = export(ExportFormat::Txt, &input).map_err(Failure::other)?;
        let path = dir.join(ExportFormat::Txt.default_file_name(snapshot.period.id));
        save_atomically(&path, &bytes).map_err(Failure::other)?;
        let period = snapshot.period.id.to_string();
        println!(
            "{}",
            tr!("dev-generate-done", file = path.display().to_string(), period = period, items = options.items)
        );
    }
    Ok(())
}
