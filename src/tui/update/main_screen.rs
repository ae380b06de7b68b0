//! The main screen's commands that open a dialog or ask the server for something; the
//! command table (`tui::command`) binds them to keys.

use super::super::action::{Effect, Purpose};
use super::super::state::{Overlay, Prompt, PromptKind, State};
use super::editing;
use crate::proto::Request;
use crate::tr;

pub(crate) fn open_search(state: &mut State) -> Effect {
    let current = state.main().map(|m| m.search.clone()).unwrap_or_default();
    state.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::Search, &current)));
    Effect::None
}

pub(crate) fn open_go_to(state: &mut State) -> Effect {
    state.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::GoTo, "")));
    Effect::None
}

pub(crate) fn open_as_of(state: &mut State) -> Effect {
    let shown = state.as_of.format("%d.%m.%Y").to_string();
    state.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::AsOf, &shown)));
    Effect::None
}

pub(crate) fn open_schedule(state: &mut State) -> Effect {
    if !state.role.can_edit() {
        state.error(tr!("tui-read-only"));
        return Effect::None;
    }
    state.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::Schedule, "")));
    Effect::None
}

/// Who answers for the selected item: an admin's to change.
pub(crate) fn open_responsible(state: &mut State) -> Effect {
    if state.role != crate::domain::Role::Admin {
        state.error(tr!("tui-admin-only"));
        return Effect::None;
    }
    let Some(current) = state.main().and_then(|m| m.selected().map(|r| r.item.responsible.clone())) else {
        return Effect::None;
    };
    state.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::Responsible, &current)));
    Effect::None
}

pub(crate) fn open_periods(state: &mut State) -> Effect {
    let cursor = state.main().and_then(|m| m.periods.iter().position(|p| p.id == m.period.id)).unwrap_or(0);
    state.overlay = Some(Overlay::Period { cursor });
    Effect::None
}

pub(crate) fn open_export(state: &mut State) -> Effect {
    state.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::ExportFormat, "docx")));
    Effect::None
}

pub(crate) fn open_help(state: &mut State) -> Effect {
    state.overlay = Some(Overlay::Help { scroll: 0 });
    Effect::None
}

pub(crate) fn open_log(state: &mut State) -> Effect {
    state.message = None;
    state.overlay = Some(Overlay::Messages { scroll: 0 });
    Effect::None
}

pub(crate) fn fetch_history(state: &mut State) -> Effect {
    match state.main().and_then(|m| m.selected().map(|r| (m.period.id, r.item.id))) {
        Some((period, item)) => Effect::call(Purpose::History { period, item }, Request::History { period, item }),
        None => Effect::None,
    }
}

/// Quits, asking first when the open text is not saved.
/// Asks before the open item's unsaved text is thrown away.
pub(crate) fn ask_to_discard(state: &mut State) -> Effect {
    match state.main().and_then(|m| m.editor.as_ref()).filter(|e| e.is_modified()) {
        Some(editor) => {
            state.overlay = Some(Overlay::Discard { item: editor.item });
        }
        None => state.info(tr!("tui-nothing-to-discard")),
    }
    Effect::None
}

pub(crate) fn quit(state: &mut State) -> Effect {
    if state.main().and_then(|m| m.editor.as_ref()).is_some_and(|e| e.is_modified()) {
        state.overlay = Some(Overlay::ConfirmQuit);
        Effect::None
    } else {
        editing::leave_everything(state).and(Effect::Quit)
    }
}
