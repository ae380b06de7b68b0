//! Dialogs over the main screen: prompts, the period picker, confirmations, conflicts,
//! history.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::command::Command;
use super::super::describe;
use super::super::keymap::Pane;
use super::super::layout::centered;
use super::super::state::{LineInput, Overlay, Prompt, PromptKind, State};
use super::{dialog_block, help};
use crate::text_width::{sanitize, truncate, width, wrap};
use crate::tr;

/// "Enter — восстановить · d — удалить · Esc — отмена" from a keymap table.
pub(super) fn key_hints(state: &State, pane: Pane, commands: &[Command]) -> String {
    commands
        .iter()
        .filter_map(|c| state.keymaps.first_key(pane, *c).map(|k| format!("{k} — {}", c.describe())))
        .collect::<Vec<_>>()
        .join(" · ")
}

pub(super) fn paragraph_lines(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap(&sanitize(text), width).into_iter().map(|l| Line::from(Span::styled(l, style))).collect()
}

pub(super) fn render(state: &State, overlay: &Overlay, frame: &mut Frame, area: Rect) {
    match overlay {
        Overlay::Help { scroll } => help::render(state, *scroll, frame, area),
        Overlay::Messages { scroll } => render_log(state, *scroll, frame, area),
        Overlay::Prompt(prompt) => render_prompt(state, prompt, frame, area),
        Overlay::ConfirmQuit => {
            let hints = key_hints(
                state,
                Pane::Quit,
                &[Command::SaveAndQuit, Command::QuitKeepingDraft, Command::QuitDiscarding, Command::Cancel],
            );
            let (point, title) = open_item(state);
            message_box(
                state,
                frame,
                area,
                tr!("quit-title"),
                &tr!("quit-unsaved-item", point = point, title = title),
                &hints,
            );
        }
        Overlay::DraftOffer { item } => {
            let when = state
                .main()
                .and_then(|m| m.drafts.get(item))
                .map(|d| describe::draft_time(d.saved_at, state.utc_offset))
                .unwrap_or_default();
            let hints = key_hints(state, Pane::Draft, &[Command::Confirm, Command::DiscardDraft, Command::Cancel]);
            message_box(state, frame, area, tr!("draft-title"), &tr!("draft-offer", when = when), &hints);
        }
        Overlay::Period { cursor } => render_periods(state, *cursor, frame, area),
        Overlay::Conflict { mine_info, mine_assessment, theirs, scroll, .. } => {
            render_conflict(state, (mine_info, mine_assessment), theirs, *scroll, frame, area);
        }
        Overlay::History { revisions, cursor, .. } => render_history(state, revisions, *cursor, frame, area),
        Overlay::Suggestions { word, choices, cursor } => {
            render_suggestions(state, &word.word, choices, *cursor, frame, area)
        }
        Overlay::OpenPeriod { period, from, carry } => {
            super::cycle::render_open(state, (*period, *from, *carry), frame, area)
        }
        Overlay::ClosePeriod { period } => super::cycle::render_close(state, *period, frame, area),
        Overlay::Discard { item } => super::cycle::render_discard(state, *item, frame, area),
        Overlay::Restore { item, revision } => super::cycle::render_restore(state, *item, revision, frame, area),
        Overlay::Summary { scroll } => super::cycle::render_summary(state, *scroll, frame, area),
    }
}

/// The open item's point and title, cut short, for a question about it.
fn open_item(state: &State) -> (String, String) {
    let row = state.main().and_then(|m| m.editor.as_ref().and_then(|e| m.row_of(e.item)).map(|i| &m.rows[i]));
    row.map(|r| {
        let title = truncate(&crate::text_width::one_line(&sanitize(r.title())), 40);
        (sanitize(r.item.point_label()).into_owned(), title)
    })
    .unwrap_or_default()
}

