//! The execution text and assessment: focus, typing, saving, drafts.

use ratatui_textarea::{CursorMove, Input, Key as TaKey};

use super::super::action::{Effect, Purpose};
use super::super::key::{Key, KeyCode};
use super::super::state::{Editor, Focus, Overlay, State};
use crate::domain::{EntryEdit, ItemId, PeriodId};
use crate::model::Draft;
use crate::proto::Request;
use crate::tr;

/// Tells the others that this user started or stopped editing an item.
fn presence(period: PeriodId, item: ItemId, editing: bool) -> Effect {
    Effect::call(Purpose::Presence, Request::Editing { period, item, editing })
}

/// Starts editing the selected item (offering the user's draft first, if there is one).
pub(crate) fn start(state: &mut State, focus: Focus) -> Effect {
    if !state.role.can_edit() {
        state.error(tr!("tui-read-only"));
        return Effect::None;
    }
    let Some(main) = state.main() else { return Effect::None };
    let Some(editor) = &main.editor else { return Effect::None };
    if main.drafts.contains_key(&editor.item) && !editor.touched {
        state.overlay = Some(Overlay::DraftOffer { item: editor.item });
        return Effect::None;
    }
    set_focus(state, focus)
}

pub(crate) fn set_focus(state: &mut State, focus: Focus) -> Effect {
    let Some(main) = state.main_mut() else { return Effect::None };
    let from_list = main.focus == Focus::List;
    main.focus = focus;
    if let Some(editor) = &mut main.editor {
        editor.apply_focus(focus);
        // Coming from the list, typing goes on at the end of the text, not before it.
        if from_list && focus != Focus::List {
            let area = editor.pane_mut(focus);
            area.move_cursor(CursorMove::Bottom);
            area.move_cursor(CursorMove::End);
        }
    }
    Effect::None
}

pub(crate) fn cycle_focus(state: &mut State, forward: bool) -> Effect {
    let Some(main) = state.main() else { return Effect::None };
    let next = match (main.focus, forward) {
        (Focus::List, true) | (Focus::Assessment, false) => Focus::Editor,
        (Focus::Editor, true) | (Focus::List, false) => Focus::Assessment,
        (Focus::Assessment, true) | (Focus::Editor, false) => Focus::List,
    };
    if next == Focus::List || main.focus != Focus::List { set_focus(state, next) } else { start(state, next) }
}

fn textarea_input(key: Key) -> Input {
    let code = match key.code {
        KeyCode::Char(c) => TaKey::Char(c),
        KeyCode::Enter => TaKey::Enter,
        KeyCode::Esc => TaKey::Esc,
        KeyCode::Tab | KeyCode::BackTab => TaKey::Tab,
        KeyCode::Backspace => TaKey::Backspace,
        KeyCode::Delete => TaKey::Delete,
        KeyCode::Insert => TaKey::Null,
        KeyCode::Left => TaKey::Left,
        KeyCode::Right => TaKey::Right,
        KeyCode::Up => TaKey::Up,
        KeyCode::Down => TaKey::Down,
        KeyCode::Home => TaKey::Home,
        KeyCode::End => TaKey::End,
        KeyCode::PageUp => TaKey::PageUp,
        KeyCode::PageDown => TaKey::PageDown,
        KeyCode::F(n) => TaKey::F(n),
    };
    Input { key: code, ctrl: key.ctrl, alt: key.alt, shift: false }
}

fn focused_area(state: &mut State) -> Option<(&mut Editor, Focus)> {
    let main = state.main_mut()?;
    let focus = main.focus;
    main.editor.as_mut().map(|e| (e, focus))
}

/// A key typed into the focused text pane.
pub(crate) fn type_key(state: &mut State, key: Key) -> Effect {
    let is_edit = matches!(key.code, KeyCode::Char(_) | KeyCode::Enter | KeyCode::Backspace | KeyCode::Delete)
        || (key.ctrl && matches!(key.code, KeyCode::Char('k' | 'j' | 'w' | 'd' | 'h' | 'x' | 'v' | 'u' | 'r')));
    if is_edit && !state.role.can_edit() {
        state.error(tr!("tui-read-only"));
        return Effect::None;
    }
    let Some((editor, focus)) = focused_area(state) else { return Effect::None };
    let area = editor.pane_mut(focus);
    if key.ctrl && matches!(key.code, KeyCode::Home | KeyCode::End) {
        area.move_cursor(if key.code == KeyCode::Home { CursorMove::Top } else { CursorMove::Bottom });
        area.move_cursor(if key.code == KeyCode::Home { CursorMove::Head } else { CursorMove::End });
        return Effect::None;
    }
    let input = textarea_input(key);
    let modified = match focus {
        Focus::Editor => editor.info.input(input),
        Focus::Assessment => editor.assessment.input(input),
        Focus::List => false,
    };
    if modified { modified_now(state) } else { Effect::None }
}

