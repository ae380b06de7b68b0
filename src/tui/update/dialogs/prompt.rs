//! One-line prompts: search (live), the as-of date, a hand-set schedule, an item's
//! responsible, export format and path. Keys are text; Enter submits, Esc cancels.

use super::super::super::action::{Effect, Job, Purpose};
use super::super::super::key::{Key, KeyCode};
use super::super::super::state::{Overlay, Prompt, PromptKind, State};
use super::super::{navigation, paths, recompute};
use super::Next;
use crate::formats::ExportFormat;
use crate::proto::Request;
use crate::tr;

pub(super) fn on_key(state: &mut State, mut prompt: Prompt, key: Key) -> Next {
    match key.code {
        _ if key.ctrl && key.code == KeyCode::Char('c') => Next::close(Effect::None),
        KeyCode::Enter => submit(state, prompt),
        KeyCode::Esc if prompt.kind == PromptKind::Search => {
            if let Some(main) = state.main_mut() {
                main.search.clear();
            }
            Next::close(navigation::after_refilter(state))
        }
        KeyCode::Esc => Next::close(Effect::None),
        KeyCode::Tab if prompt.kind == PromptKind::ExportPath => {
            let effect = paths::tab(state, prompt.input.text(), state.export_dir.as_deref());
            Next::stay_and(Overlay::Prompt(prompt), effect)
        }
        _ => {
            prompt.input.edit(key);
            prompt.error = None;
            if prompt.kind != PromptKind::Search {
                return Next::stay(Overlay::Prompt(prompt));
            }
            let text = prompt.input.text().to_owned();
            state.overlay = Some(Overlay::Prompt(prompt));
            if let Some(main) = state.main_mut() {
                main.search = text;
            }
            Next::close(navigation::after_refilter(state))
        }
    }
}

/// The prompt again, with why its text was refused.
fn refuse(mut prompt: Prompt, why: String) -> Next {
    prompt.error = Some(why);
    Next::stay(Overlay::Prompt(prompt))
}

fn submit(state: &mut State, prompt: Prompt) -> Next {
    let text = prompt.input.text().trim().to_owned();
    match prompt.kind {
        PromptKind::Search => {
            if let Some(main) = state.main_mut() {
                main.search = text;
            }
            Next::close(navigation::after_refilter(state))
        }
        PromptKind::AsOf => as_of(state, prompt, &text),
        PromptKind::Schedule => schedule(state, prompt, &text),
        PromptKind::Responsible => responsible(state, text),
        PromptKind::GoTo => go_to(state, prompt, &text),
        PromptKind::ExportFormat => export_format(state, prompt, &text),
        PromptKind::ExportPath => export_path(state, &prompt, &text),
    }
}

fn as_of(state: &mut State, prompt: Prompt, text: &str) -> Next {
    let chosen = if text.is_empty() {
        None
    } else {
        match crate::domain::period::parse_user_date(text) {
            Some(date) => Some(date),
            None => return refuse(prompt, tr!("tui-bad-date", value = text)),
        }
    };
    state.as_of_chosen = chosen;
    let report_date = state.main().and_then(|m| m.period.report_date);
    state.as_of = state.as_of_for(report_date);
    if chosen.is_none() {
        state.info(if report_date.is_some() { tr!("tui-as-of-report-date") } else { tr!("tui-as-of-today") });
    }
    recompute(state);
    Next::close(Effect::None)
}

fn schedule(state: &mut State, prompt: Prompt, text: &str) -> Next {
    let Some((plan, item)) = state.main().and_then(|m| m.selected().map(|r| (m.plan.id, r.item.id))) else {
        return Next::close(Effect::None);
    };
    let schedule = if text.is_empty() {
        None
    } else {
        match crate::domain::deadline::parse(text) {
            Some(schedule) => Some(schedule),
            None => return refuse(prompt, tr!("tui-schedule-not-understood")),
        }
    };
    Next::close(Effect::call(Purpose::SetSchedule, Request::SetSchedule { plan, item, schedule }))
}

/// To the item with this point, showing the whole list if a filter or search hides it.
fn go_to(state: &mut State, prompt: Prompt, text: &str) -> Next {
    let point = crate::domain::plan::strip_number_dot(text).to_owned();
    let Some(main) = state.main_mut() else { return Next::close(Effect::None) };
    let Some(index) = main.rows.iter().position(|r| r.item.point_label() == point) else {
        return refuse(prompt, tr!("tui-no-such-point", point = point));
    };
    if !main.visible.contains(&index) {
        main.filter = super::super::super::state::Filter::All;
        main.search.clear();
        main.refilter();
    }
    let Some(position) = main.visible.iter().position(|&i| i == index) else { return Next::close(Effect::None) };
    Next::close(navigation::select(state, position))
}

fn responsible(state: &mut State, responsible: String) -> Next {
    let Some((plan, item)) = state.main().and_then(|m| m.selected().map(|r| (m.plan.id, r.item.id))) else {
        return Next::close(Effect::None);
    };
    Next::close(Effect::call(Purpose::SetResponsible, Request::SetResponsible { plan, item, responsible }))
}

fn export_format(state: &mut State, prompt: Prompt, text: &str) -> Next {
    let (Some(format), Some(period)) = (ExportFormat::parse(text), state.main().map(|m| m.period.id)) else {
        return refuse(prompt, tr!("tui-bad-format", value = text, formats = ExportFormat::names(", ")));
    };
    let name = format.default_file_name(period);
    let initial = match &state.export_dir {
        Some(dir) => paths::shown(state, &dir.join(&name)),
        None => name,
    };
    let mut next = Prompt::new(PromptKind::ExportPath, &initial);
    next.carried = format.extension().to_owned();
    Next::stay(Overlay::Prompt(next))
}

fn export_path(state: &mut State, prompt: &Prompt, text: &str) -> Next {
    let (Some(format), Some(period)) = (ExportFormat::parse(&prompt.carried), state.main().map(|m| m.period.id)) else {
        return Next::close(Effect::None);
    };
    if text.is_empty() {
        return Next::close(Effect::None);
    }
    let path = paths::resolve(state, text, state.export_dir.as_deref());
    let job = Job::Export { format, path, period, as_of: state.as_of, rules: state.rules.clone() };
    Next::close(Effect::Job(job))
}
