//! Questions before what cannot be taken back lightly: opening a period (and whether the
//! last period's texts come along), taking one back, bringing an older text back for
//! everyone, throwing away unsaved text. Enter, `y` or `д` answers yes, Space toggles the
//! carry-over, anything else is no.

use super::super::super::action::{Effect, Purpose};
use super::super::super::command::Command;
use super::super::super::state::{Overlay, State};
use super::super::editing;
use super::Next;
use crate::proto::Request;

pub(super) fn on_command(state: &mut State, overlay: Overlay, command: Option<Command>) -> Next {
    match (overlay, command) {
        (Overlay::OpenPeriod { period, from, carry }, Some(Command::ToggleCarryOver)) if from.is_some() => {
            Next::stay(Overlay::OpenPeriod { period, from, carry: !carry })
        }
        (Overlay::OpenPeriod { period, from, carry }, Some(Command::Confirm)) => {
            let copy_from = from.filter(|_| carry);
            let call = Effect::call(Purpose::OpenPeriod, Request::OpenPeriod { period, copy_from });
            Next::close(editing::leave_everything(state).and(call))
        }
        (Overlay::Discard { .. }, Some(Command::Confirm)) => Next::close(editing::discard(state)),
        (Overlay::Restore { item, revision }, Some(Command::Confirm)) => {
            Next::close(super::history::restore(state, item, &revision))
        }
        (Overlay::ClosePeriod { period }, Some(Command::Confirm)) => {
            let call = Effect::call(Purpose::ClosePeriod, Request::ClosePeriod { period });
            Next::close(editing::leave_everything(state).and(call))
        }
        _ => Next::close(Effect::None),
    }
}
