//! The help overlay: the lines of `tui::help`, styled, with a hint to close and scroll it
//! and a sign when more is below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::help::{self, Kind, Mark};
use super::super::layout::centered;
use super::super::state::State;
use crate::text_width::truncate;
use crate::tr;

fn styled(state: &State, l: help::HelpLine, inner_width: usize) -> Line<'static> {
    let theme = &state.theme;
    match l.kind {
        Kind::Heading => Line::from(Span::styled(truncate(&l.text, inner_width), theme.heading)),
        Kind::Plain => Line::from(truncate(&l.text, inner_width)),
        Kind::Mark(mark) => {
            let style = match mark {
                Mark::Overdue => theme.overdue,
                Mark::NoResult => theme.no_result,
                Mark::DueSoon => theme.due_soon,
                Mark::Done => theme.done,
                Mark::Other => theme.dim,
            };
            // "  !  просрочено": the mark is the first sign after the indent.
            let at = l.text.len() - l.text.trim_start().len();
            let end = at + l.text[at..].chars().next().map_or(0, char::len_utf8);
            let (indent, mark, rest) = (&l.text[..at], &l.text[at..end], &l.text[end..]);
            Line::from(vec![
                Span::raw(indent.to_owned()),
                Span::styled(mark.to_owned(), style),
                Span::raw(rest.to_owned()),
            ])
        }
    }
}

pub(super) fn render(state: &State, scroll: u16, frame: &mut Frame, area: Rect) {
    let outer = centered(area, help::BOX_WIDTH, area.height.saturating_sub(2));
    let inner = super::dialog_block(frame, outer, tr!("help-title"), state);
    let width = usize::from(inner.width);
    let all: Vec<Line> = help::lines(state).into_iter().map(|l| styled(state, l, width)).collect();
    let body_h = inner.height.saturating_sub(1);
    let max_scroll = u16::try_from(all.len().saturating_sub(usize::from(body_h))).unwrap_or(u16::MAX);
    let scroll = scroll.min(max_scroll);
    let more = scroll < max_scroll;
    frame.render_widget(Paragraph::new(all).scroll((scroll, 0)), Rect::new(inner.x, inner.y, inner.width, body_h));
    let hint = if more { format!("{} · {}", help::hint(state), tr!("help-more")) } else { help::hint(state) };
    let y = inner.y + body_h;
    frame.render_widget(
        Paragraph::new(Span::styled(truncate(&hint, width), state.theme.dim)),
        Rect::new(inner.x, y, inner.width, 1),
    );
}
