//! Keys while a dialog is open, and on the welcome screen.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::super::action::Effect;
use super::super::command::Command;
use super::super::key::{Key, KeyCode};
use super::super::keymap::Pane;
use super::super::state::{Focus, LineInput, Overlay, Prompt, PromptKind, Screen, State};
use super::{editing, navigation, recompute};
use crate::domain::EntryEdit;
use crate::formats::ExportFormat;
use crate::tr;

pub(super) fn key(state: &mut State, key: Key) -> Effect {
    let Some(overlay) = state.overlay.take() else { return Effect::None };
    match overlay {
        Overlay::Prompt(prompt) => prompt_key(state, prompt, key),
        Overlay::Help { scroll } => {
            let step = |d: i32| Some(Overlay::Help { scroll: (i32::from(scroll) + d).clamp(0, 500) as u16 });
            state.overlay = match state.keymaps.lookup(Pane::Help, false, key) {
                Some(Command::Down) => step(1),
                Some(Command::Up) => step(-1),
                Some(Command::PageDown) => step(10),
                Some(Command::PageUp) => step(-10),
                Some(Command::Cancel) => None,
                _ => Some(Overlay::Help { scroll }),
            };
            Effect::None
        }
        Overlay::ConfirmQuit => match state.keymaps.lookup(Pane::Quit, false, key) {
            Some(Command::SaveAndQuit) => {
                let effect = editing::save(state);
                // Quit only once the save is acknowledged: a conflict must be seen first.
                state.quit_after_save = matches!(effect, Effect::Save(_));
                effect
            }
            Some(Command::QuitKeepingDraft) => editing::leave_everything(state).and(Effect::Quit),
            Some(Command::Cancel) => Effect::None,
            _ => {
                state.overlay = Some(Overlay::ConfirmQuit);
                Effect::None
            }
        },
        Overlay::Period { cursor } => period_key(state, cursor, key),
        Overlay::DraftOffer { item } => match state.keymaps.lookup(Pane::Draft, false, key) {
            Some(Command::Confirm) => {
                if let Some(main) = state.main_mut() {
                    let draft = main.drafts.get(&item).cloned();
                    if let (Some(draft), Some(editor)) = (draft, main.editor.as_mut().filter(|e| e.item == item)) {
                        editor.replace_info(&draft.info);
                        editor.replace_assessment(&draft.assessment);
                        editor.base_revision = draft.base_revision;
                        editor.drafted = true;
                    }
                }
                state.info(tr!("tui-draft-restored"));
                editing::set_focus(state, Focus::Editor)
            }
            Some(Command::DiscardDraft) => {
                let Some(main) = state.main_mut() else { return Effect::None };
                main.drafts.remove(&item);
                let period = main.period.id;
                editing::set_focus(state, Focus::Editor).and(Effect::DeleteDraft { period, item })
            }
            Some(Command::Cancel) => Effect::None,
            _ => {
                state.overlay = Some(Overlay::DraftOffer { item });
                Effect::None
            }
        },
        Overlay::Conflict { item, mine_info, mine_assessment, theirs } => {
            match state.keymaps.lookup(Pane::Conflict, false, key) {
                Some(Command::KeepMine) => {
                    let Some(period) = state.main().map(|m| m.period.id) else { return Effect::None };
                    Effect::Save(EntryEdit {
                        period,
                        item,
                        base_revision: theirs.revision,
                        info: mine_info,
                        assessment: mine_assessment,
                    })
                }
                Some(Command::TakeTheirs) => {
                    super::results::take_entry(state, item, theirs, true);
                    state.info(tr!("tui-took-theirs"));
                    Effect::None
                }
                Some(Command::EditMerge) => {
                    let (as_of, rules) = (state.as_of, state.rules.clone());
                    if let Some(main) = state.main_mut()
                        && let Some(index) = main.row_of(item)
                    {
                        main.update_row(index, theirs.clone(), as_of, &rules);
                        if let Some(editor) = main.editor.as_mut().filter(|e| e.item == item) {
                            editor.rebase(&theirs);
                            let merged = tr!(
                                "tui-merge-text",
                                mine = mine_info,
                                theirs = theirs.info.clone(),
                                who = theirs.changed_by.clone()
                            );
                            editor.replace_info(&merged);
                        }
                    }
                    state.info(tr!("tui-merge-hint"));
                    editing::set_focus(state, Focus::Editor)
                }
                Some(Command::Cancel) => Effect::None,
                _ => {
                    state.overlay = Some(Overlay::Conflict { item, mine_info, mine_assessment, theirs });
                    Effect::None
                }
            }
        }
        Overlay::History { item, revisions, cursor } => {
            let last = revisions.len().saturating_sub(1);
            match state.keymaps.lookup(Pane::History, false, key) {
                Some(Command::Down) => {
                    state.overlay = Some(Overlay::History { item, revisions, cursor: (cursor + 1).min(last) })
                }
                Some(Command::Up) => {
                    state.overlay = Some(Overlay::History { item, revisions, cursor: cursor.saturating_sub(1) })
                }
                Some(Command::Confirm) => {
                    let Some(main) = state.main() else { return Effect::None };
                    let base = main.row_of(item).map_or(0, |i| main.rows[i].entry.revision);
                    if let Some(rev) = revisions.get(cursor) {
                        return Effect::Restore {
                            period: main.period.id,
                            item,
                            revision: rev.revision,
                            base_revision: base,
                        };
                    }
                }
                Some(Command::Cancel) => {}
                _ => state.overlay = Some(Overlay::History { item, revisions, cursor }),
            }
            Effect::None
        }
    }
}

