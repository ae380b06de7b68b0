//! Keys while a dialog is open. Each dialog has its own handler, which gets the command
//! its pane's keymap found (or the raw key, for the prompts) and returns the next state:
//! itself again, another dialog, or none.

mod confirm;
mod conflict;
mod draft;
mod history;
mod period;
mod prompt;
mod quit;

use super::super::action::Effect;
use super::super::command::Command;
use super::super::key::Key;
use super::super::keymap::Pane;
use super::super::state::{Overlay, State};

/// What a dialog's handler decided: the dialog shown next (`None`: it closed) and the effect.
pub(super) struct Next {
    overlay: Option<Overlay>,
    effect: Effect,
}

impl Next {
    pub(super) fn stay(overlay: Overlay) -> Next {
        Next { overlay: Some(overlay), effect: Effect::None }
    }

    /// The dialog stays, and something is done.
    pub(super) fn stay_and(overlay: Overlay, effect: Effect) -> Next {
        Next { overlay: Some(overlay), effect }
    }

    pub(super) fn close(effect: Effect) -> Next {
        Next { overlay: None, effect }
    }
}

/// The keymap of a dialog; prompts take keys as text and have none.
pub(super) fn pane(overlay: &Overlay) -> Option<Pane> {
    Some(match overlay {
        Overlay::Help { .. } | Overlay::Messages { .. } | Overlay::Summary { .. } => Pane::Help,
        Overlay::OpenPeriod { .. }
        | Overlay::ClosePeriod { .. }
        | Overlay::Discard { .. }
        | Overlay::Restore { .. } => Pane::Confirm,
        Overlay::ConfirmQuit => Pane::Quit,
        Overlay::Period { .. } => Pane::Period,
        Overlay::Prompt(_) | Overlay::Suggestions { .. } => return None,
        Overlay::DraftOffer { .. } => Pane::Draft,
        Overlay::Conflict { .. } => Pane::Conflict,
        Overlay::History { .. } => Pane::History,
    })
}

pub(super) fn on_key(state: &mut State, overlay: Overlay, command: Option<Command>, key: Key) -> Effect {
    let next = match (overlay, command) {
        (Overlay::Prompt(p), _) => prompt::on_key(state, p, key),
        (Overlay::Suggestions { .. }, _) if key.code == crate::tui::key::KeyCode::Esc => Next::close(Effect::None),
        (Overlay::Suggestions { word, choices, cursor }, _) => {
            Next::close(super::spelling::on_key(state, word, choices, cursor, key))
        }
        (
            overlay @ (Overlay::OpenPeriod { .. }
            | Overlay::ClosePeriod { .. }
            | Overlay::Discard { .. }
            | Overlay::Restore { .. }),
            c,
        ) => confirm::on_command(state, overlay, c),
        (overlay, None) => Next::stay(overlay),
        (Overlay::Help { scroll }, Some(c)) => {
            let max = super::super::help::max_scroll(state);
            scroll_by(c, scroll.min(max))
                .map_or(Next::close(Effect::None), |scroll| Next::stay(Overlay::Help { scroll: scroll.min(max) }))
        }
        (Overlay::Messages { scroll }, Some(c)) => {
            scroll_by(c, scroll).map_or(Next::close(Effect::None), |scroll| Next::stay(Overlay::Messages { scroll }))
        }
        (Overlay::Summary { scroll }, Some(c)) => {
            scroll_by(c, scroll).map_or(Next::close(Effect::None), |scroll| Next::stay(Overlay::Summary { scroll }))
        }
        (Overlay::ConfirmQuit, Some(c)) => quit::on_command(state, c),
        (Overlay::Period { cursor }, Some(c)) => period::on_command(state, cursor, c),
        (Overlay::DraftOffer { item }, Some(c)) => draft::on_command(state, item, c),
        (Overlay::Conflict { item, mine_info, mine_assessment, theirs, scroll }, Some(c)) => {
            conflict::on_command(state, conflict::Conflict { item, mine_info, mine_assessment, theirs, scroll }, c)
        }
        (Overlay::History { item, revisions, cursor }, Some(c)) => {
            history::on_command(history::History { item, revisions, cursor }, c)
        }
    };
    if let Some(overlay) = next.overlay {
        state.overlay = Some(overlay);
    }
    next.effect
}

/// A scrolled text (help, the message log): the new scroll, or `None` to close it.
fn scroll_by(command: Command, scroll: u16) -> Option<u16> {
    let step = |d: i32| Some((i32::from(scroll) + d).clamp(0, 5000) as u16);
    match command {
        Command::Down => step(1),
        Command::Up => step(-1),
        Command::PageDown => step(10),
        Command::PageUp => step(-10),
        Command::First => Some(0),
        Command::Last => Some(5000),
        Command::Cancel => None,
        _ => Some(scroll),
    }
}

/// Moves a list's cursor one step within `0..=last`.
fn step_cursor(cursor: usize, command: Command, last: usize) -> usize {
    match command {
        Command::Down => (cursor + 1).min(last),
        Command::Up => cursor.saturating_sub(1),
        _ => cursor,
    }
}
