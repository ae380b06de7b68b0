//! `otchet backup FILE`: a checksummed snapshot of the whole store, taken through the
//! server while staff keep saving; `otchet restore FILE`: a backup (or a plain JSON
//! export) loaded into an empty store. The format is `formats::backup`.

use std::path::PathBuf;

use clap::{Arg, ArgMatches, Command, value_parser};

use super::Failure;
use super::args::localized;
use super::connect::Context;
use crate::formats::backup::{self, BackupWriter, Verified};
use crate::formats::{ImportError, Problem};
use crate::tr;

fn file_arg(help: String) -> Arg {
    Arg::new("file").value_name(tr!("cli-file")).required(true).value_parser(value_parser!(PathBuf)).help(help)
}

pub fn backup_command() -> Command {
    localized(Command::new("backup"))
        .about(tr!("cli-backup"))
        .override_usage(tr!("cli-usage-backup"))
        .arg(file_arg(tr!("cli-backup-file")))
}

pub fn restore_command() -> Command {
    localized(Command::new("restore"))
        .about(tr!("cli-restore"))
        .override_usage(tr!("cli-usage-restore"))
        .arg(file_arg(tr!("cli-restore-file")))
}

fn file(m: &ArgMatches) -> Result<&PathBuf, Failure> {
    m.get_one::<PathBuf>("file").ok_or_else(|| Failure::usage(tr!("cli-backup-file")))
}

pub fn run_backup(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let path = file(m)?;
    let mut client = ctx.client()?;
    if client.plans()?.is_empty() {
        return Err(Failure::other(tr!("status-empty-store", path = ctx.store_path()?.display().to_string())));
    }
    // The server reads the whole store under its writer lock: one consistent moment, sent
    // and written a part at a time.
    let mut backup = BackupWriter::create(path)?;
    client.dump_to(|part| backup.part(part).map_err(Failure::from))?;
    let (plans, periods) = backup.counts();
    // It holds the whole store: readable by its owner only.
    backup.save(0o600, &crate::clock::local_rfc3339())?;
    say!("{}", tr!("backup-done", file = path.display().to_string(), plans = plans, periods = periods));
    Ok(())
}

pub fn run_restore(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let path = file(m)?;
    let bytes =
        std::fs::read(path).map_err(|e| ImportError::new(path, Problem::Unreadable(crate::i18n::os_error(&e))))?;
    // Everything is checked before the store is touched.
    let (dump, verified) = backup::read(path, &bytes)?;
    if let Some(t) = dump.first_too_long() {
        let limit = crate::domain::limits::MAX_TEXT_BYTES;
        let detail = crate::i18n::text_too_long(&t.point, t.field, t.bytes, limit);
        return Err(Failure::usage(format!("{}: {detail}", path.display())));
    }
    if let Err(problem) = dump.check() {
        let detail = crate::proto::describe_dump_problem(&problem);
        return Err(Failure::usage(format!("{}: {detail}", path.display())));
    }
    let plans = dump.plans.len();
    let periods = dump.plans.iter().map(|p| p.periods.len()).sum::<usize>();
    let items = dump.plans.iter().map(|p| p.items.len()).sum::<usize>();
    let mut client = ctx.client_creating()?;
    client.load_dump(dump)?;
    let file = path.display().to_string();
    let store = ctx.store_path()?.display().to_string();
    let text = match verified {
        Verified::Checksum => {
            tr!("restore-done", file = file, store = store, plans = plans, periods = periods, items = items)
        }
        Verified::Plain => {
            tr!("restore-done-plain", file = file, store = store, plans = plans, periods = periods, items = items)
        }
    };
    say!("{text}");
    Ok(())
}
