//! `otchet assessments [list] | set TEXT…`: the standard assessments the TUI offers with
//! one key each, kept in the store for everyone.

use clap::{Arg, ArgAction, ArgMatches, Command};

use super::Failure;
use super::args::localized;
use super::connect::Context;
use crate::model::Settings;
use crate::tr;

pub fn command() -> Command {
    localized(Command::new("assessments"))
        .about(tr!("cli-assessments"))
        .override_usage(tr!("cli-usage-assessments"))
        .subcommand_help_heading(tr!("cli-commands"))
        .subcommand_value_name(tr!("cli-command"))
        .subcommand(localized(Command::new("list")).about(tr!("cli-assessments-list")))
        .subcommand(
            localized(Command::new("set")).about(tr!("cli-assessments-set")).arg(
                Arg::new("text")
                    .value_name(tr!("cli-assessment-text"))
                    .action(ArgAction::Append)
                    .required(true)
                    .help(tr!("cli-assessment-text-help")),
            ),
        )
}

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let mut client = ctx.client()?;
    if let Some(("set", m)) = m.subcommand() {
        let assessments: Vec<String> =
            m.get_many::<String>("text").into_iter().flatten().map(|t| t.trim().to_owned()).collect();
        if let Some(blank) = assessments.iter().position(String::is_empty) {
            return Err(Failure::usage(tr!("assessments-blank", n = blank + 1)));
        }
        if assessments.len() > 9 {
            return Err(Failure::usage(tr!("assessments-too-many", n = assessments.len())));
        }
        // The store's added words stay as they are: the server changes only the assessments.
        client.set_settings(Settings { assessments, words: Vec::new() })?;
    }
    for (i, text) in client.settings()?.assessments.iter().enumerate() {
        say!("{}  {text}", i + 1);
    }
    Ok(())
}
