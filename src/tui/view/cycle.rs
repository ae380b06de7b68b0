//! The reporting cycle's dialogs: opening a period (with the carry-over choice), taking one
//! back, and the coordinator's summary of who owes what.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::command::Command;
use super::super::keymap::Pane;
use super::super::layout::centered;
use super::super::state::{Main, State};
use super::dialog_block;
use super::dialogs::{key_hints, paragraph_lines};

use crate::domain::PeriodId;
use crate::domain::summary::by_responsible;
use crate::text_width::{sanitize, truncate, width};
use crate::tr;

fn title_of(main: &Main, id: PeriodId) -> String {
    main.periods.iter().find(|p| p.id == id).map_or_else(|| id.official_title(), |p| sanitize(&p.title).into_owned())
}

pub(super) fn render_open(
    state: &State,
    (period, from, carry): (PeriodId, Option<PeriodId>, bool),
    frame: &mut Frame,
    area: Rect,
) {
    let Some(main) = state.main() else { return };
    let question = tr!("open-period-question", period = period.official_title(), id = period.to_string());
    let choice = match from {
        Some(from) => {
            let mark = if carry { "[x]" } else { "[ ]" };
            format!("{mark} {}", tr!("open-period-carry", from = title_of(main, from)))
        }
        None => tr!("open-period-empty"),
    };
    let mut hints = vec![answer_hint(state, Command::Confirm, tr!("open-period-yes"))];
    if from.is_some() {
        hints.push(answer_hint(state, Command::ToggleCarryOver, Command::ToggleCarryOver.describe()));
    }
    hints.push(tr!("confirm-anything-else"));
    let hints = hints.join(" · ");
    boxed(state, frame, area, tr!("open-period-title"), &[question, String::new(), choice], &hints);
}

pub(super) fn render_close(state: &State, period: PeriodId, frame: &mut Frame, area: Rect) {
    let Some(main) = state.main() else { return };
    let question = tr!("close-period-question", period = title_of(main, period), id = period.to_string());
    let hints =
        [answer_hint(state, Command::Confirm, tr!("close-period-yes")), tr!("confirm-anything-else")].join(" · ");
    boxed(state, frame, area, tr!("close-period-title"), &[question, tr!("close-period-note")], &hints);
}

fn point_of(main: &Main, item: crate::domain::ItemId) -> String {
    main.row_of(item).map(|i| sanitize(main.rows[i].item.point_label()).into_owned()).unwrap_or_default()
}

pub(super) fn render_discard(state: &State, item: crate::domain::ItemId, frame: &mut Frame, area: Rect) {
    let Some(main) = state.main() else { return };
    let question = tr!("discard-question", point = point_of(main, item));
    let hints = [answer_hint(state, Command::Confirm, tr!("discard-yes")), tr!("confirm-anything-else")].join(" · ");
    boxed(state, frame, area, tr!("discard-title"), &[question], &hints);
}

pub(super) fn render_restore(
    state: &State,
    item: crate::domain::ItemId,
    revision: &crate::model::Revision,
    frame: &mut Frame,
    area: Rect,
) {
    let Some(main) = state.main() else { return };
    let question = tr!(
        "restore-question",
        revision = revision.revision,
        who = sanitize(&revision.by).into_owned(),
        when = super::super::describe::stamp(revision.at, state.utc_offset),
        point = point_of(main, item)
    );
    let hints = [answer_hint(state, Command::Confirm, tr!("restore-yes")), tr!("confirm-anything-else")].join(" · ");
    boxed(state, frame, area, tr!("restore-title"), &[question], &hints);
}

/// "Enter, y — открыть": every key the command has in the question's keymap.
fn answer_hint(state: &State, command: Command, what: String) -> String {
    let keys: Vec<String> = state.keymaps.keys_of(Pane::Confirm, command).iter().map(ToString::to_string).collect();
    format!("{} — {what}", keys.join(", "))
}

fn boxed(state: &State, frame: &mut Frame, area: Rect, title: String, paragraphs: &[String], hints: &str) {
    let w = 66.min(area.width);
    let text_w = usize::from(w.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    for p in paragraphs {
        if p.is_empty() {
            lines.push(Line::default());
        } else {
            lines.extend(paragraph_lines(p, text_w, Style::default()));
        }
    }
    lines.push(Line::default());
    lines.extend(paragraph_lines(hints, text_w, state.theme.dim));
    let h = u16::try_from(lines.len() + 2).unwrap_or(area.height).min(area.height);
    let inner = dialog_block(frame, centered(area, w, h), title, state);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Each responsible name with its items' counts; those owing most first.
pub(super) fn render_summary(state: &State, scroll: u16, frame: &mut Frame, area: Rect) {
    let Some(main) = state.main() else { return };
    let outer = centered(area, area.width.saturating_sub(4), area.height.saturating_sub(2));
    let title = tr!("summary-title", period = sanitize(&main.period.title).into_owned());
    let inner = dialog_block(frame, outer, title, state);
    let summary = by_responsible(main.rows.iter().map(|r| (r.item.responsible.as_str(), r.flags, r.entry.review)));
    let columns = [
        tr!("summary-items"),
        tr!("summary-no-result"),
        tr!("summary-overdue"),
        tr!("summary-ready"),
        tr!("summary-accepted"),
    ];
    let column_w = columns.iter().map(|c| width(c)).max().unwrap_or(6).max(5) + 1;
    let name_w = usize::from(inner.width).saturating_sub(column_w * columns.len()).max(8);
    let row = |name: &str, cells: [String; 5]| -> String {
        let shown = truncate(name, name_w);
        let mut out = format!("{shown}{}", " ".repeat(name_w.saturating_sub(width(&shown))));
        for cell in cells {
            out.push_str(&" ".repeat(column_w.saturating_sub(width(&cell))));
            out.push_str(&cell);
        }
        out
    };
    let mut lines = vec![Line::from(Span::styled(row(&tr!("summary-who"), columns.clone()), state.theme.heading))];
    for (name, c) in &summary {
        let name = name.as_deref().map_or_else(|| tr!("summary-nobody"), |n| sanitize(n).into_owned());
        let cells = [c.items, c.no_result, c.overdue, c.ready, c.accepted].map(|n| n.to_string());
        let style = if c.no_result + c.overdue > 0 { state.theme.no_result } else { Style::default() };
        lines.push(Line::from(Span::styled(row(&name, cells), style)));
    }
    let hints = key_hints(state, Pane::Help, &[Command::Down, Command::Up, Command::Cancel]);
    let body_h = inner.height.saturating_sub(1);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), Rect::new(inner.x, inner.y, inner.width, body_h));
    let y = inner.y + body_h;
    frame.render_widget(Paragraph::new(Span::styled(hints, state.theme.dim)), Rect::new(inner.x, y, inner.width, 1));
}
