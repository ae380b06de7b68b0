//! Someone saved the item since this edit started: keep mine, take theirs, or merge by hand.

use super::super::super::action::{Effect, Purpose};
use super::super::super::command::Command;
use super::super::super::keymap::Pane;
use super::super::super::state::{Focus, Overlay, State};
use super::super::{editing, results};
use super::Next;
use crate::domain::{Entry, EntryEdit, ItemId};
use crate::proto::Request;
use crate::tr;

pub(super) struct Conflict {
    pub item: ItemId,
    pub mine_info: String,
    pub mine_assessment: String,
    pub theirs: Entry,
    pub scroll: u16,
}

impl Conflict {
    fn back(self) -> Overlay {
        let Conflict { item, mine_info, mine_assessment, theirs, scroll } = self;
        Overlay::Conflict { item, mine_info, mine_assessment, theirs, scroll }
    }
}

pub(super) fn on_command(state: &mut State, mut c: Conflict, command: Command) -> Next {
    match command {
        // Both texts scroll together, so what differs can be read side by side.
        Command::Down | Command::Up | Command::PageDown | Command::PageUp => {
            let step: i32 = match command {
                Command::Down => 1,
                Command::Up => -1,
                Command::PageDown => 10,
                _ => -10,
            };
            c.scroll = u16::try_from((i32::from(c.scroll) + step).clamp(0, 2000)).unwrap_or(0);
            Next::stay(c.back())
        }
        Command::KeepMine => Next::close(keep_mine(state, c)),
        Command::TakeTheirs => {
            results::take_entry(state, c.item, c.theirs, true);
            state.info(tr!("tui-took-theirs"));
            Next::close(Effect::None)
        }
        Command::EditMerge => Next::close(edit_merge(state, c)),
        Command::Cancel => Next::close(Effect::None),
        _ => Next::stay(c.back()),
    }
}

/// Saves my text over theirs, as a change from their revision.
fn keep_mine(state: &mut State, c: Conflict) -> Effect {
    let Some(period) = state.main().map(|m| m.period.id) else { return Effect::None };
    let edit = EntryEdit {
        period,
        item: c.item,
        base_revision: c.theirs.revision,
        info: c.mine_info.clone(),
        assessment: c.mine_assessment.clone(),
    };
    state.saving.insert((period, c.item));
    let purpose = Purpose::Save { period, item: c.item, info: c.mine_info, assessment: c.mine_assessment };
    Effect::call(purpose, Request::Save { edit })
}

/// Their text becomes the base; both texts go into the editor to be merged by hand.
fn edit_merge(state: &mut State, c: Conflict) -> Effect {
    let (as_of, rules) = (state.as_of, state.rules.clone());
    if let Some(main) = state.main_mut()
        && let Some(index) = main.row_of(c.item)
    {
        main.update_row(index, c.theirs.clone(), as_of, &rules);
        if let Some(editor) = main.editor.as_mut().filter(|e| e.item == c.item) {
            editor.rebase(&c.theirs);
            let merged = tr!(
                "tui-merge-text",
                mine = c.mine_info,
                theirs = c.theirs.info.clone(),
                who = c.theirs.changed_by.clone()
            );
            editor.replace_info(&merged);
        }
    }
    let save = state.keymaps.key_name(Pane::Global, Command::Save);
    // One line of the status area at 80 columns (`view::tests`).
    state.info(tr!("tui-merge-hint", key = save));
    editing::set_focus(state, Focus::Editor)
}
