//! The mouse, for those who reach for it: the wheel scrolls the pane under it, a click
//! selects an item or puts the focus (and the cursor) in a text. The keyboard stays first.

use ratatui::layout::{Position, Rect};
use ratatui_textarea::{CursorMove, Scrolling};

use super::super::action::Effect;
use super::super::key::{Key, KeyCode, Mouse, MouseKind};
use super::super::state::{Focus, Screen, State};
use super::super::view::list::ListLine;
use super::{editing, navigation};

/// Rows one turn of the wheel moves.
const WHEEL_ROWS: i16 = 3;

pub(super) fn on_mouse(state: &mut State, mouse: Mouse) -> Effect {
    if super::super::layout::too_small(state.size.0, state.size.1) {
        return Effect::None;
    }
    if state.overlay.is_some() {
        return in_dialog(state, mouse.kind);
    }
    let Screen::Main(main) = &state.screen else { return Effect::None };
    let areas = super::super::view::main_areas(state, main, Rect::new(0, 0, state.size.0, state.size.1));
    let at = Position::new(mouse.column, mouse.row);
    if areas.list.contains(at) {
        in_list(state, mouse.kind, areas.list.height, at.y.saturating_sub(areas.list.y + 1))
    } else if areas.editor.contains(at) {
        in_text(state, Focus::Editor, mouse.kind, inside(areas.editor, at))
    } else if areas.assessment.contains(at) {
        in_text(state, Focus::Assessment, mouse.kind, inside(areas.assessment, at))
    } else {
        Effect::None
    }
}

/// A dialog scrolls with the wheel as with its arrow keys; clicks are for the keyboard's keys.
fn in_dialog(state: &mut State, kind: MouseKind) -> Effect {
    let code = match kind {
        MouseKind::WheelUp => KeyCode::Up,
        MouseKind::WheelDown => KeyCode::Down,
        MouseKind::Click => return Effect::None,
    };
    let mut effect = Effect::None;
    for _ in 0..WHEEL_ROWS {
        effect = effect.and(super::update(state, super::super::action::Action::Key(Key::plain(code))));
    }
    effect
}

/// The wheel moves the selection through the list; a click on a row selects its item.
fn in_list(state: &mut State, kind: MouseKind, list_height: u16, row: u16) -> Effect {
    let Some(main) = state.main() else { return Effect::None };
    let target = match kind {
        MouseKind::WheelUp => main.cursor.saturating_sub(WHEEL_ROWS as usize),
        MouseKind::WheelDown => main.cursor + WHEEL_ROWS as usize,
        MouseKind::Click => {
            let lines = super::super::view::list::shown_lines(main, usize::from(list_height.saturating_sub(2)));
            match lines.get(usize::from(row)) {
                Some(ListLine::Item(position)) => *position,
                _ => return Effect::None,
            }
        }
    };
    let focus = editing::set_focus(state, Focus::List);
    focus.and(navigation::select(state, target))
}

/// The text's own row and column of a screen cell, inside the pane's border.
fn inside(area: Rect, at: Position) -> (usize, usize) {
    (usize::from(at.y.saturating_sub(area.y + 1)), usize::from(at.x.saturating_sub(area.x + 1)))
}

/// The wheel scrolls the text; a click starts editing there, the cursor where it fell.
fn in_text(state: &mut State, pane: Focus, kind: MouseKind, (row, col): (usize, usize)) -> Effect {
    let Some(main) = state.main_mut() else { return Effect::None };
    let Some(editor) = &mut main.editor else { return Effect::None };
    let area = editor.pane_mut(pane);
    match kind {
        MouseKind::WheelUp => area.scroll(Scrolling::Delta { rows: -WHEEL_ROWS, cols: 0 }),
        MouseKind::WheelDown => area.scroll(Scrolling::Delta { rows: WHEEL_ROWS, cols: 0 }),
        MouseKind::Click => {
            let effect =
                if main.focus == Focus::List { editing::start(state, pane) } else { editing::set_focus(state, pane) };
            place_cursor(state, pane, row, col);
            return effect;
        }
    }
    Effect::None
}

fn place_cursor(state: &mut State, pane: Focus, row: usize, col: usize) {
    let Some(main) = state.main_mut() else { return };
    if main.focus != pane {
        return; // a draft offer or a read-only role came first
    }
    let Some(editor) = &mut main.editor else { return };
    let area = editor.pane_mut(pane);
    let (top, left) = area.scroll_offset();
    let at = area.screen_to_data(row + usize::from(top), col + usize::from(left));
    let (r, c) = (u16::try_from(at.0).unwrap_or(u16::MAX), u16::try_from(at.1).unwrap_or(u16::MAX));
    area.move_cursor(CursorMove::Jump(r, c));
}
