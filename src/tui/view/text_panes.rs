//! The execution text and the assessment, each a ratatui-textarea inside its own block.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};

use super::super::state::{Focus, Main, State};
use crate::tr;

pub(super) fn render(
    state: &State,
    main: &Main,
    modified: bool,
    frame: &mut Frame,
    editor_area: Rect,
    assessment_area: Rect,
) {
    let theme = &state.theme;
    let Some(editor) = &main.editor else {
        let waiting = main.selected().is_some_and(|row| !row.text_loaded());
        let block = Block::default().borders(Borders::ALL).border_style(theme.border);
        let block = if waiting {
            block.title(Line::from(format!(" {} ", tr!("pane-info-title"))).style(theme.heading))
        } else {
            block
        };
        let inner = block.inner(editor_area);
        frame.render_widget(block, editor_area);
        if waiting {
            frame.render_widget(Line::from(tr!("pane-text-loading")).style(theme.dim), inner);
        }
        frame.render_widget(Block::default().borders(Borders::ALL), assessment_area);
        return;
    };
    let modified = if modified { " ●" } else { "" };
    let focused = |f: Focus| main.focus == f && state.overlay.is_none();
    let border = |f: Focus| if focused(f) { theme.border_focused } else { theme.border };

    let info_title = format!(" {}{modified} ", tr!("pane-info-title"));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border(Focus::Editor))
        .title(Line::from(info_title).style(theme.heading));
    let inner = block.inner(editor_area);
    frame.render_widget(block, editor_area);
    frame.render_widget(&editor.info, inner);
    underline_misspelt(state, main, frame.buffer_mut(), inner);

    let hint = if main.settings.assessments.is_empty() {
        String::new()
    } else {
        tr!("pane-assessment-hint", n = main.settings.assessments.len().min(9))
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border(Focus::Assessment))
        .title(Line::from(format!(" {} ", tr!("pane-assessment-title"))).style(theme.heading))
        .title(Line::from(format!(" {hint} ")).style(theme.dim).right_aligned());
    let inner = block.inner(assessment_area);
    frame.render_widget(block, assessment_area);
    frame.render_widget(&editor.assessment, inner);
    underline_misspelt(state, main, frame.buffer_mut(), inner);
}

/// The words of the drawn text the dictionary does not know get the misspelt style
/// (underlined, which a monochrome terminal keeps), read back from the cells as drawn, so
/// that wrapping and scrolling need no second reckoning.
fn underline_misspelt(state: &State, main: &Main, buf: &mut Buffer, area: Rect) {
    if !state.spelling.on {
        return;
    }
    for y in area.top()..area.bottom() {
        let mut text = String::new();
        let mut columns = Vec::new();
        for x in area.left()..area.right() {
            for c in buf[(x, y)].symbol().chars() {
                text.push(c);
                columns.push(x);
            }
        }
        for w in crate::spelling::words(&text) {
            let added = main.settings.words.binary_search_by(|a| a.as_str().cmp(w.word)).is_ok();
            if added || !state.spelling.is_misspelt(w.word) {
                continue;
            }
            for &x in &columns[w.start..w.end] {
                let cell = &mut buf[(x, y)];
                cell.set_style(cell.style().patch(state.theme.misspelt));
            }
        }
    }
}
