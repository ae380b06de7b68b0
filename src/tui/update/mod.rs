//! `update(&mut State, Action) -> Effect`: every change of state, and no I/O.

mod editing;
mod navigation;
mod overlay;
mod results;

#[cfg(test)]
mod tests;

use super::action::{Action, Effect};
use super::command::Command;
use super::key::{Key, KeyCode};
use super::keymap::Pane;
use super::state::{Focus, Overlay, Prompt, PromptKind, Screen, State};
use crate::tr;

pub fn update(state: &mut State, action: Action) -> Effect {
    match action {
        Action::Key(key) => {
            state.message = None;
            on_key(state, key)
        }
        Action::Paste(text) => editing::paste(state, &text),
        Action::Resize(w, h) => {
            state.size = (w, h);
            navigation::keep_cursor_visible(state);
            Effect::None
        }
        Action::DayChanged(today) => {
            if state.as_of_is_today && state.as_of != today {
                state.as_of = today;
                recompute(state);
            }
            Effect::None
        }
        Action::DraftTimer => editing::keep_draft(state),
        Action::Remote(event) => results::remote(state, event),
        Action::Terminate => editing::leave_everything(state).and(Effect::Quit),
        other => results::result(state, other),
    }
}

fn on_key(state: &mut State, key: Key) -> Effect {
    if state.overlay.is_some() {
        return overlay::key(state, key);
    }
    match &state.screen {
        Screen::Loading => match state.keymaps.lookup(Pane::List, false, key) {
            Some(Command::Quit) => Effect::Quit,
            _ => Effect::None,
        },
        Screen::Welcome { .. } => overlay::welcome_key(state, key),
        Screen::Main(main) => {
            let pane = match main.focus {
                Focus::List => Pane::List,
                Focus::Editor => Pane::Editor,
                Focus::Assessment => Pane::Assessment,
            };
            // In the text panes a plain character is text, never a command.
            let typed = pane != Pane::List && matches!(key.code, KeyCode::Char(_)) && !key.ctrl && !key.alt;
            let command = if typed { None } else { state.keymaps.lookup(pane, true, key) };
            match command {
                Some(c) => command_on_main(state, c),
                None if pane == Pane::List => Effect::None,
                None => editing::type_key(state, key),
            }
        }
    }
}

fn command_on_main(state: &mut State, command: Command) -> Effect {
    use Command::*;
    match command {
        Down => navigation::move_by(state, 1),
        Up => navigation::move_by(state, -1),
        PageDown => navigation::page(state, 1),
        PageUp => navigation::page(state, -1),
        First => navigation::move_to(state, 0),
        Last => navigation::move_to(state, usize::MAX),
        NextFlagged => navigation::next_flagged(state, true),
        PrevFlagged => navigation::next_flagged(state, false),
        CycleFilter => navigation::cycle_filter(state),
        ClearSearch => navigation::clear_search(state),
        NextPane => editing::cycle_focus(state, true),
        PrevPane => editing::cycle_focus(state, false),
        Edit => editing::start(state, Focus::Editor),
        StopEditing => editing::set_focus(state, Focus::List),
        Save => editing::save(state),
        Undo => editing::undo(state, true),
        Redo => editing::undo(state, false),
        PickAssessment(n) => editing::pick_assessment(state, usize::from(n).saturating_sub(1)),
        PrevAssessment => editing::step_assessment(state, -1),
        NextAssessment => editing::step_assessment(state, 1),
        ExternalEditor => editing::external_editor(state),
        CopyPrevious => editing::copy_previous(state),
        Search => {
            let current = state.main().map(|m| m.search.clone()).unwrap_or_default();
            state.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::Search, &current)));
            Effect::None
        }
        SetAsOf => {
            let shown = state.as_of.format("%d.%m.%Y").to_string();
            state.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::AsOf, &shown)));
            Effect::None
        }
        SetSchedule => {
            if !state.role.can_edit() {
                state.error(tr!("tui-read-only"));
                return Effect::None;
            }
            state.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::Schedule, "")));
            Effect::None
        }
        PickPeriod => {
            let cursor = state.main().and_then(|m| m.periods.iter().position(|p| p.id == m.period.id)).unwrap_or(0);
            state.overlay = Some(Overlay::Period { cursor });
            Effect::None
        }
        Export => {
            state.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::ExportFormat, "docx")));
            Effect::None
        }
        History => match state.main().and_then(|m| m.selected().map(|r| (m.period.id, r.item.id))) {
            Some((period, item)) => Effect::FetchHistory { period, item },
            None => Effect::None,
        },
        Help => {
            state.overlay = Some(Overlay::Help { scroll: 0 });
            Effect::None
        }
        Quit => {
            if state.main().and_then(|m| m.editor.as_ref()).is_some_and(|e| e.is_modified()) {
                state.overlay = Some(Overlay::ConfirmQuit);
                Effect::None
            } else {
                editing::leave_everything(state).and(Effect::Quit)
            }
        }
        _ => Effect::None,
    }
}

/// Flags, counts and the list after the as-of date or the rules changed.
pub(super) fn recompute(state: &mut State) {
    let (as_of, rules) = (state.as_of, state.rules.clone());
    if let Some(main) = state.main_mut() {
        main.recompute_flags(as_of, &rules);
    }
    navigation::keep_cursor_visible(state);
}
