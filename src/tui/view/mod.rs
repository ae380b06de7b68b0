//! `view(&State, &mut Frame)`: draws the state; decides nothing.

mod cycle;
mod detail;
mod dialogs;
mod help;
pub mod list;
mod status;
mod text_panes;
mod welcome;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::layout::{self, too_small};
use super::state::{Screen, State};
use crate::tr;

pub fn view(state: &State, frame: &mut Frame) {
    let area = frame.area();
    if too_small(area.width, area.height) {
        let text = tr!("tui-too-small", width = area.width, height = area.height);
        let lines: Vec<Line> =
            crate::text_width::wrap(&text, area.width.max(1).into()).into_iter().map(Line::from).collect();
        let y = area.height / 2;
        frame.render_widget(
            Paragraph::new(lines).centered(),
            Rect::new(area.x, area.y + y.saturating_sub(1), area.width, area.height - y.saturating_sub(1)),
        );
        return;
    }
    match &state.screen {
        Screen::Loading => {
            frame.render_widget(Paragraph::new(tr!("tui-loading")).centered(), layout::centered(area, 40, 1));
        }
        Screen::Failed { error } => welcome::render_failed(state, error, frame, area),
        Screen::Welcome { prompt } => welcome::render(state, prompt.as_ref(), frame, area),
        Screen::NoPeriod(waiting) => welcome::render_waiting(state, waiting, frame, area),
        Screen::Main(main) => {
            let areas = main_areas(state, main, area);
            list::render(state, main, frame, areas.list);
            detail::render(state, main, frame, areas.detail);
            // Comparing the open text with the saved one reads all of it: once per frame.
            let modified = main.editor.as_ref().is_some_and(|e| e.is_modified());
            text_panes::render(state, main, modified, frame, areas.editor, areas.assessment);
            status::render(state, main, modified, frame, areas.status);
        }
    }
    if let Some(overlay) = &state.overlay {
        dialogs::render(state, overlay, frame, area);
    }
    // On top of a dialog too: until it is dismissed, keys go to it (`update::on_error_key`).
    if let Some(message) = state.message.as_ref().filter(|m| m.is_error) {
        error_box(state, &message.text, frame, area);
    }
}

/// Where the main screen's panes are drawn (update asks too, to place a mouse click).
pub fn main_areas(state: &State, main: &super::state::Main, area: Rect) -> layout::Areas {
    let typing = main.focus != super::state::Focus::List;
    let wanted = detail::wanted_rows(state, main, layout::areas(area, 0, typing).detail.width);
    layout::areas(area, wanted, typing)
}

/// An error, whole, in a box above the status lines until the user dismisses it.
fn error_box(state: &State, text: &str, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(2);
    let inner_w = usize::from(width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = crate::text_width::wrap(&crate::text_width::sanitize(text), inner_w)
        .into_iter()
        .take(usize::from(area.height / 3))
        .map(|l| Line::from(ratatui::text::Span::styled(l, state.theme.error)))
        .collect();
    let log_key = state.keymaps.key_name(super::keymap::Pane::List, super::command::Command::Messages);
    let hint = if state.log_opens_here() && !log_key.is_empty() {
        tr!("status-error-hint", key = log_key)
    } else {
        tr!("status-error-hint-close")
    };
    lines.push(Line::from(ratatui::text::Span::styled(hint, state.theme.dim)));
    let height = u16::try_from(lines.len() + 2).unwrap_or(area.height).min(area.height.saturating_sub(2));
    let y = area.y + area.height.saturating_sub(height + 2);
    let inner = dialog_block(frame, Rect::new(area.x + 1, y, width, height), tr!("error-title"), state);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A bordered box cleared of what is under it.
pub(super) fn dialog_block(frame: &mut Frame, area: Rect, title: String, state: &State) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(state.theme.border_focused)
        .title(Line::from(format!(" {title} ")).style(state.theme.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

#[cfg(test)]
mod tests;
