//! The item list: mark, point, title cut to the pane by display width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::state::{Filter, Focus, Main, State};
use super::super::theme::{MARK_ACCEPTED, MARK_CARRIED, MARK_DRAFT, MARK_EDITED_BY_OTHER, MARK_READY};
use crate::text_width::{one_line, sanitize, truncate, width};
use crate::tr;

fn title(main: &Main) -> String {
    let shown = main.visible.len();
    if !main.search.is_empty() {
        return tr!("list-title-search", search = truncate(&main.search, 20), n = shown);
    }
    match main.filter {
        Filter::All => tr!("list-title-all", n = shown),
        Filter::Overdue => tr!("list-title-overdue", n = shown),
        Filter::NoResult => tr!("list-title-no-result", n = shown),
        Filter::DueSoon => tr!("list-title-due-soon", n = shown),
        Filter::NotDone => tr!("list-title-not-done", n = shown),
        Filter::Carried => tr!("list-title-carried", n = shown),
        Filter::Ready => tr!("list-title-ready", n = shown),
        Filter::Mine => tr!("list-title-mine", n = shown),
        Filter::Drafts => tr!("list-title-drafts", n = shown),
    }
}

enum ListLine {
    Heading(String),
    Item(usize),
}

pub(super) fn render(state: &State, main: &Main, frame: &mut Frame, area: Rect) {
    let theme = &state.theme;
    let focused = main.focus == Focus::List && state.overlay.is_none();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { theme.border_focused } else { theme.border })
        .title(Line::from(format!(" {} ", title(main))).style(theme.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if main.visible.is_empty() {
        frame.render_widget(Paragraph::new(tr!("list-empty")).style(theme.dim), inner);
        return;
    }
    let height = usize::from(inner.height);
    let show_sections = main.filter == Filter::All && main.search.is_empty();
    let lines_from = |start: usize| -> Vec<ListLine> {
        let mut out = Vec::with_capacity(height);
        for pos in start..main.visible.len() {
            if show_sections && let Some(heading) = main.section_before(main.visible[pos]) {
                out.push(ListLine::Heading(heading.to_owned()));
            }
            out.push(ListLine::Item(pos));
            if out.len() >= height {
                break;
            }
        }
        out.truncate(height);
        out
    };
    // Headings take lines too: start late enough that the selection is drawn.
    let mut start = main.offset.min(main.cursor);
    let mut lines = lines_from(start);
    while !lines.iter().any(|l| matches!(l, ListLine::Item(p) if *p == main.cursor)) && start < main.cursor {
        start += 1;
        lines = lines_from(start);
    }

    let point_w = main.point_width;
    let inner_w = usize::from(inner.width);
    let rendered: Vec<Line> = lines
        .into_iter()
        .map(|l| match l {
            ListLine::Heading(text) => {
                Line::from(Span::styled(truncate(&sanitize(&one_line(&text)), inner_w), theme.heading))
            }
            ListLine::Item(pos) => item_line(state, main, pos, point_w, inner_w),
        })
        .collect();
    frame.render_widget(Paragraph::new(rendered), inner);
}

fn item_line(state: &State, main: &Main, pos: usize, point_w: usize, inner_w: usize) -> Line<'static> {
    let theme = &state.theme;
    let row = &main.rows[main.visible[pos]];
    let (mark, style) = theme.state_of(row.flags);
    let point = truncate(row.item.point_label(), point_w);
    let pad = " ".repeat(point_w.saturating_sub(width(&point)));
    let mut tail = String::new();
    if row.entry.carried_from.is_some() {
        tail.push_str(MARK_CARRIED);
    }
    match row.entry.review {
        crate::domain::Review::Ready => tail.push_str(MARK_READY),
        crate::domain::Review::Accepted => tail.push_str(MARK_ACCEPTED),
        crate::domain::Review::Open => {}
    }
    if main.drafts.contains_key(&row.item.id) {
        tail.push_str(MARK_DRAFT);
    }
    if main.presence.contains_key(&row.item.id) {
        tail.push_str(MARK_EDITED_BY_OTHER);
    }
    // mark, space, point, space, title, [space, tail]
    let fixed = 1 + 1 + point_w + 1 + if tail.is_empty() { 0 } else { width(&tail) + 1 };
    let title = truncate(&sanitize(&one_line(&row.item.title)), inner_w.saturating_sub(fixed));
    let mut text = format!("{pad}{point} {title}");
    if !tail.is_empty() {
        let used = width(&text) + 2;
        text.push_str(&" ".repeat(inner_w.saturating_sub(used + width(&tail))));
        text.push_str(&tail);
    }
    let selected = pos == main.cursor;
    let line_style = if selected { style.patch(theme.selected) } else { style };
    let mut line =
        Line::from(vec![Span::styled(mark.to_owned(), style), Span::raw(" "), Span::raw(text)]).style(line_style);
    if selected {
        // The selection bar spans the whole width.
        let used = line.width();
        line.push_span(Span::styled(" ".repeat(inner_w.saturating_sub(used)), Style::default()));
    }
    line
}
