//! The selected item: whole title, its responsible and the plan's other columns, the deadline as written and as understood, the nearest
//! due date relative to the as-of date, its flags and who changed or edits it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::describe;
use super::super::state::{Main, Row, State};
use super::super::theme::{MARK_DONE, MARK_DUE_SOON, MARK_NO_RESULT, MARK_NOT_DONE, MARK_OVERDUE};
use crate::text_width::{one_line, sanitize, wrap};
use crate::tr;

fn push_wrapped(text: String, style: Style, width: usize, out: &mut Vec<Line<'static>>) {
    for l in wrap(&text, width) {
        out.push(Line::from(Span::styled(l, style)));
    }
}

/// The title's lines and the lines after it.
fn lines(state: &State, main: &Main, row: &Row, width: usize) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let mut title = Vec::new();
    let text = format!("{}. {}", sanitize(row.item.point_label()), one_line(&sanitize(row.title())));
    push_wrapped(text, state.theme.heading, width, &mut title);
    let mut out: Vec<Line<'static>> = Vec::new();
    deadline_lines(state, main, row, width, &mut out);
    if let Some(flags) = flag_line(state, row) {
        out.push(flags);
    }
    plan_columns(row, width, &mut out);
    // Each on lines of its own: a line cut at the pane's foot never cuts a name or a date.
    for (i, text) in about(state, main, row).into_iter().enumerate() {
        let style =
            if i == 0 && main.presence.contains_key(&row.item.id) { state.theme.error } else { state.theme.dim };
        push_wrapped(text, style, width, &mut out);
    }
    (title, out)
}

/// What the plan's own columns say of the item, after the deadline: who answers for it
/// (names on lines of their own joined with «;»), and each column the form does not have
/// (expected result, financing …) on one line under its caption, cut to the width.
fn plan_columns(row: &Row, width: usize, out: &mut Vec<Line<'static>>) {
    let names = crate::domain::summary::responsible_names(&sanitize(&row.item.responsible));
    if !names.is_empty() {
        push_wrapped(tr!("detail-responsible", text = names.join("; ")), Style::default(), width, out);
    }
    let extras = row.whole.iter().flat_map(|w| w.extra.iter());
    for extra in extras.filter(|e| !e.text.trim().is_empty()) {
        let text = format!("{}: {}", one_line(&sanitize(&extra.caption)), one_line(&sanitize(&extra.text)));
        out.push(Line::from(crate::text_width::truncate(&text, width)));
    }
}

/// The deadline as written, as understood, and the due date that matters now.
fn deadline_lines(state: &State, main: &Main, row: &Row, width: usize, out: &mut Vec<Line<'static>>) {
    let theme = &state.theme;
    // The words come with the item whole (`Request::Shown`), a moment after it is shown.
    if let Some(whole) = &row.whole {
        let written = tr!("detail-deadline", text = one_line(&sanitize(&whole.deadline_text)));
        push_wrapped(written, Style::default(), width, out);
    }
    let year = main.period.id.year;
    let set_by_hand = row.whole.as_ref().is_some_and(|w| w.schedule_override.is_some());
    let unwritten = row.whole.as_ref().is_some_and(|w| w.deadline_text.trim().is_empty());
    let understood = match &row.deadline.deadline {
        // «не распознан» would blame a text that is not there.
        crate::domain::Deadline::Unknown if unwritten && !set_by_hand => tr!("schedule-none"),
        deadline => describe::schedule(deadline, year, set_by_hand),
    };
    let understood_style = match row.deadline.deadline {
        crate::domain::Deadline::Known(_) => Style::default(),
        _ => theme.error,
    };
    push_wrapped(tr!("detail-understood", text = understood), understood_style, width, out);
    if !row.deadline.outside_plan.is_empty() {
        let years = row.deadline.outside_plan.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
        push_wrapped(tr!("detail-outside-plan", years = years), theme.error, width, out);
    }
    let nearest = if row.flags.overdue {
        row.deadline.missed_due(main.period.id, state.as_of, row.flags.no_result)
    } else {
        row.deadline.nearest_due(state.as_of)
    };
    if let Some(due) = nearest {
        let date = due.date.format("%d.%m.%Y").to_string();
        // A done item's passed deadline is history, not a warning.
        let text = if row.flags.done && due.date <= state.as_of {
            tr!("detail-last-due-done", date = date)
        } else {
            tr!("detail-nearest", date = date, relative = describe::relative(due.date, state.as_of))
        };
        push_wrapped(text, if row.flags.overdue { theme.overdue } else { Style::default() }, width, out);
    }
}

