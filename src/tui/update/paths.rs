//! File paths in prompts: `~/…` under the home folder, relative ones under a base folder,
//! shown back with `~`, and Tab completion (the runtime lists the folder).

use std::path::{Path, PathBuf};

use super::super::action::{Effect, Job};
use super::super::completion;
use super::super::state::{Overlay, PromptKind, Screen, State};
use crate::tr;

/// How many choices a completion names on the status line.
const CHOICES_SHOWN: usize = 8;

/// The path a typed text names: `~/…` under the home folder, a relative one under `base`.
pub(super) fn resolve(state: &State, typed: &str, base: Option<&Path>) -> PathBuf {
    let path = match (typed.strip_prefix("~/"), &state.home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ if typed == "~" => state.home.clone().unwrap_or_else(|| PathBuf::from(typed)),
        _ => PathBuf::from(typed),
    };
    match base {
        Some(base) if path.is_relative() => base.join(path),
        _ => path,
    }
}

/// A full path as the user would type it: with `~/` for the home folder.
pub(super) fn shown(state: &State, path: &Path) -> String {
    with_tilde(state.home.as_deref(), path)
}

/// `path` with `~/` for `home` (the recovery files are named this way too).
pub(crate) fn with_tilde(home: Option<&Path>, path: &Path) -> String {
    match home.and_then(|home| path.strip_prefix(home).ok()) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

/// Tab in a file prompt: list the folder of what is typed.
pub(super) fn tab(state: &State, typed: &str, base: Option<&Path>) -> Effect {
    let (folder, _) = completion::split(typed);
    let folder = if folder.is_empty() { "." } else { folder };
    Effect::Job(Job::ListFolder { typed: typed.to_owned(), folder: resolve(state, folder, base) })
}

/// The folder was listed: complete the prompt, if it still holds what was typed.
pub(super) fn folder_listed(state: &mut State, typed: &str, names: Result<Vec<String>, String>) -> Effect {
    let names = match names {
        Ok(names) => names,
        Err(message) => {
            state.error(message);
            return Effect::None;
        }
    };
    let done = completion::complete(typed, &names);
    let Some(input) = file_input(state) else { return Effect::None };
    if input.text() != typed {
        return Effect::None;
    }
    *input = super::super::state::LineInput::new(&done.text);
    if !done.choices.is_empty() {
        let mut list: Vec<&str> = done.choices.iter().take(CHOICES_SHOWN).map(String::as_str).collect();
        let more = done.choices.len().saturating_sub(CHOICES_SHOWN);
        let more = if more > 0 { tr!("tui-completion-more", n = more) } else { String::new() };
        list.push(&more);
        state.info(tr!("tui-completion-choices", list = list.join("  ").trim_end().to_owned()));
    }
    Effect::None
}

/// The file prompt shown now: the welcome screen's or the export path's.
fn file_input(state: &mut State) -> Option<&mut super::super::state::LineInput> {
    if let Some(Overlay::Prompt(prompt)) = &mut state.overlay {
        return (prompt.kind == PromptKind::ExportPath).then_some(&mut prompt.input);
    }
    match &mut state.screen {
        Screen::Welcome { prompt: Some(input) } => Some(input),
        _ => None,
    }
}
