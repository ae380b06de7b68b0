//! `otchet` without a command: the terminal UI (`--demo`: on a throwaway copy of the sample).

use std::path::PathBuf;

use chrono::TimeDelta;

use super::Failure;
use super::connect::Context;
use crate::client::{Client, LocalTransport};
use crate::identity::current_actor;
use crate::server::Service;
use crate::store::{Store, StoreOptions};
use crate::tr;
use crate::tui::keymap::{Keymaps, Override};
use crate::tui::runtime::{self, Options};
use crate::tui::state::State;
use crate::tui::theme::Theme;

pub fn run(ctx: &Context, demo: bool) -> Result<(), Failure> {
    // A terminal without colours gets the monochrome theme, whose bold carries "overdue".
    let colorless = runtime::terminal_capabilities().colors == runtime::capabilities::ColorDepth::None;
    let no_color = colorless || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::from_config(&ctx.config.colors, no_color).map_err(Failure::usage)?;
    let overrides: Vec<Override> = ctx
        .config
        .keys
        .iter()
        .map(|k| Override { pane: k.pane.clone(), command: k.command.clone(), keys: k.keys.clone(), place: k.place() })
        .collect();
    let keymaps = Keymaps::with_overrides(&overrides).map_err(Failure::usage)?;
    let today = crate::clock::today();

    // Before the connection's reader thread: its parts of a list then share the UI's arena.
    crate::server::lean_malloc();
    let demo_dir = demo.then(demo_store_dir);
    let mut client = match &demo_dir {
        Some(dir) => demo_client(dir, ctx.config.dictionary_path())?,
        // Only the default store is created here: a --db that names nothing is a typo.
        None if ctx.db.is_none() => ctx.client_creating()?,
        None => ctx.client()?,
    };
    let me = client.whoami()?;
    let mut state = State::new(keymaps, theme, me.actor.name, me.role, today, ctx.config.rules.clone());
    state.responsible = me.responsible;
    state.demo = demo_dir.is_some();
    state.utc_offset = crate::clock::utc_offset();
    state.home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    state.export_dir = crate::config::documents_dir();
    state.spelling = crate::tui::state::Spelling::new(ctx.config.spell_check);
    if demo_dir.is_some() {
        // The sample's own reporting date, two weeks after its quarter, as its report date.
        if let Ok(Some(s)) = client.list(None) {
            let _ = client.set_report_date(s.period.id, Some(s.period.id.end() + TimeDelta::days(13)));
        }
    }
    let store = if demo_dir.is_some() { None } else { ctx.store_path().ok() };
    let result =
        runtime::run(state, client, Options { initial_period: None, store, import_limit: ctx.config.import_limit })
            .map_err(Failure::other);
    if let Some(dir) = demo_dir {
        let _ = std::fs::remove_dir_all(dir);
    }
    result
}

fn demo_store_dir() -> PathBuf {
    let base = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
    base.join(format!("otchet-demo-{}", std::process::id()))
}

/// A private store in-process: nobody else needs to reach a throwaway demo.
fn demo_client(dir: &std::path::Path, dictionary: Option<PathBuf>) -> Result<Client, Failure> {
    let store = Store::open(dir, &StoreOptions::default())?;
    let (service, actor) = (Service::new(store).with_dictionary(dictionary), current_actor());
    let handler = Box::new(move |request| service.handle(&actor, crate::clock::now(), request));
    let mut client = Client::new(Box::new(LocalTransport::new(handler)));
    let report =
        crate::formats::txt::parse_report(std::path::Path::new(crate::sample::SAMPLE_NAME), crate::sample::SAMPLE)
            .map_err(|e| Failure::other(tr!("demo-failed", detail = e.to_string())))?;
    client.import(report)?;
    Ok(client)
}
