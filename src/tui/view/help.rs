//! The help overlay, generated from the keymap tables.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::keymap::Pane;
use super::super::layout::centered;
use super::super::state::State;
use super::super::theme::{MARK_DONE, MARK_DRAFT, MARK_DUE_SOON, MARK_EDITED_BY_OTHER, MARK_NO_RESULT, MARK_OVERDUE};
use crate::text_width::{truncate, width};
use crate::tr;

/// Every line of the help text, for the given width.
pub(super) fn lines(state: &State, inner_width: usize) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let mut out = vec![Line::from(Span::styled(tr!("help-marks"), theme.heading))];
    for (mark, style, label) in [
        (MARK_OVERDUE, theme.overdue, tr!("flag-overdue")),
        (MARK_NO_RESULT, theme.no_result, tr!("flag-no-result")),
        (MARK_DUE_SOON, theme.due_soon, tr!("flag-due-soon")),
        (MARK_DONE, theme.done, tr!("flag-done")),
        (MARK_DRAFT, theme.dim, tr!("help-mark-draft")),
        (MARK_EDITED_BY_OTHER, theme.dim, tr!("help-mark-editing")),
    ] {
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(mark.to_owned(), style),
            Span::raw(format!("  {label}")),
        ]));
    }
    let key_w: usize = 18;
    for table in state.keymaps.tables() {
        if matches!(table.pane, Pane::Help) {
            continue;
        }
        out.push(Line::default());
        out.push(Line::from(Span::styled(table.pane.title(), theme.heading)));
        for (command, keys) in &table.bindings {
            if keys.is_empty() {
                continue;
            }
            let keys = keys.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(", ");
            let pad = " ".repeat(key_w.saturating_sub(width(&keys)));
            let text = format!("  {keys}{pad} {}", command.describe());
            out.push(Line::from(truncate(&text, inner_width)));
        }
        if table.pane == Pane::Editor {
            out.push(Line::from(truncate(&format!("  {}", tr!("help-typing")), inner_width)));
        }
    }
    out
}

pub(super) fn render(state: &State, scroll: u16, frame: &mut Frame, area: Rect) {
    let outer = centered(area, 76, area.height.saturating_sub(2));
    let inner = super::dialog_block(frame, outer, tr!("help-title"), state);
    let all = lines(state, usize::from(inner.width));
    let max_scroll = u16::try_from(all.len().saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(all).scroll((scroll.min(max_scroll), 0)), inner);
}
