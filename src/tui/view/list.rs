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

/// The pane's title; a search is cut to leave room for its count.
fn title(main: &Main, room: usize) -> String {
    let shown = main.visible.len();
    if !main.search.is_empty() {
        let bare = width(&tr!("list-title-search", search = "", n = shown));
        let search = truncate(&sanitize(&main.search), room.saturating_sub(bare).clamp(1, 20));
        return tr!("list-title-search", search = search, n = shown);
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

/// The title with the search's match underlined (case and ё/е aside).
fn found_in(title: &str, search: &str, style: Style) -> Vec<Span<'static>> {
    let needle = crate::domain::text::fold(search);
    match crate::domain::text::find_folded(title, &needle) {
        Some((from, to)) => {
            let chars: Vec<char> = title.chars().collect();
            let part = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
            vec![Span::raw(part(0, from)), Span::styled(part(from, to), style), Span::raw(part(to, chars.len()))]
        }
        None => vec![Span::raw(title.to_owned())],
    }
}

pub enum ListLine {
    Heading(String),
    /// A position in `visible`.
    Item(usize),
}

/// The lines the list shows in `height` rows: section headings and items, from the
/// scroll offset, late enough that the selection is among them.
pub fn shown_lines(main: &Main, height: usize) -> Vec<ListLine> {
    let show_sections = main.filter == Filter::All && main.search.is_empty();
    let mut out = Vec::with_capacity(height + 1);
    for pos in main.offset.min(main.cursor)..main.visible.len() {
        if out.len() >= height && pos > main.cursor {
            break;
        }
        if show_sections && let Some(heading) = main.section_before(main.visible[pos]) {
            out.push(ListLine::Heading(heading.to_owned()));
        }
        out.push(ListLine::Item(pos));
    }
    // Headings take lines too: the top gives up lines, one at a time (a heading alone, not
    // with its first item), until the selection is drawn; the rows below stay filled.
    let selected = out.iter().position(|l| matches!(l, ListLine::Item(p) if *p == main.cursor));
    let above = (selected.unwrap_or(0) + 1).saturating_sub(height);
    out.drain(..above);
    out.truncate(height);
    out
}

pub(super) fn render(state: &State, main: &Main, frame: &mut Frame, area: Rect) {
    let theme = &state.theme;
    let focused = main.focus == Focus::List && state.overlay.is_none();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { theme.border_focused } else { theme.border })
        .title(
            Line::from(format!(" {} ", title(main, usize::from(area.width).saturating_sub(4)))).style(theme.heading),
        );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if main.visible.is_empty() {
        frame.render_widget(Paragraph::new(empty_list_lines(state, inner.width)).style(theme.dim), inner);
        return;
    }
    let lines = shown_lines(main, usize::from(inner.height));

    let point_w = main.point_width;
    let inner_w = usize::from(inner.width);
    let titles = shown_titles(main, &lines, point_w, inner_w);
    let rendered: Vec<Line> = lines
        .into_iter()
        .map(|l| match l {
            ListLine::Heading(text) => {
                Line::from(Span::styled(truncate(&sanitize(&one_line(&text)), inner_w), theme.heading))
            }
            ListLine::Item(pos) => item_line(state, main, pos, (point_w, inner_w), &titles[&pos]),
        })
        .collect();
    frame.render_widget(Paragraph::new(rendered), inner);
}

/// Room for an item's title beside its mark, point and the marks on the right.
fn title_room(main: &Main, pos: usize, point_w: usize, inner_w: usize) -> usize {
    let row = &main.rows[main.visible[pos]];
    let tail = tail_marks(main, row);
    inner_w.saturating_sub(1 + 1 + point_w + 1 + if tail.is_empty() { 0 } else { width(&tail) + 1 })
}

/// Each drawn item's title cut to its room; titles that would be cut alike («Обеспечение
/// контроля за …» three times) are cut in the middle instead, so their ends tell them apart.
fn shown_titles(
    main: &Main,
    lines: &[ListLine],
    point_w: usize,
    inner_w: usize,
) -> std::collections::HashMap<usize, String> {
    let items: Vec<usize> =
        lines.iter().filter_map(|l| if let ListLine::Item(p) = l { Some(*p) } else { None }).collect();
    let full = |pos: usize| sanitize(&one_line(&main.rows[main.visible[pos]].item.title)).into_owned();
    let cut: Vec<(usize, String)> =
        items.iter().map(|&p| (p, truncate(&full(p), title_room(main, p, point_w, inner_w)))).collect();
    cut.iter()
        .map(|(pos, title)| {
            let alike = cut.iter().filter(|(_, t)| t == title).count() > 1 && title.ends_with('…');
            let shown = if alike {
                crate::text_width::truncate_middle(&full(*pos), title_room(main, *pos, point_w, inner_w))
            } else {
                title.clone()
            };
            (*pos, shown)
        })
        .collect()
}

fn tail_marks(main: &Main, row: &super::super::state::Row) -> String {
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
    tail
}

fn item_line(state: &State, main: &Main, pos: usize, (point_w, inner_w): (usize, usize), title: &str) -> Line<'static> {
    let theme = &state.theme;
    let row = &main.rows[main.visible[pos]];
    let (mark, style) = theme.state_of(row.flags, state.rules.done.is_not_done(&row.entry.assessment));
    let point = truncate(&sanitize(row.item.point_label()), point_w);
    let pad = " ".repeat(point_w.saturating_sub(width(&point)));
    let tail = tail_marks(main, row);
    // mark, space, point, space, title, [space, tail]
    let mut spans = vec![Span::styled(mark.to_owned(), style), Span::raw(" "), Span::raw(format!("{pad}{point} "))];
    spans.extend(found_in(title, &main.search, theme.found));
    if !tail.is_empty() {
        let used = 1 + 1 + width(&pad) + width(&point) + 1 + width(title);
        spans.push(Span::raw(" ".repeat(inner_w.saturating_sub(used + width(&tail)))));
        spans.push(Span::raw(tail));
    }
    let selected = pos == main.cursor;
    let line_style = if selected { style.patch(theme.selected) } else { style };
    let mut line = Line::from(spans).style(line_style);
    if selected {
        // The selection bar spans the whole width.
        let used = line.width();
        line.push_span(Span::styled(" ".repeat(inner_w.saturating_sub(used)), Style::default()));
    }
    line
}

/// Why the list is empty and the keys that bring items back, wrapped to the pane.
fn empty_list_lines(state: &State, pane_width: u16) -> Vec<Line<'static>> {
    use super::super::command::Command;
    use super::super::keymap::Pane;
    let key = |c: Command| state.keymaps.key_name(Pane::List, c);
    let said = tr!("list-empty", filter = key(Command::CycleFilter), clear = key(Command::ClearSearch));
    crate::text_width::wrap(&said, usize::from(pane_width)).into_iter().map(Line::from).collect()
}
