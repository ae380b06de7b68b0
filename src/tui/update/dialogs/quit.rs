//! "Unsaved text of item N: save, keep as a draft, throw away, or go back?" before quitting.

use super::super::super::action::Effect;
use super::super::super::command::Command;
use super::super::super::state::{Overlay, State};
use super::super::editing;
use super::Next;

pub(super) fn on_command(state: &mut State, command: Command) -> Next {
    match command {
        Command::SaveAndQuit => {
            let effect = editing::save(state);
            // Quit only once the save is acknowledged: a conflict must be seen first.
            state.quit_after_save = matches!(effect, Effect::Call { .. });
            Next::close(effect)
        }
        Command::QuitKeepingDraft => Next::close(editing::leave_everything(state).and(Effect::Quit)),
        Command::QuitDiscarding => Next::close(editing::discard(state).and(Effect::Quit)),
        Command::Cancel => Next::close(Effect::None),
        _ => Next::stay(Overlay::ConfirmQuit),
    }
}
