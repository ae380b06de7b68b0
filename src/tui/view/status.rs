//! The two status lines: where we are and who we are; then counts, or a message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::command::Command;
use super::super::keymap::Pane;
use super::super::state::{Main, State};
use crate::text_width::{sanitize, truncate, width};
use crate::tr;

fn save_state(state: &State, main: &Main, modified: bool) -> String {
    if !state.role.can_edit() {
        return tr!("save-state-read-only");
    }
    if !state.saving.is_empty() {
        return tr!("tui-saving");
    }
    match &main.editor {
        Some(e) if modified && e.drafted => tr!("save-state-draft"),
        _ if modified => tr!("save-state-modified"),
        _ => tr!("save-state-saved"),
    }
}

/// `modified`: the open text differs from the saved entry (worked out once per frame).
pub(super) fn render(state: &State, main: &Main, modified: bool, frame: &mut Frame, area: Rect) {
    let theme = &state.theme;
    let w = usize::from(area.width);
    let help_key = state.keymaps.first_key(Pane::List, Command::Help).map(|k| k.to_string()).unwrap_or_default();
    let right =
        format!(" {} · {} · {} ", save_state(state, main, modified), state.user, tr!("status-help", key = help_key));
    let as_of = state.as_of.format("%d.%m.%Y").to_string();
    let left_full = format!(
        " {} · {} · {}",
        main.period.title,
        tr!("status-as-of", date = as_of),
        sanitize(&main.plan.organisation)
    );
    let left = truncate(&left_full, w.saturating_sub(width(&right)));
    let gap = w.saturating_sub(width(&left) + width(&right));
    let top = Line::from(vec![Span::raw(left), Span::raw(" ".repeat(gap)), Span::raw(right)]).style(theme.bar);

    let bottom = match &state.message {
        // An error has a box of its own above the status lines (`view::error_box`).
        Some(m) if !m.is_error => Line::from(Span::raw(truncate(&format!(" {}", sanitize(&m.text)), w))),
        _ => {
            let c = main.counts;
            let parts = [
                (theme.overdue, tr!("count-overdue", n = c.overdue)),
                (theme.no_result, tr!("count-no-result", n = c.no_result)),
                (theme.due_soon, tr!("count-due-soon", n = c.due_soon)),
                (theme.done, tr!("count-done", n = c.done)),
            ];
            let mut spans = vec![Span::raw(" ")];
            for (i, (style, text)) in parts.into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::raw(" · "));
                }
                spans.push(Span::styled(text, style));
            }
            spans.push(Span::raw(format!(" · {}", tr!("count-total", n = c.items))));
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(vec![top, bottom]), area);
}
