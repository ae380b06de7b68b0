//! The period picker: go to another period, or (admins) open the next one.

use super::super::super::action::{Effect, Purpose};
use super::super::super::command::Command;
use super::super::super::state::{Overlay, State};
use super::super::{editing, welcome};
use super::{Next, step_cursor};
use crate::proto::Request;
use crate::tr;

pub(super) fn on_command(state: &mut State, cursor: usize, command: Command) -> Next {
    let Some(main) = state.main() else { return Next::close(Effect::None) };
    let last = main.periods.len().saturating_sub(1);
    match command {
        Command::Down | Command::Up => Next::stay(Overlay::Period { cursor: step_cursor(cursor, command, last) }),
        Command::Confirm => {
            let Some(target) = main.periods.get(cursor).map(|p| p.id) else { return Next::close(Effect::None) };
            if target == main.period.id {
                return Next::close(Effect::None);
            }
            Next::close(editing::leave_everything(state).and(welcome::load(Some(target))))
        }
        Command::OpenNextPeriod => Next::close(open_next(state)),
        Command::Cancel => Next::close(Effect::None),
        _ => Next::stay(Overlay::Period { cursor }),
    }
}

fn open_next(state: &mut State) -> Effect {
    if !state.role.can_administer() {
        state.error(tr!("tui-admin-only"));
        return Effect::None;
    }
    let Some(main) = state.main() else { return Effect::None };
    let years = main.plan.years;
    let latest = main
        .periods
        .iter()
        .filter(|p| !p.id.is_span() && years.contains(p.id.year))
        .map(|p| p.id)
        .max_by_key(|p| p.end());
    match latest.and_then(|p| p.next()) {
        Some(next) => editing::leave_everything(state)
            .and(Effect::call(Purpose::OpenPeriod, Request::OpenPeriod { period: next })),
        None => {
            state.error(tr!("tui-no-next-period"));
            Effect::None
        }
    }
}
