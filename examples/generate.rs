//! Writes a large generated plan as one report file per quarter, in Word's text export, for
//! `otchet import` and the measurements of docs/performance.md:
//!
//! ```sh
//! cargo run --release --example generate -- --items 10000 --periods 4 --seed 1 --output DIR
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use otchet::dev::{GenOptions, generate};
use otchet::domain::FlagRules;
use otchet::formats::{ExportFormat, ExportInput, PeriodExport, export, save_atomically};

struct Args {
    options: GenOptions,
    output: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut options = GenOptions { items: 10_000, periods: 4, seed: 1 };
    let mut output = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || value.parse::<u64>().map_err(|_| format!("{flag}: not a number: {value}"));
        match flag.as_str() {
            "--items" => options.items = usize::try_from(number()?).map_err(|e| e.to_string())?,
            "--periods" => options.periods = u8::try_from(number()?.clamp(1, 4)).unwrap_or(4),
            "--seed" => options.seed = number()?,
            "--output" | "-o" => output = Some(PathBuf::from(&value)),
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    let output = output.ok_or("--output DIR is required")?;
    Ok(Args { options, output })
}

fn run() -> Result<(), String> {
    let Args { options, output } = parse_args()?;
    std::fs::create_dir_all(&output).map_err(|e| format!("{}: {e}", output.display()))?;
    let generated = generate(&options)?;
    let rules = FlagRules::default();
    for index in 0..generated.periods.len() {
        let Some(snapshot) = generated.snapshot(index) else { continue };
        let as_of = snapshot.period.id.end();
        let input = ExportInput::Period(PeriodExport::new(&snapshot, as_of, &rules));
        let bytes = export(ExportFormat::Txt, &input).map_err(|e| e.to_string())?;
        let path = output.join(ExportFormat::Txt.default_file_name(snapshot.period.id));
        save_atomically(&path, &bytes).map_err(|e| e.to_string())?;
        println!("{}: {}, {} items", path.display(), snapshot.period.id, options.items);
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::from(2)
        }
    }
}
