//! The help screen's text, made from the keymap tables: what `view` draws and what `update`
//! scrolls through (it needs the length to stop at the end).

use super::command::Command;
use super::keymap::Pane;
use super::state::State;
use super::theme::{
    MARK_ACCEPTED, MARK_CARRIED, MARK_DONE, MARK_DRAFT, MARK_DUE_SOON, MARK_EDITED_BY_OTHER, MARK_NO_RESULT,
    MARK_NOT_DONE, MARK_OVERDUE, MARK_READY,
};
use crate::text_width::width;
use crate::tr;

/// How a line of the help is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Heading,
    Plain,
    /// A mark and what it means: the mark drawn in its state's style.
    Mark(Mark),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Overdue,
    NoResult,
    DueSoon,
    Done,
    Other,
}

pub struct HelpLine {
    pub kind: Kind,
    pub text: String,
    /// Where the line's text goes on when it is wrapped.
    hang: usize,
}

fn line(kind: Kind, text: String) -> HelpLine {
    let hang = match kind {
        Kind::Heading => 0,
        Kind::Plain => 4,
        Kind::Mark(_) => 5,
    };
    HelpLine { kind, text, hang }
}

/// The help box's width on a screen this wide (`view::help` draws it so).
pub const BOX_WIDTH: u16 = 76;

/// The columns inside the help box on a screen this wide.
pub fn inner_width(screen_width: u16) -> usize {
    usize::from(screen_width.min(BOX_WIDTH).saturating_sub(2)).max(1)
}

/// Every line of the help as the box shows it: a line wider than the box goes on below,
/// under its description's first word (a key's, a mark's), never cut.
pub fn lines(state: &State) -> Vec<HelpLine> {
    let room = inner_width(state.size.0);
    let mut out = Vec::new();
    for l in unwrapped(state) {
        for (i, text) in wrap_under(&l.text, room, l.hang).into_iter().enumerate() {
            let kind = if i == 0 { l.kind } else { Kind::Plain };
            out.push(HelpLine { kind, text, hang: l.hang });
        }
    }
    out
}

/// The columns the keys take before their description.
const KEY_COLUMN: usize = 18;

/// `text` in lines of `room` columns, each after the first indented by `hang` columns.
fn wrap_under(text: &str, room: usize, hang: usize) -> Vec<String> {
    if width(text) <= room || hang + 10 > room {
        return vec![text.to_owned()];
    }
    let mut pieces = crate::text_width::wrap(text, room).into_iter();
    let mut out: Vec<String> = pieces.next().into_iter().collect();
    let rest: Vec<String> = pieces.map(|p| p.trim().to_owned()).collect();
    let pad = " ".repeat(hang);
    for piece in crate::text_width::wrap(&rest.join(" "), room - hang) {
        out.push(format!("{pad}{piece}"));
    }
    out
}

/// Every line of the help, each whole.
fn unwrapped(state: &State) -> Vec<HelpLine> {
    let mut out = vec![line(Kind::Heading, tr!("help-marks"))];
    for (mark, kind, label) in [
        (MARK_OVERDUE, Mark::Overdue, tr!("flag-overdue")),
        (MARK_NO_RESULT, Mark::NoResult, tr!("flag-no-result")),
        (MARK_DUE_SOON, Mark::DueSoon, tr!("flag-due-soon")),
        (MARK_DONE, Mark::Done, tr!("flag-done")),
        (MARK_NOT_DONE, Mark::NoResult, tr!("help-mark-not-done")),
        (MARK_DRAFT, Mark::Other, tr!("help-mark-draft")),
        (MARK_EDITED_BY_OTHER, Mark::Other, tr!("help-mark-editing")),
        (MARK_CARRIED, Mark::Other, tr!("help-mark-carried")),
        (MARK_READY, Mark::Other, tr!("help-mark-ready")),
        (MARK_ACCEPTED, Mark::Other, tr!("help-mark-accepted")),
    ] {
        out.push(line(Kind::Mark(kind), format!("  {mark}  {label}")));
    }
    let assessments = state.main().map_or(4, |m| m.settings.assessments.len()).clamp(1, 9);
    for table in state.keymaps.tables() {
        if matches!(table.pane, Pane::Help) {
            continue;
        }
        out.push(line(Kind::Plain, String::new()));
        out.push(line(Kind::Heading, table.pane.title()));
        for (command, keys) in &table.bindings {
            let number = command.assessment_number().map(usize::from);
            if keys.is_empty() || number.is_some_and(|n| n > 1) {
                continue;
            }
            let keys = if number.is_some() {
                format!("1–{assessments}")
            } else {
                keys.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(", ")
            };
            let what = if number.is_some() { tr!("help-assessments", n = assessments) } else { command.describe() };
            let text = format!("  {keys}{} {what}", " ".repeat(KEY_COLUMN.saturating_sub(width(&keys))));
            out.push(HelpLine { hang: 2 + KEY_COLUMN.max(width(&keys)) + 1, ..line(Kind::Plain, text) });
        }
        if table.pane == Pane::Editor {
            out.push(line(Kind::Plain, format!("  {}", tr!("help-typing"))));
        }
    }
    out
}

/// The rows the help shows at a screen height: the box, its border and its hint line off.
pub fn rows(screen_height: u16) -> usize {
    usize::from(screen_height.saturating_sub(2 + 2 + 1)).max(1)
}

/// The farthest the help scrolls at this screen height.
pub fn max_scroll(state: &State) -> u16 {
    u16::try_from(lines(state).len().saturating_sub(rows(state.size.1))).unwrap_or(u16::MAX)
}

/// The hint under the help: how to close and scroll it.
pub fn hint(state: &State) -> String {
    let key = |c: Command| state.keymaps.key_name(Pane::Help, c);
    tr!("help-hint", close = key(Command::Cancel), down = key(Command::Down), up = key(Command::Up))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::test_support::sample_state;

    #[test]
    fn at_80_columns_every_line_fits_the_box_and_every_description_is_there_whole() {
        let mut state = sample_state();
        state.size = (80, 24);
        let shown = lines(&state);
        let room = inner_width(80);
        assert!(shown.iter().all(|l| width(&l.text) <= room), "a line is wider than {room}");
        let all = shown.iter().map(|l| l.text.trim()).collect::<Vec<_>>().join(" ");
        let all = all.split_whitespace().collect::<Vec<_>>().join(" ");
        for command in Command::ALL.iter().filter(|c| c.assessment_number().is_none()) {
            let said = command.describe().split_whitespace().collect::<Vec<_>>().join(" ");
            let bound = !state.keymaps.keys_of(Pane::List, *command).is_empty();
            assert!(!bound || all.contains(&said), "{command:?}: «{said}» is not whole");
        }
        let typing = tr!("help-typing");
        assert!(all.contains(typing.as_str()), "{typing}");
    }
}
