//! The command line, with its help in the user's language (cli.md is the contract).

use std::path::PathBuf;

use clap::{Arg, ArgAction, ArgMatches, Command, value_parser};

use crate::tr;

fn help_flag() -> Arg {
    Arg::new("help").short('h').long("help").action(ArgAction::Help).help(tr!("cli-help-flag"))
}

pub(super) fn localized(cmd: Command) -> Command {
    cmd.disable_help_flag(true)
        .help_template(tr!("cli-help-template"))
        .next_help_heading(tr!("cli-options"))
        .arg(help_flag())
}

fn db_arg() -> Arg {
    Arg::new("db")
        .long("db")
        .value_name(tr!("cli-dir"))
        .value_parser(value_parser!(PathBuf))
        .global(true)
        .help(tr!("cli-db"))
}

fn lang_arg() -> Arg {
    Arg::new("lang").long("lang").value_name("ru|en").global(true).help(tr!("cli-lang"))
}

pub(super) fn period_arg() -> Arg {
    Arg::new("period").long("period").value_name("ID").help(tr!("cli-period"))
}

pub fn command() -> Command {
    localized(Command::new("otchet"))
        .about(tr!("cli-about"))
        .version(env!("CARGO_PKG_VERSION"))
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .subcommand_help_heading(tr!("cli-commands"))
        .subcommand_value_name(tr!("cli-command"))
        .override_usage(tr!("cli-usage-main"))
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help(tr!("cli-version")))
        .arg(db_arg())
        .arg(lang_arg())
        .arg(Arg::new("demo").long("demo").action(ArgAction::SetTrue).help(tr!("cli-demo")))
        .subcommand(import_command())
        .subcommand(status_command())
        .subcommand(export_command())
        .subcommand(super::serve::command())
        .subcommand(super::users::command())
        .subcommand(super::history::command())
        .subcommand(super::backup::backup_command())
        .subcommand(super::backup::restore_command())
        .subcommand(super::assessments::command())
        .subcommand(super::plan::command())
        .subcommand(super::period::command())
        .subcommand(super::review::command())
        .subcommand(super::doctor::command())
        .subcommand(super::completions::command())
        .subcommand(super::manpages::command())
}

fn import_command() -> Command {
    localized(Command::new("import"))
        .about(tr!("cli-import-formats"))
        .override_usage(tr!("cli-usage-import"))
        .arg(
            Arg::new("file")
                .value_name(tr!("cli-file"))
                .required(true)
                .value_parser(value_parser!(PathBuf))
                .help(tr!("cli-import-file")),
        )
        .arg(Arg::new("years").long("years").value_name("A-B").help(tr!("cli-import-years")))
        .arg(
            Arg::new("replace-edited")
                .long("replace-edited")
                .action(ArgAction::SetTrue)
                .help(tr!("cli-import-replace-edited")),
        )
}

fn status_command() -> Command {
    localized(Command::new("status"))
        .about(tr!("cli-status"))
        .override_usage(tr!("cli-usage-status"))
        .arg(period_arg())
        .arg(Arg::new("as-of").long("as-of").value_name(tr!("cli-date")).help(tr!("cli-as-of")))
        .arg(Arg::new("json").long("json").action(ArgAction::SetTrue).help(tr!("cli-json")))
        .arg(
            Arg::new("mine")
                .long("mine")
                .action(ArgAction::SetTrue)
                .conflicts_with("responsible")
                .help(tr!("cli-mine")),
        )
        .arg(Arg::new("responsible").long("responsible").value_name(tr!("cli-text")).help(tr!("cli-responsible")))
}

/// `--period ID` when given: checked before the store is reached.
pub fn period_of(m: &ArgMatches) -> Result<Option<crate::domain::PeriodId>, super::Failure> {
    match m.get_one::<String>("period") {
        Some(text) => crate::domain::PeriodId::parse(text)
            .map(Some)
            .ok_or_else(|| super::Failure::usage(tr!("cli-bad-period", value = text))),
        None => Ok(None),
    }
}

/// A date as staff write it, "13.04.2020", or as scripts do, "2020-04-13".
pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, super::Failure> {
    crate::domain::period::parse_user_date(text).ok_or_else(|| super::Failure::usage(tr!("cli-bad-date", value = text)))
}

fn export_command() -> Command {
    localized(Command::new("export"))
        .about(tr!("cli-export"))
        .override_usage(tr!("cli-usage-export"))
        .arg(period_arg())
        .arg(Arg::new("as-of").long("as-of").value_name(tr!("cli-date")).help(tr!("cli-export-as-of")))
        .arg(Arg::new("csv-delimiter").long("csv-delimiter").value_name(tr!("cli-char")).help(tr!("cli-csv-delimiter")))
        .arg(
            Arg::new("format")
                .long("format")
                .value_name(crate::formats::ExportFormat::names("|"))
                .required(true)
                .help(tr!("cli-export-format")),
        )
        .arg(
            Arg::new("output")
                .long("output")
                .short('o')
                .value_name(tr!("cli-file"))
                .required(true)
                .value_parser(value_parser!(PathBuf))
                .help(tr!("cli-export-output")),
        )
}

/// Finds `--lang` before clap runs, so that clap's own help is already in that language.
pub fn early_lang(args: &[std::ffi::OsString]) -> Option<String> {
    let mut iter = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if let Some(v) = arg.strip_prefix("--lang=") {
            return Some(v.to_owned());
        }
        if arg == "--lang" {
            return iter.next().map(str::to_owned);
        }
    }
    None
}

pub fn db(m: &ArgMatches) -> Option<PathBuf> {
    m.get_one::<PathBuf>("db").cloned()
}

/// clap's own error texts are English; the common ones are worded from the catalogue.
pub fn describe_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let text = match e.kind() {
        ErrorKind::UnknownArgument => tr!("cli-unknown-argument", arg = context(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => tr!("cli-unknown-command", arg = context(ContextKind::InvalidSubcommand)),
        ErrorKind::MissingRequiredArgument => tr!("cli-missing-argument", arg = context(ContextKind::InvalidArg)),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            tr!("cli-invalid-value", arg = context(ContextKind::InvalidArg), value = context(ContextKind::InvalidValue))
        }
        ErrorKind::ArgumentConflict => tr!("cli-argument-conflict", arg = context(ContextKind::InvalidArg)),
        ErrorKind::TooManyValues => {
            tr!("cli-unexpected-value", value = context(ContextKind::InvalidValue))
        }
        _ => return e.render().to_string().trim_end().to_owned(),
    };
    format!("{text}\n{}", tr!("cli-try-help"))
}
