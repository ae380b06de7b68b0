//! The first run on an empty store (import a file or load the bundled sample), and a plan
//! stored without periods (open the first).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::command::Command;
use super::super::keymap::Pane;
use super::super::layout::centered;
use super::super::state::{LineInput, State, WaitingPlan};
use super::dialog_block;
use super::dialogs::input_line;
use crate::text_width::{sanitize, wrap};
use crate::tr;

pub(super) fn render(state: &State, prompt: Option<&LineInput>, frame: &mut Frame, area: Rect) {
    let w = 70.min(area.width);
    let text_w = usize::from(w.saturating_sub(4));
    let mut lines: Vec<Line> = Vec::new();
    for l in wrap(&tr!("welcome-text"), text_w) {
        lines.push(Line::from(format!(" {l}")));
    }
    lines.push(Line::default());
    for command in [Command::ImportFile, Command::LoadSample, Command::Quit] {
        let key = state.keymaps.key_name(Pane::Welcome, command);
        lines.push(Line::from(vec![
            Span::styled(format!("   {key}"), state.theme.heading),
            Span::raw(format!("  {}", command.describe())),
        ]));
    }
    let mut prompt_row = None;
    if let Some(input) = prompt {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(format!(" {}", tr!("welcome-path")), state.theme.heading)));
        let (shown, cursor) = input_line(input, text_w);
        prompt_row = Some((lines.len(), cursor));
        lines.push(Line::from(format!(" {shown}")));
    }
    // An error has its own box (`view::error_box`); here only notices.
    if let Some(m) = state.message.as_ref().filter(|m| !m.is_error) {
        lines.push(Line::default());
        for l in wrap(&sanitize(&m.text), text_w) {
            lines.push(Line::from(Span::styled(
                format!(" {l}"),
                if m.is_error { state.theme.error } else { Style::default() },
            )));
        }
    }
    let h = u16::try_from(lines.len() + 2).unwrap_or(area.height).min(area.height);
    let inner = dialog_block(frame, centered(area, w, h), tr!("welcome-title"), state);
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((row, cursor)) = prompt_row {
        let x = inner.x + 1 + u16::try_from(cursor).unwrap_or(0);
        frame.set_cursor_position(Position::new(x, inner.y + u16::try_from(row).unwrap_or(0)));
    }
}

/// A plan without periods: what it is, the period to open, and the keys.
pub(super) fn render_waiting(state: &State, waiting: &WaitingPlan, frame: &mut Frame, area: Rect) {
    let w = 70.min(area.width);
    let text_w = usize::from(w.saturating_sub(4));
    let mut lines: Vec<Line> = Vec::new();
    let title = crate::text_width::one_line(&sanitize(&waiting.title));
    for l in wrap(&title, text_w) {
        lines.push(Line::from(Span::styled(format!(" {l}"), state.theme.heading)));
    }
    let about = tr!(
        "waiting-plan",
        years = crate::i18n::years_phrase(waiting.years.first, waiting.years.last),
        items = waiting.items
    );
    let offer = tr!("waiting-open", period = waiting.period.official_title(), id = waiting.period.to_string());
    lines.push(Line::default());
    lines.extend(wrap(&about, text_w).into_iter().map(|l| Line::from(format!(" {l}"))));
    lines.push(Line::default());
    lines.extend(wrap(&offer, text_w).into_iter().map(|l| Line::from(format!(" {l}"))));
    lines.push(Line::default());
    let commands =
        [Command::OpenFirstPeriod, Command::EarlierPeriod, Command::LaterPeriod, Command::ImportFile, Command::Quit];
    let keys: Vec<String> = commands.iter().map(|c| state.keymaps.key_name(Pane::Welcome, *c)).collect();
    let key_width = keys.iter().map(|k| crate::text_width::width(k)).max().unwrap_or(0);
    for (command, key) in commands.iter().zip(keys) {
        let pad = " ".repeat(key_width - crate::text_width::width(&key));
        lines.push(Line::from(vec![
            Span::styled(format!("   {key}{pad}"), state.theme.heading),
            Span::raw(format!("  {}", command.describe())),
        ]));
    }
    // An error has its own box (`view::error_box`); here only notices.
    if let Some(m) = state.message.as_ref().filter(|m| !m.is_error) {
        lines.push(Line::default());
        let style = if m.is_error { state.theme.error } else { Style::default() };
        for l in wrap(&sanitize(&m.text), text_w) {
            lines.push(Line::from(Span::styled(format!(" {l}"), style)));
        }
    }
    let h = u16::try_from(lines.len() + 2).unwrap_or(area.height).min(area.height);
    let inner = dialog_block(frame, centered(area, w, h), tr!("waiting-title"), state);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The first load failed: what went wrong, what to do, and the keys.
pub(super) fn render_failed(state: &State, error: &str, frame: &mut Frame, area: Rect) {
    let w = 74.min(area.width);
    let text_w = usize::from(w.saturating_sub(4));
    let mut lines: Vec<Line> =
        vec![Line::from(Span::styled(format!(" {}", tr!("tui-load-failed")), state.theme.error))];
    lines.push(Line::default());
    for l in wrap(&sanitize(error), text_w) {
        lines.push(Line::from(format!(" {l}")));
    }
    lines.push(Line::default());
    for l in wrap(&tr!("tui-load-failed-hint"), text_w) {
        lines.push(Line::from(Span::styled(format!(" {l}"), state.theme.dim)));
    }
    lines.push(Line::default());
    for command in [Command::Retry, Command::Quit] {
        let key = state.keymaps.key_name(Pane::Start, command);
        lines.push(Line::from(vec![
            Span::styled(format!("   {key}"), state.theme.heading),
            Span::raw(format!("  {}", command.describe())),
        ]));
    }
    let h = u16::try_from(lines.len() + 2).unwrap_or(area.height).min(area.height);
    let inner = super::dialog_block(frame, super::super::layout::centered(area, w, h), tr!("pane-start"), state);
    frame.render_widget(Paragraph::new(lines), inner);
}
