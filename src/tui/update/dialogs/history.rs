//! An item's revisions: look through them and bring an older text back.

use super::super::super::action::{Effect, Purpose};
use super::super::super::command::Command;
use super::super::super::state::{Overlay, State};
use super::{Next, step_cursor};
use crate::domain::ItemId;
use crate::model::Revision;
use crate::proto::Request;

pub(super) struct History {
    pub item: ItemId,
    pub revisions: Vec<Revision>,
    pub cursor: usize,
}

impl History {
    fn back(self) -> Overlay {
        Overlay::History { item: self.item, revisions: self.revisions, cursor: self.cursor }
    }
}

pub(super) fn on_command(mut h: History, command: Command) -> Next {
    let last = h.revisions.len().saturating_sub(1);
    match command {
        Command::Down | Command::Up => {
            h.cursor = step_cursor(h.cursor, command, last);
            Next::stay(h.back())
        }
        // A restore changes the text for everyone: asked first.
        Command::Confirm => match h.revisions.get(h.cursor) {
            Some(revision) => Next::stay(Overlay::Restore { item: h.item, revision: revision.clone() }),
            None => Next::close(Effect::None),
        },
        Command::Cancel => Next::close(Effect::None),
        _ => Next::stay(h.back()),
    }
}

/// Brings `rev` back as the item's text, over whatever was saved since (the history keeps it).
pub(super) fn restore(state: &mut State, item: ItemId, rev: &Revision) -> Effect {
    let Some(main) = state.main() else { return Effect::None };
    let base_revision = main.row_of(item).map_or(0, |i| main.rows[i].entry.revision);
    let period = main.period.id;
    let request = Request::Restore { period, item, revision: rev.revision, base_revision };
    Effect::call(Purpose::Restore { period, item }, request)
}
