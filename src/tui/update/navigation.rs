//! Moving through the list, filters and search.

use super::super::action::Effect;
use super::super::layout::list_rows;
use super::super::state::{Filter, State};
use super::editing;
use crate::tr;

/// Moves the selection to position `to` of the list (clamped), leaving the item before.
pub(crate) fn select(state: &mut State, to: usize) -> Effect {
    let Some(main) = state.main() else { return Effect::None };
    if main.visible.is_empty() {
        return Effect::None;
    }
    let to = to.min(main.visible.len() - 1);
    if to == main.cursor && main.editor.is_some() {
        return Effect::None;
    }
    let effect = editing::leave_item(state);
    if let Some(main) = state.main_mut() {
        main.cursor = to;
        main.open_selected();
    }
    keep_cursor_visible(state);
    effect
}

pub(crate) fn move_by(state: &mut State, delta: isize) -> Effect {
    let Some(main) = state.main() else { return Effect::None };
    let to = main.cursor.saturating_add_signed(delta);
    select(state, to)
}

pub(crate) fn move_to(state: &mut State, to: usize) -> Effect {
    select(state, to)
}

pub(crate) fn page(state: &mut State, direction: isize) -> Effect {
    let rows = list_rows(state.size.0, state.size.1).max(1) as isize;
    move_by(state, direction * (rows - 1).max(1))
}

/// Scrolls the list so the selection is on screen.
pub(crate) fn keep_cursor_visible(state: &mut State) {
    let rows = list_rows(state.size.0, state.size.1).max(1);
    let Some(main) = state.main_mut() else { return };
    if main.cursor < main.offset {
        main.offset = main.cursor;
    } else if main.cursor >= main.offset + rows {
        main.offset = main.cursor + 1 - rows;
    }
    main.offset = main.offset.min(main.visible.len().saturating_sub(rows));
}

/// The next (or previous) item that is overdue, without a result or due soon.
pub(crate) fn next_flagged(state: &mut State, forward: bool) -> Effect {
    let Some(main) = state.main() else { return Effect::None };
    let flagged = |&pos: &usize| {
        let f = main.rows[main.visible[pos]].flags;
        f.overdue || f.no_result || f.due_soon
    };
    let found = if forward {
        (main.cursor + 1..main.visible.len()).find(flagged)
    } else {
        (0..main.cursor).rev().find(flagged)
    };
    match found {
        Some(pos) => select(state, pos),
        None => {
            state.info(tr!("tui-no-more-flagged"));
            Effect::None
        }
    }
}

/// The next (or previous) item the search finds, round the list.
pub(crate) fn next_match(state: &mut State, forward: bool) -> Effect {
    let Some(main) = state.main() else { return Effect::None };
    if main.search.is_empty() {
        state.info(tr!("tui-no-search"));
        return Effect::None;
    }
    let n = main.visible.len();
    if n == 0 {
        return Effect::None;
    }
    let to = if forward { (main.cursor + 1) % n } else { (main.cursor + n - 1) % n };
    select(state, to)
}

pub(crate) fn cycle_filter(state: &mut State) -> Effect {
    let Some(main) = state.main_mut() else { return Effect::None };
    main.filter = main.filter.next(!main.my_names.is_empty());
    after_refilter(state)
}

pub(crate) fn clear_search(state: &mut State) -> Effect {
    let Some(main) = state.main_mut() else { return Effect::None };
    if !main.search.is_empty() {
        main.search.clear();
    } else if main.filter != Filter::All {
        main.filter = Filter::All;
    } else {
        return Effect::None;
    }
    after_refilter(state)
}

/// After the list's contents changed: the selection may now be another item.
pub(crate) fn after_refilter(state: &mut State) -> Effect {
    let Some(main) = state.main_mut() else { return Effect::None };
    let before = main.editor.as_ref().map(|e| e.item);
    main.refilter();
    let now = main.selected().map(|r| r.item.id);
    let effect = if before.is_some() && before != now {
        // The selected item went out of the list: leave it properly.
        let cursor = main.cursor;
        let effect = editing::leave_item(state);
        if let Some(main) = state.main_mut() {
            main.cursor = cursor;
            main.open_selected();
        }
        effect
    } else {
        if let Some(main) = state.main_mut() {
            main.open_selected();
        }
        Effect::None
    };
    keep_cursor_visible(state);
    effect
}
