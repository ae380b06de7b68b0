//! What came back from the loop's effects, and what the server pushed.

use super::super::action::{Action, Effect};
use super::super::state::{Editor, Focus, Main, Overlay, Screen, State};
use super::{editing, navigation};
use crate::domain::{Entry, ItemId};
use crate::model::SaveOutcome;
use crate::proto::Event;
use crate::tr;

pub(super) fn result(state: &mut State, action: Action) -> Effect {
    match action {
        Action::Loaded(Ok(Some(snapshot))) => {
            loaded(state, *snapshot);
            Effect::None
        }
        Action::Loaded(Ok(None)) => {
            state.screen = Screen::Welcome { prompt: None };
            Effect::None
        }
        Action::Saved(Ok(SaveOutcome::Saved(entry))) => {
            let (as_of, rules) = (state.as_of, state.rules.clone());
            let Some(main) = state.main_mut() else { return Effect::None };
            let Some(item) = main.editor.as_ref().map(|e| e.item) else { return Effect::None };
            let Some(index) = main.row_of(item) else { return Effect::None };
            main.update_row(index, entry.clone(), as_of, &rules);
            main.drafts.remove(&item);
            if let Some(editor) = main.editor.as_mut() {
                editor.rebase(&entry);
                // The server forgets who edits an item when they save it.
                editor.announced = false;
            }
            let point = main.rows[index].item.point_label().to_owned();
            state.info(tr!("tui-saved", point = point));
            navigation::keep_cursor_visible(state);
            if std::mem::take(&mut state.quit_after_save) {
                return editing::leave_everything(state).and(Effect::Quit);
            }
            Effect::None
        }
        Action::Saved(Ok(SaveOutcome::Conflict { theirs })) => {
            state.quit_after_save = false;
            let Some(editor) = state.main().and_then(|m| m.editor.as_ref()) else { return Effect::None };
            state.overlay = Some(Overlay::Conflict {
                item: editor.item,
                mine_info: editor.info_text(),
                mine_assessment: editor.assessment_text(),
                theirs,
            });
            Effect::None
        }
        Action::Imported(Ok(outcome)) => {
            state.info(tr!("tui-imported", period = outcome.period.clone(), items = outcome.items_added));
            Effect::Load(crate::domain::PeriodId::parse(&outcome.period))
        }
        Action::Imported(Err(message)) => {
            state.error(message);
            Effect::None
        }
        Action::PreviousText(Ok(Some(text))) if !text.trim().is_empty() => {
            let Some(editor) = state.main_mut().and_then(|m| m.editor.as_mut()) else { return Effect::None };
            let current = editor.info_text();
            let combined = if current.trim().is_empty() { text } else { format!("{current}\n\n{text}") };
            editor.replace_info(&combined);
            state.info(tr!("tui-copied-previous"));
            editing::set_focus(state, Focus::Editor).and(editing::modified_now(state))
        }
        Action::PreviousText(Ok(_)) => {
            state.info(tr!("tui-previous-empty"));
            Effect::None
        }
        Action::EditorClosed(Ok(text)) => {
            let Some(editor) = state.main_mut().and_then(|m| m.editor.as_mut()) else { return Effect::None };
            if editor.info_text() == text {
                return Effect::None;
            }
            editor.replace_info(&text);
            editing::modified_now(state)
        }
        Action::EditorClosed(Err(message)) | Action::Exported(Err(message)) => {
            state.error(message);
            Effect::None
        }
        Action::HistoryLoaded(Ok(revisions)) => {
            let Some(item) = state.main().and_then(|m| m.selected()).map(|r| r.item.id) else { return Effect::None };
            let cursor = revisions.len().saturating_sub(1);
            state.overlay = Some(Overlay::History { item, revisions, cursor });
            Effect::None
        }
        Action::Recovered { error, file } => {
            state.quit_after_save = false;
            match file {
                Ok(path) => state.error(tr!("tui-recovery-saved", error = error, path = path)),
                Err(detail) => state.error(tr!("tui-recovery-failed", error = error, detail = detail)),
            }
            Effect::None
        }
        Action::Exported(Ok(path)) => {
            state.info(tr!("tui-exported", path = path.display().to_string()));
            Effect::None
        }
        Action::Loaded(Err(e))
        | Action::Saved(Err(e))
        | Action::PreviousText(Err(e))
        | Action::HistoryLoaded(Err(e))
        | Action::Failed(e) => {
            state.quit_after_save = false;
            state.error(e.to_string());
            Effect::None
        }
        _ => Effect::None,
    }
}

/// A new snapshot: keep the user's place (item, filter, search, unsaved text) when it is
/// the same period.
fn loaded(state: &mut State, snapshot: crate::model::Snapshot) {
    let mut fresh = Main::from_snapshot(snapshot, state.as_of, &state.rules);
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
    let Some(index) = main.row_of(item) else { return };
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
        Event::EntryChanged { period, item, entry } => {
            if state.main().is_some_and(|m| m.period.id == period) {
                let by = entry.changed_by.clone();
                let mine =
                    state.main().and_then(|m| m.editor.as_ref()).is_some_and(|e| e.item == item && e.is_modified());
                take_entry(state, item, entry, false);
                if mine && by != state.user {
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
        Event::Reload => Effect::Load(state.main().map(|m| m.period.id)),
    }
}
