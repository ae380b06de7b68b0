//! "You have a draft of this item: take it up, delete it, or go back?"

use super::super::super::action::{Effect, Purpose};
use super::super::super::command::Command;
use super::super::super::state::{Focus, Overlay, State};
use super::super::editing;
use super::Next;
use crate::domain::ItemId;
use crate::proto::Request;
use crate::tr;

pub(super) fn on_command(state: &mut State, item: ItemId, command: Command) -> Next {
    match command {
        Command::Confirm => {
            take_up(state, item);
            state.info(tr!("tui-draft-restored"));
            Next::close(editing::set_focus(state, Focus::Editor))
        }
        Command::DiscardDraft => {
            let Some(main) = state.main_mut() else { return Next::close(Effect::None) };
            main.drafts.remove(&item);
            let period = main.period.id;
            let delete = Effect::call(Purpose::DeleteDraft, Request::DeleteDraft { period, item });
            Next::close(editing::set_focus(state, Focus::Editor).and(delete))
        }
        Command::Cancel => Next::close(Effect::None),
        _ => Next::stay(Overlay::DraftOffer { item }),
    }
}

/// The draft's text goes into the editor, based on the revision it was written from.
fn take_up(state: &mut State, item: ItemId) {
    let Some(main) = state.main_mut() else { return };
    let draft = main.drafts.get(&item).cloned();
    if let (Some(draft), Some(editor)) = (draft, main.editor.as_mut().filter(|e| e.item == item)) {
        editor.replace_info(&draft.info);
        editor.replace_assessment(&draft.assessment);
        editor.base_revision = draft.base_revision;
        editor.drafted = true;
    }
}