/// A bracketed paste lands as one edit (one undo step).
pub(crate) fn paste(state: &mut State, text: &str) -> Effect {
    if let Some(Overlay::Prompt(prompt)) = &mut state.overlay {
        prompt.input.insert_str(text);
        return Effect::None;
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let Some(main) = state.main() else { return Effect::None };
    if main.focus == Focus::List {
        state.info(tr!("tui-paste-into-editor"));
        return Effect::None;
    }
    if !state.role.can_edit() {
        state.error(tr!("tui-read-only"));
        return Effect::None;
    }
    let Some((editor, focus)) = focused_area(state) else { return Effect::None };
    let text = super::super::state::editor_shown(&text);
    let modified = match focus {
        Focus::Editor => editor.info.insert_str(&text),
        // The assessment is one line.
        _ => editor.assessment.insert_str(text.replace('\n', " ")),
    };
    if modified { modified_now(state) } else { Effect::None }
}

/// Something was typed: arm the draft timer and, the first time, tell the others.
pub(crate) fn modified_now(state: &mut State) -> Effect {
    let Some(main) = state.main_mut() else { return Effect::None };
    let period = main.period.id;
    let Some(editor) = main.editor.as_mut() else { return Effect::None };
    editor.touched = true;
    editor.drafted = false;
    let mut effect = Effect::ArmDraftTimer;
    if !editor.announced {
        editor.announced = true;
        effect = effect.and(presence(period, editor.item, true));
    }
    effect
}

pub(crate) fn undo(state: &mut State, undo: bool) -> Effect {
    let Some((editor, focus)) = focused_area(state) else { return Effect::None };
    let area = editor.pane_mut(focus);
    let changed = if undo { area.undo() } else { area.redo() };
    if changed {
        show_from_the_top(area);
    }
    if changed { modified_now(state) } else { Effect::None }
}

/// After an undo the text may be far shorter than the view was scrolled: scroll back to its
/// top (the next draw brings the cursor's line into view), the cursor where it was.
fn show_from_the_top(area: &mut ratatui_textarea::TextArea<'static>) {
    let (top, _) = area.scroll_offset();
    if top == 0 {
        return;
    }
    let cursor = area.cursor();
    area.scroll((-i16::try_from(top).unwrap_or(i16::MAX), 0));
    let (row, col) = (u16::try_from(cursor.0).unwrap_or(u16::MAX), u16::try_from(cursor.1).unwrap_or(u16::MAX));
    area.move_cursor(CursorMove::Jump(row, col));
}

pub(crate) fn save(state: &mut State) -> Effect {
    if !state.role.can_edit() {
        state.error(tr!("tui-read-only"));
        return Effect::None;
    }
    let Some(main) = state.main_mut() else { return Effect::None };
    let period = main.period.id;
    let Some(editor) = &main.editor else { return Effect::None };
    if !editor.is_modified() && editor.base_revision == current_revision(main, editor.item) {
        state.info(tr!("tui-nothing-to-save"));
        return Effect::None;
    }
    let (item, info, assessment) = (editor.item, editor.info_text(), editor.assessment_text());
    // The line a merge by hand put between the two texts is not for the official text.
    if let Some(marker) = info.lines().find(|l| is_merge_marker(l)) {
        let marker = marker.trim().to_owned();
        state.error(tr!("tui-merge-marker-left", line = marker));
        return Effect::None;
    }
    let edit = EntryEdit {
        period,
        item,
        base_revision: editor.base_revision,
        info: info.clone(),
        assessment: assessment.clone(),
    };
    state.saving.insert((period, item));
    // Back to the list: the next `j` or Enter moves, it is not typed into the saved text.
    set_focus(state, Focus::List)
        .and(Effect::call(Purpose::Save { period, item, info, assessment }, Request::Save { edit }))
}

/// "——— текст пользователя petrova ———", as `edit_merge` writes it.
fn is_merge_marker(line: &str) -> bool {
    let l = line.trim();
    l.starts_with("——— ") && l.ends_with(" ———")
}

fn current_revision(main: &super::super::state::Main, item: crate::domain::ItemId) -> u64 {
    main.row_of(item).map_or(0, |i| main.rows[i].entry.revision)
}

pub(crate) fn pick_assessment(state: &mut State, index: usize) -> Effect {
    if !state.role.can_edit() {
        state.error(tr!("tui-read-only"));
        return Effect::None;
    }
    let Some(main) = state.main_mut() else { return Effect::None };
    let Some(text) = main.settings.assessments.get(index).cloned() else {
        state.error(tr!("tui-no-such-assessment", n = index + 1));
        return Effect::None;
    };
    let Some(editor) = main.editor.as_mut() else { return Effect::None };
    editor.replace_assessment(&text);
    state.info(tr!("tui-assessment-picked", text = text));
    modified_now(state)
}

/// Up/Down in the assessment field step through the standard assessments.
pub(crate) fn step_assessment(state: &mut State, delta: isize) -> Effect {
    let Some(main) = state.main() else { return Effect::None };
    let Some(editor) = &main.editor else { return Effect::None };
    let list = &main.settings.assessments;
    if list.is_empty() {
        return Effect::None;
    }
    let current = editor.assessment_text();
    let next = match list.iter().position(|a| *a == current) {
        Some(i) => (i as isize + delta).rem_euclid(list.len() as isize) as usize,
        None if delta > 0 => 0,
        None => list.len() - 1,
    };
    pick_assessment(state, next)
}

pub(crate) fn external_editor(state: &mut State) -> Effect {
    if !state.role.can_edit() {
        state.error(tr!("tui-read-only"));
        return Effect::None;
    }
    match state.main().and_then(|m| m.editor.as_ref()) {
        Some(editor) => Effect::RunEditor(editor.info_text()),
        None => Effect::None,
    }
}

pub(crate) fn copy_previous(state: &mut State) -> Effect {
    if !state.role.can_edit() {
        state.error(tr!("tui-read-only"));
        return Effect::None;
    }
    let Some(main) = state.main() else { return Effect::None };
    let Some(item) = main.editor.as_ref().map(|e| e.item) else { return Effect::None };
    match main.previous_period() {
        Some(previous) => {
            let period = previous.id;
            Effect::call(Purpose::PreviousText { period, item }, Request::Entry { period, item })
        }
        None => {
            state.info(tr!("tui-no-previous-period"));
            Effect::None
        }
    }
}

/// The pause after typing is over: keep the text as a draft (once per change).
pub(crate) fn keep_draft(state: &mut State) -> Effect {
    let saving = state.saving.clone();
    let Some(main) = state.main_mut() else { return Effect::None };
    let period = main.period.id;
    let Some(editor) = main.editor.as_mut() else { return Effect::None };
    // A text being saved becomes a draft only if the save fails (answers.rs).
    if editor.drafted || !editor.is_modified() || saving.contains(&(period, editor.item)) {
        return Effect::None;
    }
    editor.drafted = true;
    let draft = Draft {
        info: editor.info_text(),
        assessment: editor.assessment_text(),
        base_revision: editor.base_revision,
        saved_at: crate::domain::Stamp(0),
    };
    let item = editor.item;
    main.drafts.insert(item, draft.clone());
    let (info, assessment) = (draft.info.clone(), draft.assessment.clone());
    Effect::call(Purpose::PutDraft { period, item, info, assessment }, Request::PutDraft { period, item, draft })
}

/// Leaving the open item: unsaved text stays as a draft; the others are told we left.
pub(crate) fn leave_item(state: &mut State) -> Effect {
    let draft = keep_draft(state);
    let Some(main) = state.main_mut() else { return draft };
    let period = main.period.id;
    let Some(editor) = main.editor.take() else { return draft };
    let mut effect = draft;
    if editor.touched && !editor.is_modified() && main.drafts.remove(&editor.item).is_some() {
        // Typed and then undone back to the saved text: the old draft is stale.
        effect = effect.and(Effect::call(Purpose::DeleteDraft, Request::DeleteDraft { period, item: editor.item }));
    }
    if editor.announced {
        effect = effect.and(presence(period, editor.item, false));
    }
    main.focus = super::super::state::Focus::List;
    effect
}

/// Throws away the open item's unsaved text and its draft: the saved text comes back.
pub(crate) fn discard(state: &mut State) -> Effect {
    let Some(main) = state.main_mut() else { return Effect::None };
    let period = main.period.id;
    let Some(editor) = main.editor.take() else { return Effect::None };
    let item = editor.item;
    let mut effect = Effect::None;
    if main.drafts.remove(&item).is_some() {
        effect = Effect::call(Purpose::DeleteDraft, Request::DeleteDraft { period, item });
    }
    if editor.announced {
        effect = effect.and(presence(period, item, false));
    }
    main.focus = Focus::List;
    main.open_selected();
    state.info(tr!("tui-discarded"));
    effect
}

/// Before quitting or loading another period.
pub(crate) fn leave_everything(state: &mut State) -> Effect {
    let effect = leave_item(state);
    if let Some(main) = state.main_mut() {
        main.open_selected();
    }
    effect
}