fn period_key(state: &mut State, cursor: usize, key: Key) -> Effect {
    let Some(main) = state.main() else { return Effect::None };
    let last = main.periods.len().saturating_sub(1);
    match state.keymaps.lookup(Pane::Period, false, key) {
        Some(Command::Down) => state.overlay = Some(Overlay::Period { cursor: (cursor + 1).min(last) }),
        Some(Command::Up) => state.overlay = Some(Overlay::Period { cursor: cursor.saturating_sub(1) }),
        Some(Command::Confirm) => {
            let Some(target) = main.periods.get(cursor).map(|p| p.id) else { return Effect::None };
            if target == main.period.id {
                return Effect::None;
            }
            return editing::leave_everything(state).and(Effect::Load(Some(target)));
        }
        Some(Command::OpenNextPeriod) => {
            if !state.role.can_administer() {
                state.error(tr!("tui-admin-only"));
                return Effect::None;
            }
            let year = main.plan.year;
            let latest = main.periods.iter().filter(|p| p.id.year == year).map(|p| p.id).max_by_key(|p| p.end());
            match latest.and_then(|p| p.next()) {
                Some(next) => return editing::leave_everything(state).and(Effect::OpenPeriod(next)),
                None => state.error(tr!("tui-no-next-period")),
            }
        }
        Some(Command::Cancel) => {}
        _ => state.overlay = Some(Overlay::Period { cursor }),
    }
    Effect::None
}

/// Line editing in a prompt; Enter submits, Esc cancels.
fn prompt_key(state: &mut State, mut prompt: Prompt, key: Key) -> Effect {
    if key.ctrl && key.code == KeyCode::Char('c') {
        return Effect::None;
    }
    match key.code {
        KeyCode::Enter => return submit(state, prompt),
        KeyCode::Esc => {
            if prompt.kind == PromptKind::Search {
                if let Some(main) = state.main_mut() {
                    main.search.clear();
                }
                return navigation::after_refilter(state);
            }
            return Effect::None;
        }
        KeyCode::Char(c) if !key.ctrl && !key.alt => prompt.input.insert(c),
        KeyCode::Backspace => prompt.input.backspace(),
        KeyCode::Delete => prompt.input.delete(),
        KeyCode::Left => prompt.input.left(),
        KeyCode::Right => prompt.input.right(),
        KeyCode::Home => prompt.input.home(),
        KeyCode::End => prompt.input.end(),
        _ => {}
    }
    prompt.error = None;
    let live_search = prompt.kind == PromptKind::Search;
    let text = prompt.input.text().to_owned();
    state.overlay = Some(Overlay::Prompt(prompt));
    if live_search {
        if let Some(main) = state.main_mut() {
            main.search = text;
        }
        return navigation::after_refilter(state);
    }
    Effect::None
}

