//! Argument parsing and dispatch: `main` calls `run`.

/// A line of output that may quote the store's data: its control characters (ESC, BEL, C1,
/// bidi overrides) shown as visible symbols, never sent to the terminal. Every command's
/// text output goes through it (JSON and completion scripts are data, not text).
macro_rules! say {
    () => {
        println!()
    };
    ($($arg:tt)*) => {
        println!("{}", crate::text_width::sanitize(&format!($($arg)*)))
    };
}

mod args;
mod assessments;
mod backup;
mod completions;
mod connect;
mod doctor;
mod export;
mod failure;
mod history;
mod import;
mod manpages;
mod period;
mod plan;
mod review;
mod serve;
mod status;
mod tui;
mod users;

use std::ffi::OsString;
use std::process::ExitCode;

pub use failure::Failure;

use crate::config::Config;
use crate::i18n::{self, Lang};

pub fn run() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    match run_with(argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

fn run_with(argv: Vec<OsString>) -> Result<(), Failure> {
    // The language first: the config file may set it, --lang and LANG win over it.
    let config = Config::load();
    let lang = match args::early_lang(&argv) {
        Some(value) => Lang::parse(&value).ok_or_else(|| Failure::usage(crate::tr!("cli-bad-lang", value = value)))?,
        None => config.as_ref().ok().and_then(|c| c.lang).unwrap_or_else(Lang::from_env),
    };
    i18n::set_lang(lang);
    let matches = match args::command().try_get_matches_from(argv) {
        Ok(m) => m,
        Err(e) => {
            // Help and version go to stdout with status 0; usage errors to stderr with 2.
            if e.use_stderr() {
                return Err(Failure::usage(args::describe_error(&e)));
            }
            let _ = e.print();
            return Ok(());
        }
    };
    let config = config?;
    let ctx = connect::Context { config, db: args::db(&matches) };
    dispatch(&ctx, &matches).map_err(|failure| match ctx.store_path() {
        Ok(path) if failure.store_fault => Failure {
            message: crate::tr!("cli-store-fault", path = path.display().to_string(), message = failure.message),
            ..failure
        },
        _ => failure,
    })
}

fn dispatch(ctx: &connect::Context, matches: &clap::ArgMatches) -> Result<(), Failure> {
    match matches.subcommand() {
        Some(("import", m)) => import::run(ctx, m),
        Some(("status", m)) => status::run(ctx, m),
        Some(("export", m)) => export::run(ctx, m),
        Some(("serve", m)) => serve::run(ctx, m),
        Some(("users", m)) => users::run(ctx, m),
        Some(("history", m)) => history::run(ctx, m),
        Some(("backup", m)) => backup::run_backup(ctx, m),
        Some(("restore", m)) => backup::run_restore(ctx, m),
        Some(("assessments", m)) => assessments::run(ctx, m),
        Some(("plan", m)) => plan::run(ctx, m),
        Some(("period", m)) => period::run(ctx, m),
        Some(("review", m)) => review::run(ctx, m),
        Some(("completions", m)) => completions::run(m),
        Some(("manpages", m)) => manpages::run(m),
        Some(("doctor", m)) => doctor::run(ctx, m),
        _ => tui::run(ctx, matches.get_flag("demo")),
    }
}