/// Mine and theirs side by side, scrolled together, the paragraphs that differ marked (a
/// bar in the margin, which a monochrome terminal keeps, and the match style).
fn render_conflict(
    state: &State,
    mine: (&str, &str),
    theirs: &crate::domain::Entry,
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
) {
    let outer = centered(area, area.width.saturating_sub(4), area.height.saturating_sub(2));
    // The same login in another window or session is not "another user".
    let title = if theirs.changed_by == state.user { tr!("conflict-title-self") } else { tr!("conflict-title") };
    let inner = dialog_block(frame, outer, title, state);
    let hints = key_hints(
        state,
        Pane::Conflict,
        &[Command::KeepMine, Command::TakeTheirs, Command::EditMerge, Command::Down, Command::Cancel],
    );
    let hint_lines = paragraph_lines(&hints, inner.width.into(), state.theme.dim);
    let body_h = inner.height.saturating_sub(u16::try_from(hint_lines.len()).unwrap_or(1));
    let half = inner.width / 2;
    let theirs_title = tr!(
        "conflict-theirs",
        who = sanitize(&theirs.changed_by).into_owned(),
        when = describe::stamp(theirs.changed_at, state.utc_offset)
    );
    let (mine_lines, theirs_lines): (Vec<&str>, Vec<&str>) =
        (mine.0.split('\n').collect(), theirs.info.split('\n').collect());
    let (mine_changed, theirs_changed) = super::super::diff::changed_lines(&mine_lines, &theirs_lines);
    let columns = [
        (Rect::new(inner.x, inner.y, half, body_h), tr!("conflict-mine"), &mine_lines, &mine_changed, mine.1),
        (
            Rect::new(inner.x + half, inner.y, inner.width - half, body_h),
            theirs_title,
            &theirs_lines,
            &theirs_changed,
            theirs.assessment.as_str(),
        ),
    ];
    let mut drawn = Vec::new();
    for (rect, title, paragraphs, changed, assessment) in columns {
        let block = Block::default().borders(Borders::ALL).title(Line::from(format!(" {title} ")));
        let text_area = block.inner(rect);
        frame.render_widget(block, rect);
        let w = usize::from(text_area.width.saturating_sub(2)).max(1);
        let mut lines = paragraph_lines(assessment, w + 2, state.theme.heading);
        for (paragraph, differs) in paragraphs.iter().zip(changed.iter()) {
            let (bar, style) = if *differs { ("▌ ", state.theme.found) } else { ("  ", Style::default()) };
            for l in wrap(&sanitize(paragraph), w) {
                lines.push(Line::from(vec![Span::styled(bar, style), Span::styled(l, style)]));
            }
        }
        drawn.push((text_area, lines));
    }
    // Scrolled no further than the longer text's last screen.
    let longest = drawn.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
    let rows = drawn.first().map_or(1, |(a, _)| usize::from(a.height));
    let scroll = scroll.min(u16::try_from(longest.saturating_sub(rows)).unwrap_or(u16::MAX));
    for (text_area, lines) in drawn {
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), text_area);
    }
    frame.render_widget(
        Paragraph::new(hint_lines),
        Rect::new(inner.x, inner.y + body_h, inner.width, inner.height - body_h),
    );
}

/// The revisions above, the chosen one's text below.
fn render_history(state: &State, revisions: &[crate::model::Revision], cursor: usize, frame: &mut Frame, area: Rect) {
    let outer = centered(area, area.width.saturating_sub(4), area.height.saturating_sub(2));
    let inner = dialog_block(frame, outer, tr!("history-title"), state);
    let list_h = (inner.height / 3).max(3);
    let lines: Vec<Line> = revisions
        .iter()
        .enumerate()
        .map(|(i, rev)| {
            let text = tr!(
                "history-line",
                revision = rev.revision,
                who = sanitize(&rev.by).into_owned(),
                when = describe::stamp(rev.at, state.utc_offset)
            );
            let style = if i == cursor { state.theme.selected } else { Style::default() };
            Line::from(Span::styled(truncate(&text, inner.width.into()), style))
        })
        .collect();
    let skip = cursor.saturating_sub(usize::from(list_h).saturating_sub(1));
    let shown: Vec<Line> = lines.into_iter().skip(skip).take(list_h.into()).collect();
    frame.render_widget(Paragraph::new(shown), Rect::new(inner.x, inner.y, inner.width, list_h));
    if let Some(rev) = revisions.get(cursor) {
        let body = Rect::new(inner.x, inner.y + list_h, inner.width, inner.height.saturating_sub(list_h + 1));
        let mut text = paragraph_lines(&rev.assessment, body.width.into(), state.theme.heading);
        text.extend(paragraph_lines(&rev.info, body.width.into(), Style::default()));
        frame.render_widget(Paragraph::new(text).block(Block::default().borders(Borders::TOP)), body);
    }
    let restore_key = state.keymaps.key_name(Pane::History, Command::Confirm);
    let hints = format!(
        "{restore_key} — {} · {}",
        tr!("history-restore-hint"),
        key_hints(state, Pane::History, &[Command::Cancel])
    );
    let y = inner.y + inner.height.saturating_sub(1);
    frame.render_widget(Paragraph::new(Span::styled(hints, state.theme.dim)), Rect::new(inner.x, y, inner.width, 1));
}