/// Each flag the item has, with its mark.
fn flag_line(state: &State, row: &Row) -> Option<Line<'static>> {
    let theme = &state.theme;
    let f = row.flags;
    let mut flags: Vec<Span<'static>> = Vec::new();
    for (on, mark, style, label) in [
        (f.overdue, MARK_OVERDUE, theme.overdue, tr!("flag-overdue")),
        (f.no_result, MARK_NO_RESULT, theme.no_result, tr!("flag-no-result")),
        (f.due_soon, MARK_DUE_SOON, theme.due_soon, tr!("flag-due-soon")),
        (f.done, MARK_DONE, theme.done, tr!("flag-done")),
        (state.rules.done.is_not_done(&row.entry.assessment), MARK_NOT_DONE, theme.no_result, tr!("flag-not-done")),
    ] {
        if on {
            if !flags.is_empty() {
                flags.push(Span::raw("  "));
            }
            flags.push(Span::styled(format!("{mark} {label}"), style));
        }
    }
    (!flags.is_empty()).then(|| Line::from(flags))
}

/// Who edits the item now (first: a second user must see it), the user's draft of it, who
/// changed it last and when.
fn about(state: &State, main: &Main, row: &Row) -> Vec<String> {
    let mut about = Vec::new();
    if let Some(users) = main.presence.get(&row.item.id) {
        about.push(tr!("detail-editing", who = sanitize(&users.join(", ")).into_owned()));
    }
    if let Some(draft) = main.drafts.get(&row.item.id) {
        about.push(tr!("detail-draft", when = describe::draft_time(draft.saved_at, state.utc_offset)));
    }
    if let Some(text) = row.text.as_ref().filter(|t| row.entry.revision > 0 && !t.changed_by.is_empty()) {
        about.push(tr!(
            "detail-changed",
            who = sanitize(&text.changed_by).into_owned(),
            when = describe::stamp(text.changed_at, state.utc_offset)
        ));
    }
    about
}

/// How many lines the detail pane would like at this width (for the layout).
pub(super) fn wanted_rows(state: &State, main: &Main, pane_width: u16) -> u16 {
    let Some(row) = main.selected() else { return 1 };
    let inner = usize::from(pane_width.saturating_sub(2)).max(1);
    let (title, rest) = lines(state, main, row, inner);
    u16::try_from(title.len() + rest.len()).unwrap_or(u16::MAX)
}

pub(super) fn render(state: &State, main: &Main, frame: &mut Frame, area: Rect) {
    let block = Block::default().borders(Borders::ALL).border_style(state.theme.border);
    let inner = block.inner(area);
    let Some(row) = main.selected() else {
        frame.render_widget(block, area);
        return;
    };
    let (mut title, rest) = lines(state, main, row, usize::from(inner.width).max(1));
    // When it does not all fit, the title gives up its tail first.
    let room_for_title = usize::from(inner.height).saturating_sub(rest.len()).max(1);
    if title.len() > room_for_title {
        title.truncate(room_for_title);
        if let Some(last) = title.last_mut() {
            last.push_span(Span::raw("…"));
        }
    }
    title.extend(rest);
    // What does not fit is said to be there, on the border: how many lines are below.
    let hidden = title.len().saturating_sub(usize::from(inner.height));
    title.truncate(usize::from(inner.height));
    let block = match hidden {
        0 => block,
        n => block.title_bottom(
            Line::from(format!(" {} ", tr!("detail-more", n = n))).style(state.theme.dim).right_aligned(),
        ),
    };
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(title), inner);
}