fn submit(state: &mut State, mut prompt: Prompt) -> Effect {
    let text = prompt.input.text().trim().to_owned();
    match prompt.kind {
        PromptKind::Search => {
            if let Some(main) = state.main_mut() {
                main.search = text;
            }
            navigation::after_refilter(state)
        }
        PromptKind::AsOf => {
            if text.is_empty() {
                state.as_of_is_today = true;
                state.info(tr!("tui-as-of-today"));
                return Effect::None;
            }
            match parse_date(&text) {
                Some(date) => {
                    state.as_of = date;
                    state.as_of_is_today = false;
                    recompute(state);
                    Effect::None
                }
                None => {
                    prompt.error = Some(tr!("tui-bad-date", value = text));
                    state.overlay = Some(Overlay::Prompt(prompt));
                    Effect::None
                }
            }
        }
        PromptKind::Schedule => {
            let Some((year, item)) = state.main().and_then(|m| m.selected().map(|r| (m.plan.year, r.item.id))) else {
                return Effect::None;
            };
            if text.is_empty() {
                return Effect::SetSchedule { year, item, schedule: None };
            }
            match crate::domain::deadline::parse(&text) {
                Some(schedule) => Effect::SetSchedule { year, item, schedule: Some(schedule) },
                None => {
                    prompt.error = Some(tr!("tui-schedule-not-understood"));
                    state.overlay = Some(Overlay::Prompt(prompt));
                    Effect::None
                }
            }
        }
        PromptKind::ExportFormat => {
            let (Some(format), Some(period)) = (ExportFormat::parse(&text), state.main().map(|m| m.period.id)) else {
                prompt.error = Some(tr!("tui-bad-format", value = text));
                state.overlay = Some(Overlay::Prompt(prompt));
                return Effect::None;
            };
            let mut next = Prompt::new(PromptKind::ExportPath, &format.default_file_name(period));
            next.carried = format.extension().to_owned();
            state.overlay = Some(Overlay::Prompt(next));
            Effect::None
        }
        PromptKind::ExportPath => {
            let (Some(format), Some(period)) =
                (ExportFormat::parse(&prompt.carried), state.main().map(|m| m.period.id))
            else {
                return Effect::None;
            };
            if text.is_empty() {
                return Effect::None;
            }
            Effect::Export {
                format,
                path: PathBuf::from(expand_home(state, &text)),
                period,
                as_of: state.as_of,
                rules: state.rules.clone(),
            }
        }
    }
}

/// `~/…` under the user's home folder (which the runtime put in the state).
fn expand_home(state: &State, path: &str) -> String {
    match (path.strip_prefix("~/"), &state.home) {
        (Some(rest), Some(home)) => home.join(rest).display().to_string(),
        _ => path.to_owned(),
    }
}

/// "13.04.2020" or "2020-04-13".
pub(super) fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%d.%m.%Y").or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d")).ok()
}

pub(super) fn welcome_key(state: &mut State, key: Key) -> Effect {
    let Screen::Welcome { prompt } = &mut state.screen else { return Effect::None };
    if let Some(input) = prompt {
        match key.code {
            KeyCode::Enter => {
                let path = input.text().trim().to_owned();
                if path.is_empty() {
                    return Effect::None;
                }
                return Effect::ImportFile(PathBuf::from(expand_home(state, &path)));
            }
            KeyCode::Esc => *prompt = None,
            KeyCode::Char(c) if !key.ctrl && !key.alt => input.insert(c),
            KeyCode::Backspace => input.backspace(),
            KeyCode::Delete => input.delete(),
            KeyCode::Left => input.left(),
            KeyCode::Right => input.right(),
            KeyCode::Home => input.home(),
            KeyCode::End => input.end(),
            _ => {}
        }
        return Effect::None;
    }
    match state.keymaps.lookup(Pane::Welcome, false, key) {
        Some(Command::ImportFile) => {
            if let Screen::Welcome { prompt } = &mut state.screen {
                *prompt = Some(LineInput::new(""));
            }
            Effect::None
        }
        Some(Command::LoadSample) => Effect::ImportSample,
        Some(Command::Quit) => Effect::Quit,
        _ => Effect::None,
    }
}