/// The dictionary's suggestions for a word: numbered, the chosen one highlighted.
fn render_suggestions(state: &State, word: &str, choices: &[String], cursor: usize, frame: &mut Frame, area: Rect) {
    let shown = choices.len().min(9);
    let height = u16::try_from(shown.max(1) + 4).unwrap_or(13);
    let outer = centered(area, 60, height);
    let inner = dialog_block(frame, outer, tr!("spelling-title", word = sanitize(word).into_owned()), state);
    let room = usize::from(inner.width);
    let mut lines: Vec<Line> = choices
        .iter()
        .take(9)
        .enumerate()
        .map(|(i, choice)| {
            let style = if i == cursor { state.theme.selected } else { Style::default() };
            Line::from(Span::styled(truncate(&format!("{}  {}", i + 1, sanitize(choice)), room), style))
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(tr!("spelling-no-suggestions"), state.theme.dim)));
    }
    lines.push(Line::default());
    lines.extend(paragraph_lines(&tr!("spelling-hint"), room, state.theme.dim));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn message_box(state: &State, frame: &mut Frame, area: Rect, title: String, text: &str, hints: &str) {
    let w = 64.min(area.width);
    let body = paragraph_lines(text, usize::from(w.saturating_sub(2)), Style::default());
    let hint = paragraph_lines(hints, usize::from(w.saturating_sub(2)), state.theme.dim);
    let h = u16::try_from(body.len() + hint.len() + 3).unwrap_or(area.height);
    let inner = dialog_block(frame, centered(area, w, h), title, state);
    let mut lines = body;
    lines.push(Line::default());
    lines.extend(hint);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_periods(state: &State, cursor: usize, frame: &mut Frame, area: Rect) {
    let Some(main) = state.main() else { return };
    let hints = key_hints(
        state,
        Pane::Period,
        &[Command::Confirm, Command::OpenNextPeriod, Command::ClosePeriod, Command::Cancel],
    );
    let w = 60.min(area.width);
    let hint_lines = paragraph_lines(&hints, usize::from(w.saturating_sub(2)), state.theme.dim);
    let h = u16::try_from(main.periods.len() + hint_lines.len() + 3).unwrap_or(area.height).min(area.height);
    let inner = dialog_block(frame, centered(area, w, h), tr!("period-title"), state);
    let mut lines: Vec<Line> = main
        .periods
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let current = if p.id == main.period.id { "•" } else { " " };
            let text = format!("{current} {:<8} {}", p.id.to_string(), sanitize(&p.title));
            let style = if i == cursor { state.theme.selected } else { Style::default() };
            Line::from(Span::styled(truncate(&text, inner.width.into()), style))
        })
        .collect();
    lines.push(Line::default());
    lines.extend(hint_lines);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn prompt_label(kind: PromptKind) -> String {
    match kind {
        PromptKind::Search => tr!("prompt-search"),
        PromptKind::AsOf => tr!("prompt-as-of"),
        PromptKind::Schedule => tr!("prompt-schedule"),
        PromptKind::Responsible => tr!("prompt-responsible"),
        PromptKind::GoTo => tr!("prompt-go-to"),
        PromptKind::ExportFormat => tr!("prompt-export-format"),
        PromptKind::ExportPath => tr!("prompt-export-path"),
    }
}

