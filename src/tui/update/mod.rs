//! `update(&mut State, Action) -> Effect`: every change of state, and no I/O.

mod answers;
mod dialogs;
pub(super) mod editing;
pub(super) mod main_screen;
mod mouse;
pub(super) mod navigation;
pub(crate) mod paths;
mod results;
pub(super) mod review;
pub(super) mod spelling;
mod texts;
mod welcome;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use super::action::{Action, Effect};
use super::command::Command;
use super::key::{Key, KeyCode};
use super::keymap::Pane;
use super::state::{Focus, Screen, State};

pub fn update(state: &mut State, action: Action) -> Effect {
    let effect = apply(state, action);
    // Whatever changed, the texts now shown that are not here yet are asked for, the
    // words on screen that have no verdict yet, and then the list's next part if it is due.
    effect.and(texts::ask(state)).and(spelling::ask(state)).and(welcome::ask_next_part(state))
}

fn apply(state: &mut State, action: Action) -> Effect {
    match action {
        Action::Key(key) => on_key(state, key),
        Action::Mouse(mouse) => mouse::on_mouse(state, mouse),
        // Pasted under an error's box, the text would land where the user cannot see it.
        Action::Paste(_) if state.error_shown() => Effect::None,
        Action::Paste(text) => editing::paste(state, &text),
        Action::Resize(w, h) => {
            state.size = (w, h);
            navigation::keep_cursor_visible(state);
            welcome::widened(state)
        }
        Action::DayChanged(today) => day_changed(state, today),
        Action::DraftTimer => editing::keep_draft(state),
        Action::Remote(event) => results::remote(state, event),
        Action::Terminate => editing::leave_everything(state).and(Effect::Quit),
        Action::Answer { purpose, result } => answers::answer(state, purpose, result),
        Action::Imported(result) => results::imported(state, result),
        Action::Exported(result) => results::exported(state, result),
        Action::EditorClosed(result) => results::editor_closed(state, result),
        Action::FolderListed { typed, names } => paths::folder_listed(state, &typed, names),
        Action::Recovered { error, file } => results::recovered(state, error, file),
    }
}

fn day_changed(state: &mut State, today: NaiveDate) -> Effect {
    state.today = today;
    let as_of = state.as_of_for(state.main().and_then(|m| m.period.report_date));
    if state.as_of != as_of {
        state.as_of = as_of;
        recompute(state);
    }
    Effect::None
}

/// The pane whose keymap applies now; `None` in a prompt, which takes keys as text.
fn current_pane(state: &State) -> Option<Pane> {
    if let Some(overlay) = &state.overlay {
        return dialogs::pane(overlay);
    }
    Some(match &state.screen {
        Screen::Loading | Screen::Failed { .. } => Pane::Start,
        Screen::Welcome { prompt: Some(_) } => return None,
        Screen::Welcome { prompt: None } | Screen::NoPeriod(_) => Pane::Welcome,
        Screen::Main(main) => match main.focus {
            Focus::List => Pane::List,
            Focus::Editor => Pane::Editor,
            Focus::Assessment => Pane::Assessment,
        },
    })
}

fn on_key(state: &mut State, key: Key) -> Effect {
    // Nothing is drawn but a request to enlarge the terminal: keys would act unseen.
    if super::layout::too_small(state.size.0, state.size.1) {
        let quit = key.ctrl && matches!(key.code, KeyCode::Char('c' | 'с'));
        if !quit {
            return Effect::None;
        }
    }
    if state.error_shown() {
        return on_error_key(state, key);
    }
    state.message = None;
    let pane = current_pane(state);
    // In the text panes a plain character is text, never a command.
    let typed = matches!(pane, Some(Pane::Editor | Pane::Assessment))
        && matches!(key.code, KeyCode::Char(_))
        && !key.ctrl
        && !key.alt;
    let command = pane.filter(|_| !typed).and_then(|p| state.keymaps.lookup(p, key));
    if let Some(overlay) = state.overlay.take() {
        return dialogs::on_key(state, overlay, command, key);
    }
    match (&state.screen, command) {
        (Screen::Loading | Screen::Failed { .. }, Some(c)) => welcome::start_command(state, c),
        (Screen::Welcome { prompt: Some(_) }, _) => welcome::prompt_key(state, key),
        (Screen::Welcome { .. } | Screen::NoPeriod(_), Some(c)) => welcome::command(state, c),
        (Screen::Main(_), Some(c)) => match c.handler() {
            Some(handler) => handler(state, key),
            None => Effect::None,
        },
        (Screen::Main(main), None) if main.focus != Focus::List => editing::type_key(state, key),
        // A key no keymap binds, outside a text: nothing to do.
        (
            Screen::Main(_)
            | Screen::Loading
            | Screen::Failed { .. }
            | Screen::Welcome { prompt: None }
            | Screen::NoPeriod(_),
            None,
        ) => Effect::None,
    }
}

/// An error's box is on top of everything until it is dismissed, as a dialog: Esc or
/// Enter hides it, the log's key hides it and opens the log, quitting still quits, and any
/// other key does nothing (typed under the box it would land in a text the user cannot see).
fn on_error_key(state: &mut State, key: Key) -> Effect {
    if matches!(key.code, KeyCode::Esc | KeyCode::Enter) {
        state.message = None;
        return Effect::None;
    }
    if state.log_opens_here() && state.keymaps.lookup(Pane::List, key) == Some(Command::Messages) {
        return main_screen::open_log(state);
    }
    if state.keymaps.lookup(Pane::Global, key) == Some(Command::Quit) {
        state.message = None;
        return on_key(state, key);
    }
    Effect::None
}

/// What the loop does first: load the period to show (`None`: the store's latest).
pub fn first_load(period: Option<crate::domain::PeriodId>) -> Effect {
    welcome::next_part(period, None, welcome::FIRST_PART)
}

/// Flags, counts and the list after the as-of date or the rules changed.
pub(super) fn recompute(state: &mut State) {
    let (as_of, rules) = (state.as_of, state.rules.clone());
    if let Some(main) = state.main_mut() {
        main.recompute_flags(as_of, &rules);
    }
    navigation::keep_cursor_visible(state);
}
