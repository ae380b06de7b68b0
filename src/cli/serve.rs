//! `otchet serve`: the one process that opens the store, serving every TUI and command
//! over its socket (docs/server.md). Clients start it themselves when none runs; systemd
//! can run it in the foreground. `otchet serve --stop` asks a running one to finish.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clap::{Arg, ArgAction, ArgMatches, Command, value_parser};

use super::Failure;
use super::args::localized;
use super::connect::Context;
use crate::client::{Stopped, autostart, stop_server};
use crate::server::{self, ServerOptions, Service, store_dir};
use crate::store::{Store, StoreError, StoreOptions};
use crate::tr;

/// A server that is just exiting still holds the store for a moment; its successor waits.
const OPEN_WAIT: Duration = Duration::from_secs(5);

pub fn command() -> Command {
    localized(Command::new("serve"))
        .about(tr!("cli-serve"))
        .override_usage(tr!("cli-usage-serve"))
        .arg(
            Arg::new("idle-timeout")
                .long("idle-timeout")
                .value_name(tr!("cli-seconds"))
                .value_parser(value_parser!(u64))
                .help(tr!("cli-idle-timeout")),
        )
        .arg(Arg::new("stop").long("stop").action(ArgAction::SetTrue).help(tr!("cli-serve-stop")))
        // Given by a client that starts the server: the socket it will look for, and that it
        // holds the start lock while it waits.
        .arg(Arg::new("socket").long("socket").value_parser(value_parser!(PathBuf)).hide(true))
        .arg(Arg::new("lock-held").long("lock-held").action(ArgAction::SetTrue).hide(true))
}

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    if m.get_flag("stop") {
        return stop(ctx);
    }
    let mut paths = ctx.server_paths()?;
    let sharing = store_dir::check(&paths.store, paths.service_uid).map_err(Failure::other)?;
    sharing.apply_umask();
    if let Some(socket) = m.get_one::<PathBuf>("socket") {
        paths.socket = socket.clone();
    }
    let idle_timeout = idle_timeout(ctx, m)?;
    server::lean_malloc();
    // Started from a terminal, the server outlives the session that started it.
    signal_hook::flag::register(signal_hook::consts::SIGHUP, Arc::new(AtomicBool::new(false)))
        .map_err(Failure::other)?;
    // Under the start lock (a client that starts us holds it already): no live server,
    // then the store, then the socket.
    let start_lock = if m.get_flag("lock-held") { None } else { Some(autostart::lock(&paths)?) };
    if std::os::unix::net::UnixStream::connect(&paths.socket).is_ok() {
        return Err(Failure::other(server::ServeError::AlreadyRunning { socket: paths.socket.clone() }));
    }
    let store = open_store(&paths.store, ctx.config.cache_bytes)?;
    paths.prepare_socket_dir().map_err(|e| {
        Failure::other(tr!(
            "serve-socket-failed",
            socket = paths.socket.display().to_string(),
            detail = crate::i18n::os_error(&e)
        ))
    })?;
    let bound = server::bind(&paths.socket, sharing.socket_mode()).map_err(Failure::other)?;
    drop(start_lock);
    let backups = server::backups::Policy::for_store(&paths.store, ctx.config.backup_days);
    let options = ServerOptions { idle_timeout, store_dir: paths.store.clone(), backups };
    let service = Service::with_log(store, server::log_line).with_dictionary(ctx.config.dictionary_path());
    server::run(bound, service, &options).map_err(Failure::other)
}

/// `--idle-timeout`, else `$OTCHET_IDLE_TIMEOUT` (tests), else the settings; 0 = never.
fn idle_timeout(ctx: &Context, m: &ArgMatches) -> Result<Option<Duration>, Failure> {
    let secs = match m.get_one::<u64>("idle-timeout") {
        Some(secs) => *secs,
        None => match std::env::var("OTCHET_IDLE_TIMEOUT") {
            Ok(text) => {
                text.trim().parse().map_err(|_| Failure::usage(tr!("serve-bad-idle-timeout", value = text.as_str())))?
            }
            Err(_) => ctx.config.idle_timeout_secs,
        },
    };
    Ok((secs > 0).then(|| Duration::from_secs(secs)))
}

fn open_store(dir: &std::path::Path, cache_bytes: u64) -> Result<Store, Failure> {
    let started = Instant::now();
    // sled may panic on damaged files; `Store::open` turns that into an error, and its
    // panic message must not reach the user (the log a client shows) as a backtrace.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = loop {
        match Store::open(dir, &StoreOptions { cache_bytes }) {
            Err(StoreError::Locked { .. }) if started.elapsed() < OPEN_WAIT => {
                std::thread::sleep(Duration::from_millis(50));
            }
            result => break result,
        }
    };
    std::panic::set_hook(hook);
    Ok(result?)
}

fn stop(ctx: &Context) -> Result<(), Failure> {
    match stop_server(&ctx.server_paths()?)? {
        Stopped::Done => say!("{}", tr!("serve-stopped")),
        Stopped::NotRunning => say!("{}", tr!("serve-not-running")),
    }
    Ok(())
}
