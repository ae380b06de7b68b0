//! `otchet users add NAME --role ROLE [--responsible TEXT …] | remove NAME | list`: who may
//! use the store, and the responsible names each answers for.

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgMatches, Command};

use super::Failure;
use super::args::localized;
use super::connect::Context;
use crate::domain::Role;
use crate::identity::{actor_for_uid, uid_for_name};
use crate::model::UserRecord;
use crate::tr;

pub fn command() -> Command {
    let name = || Arg::new("name").value_name(tr!("cli-user-name")).required(true).help(tr!("cli-user-name-help"));
    localized(Command::new("users"))
        .about(tr!("cli-users"))
        .override_usage(tr!("cli-usage-users"))
        .subcommand_help_heading(tr!("cli-commands"))
        .subcommand_value_name(tr!("cli-command"))
        .subcommand(
            localized(Command::new("add"))
                .about(tr!("cli-users-add"))
                .override_usage(tr!("cli-usage-users-add"))
                .arg(name())
                .arg(
                    Arg::new("role")
                        .long("role")
                        .value_name("admin|editor|viewer")
                        .required(true)
                        .value_parser(PossibleValuesParser::new(["admin", "editor", "viewer"]))
                        .help(tr!("cli-users-role")),
                )
                .arg(
                    Arg::new("responsible")
                        .long("responsible")
                        .value_name(tr!("cli-text"))
                        .action(clap::ArgAction::Append)
                        .help(tr!("cli-users-responsible")),
                ),
        )
        .subcommand(
            localized(Command::new("remove"))
                .about(tr!("cli-users-remove"))
                .override_usage(tr!("cli-usage-users-remove"))
                .arg(name()),
        )
        .subcommand(
            localized(Command::new("list")).about(tr!("cli-users-list")).override_usage(tr!("cli-usage-users-list")),
        )
}

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    match m.subcommand() {
        Some(("add", m)) => add(ctx, m),
        Some(("remove", m)) => remove(ctx, m),
        _ => list(ctx),
    }
}

fn name_arg(m: &ArgMatches) -> Result<&str, Failure> {
    m.get_one::<String>("name").map(String::as_str).ok_or_else(|| Failure::usage(tr!("cli-user-name-help")))
}

fn add(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let name = name_arg(m)?;
    let role = m.get_one::<String>("role").and_then(|r| Role::parse(r)).unwrap_or(Role::Viewer);
    let uid = uid_for_name(name).ok_or_else(|| Failure::usage(tr!("users-unknown-login", name = name)))?;
    let login = actor_for_uid(uid).name;
    let mut client = ctx.client()?;
    let given: Vec<String> =
        m.get_many::<String>("responsible").into_iter().flatten().map(|r| r.trim().to_owned()).collect();
    // Without --responsible a user keeps the names they answer for.
    let responsible = if given.is_empty() {
        client.users()?.into_iter().find(|(u, _)| *u == uid).map(|(_, user)| user.responsible).unwrap_or_default()
    } else {
        given
    };
    let record = UserRecord { name: login.clone(), role, responsible };
    client.add_user(uid, record.clone())?;
    say!("{}", tr!("users-added", name = login, role = role.as_str()));
    if !record.responsible.is_empty() {
        say!("{}", tr!("users-responsible", names = record.responsible.join("; ")));
    }
    Ok(())
}

fn remove(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let name = name_arg(m)?;
    let mut client = ctx.client()?;
    let users = client.users()?;
    // A login the system no longer knows is still found by the name stored with it.
    let found = uid_for_name(name)
        .and_then(|uid| users.iter().find(|(u, _)| *u == uid))
        .or_else(|| users.iter().find(|(_, user)| user.name == name));
    let Some((uid, user)) = found else {
        say!("{}", tr!("users-not-a-user", name = name));
        return Ok(());
    };
    client.remove_user(*uid)?;
    say!("{}", tr!("users-removed", name = &user.name));
    Ok(())
}

fn list(ctx: &Context) -> Result<(), Failure> {
    let mut client = ctx.client()?;
    let users = client.users()?;
    let width = users.iter().map(|(_, u)| crate::text_width::width(&u.name)).max().unwrap_or(0);
    for (uid, user) in users {
        let pad = width.saturating_sub(crate::text_width::width(&user.name));
        let name = crate::text_width::sanitize(&user.name);
        let answers = if user.responsible.is_empty() {
            String::new()
        } else {
            format!("  {}", crate::text_width::sanitize(&user.responsible.join("; ")))
        };
        say!("{name}{}  {}  {}{answers}", " ".repeat(pad), tr!("users-uid", uid = uid), user.role.as_str());
    }
    Ok(())
}