fn render_prompt(state: &State, prompt: &Prompt, frame: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(4).min(76);
    let hint = match prompt.kind {
        PromptKind::Schedule => tr!("prompt-schedule-hint"),
        PromptKind::Responsible => tr!("prompt-responsible-hint"),
        PromptKind::AsOf => tr!("prompt-as-of-hint"),
        PromptKind::ExportFormat => {
            tr!("prompt-export-format-hint", formats = crate::formats::ExportFormat::names(", "))
        }
        PromptKind::ExportPath => tr!("prompt-export-path-hint"),
        _ => String::new(),
    };
    let mut extra = paragraph_lines(&hint, usize::from(w.saturating_sub(2)), state.theme.dim);
    if let Some(error) = &prompt.error {
        extra.extend(paragraph_lines(error, usize::from(w.saturating_sub(2)), state.theme.error));
    }
    let h = u16::try_from(extra.len() + 3).unwrap_or(5);
    let outer = Rect::new(area.x + (area.width - w) / 2, area.height.saturating_sub(h + 2), w, h);
    let inner = dialog_block(frame, outer, prompt_label(prompt.kind), state);
    let (line, cursor_x) = input_line(&prompt.input, usize::from(inner.width));
    let mut lines = vec![Line::from(line)];
    lines.extend(extra);
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position(Position::new(inner.x + u16::try_from(cursor_x).unwrap_or(0), inner.y));
}

/// The visible part of a one-line input and the cursor's column in it, by display width.
pub(super) fn input_line(input: &LineInput, room: usize) -> (String, usize) {
    let text = sanitize(input.text()).into_owned();
    let before: String = text.chars().take(input.cursor()).collect();
    let cursor = width(&before);
    let room = room.max(1);
    if cursor < room {
        return (truncate(&text, room), cursor);
    }
    // Scroll so the cursor stays on screen.
    let mut start = 0;
    let mut skipped = 0;
    for c in text.chars() {
        if cursor - skipped < room {
            break;
        }
        skipped += width(&c.to_string());
        start += 1;
    }
    let visible: String = text.chars().skip(start).collect();
    (truncate(&visible, room), cursor - skipped)
}

/// The message log, newest first, each message wrapped whole.
fn render_log(state: &State, scroll: u16, frame: &mut Frame, area: Rect) {
    let outer = centered(area, 76, area.height.saturating_sub(2));
    let inner = dialog_block(frame, outer, tr!("log-title"), state);
    let width = usize::from(inner.width).max(1);
    let mut lines: Vec<Line> = Vec::new();
    if state.log.is_empty() {
        lines.push(Line::from(Span::styled(tr!("log-empty"), state.theme.dim)));
    }
    for message in state.log.iter().rev() {
        let style = if message.is_error { state.theme.error } else { Style::default() };
        let mark = if message.is_error { "! " } else { "  " };
        for (i, l) in wrap(&sanitize(&message.text), width.saturating_sub(2)).into_iter().enumerate() {
            lines.push(Line::from(Span::styled(format!("{}{l}", if i == 0 { mark } else { "  " }), style)));
        }
    }
    let hints = key_hints(state, Pane::Help, &[Command::Down, Command::Up, Command::Cancel]);
    let body_h = inner.height.saturating_sub(1);
    let max_scroll = u16::try_from(lines.len().saturating_sub(usize::from(body_h))).unwrap_or(u16::MAX);
    let body = Rect::new(inner.x, inner.y, inner.width, body_h);
    frame.render_widget(Paragraph::new(lines).scroll((scroll.min(max_scroll), 0)), body);
    let y = inner.y + body_h;
    frame.render_widget(Paragraph::new(Span::styled(hints, state.theme.dim)), Rect::new(inner.x, y, inner.width, 1));
}
