//! `otchet manpages DIR`: the manual pages, made by clap_mangen from the same definitions
//! as `--help`: `otchet(1)` and `otchet-COMMAND(1)` for each command, in English under
//! `DIR/man1` and in Russian under `DIR/ru/man1` (where `man` looks under a Russian locale).

use std::path::{Path, PathBuf};

use clap::{Arg, ArgMatches, Command, value_parser};

use super::Failure;
use super::args::localized;
use crate::i18n::{self, Lang};
use crate::tr;

pub fn command() -> Command {
    localized(Command::new("manpages"))
        .about(tr!("cli-manpages"))
        .hide(true)
        .arg(Arg::new("dir").value_name(tr!("cli-dir")).required(true).value_parser(value_parser!(PathBuf)))
}

pub fn run(m: &ArgMatches) -> Result<(), Failure> {
    let Some(dir) = m.get_one::<PathBuf>("dir") else { return Err(Failure::usage(tr!("cli-manpages"))) };
    let before = i18n::lang();
    let result =
        [(Lang::En, dir.join("man1")), (Lang::Ru, dir.join("ru/man1"))].into_iter().try_for_each(|(lang, out)| {
            i18n::set_lang(lang);
            write_pages(&out)
        });
    i18n::set_lang(before);
    result
}

/// `otchet.1` and one page per visible subcommand, in the language set now.
fn write_pages(dir: &Path) -> Result<(), Failure> {
    let fail = |e: std::io::Error| {
        Failure::other(tr!("cli-manpages-failed", path = dir.display().to_string(), detail = i18n::os_error(&e)))
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    let root = super::args::command().name("otchet");
    write_page(&root, dir, "otchet").map_err(fail)?;
    for sub in root.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("otchet-{}", sub.get_name());
        write_page(&sub.clone().name(name.clone()), dir, &name).map_err(fail)?;
    }
    Ok(())
}

fn write_page(cmd: &Command, dir: &Path, name: &str) -> std::io::Result<()> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone()).title(name.to_uppercase()).section("1").source("otchet").render(&mut out)?;
    std::fs::write(dir.join(format!("{name}.1")), out)
}
