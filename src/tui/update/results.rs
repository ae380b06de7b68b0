//! What came back from the loop's effects, and what the server pushed.

use super::super::action::Effect;
use super::super::state::{Editor, Main, Screen, State};
use super::{editing, navigation, welcome};
use crate::domain::{Entry, ItemId};
use crate::model::{ImportOutcome, Snapshot};
use crate::proto::Event;
use crate::tr;

pub(super) fn imported(state: &mut State, result: Result<ImportOutcome, String>) -> Effect {
    match result {
        Ok(outcome) => {
            let mut text = if outcome.period.is_empty() {
                tr!("tui-imported-plan", years = outcome.years.clone(), items = outcome.items_added)
            } else {
                tr!("tui-imported", period = outcome.period.clone(), items = outcome.items_added)
            };
            if !outcome.edited_kept.is_empty() {
                let (points, n) = (outcome.edited_kept.join(", "), outcome.edited_kept.len());
                text = format!("{text}; {}", tr!("tui-import-edited-kept", points = points, n = n));
            }
            state.info(text);
            welcome::load(state, crate::domain::PeriodId::parse(&outcome.period))
        }
        Err(message) => {
            state.error(message);
            Effect::None
        }
    }
}

pub(super) fn exported(state: &mut State, result: Result<std::path::PathBuf, String>) -> Effect {
    match result {
        Ok(path) => {
            let mut text = tr!("tui-exported", path = path.display().to_string());
            // The file holds the saved texts: say so when the user has others.
            let unsaved = state.main().map_or(0, |m| {
                let open_unsaved =
                    m.editor.as_ref().is_some_and(|e| e.is_modified() && !m.drafts.contains_key(&e.item));
                m.drafts.len() + usize::from(open_unsaved)
            });
            if unsaved > 0 {
                text = format!("{text}; {}", tr!("tui-exported-without-drafts", n = unsaved));
            }
            state.info(text);
        }
        Err(message) => state.error(message),
    }
    Effect::None
}

pub(super) fn editor_closed(state: &mut State, result: Result<String, String>) -> Effect {
    let text = match result {
        Ok(text) => text,
        Err(message) => {
            state.error(message);
            return Effect::None;
        }
    };
    let Some(editor) = state.main_mut().and_then(|m| m.editor.as_mut()) else { return Effect::None };
    if editor.info_text() == text {
        return Effect::None;
    }
    editor.replace_info(&text);
    editing::modified_now(state)
}

/// A text the store did not take went to a recovery file (or could not).
pub(super) fn recovered(state: &mut State, error: String, file: Result<String, String>) -> Effect {
    state.quit_after_save = false;
    match file {
        Ok(path) => state.error(tr!("tui-recovery-saved", error = error, path = path)),
        Err(detail) => state.error(tr!("tui-recovery-failed", error = error, detail = detail)),
    }
    Effect::None
}

/// A new snapshot: keep the user's place (item, filter, search, unsaved text) when it is
/// the same period.
pub(super) fn loaded(state: &mut State, snapshot: Snapshot) {
    if state.pending_period == Some(snapshot.period.id) {
        state.pending_period = None;
    }
    // A period is viewed as of its report date unless the user chose a date.
    state.as_of = state.as_of_for(snapshot.period.report_date);
    let mut fresh =
        Main::from_snapshot(snapshot, (state.as_of, &state.rules), crate::tui::layout::sketch_room(state.size.0));
    fresh.my_names = state.responsible.clone();
    if let Some(filter) = state.next_filter.take() {
        fresh.filter = filter;
        fresh.refilter();
        fresh.open_selected();
    }
    if let Screen::Main(old) = &mut state.screen
        && old.period.id == fresh.period.id
    {
        fresh.filter = old.filter;
        fresh.search = std::mem::take(&mut old.search);
        fresh.focus = old.focus;
        let kept = old.editor.take().filter(|e| fresh.row_of(e.item).is_some());
        fresh.refilter();
        if let Some(editor) = kept {
            if let Some(pos) = fresh.visible.iter().position(|&i| fresh.rows[i].item.id == editor.item) {
                fresh.cursor = pos;
            }
            fresh.editor = Some(editor);
        }
        fresh.open_selected();
    }
    state.screen = Screen::Main(Box::new(fresh));
    navigation::keep_cursor_visible(state);
}

/// Shows `entry` as the item's current text; the open editor follows it unless the user
/// has unsaved text there (`force` replaces that too).
pub(super) fn take_entry(state: &mut State, item: ItemId, entry: Entry, force: bool) {
    let (as_of, rules) = (state.as_of, state.rules.clone());
    let Some(main) = state.main_mut() else { return };
    let Some(index) = main.row_of(item) else {
        // Its part of the list is still to come, perhaps read before this change.
        if main.loading {
            main.arrived.insert(item, entry);
        }
        return;
    };
    main.update_row(index, entry.clone(), as_of, &rules);
    let focus = main.focus;
    if let Some(editor) = main.editor.as_mut().filter(|e| e.item == item)
        && (force || !editor.is_modified())
    {
        let announced = editor.announced;
        *editor = Editor::new(item, &entry);
        editor.announced = announced;
        editor.apply_focus(focus);
    }
    navigation::keep_cursor_visible(state);
}

pub(super) fn remote(state: &mut State, event: Event) -> Effect {
    match event {
        Event::Settings(settings) => {
            state.spelling.known(&settings.words);
            if let Some(main) = state.main_mut() {
                main.settings = settings;
            }
            Effect::None
        }
        Event::EntryChanged { period, item, entry } => {
            if state.main().is_some_and(|m| m.period.id == period) {
                let by = entry.changed_by.clone();
                let mine =
                    state.main().and_then(|m| m.editor.as_ref()).is_some_and(|e| e.item == item && e.is_modified());
                // A review change keeps the text: nothing to warn about.
                let old_revision = state.main().and_then(|m| m.row_of(item).map(|i| m.rows[i].entry.revision));
                let new_text = old_revision != Some(entry.revision);
                take_entry(state, item, entry, false);
                if mine && new_text && by != state.user {
                    state.info(tr!("tui-changed-elsewhere", who = by));
                }
            }
            Effect::None
        }
        Event::Editing { period, item, users } => {
            let me = state.user.clone();
            if let Some(main) = state.main_mut()
                && main.period.id == period
            {
                let others: Vec<String> = users.into_iter().filter(|u| *u != me).collect();
                if others.is_empty() {
                    main.presence.remove(&item);
                } else {
                    main.presence.insert(item, others);
                }
            }
            Effect::None
        }
        Event::Reload => welcome::load(state, state.pending_period.or(state.main().map(|m| m.period.id))),
    }
}
