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
    let top = Line::from(top_line(state, main, modified, w)).style(theme.bar);
    let bottom = match &state.message {
        // An error has a box of its own above the status lines (`view::error_box`).
        Some(m) if !m.is_error => Line::from(Span::raw(truncate(&format!(" {}", sanitize(&m.text)), w))),
        _ => counts_line(state, main, w),
    };
    frame.render_widget(Paragraph::new(vec![top, bottom]), area);
}

/// The first status line: where we are on the left, who we are on the right. What does not
/// fit goes whole, least needed first (the organisation, the help hint, the as-of note, the
/// period's title for its id), never cut in a word or a number.
fn top_line(state: &State, main: &Main, modified: bool, w: usize) -> String {
    let help_key = state.keymaps.key_name(Pane::List, Command::Help);
    let date = state.as_of.format("%d.%m.%Y").to_string();
    let as_of_long = if state.as_of_is_report_date() {
        tr!("status-as-of-report", date = date.as_str())
    } else {
        tr!("status-as-of", date = date.as_str())
    };
    let as_of_short = tr!("status-as-of", date = date.as_str());
    let organisation = sanitize(main.plan.organisation.trim()).into_owned();
    let demo = state.demo.then(|| tr!("status-demo"));
    let title = sanitize(&main.period.title).into_owned();
    let id = main.period.id.to_string();
    let help = tr!("status-help", key = help_key);
    let save = save_state(state, main, modified);
    // From the fullest line to the barest, the first that fits.
    let tries: [(&str, &str, bool, bool); 5] = [
        (&title, &as_of_long, true, true),
        (&title, &as_of_long, false, true),
        (&title, &as_of_short, false, false),
        (&id, &as_of_short, false, false),
        (&id, &date, false, false),
    ];
    for (period, as_of, with_org, with_help) in tries {
        let mut left: Vec<&str> = demo.iter().map(String::as_str).collect();
        left.extend([period, as_of]);
        if with_org && !organisation.is_empty() {
            left.push(&organisation);
        }
        let mut right = vec![save.as_str(), state.user.as_str()];
        if with_help {
            right.push(&help);
        }
        let (left, right) = (format!(" {}", left.join(" · ")), format!(" {} ", right.join(" · ")));
        if width(&left) + width(&right) <= w {
            return format!("{left}{}{right}", " ".repeat(w - width(&left) - width(&right)));
        }
    }
    truncate(&format!(" {id} · {date} · {save}"), w)
}

/// The flags' counts, then the review's and the carried-over ones when there are any, then
/// the total: what does not fit the width is left off from the end.
fn counts_line(state: &State, main: &Main, w: usize) -> Line<'static> {
    let theme = &state.theme;
    let c = main.counts;
    // Counts of part of a list would mislead.
    if main.loading {
        return Line::from(format!(" {}", truncate(&tr!("count-loading", n = c.items), w.saturating_sub(1))));
    }
    let carried = main.rows.iter().filter(|r| r.entry.carried_from.is_some()).count();
    let mut parts = vec![
        (theme.overdue, tr!("count-overdue", n = c.overdue)),
        (theme.no_result, tr!("count-no-result", n = c.no_result)),
        (theme.due_soon, tr!("count-due-soon", n = c.due_soon)),
        (theme.done, tr!("count-done", n = c.done)),
    ];
    let optional = [
        (c.ready, tr!("count-ready", n = c.ready)),
        (c.accepted, tr!("count-accepted", n = c.accepted)),
        (carried, tr!("count-carried", n = carried)),
    ];
    parts
        .extend(optional.into_iter().filter(|(n, _)| *n > 0).map(|(_, text)| (ratatui::style::Style::default(), text)));
    parts.push((ratatui::style::Style::default(), tr!("count-total", n = c.items)));
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (i, (style, text)) in parts.into_iter().enumerate() {
        let sep = if i > 0 { 3 } else { 0 };
        if used + sep + width(&text) > w {
            break;
        }
        if i > 0 {
            spans.push(Span::raw(" · "));
        }
        used += sep + width(&text);
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}
