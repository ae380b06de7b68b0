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
}

fn line(kind: Kind, text: String) -> HelpLine {
    HelpLine { kind, text }
}

/// Every line of the help.
pub fn lines(state: &State) -> Vec<HelpLine> {
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
        out.push(line(Kind::Mark(kind), format!("{mark}  {label}")));
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
            out.push(line(Kind::Plain, format!("  {keys}{} {what}", " ".repeat(18usize.saturating_sub(width(&keys))))));
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
    let key = |c: Command| state.keymaps.first_key(Pane::Help, c).map(|k| k.to_string()).unwrap_or_default();
    tr!("help-hint", close = key(Command::Cancel), down = key(Command::Down), up = key(Command::Up))
}
