//! The screens before the plan is shown: loading, a failed load, the welcome screen of an
//! empty store (import a file or load the bundled sample), and a plan without periods
//! (open the first).

use super::super::action::{Effect, Job, Purpose};
use super::super::command::Command;
use super::super::key::{Key, KeyCode};
use super::super::state::{LineInput, Screen, State, WaitingPlan};
use crate::domain::{ItemId, PeriodId, Role};
use crate::model::PlanInfo;
use crate::proto::Request;
use crate::tr;

/// Items in a list's first part: a tall terminal's screen and the rows past it.
pub const FIRST_PART: u32 = 200;
/// Items in each next part of a list.
pub const NEXT_PART: u32 = 1_000;

/// The call that loads a period (`None`: the store's latest). The list comes without its
/// texts: they come per item as they are shown (`texts`). A period first shown comes in
/// parts, its first rows drawn before the rest has come; the period shown comes again
/// whole, so that its cursor and open editor stay where they are.
pub(crate) fn load(state: &State, period: Option<crate::domain::PeriodId>) -> Effect {
    let shown = state.main().map(|m| m.period.id);
    if period.is_some() && period == shown {
        return Effect::call(Purpose::Load, Request::List { period });
    }
    next_part(period, None, FIRST_PART)
}

/// A terminal widened past the room its list's titles were kept for: the list again,
/// whole (its cursor and open editor stay), its titles kept for the new room.
pub(super) fn widened(state: &mut State) -> Effect {
    let room = crate::tui::layout::sketch_room(state.size.0);
    let Some(main) = state.main_mut().filter(|m| m.texts.remote && m.sketch_room < room) else {
        return Effect::None;
    };
    main.sketch_room = room;
    Effect::call(Purpose::Load, Request::List { period: Some(main.period.id) })
}

/// The next part of the list shown, when one is due.
pub(super) fn ask_next_part(state: &mut State) -> Effect {
    let Some(main) = state.main_mut() else { return Effect::None };
    match main.next_part.take() {
        Some(after) => next_part(Some(main.period.id), Some(after), NEXT_PART),
        None => Effect::None,
    }
}

/// The call for the part of a list after `after`.
pub(super) fn next_part(period: Option<crate::domain::PeriodId>, after: Option<ItemId>, max: u32) -> Effect {
    Effect::call(Purpose::LoadPart { period, after, max }, Request::ListPart { period, after, max })
}

/// Keys on the loading screen and on a failed load's screen.
pub(super) fn start_command(state: &mut State, command: Command) -> Effect {
    match command {
        Command::Quit => Effect::Quit,
        Command::Retry if matches!(state.screen, Screen::Failed { .. }) => {
            state.screen = Screen::Loading;
            load(state, None)
        }
        _ => Effect::None,
    }
}

/// The store has no period: the welcome screen when it has no plan either, else the latest
/// plan and the quarter to open first.
pub(super) fn plans(state: &mut State, plans: Vec<PlanInfo>) {
    let Some(info) = plans.into_iter().max_by_key(|p| p.plan.years.last) else {
        state.screen = Screen::Welcome { prompt: None };
        return;
    };
    let title = info.plan.title_lines.join(" ");
    let period = PeriodId::quarter(info.plan.years.first_quarter(state.as_of));
    state.screen = Screen::NoPeriod(WaitingPlan { years: info.plan.years, title, items: info.items, period });
}

/// Keys on the screen of a plan without periods.
fn waiting_command(state: &mut State, waiting: WaitingPlan, command: Command) -> Effect {
    match command {
        Command::OpenFirstPeriod if state.role == Role::Admin => {
            Effect::call(Purpose::OpenPeriod, Request::OpenPeriod { period: waiting.period, copy_from: None })
        }
        Command::OpenFirstPeriod => {
            state.error(tr!("tui-admin-only"));
            Effect::None
        }
        Command::EarlierPeriod | Command::LaterPeriod => {
            let by = if command == Command::LaterPeriod { 1 } else { -1 };
            let Some(quarter) = waiting.period.as_quarter() else { return Effect::None };
            let next = quarter.step(by);
            if waiting.years.contains(next.year) {
                state.screen = Screen::NoPeriod(WaitingPlan { period: PeriodId::quarter(next), ..waiting });
            }
            Effect::None
        }
        Command::ImportFile => {
            state.screen = Screen::Welcome { prompt: Some(LineInput::new("")) };
            Effect::None
        }
        Command::Quit => Effect::Quit,
        _ => Effect::None,
    }
}

pub(super) fn command(state: &mut State, command: Command) -> Effect {
    if let Screen::NoPeriod(waiting) = &state.screen {
        let waiting = waiting.clone();
        return waiting_command(state, waiting, command);
    }
    match command {
        Command::ImportFile => {
            state.screen = Screen::Welcome { prompt: Some(LineInput::new("")) };
            Effect::None
        }
        Command::LoadSample => Effect::Job(Job::ImportSample),
        Command::Quit => Effect::Quit,
        _ => Effect::None,
    }
}

/// Typing the path of the file to import.
pub(super) fn prompt_key(state: &mut State, key: Key) -> Effect {
    let Screen::Welcome { prompt: Some(input) } = &mut state.screen else { return Effect::None };
    match key.code {
        KeyCode::Enter => {
            let path = input.text().trim().to_owned();
            if path.is_empty() {
                return Effect::None;
            }
            return Effect::Job(Job::ImportFile(super::paths::resolve(state, &path, None)));
        }
        KeyCode::Tab => {
            let typed = input.text().to_owned();
            return super::paths::tab(state, &typed, None);
        }
        KeyCode::Esc => state.screen = Screen::Welcome { prompt: None },
        _ => input.edit(key),
    }
    Effect::None
}
