//! The screens before the plan is shown: loading, a failed load, and the welcome screen of
//! an empty store (import a file or load the bundled sample).

use std::path::PathBuf;

use super::super::action::{Effect, Job, Purpose};
use super::super::command::Command;
use super::super::key::{Key, KeyCode};
use super::super::state::{LineInput, Screen, State};
use crate::proto::Request;

/// The call that loads a period (`None`: the store's latest).
pub(crate) fn load(period: Option<crate::domain::PeriodId>) -> Effect {
    Effect::call(Purpose::Load, Request::Snapshot { period })
}

/// Keys on the loading screen and on a failed load's screen.
pub(super) fn start_command(state: &mut State, command: Command) -> Effect {
    match command {
        Command::Quit => Effect::Quit,
        Command::Retry if matches!(state.screen, Screen::Failed { .. }) => {
            state.screen = Screen::Loading;
            load(None)
        }
        _ => Effect::None,
    }
}

pub(super) fn command(state: &mut State, command: Command) -> Effect {
    match command {
        Command::ImportFile => {
            state.screen = Screen::Welcome { prompt: Some(LineInput::new("")) };
            Effect::None
        }
        Command::LoadSample => Effect::Job(Job::ImportSample),
        Command::Quit => Effect::Quit,
        _ => Effect::None,
    }
}

/// `~/…` under the user's home folder (which the runtime put in the state).
pub(super) fn expand_home(state: &State, path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), &state.home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

/// Typing the path of the file to import.
pub(super) fn prompt_key(state: &mut State, key: Key) -> Effect {
    let Screen::Welcome { prompt: Some(input) } = &mut state.screen else { return Effect::None };
    match key.code {
        KeyCode::Enter => {
            let path = input.text().trim().to_owned();
            if path.is_empty() {
                return Effect::None;
            }
            return Effect::Job(Job::ImportFile(expand_home(state, &path)));
        }
        KeyCode::Esc => state.screen = Screen::Welcome { prompt: None },
        _ => input.edit(key),
    }
    Effect::None
}
