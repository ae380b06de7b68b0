//! The period picker: go to another period, or (admins) open the next one or take back one
//! opened by mistake, each after a question.

use super::super::super::action::Effect;
use super::super::super::command::Command;
use super::super::super::state::{Overlay, State};
use super::super::{editing, welcome};
use super::{Next, step_cursor};
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
            Next::close({
                let left = editing::leave_everything(state);
                left.and(welcome::load(state, Some(target)))
            })
        }
        Command::OpenNextPeriod => ask_to_open_next(state).map_or(Next::close(Effect::None), Next::stay),
        Command::ClosePeriod => ask_to_close(state, cursor).map_or(Next::close(Effect::None), Next::stay),
        Command::Cancel => Next::close(Effect::None),
        _ => Next::stay(Overlay::Period { cursor }),
    }
}

/// The question before the next quarter opens for everyone; the latest period's texts come
/// along unless the user says otherwise.
fn ask_to_open_next(state: &mut State) -> Option<Overlay> {
    if !state.role.can_administer() {
        state.error(tr!("tui-admin-only"));
        return None;
    }
    let main = state.main()?;
    let years = main.plan.years;
    let latest = main
        .periods
        .iter()
        .filter(|p| !p.id.is_span() && years.contains(p.id.year))
        .map(|p| p.id)
        .max_by_key(|p| (p.end(), std::cmp::Reverse(p.start())));
    match latest.and_then(|p| p.next()) {
        Some(next) => Some(Overlay::OpenPeriod { period: next, from: latest, carry: latest.is_some() }),
        None => {
            state.error(tr!("tui-no-next-period"));
            None
        }
    }
}

fn ask_to_close(state: &mut State, cursor: usize) -> Option<Overlay> {
    if !state.role.can_administer() {
        state.error(tr!("tui-admin-only"));
        return None;
    }
    let period = state.main()?.periods.get(cursor)?.id;
    Some(Overlay::ClosePeriod { period })
}
