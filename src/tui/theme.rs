//! Colours and marks. Every state has a mark of its own shape, so it reads on a
//! monochrome terminal too; colours are the 16 ANSI ones, and `NO_COLOR` turns them off.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};

use crate::domain::Flags;
use crate::tr;

pub const MARK_OVERDUE: &str = "!";
pub const MARK_NO_RESULT: &str = "?";
pub const MARK_DUE_SOON: &str = "~";
pub const MARK_DONE: &str = "+";
/// Assessed, and not as done («не выполнено», «выполнено частично»), with no deadline passed.
pub const MARK_NOT_DONE: &str = "-";
pub const MARK_DRAFT: &str = "*";
pub const MARK_EDITED_BY_OTHER: &str = "@";
/// Carried over from the last period and not looked at since.
pub const MARK_CARRIED: &str = "^";
/// Its author says it is finished.
pub const MARK_READY: &str = ">";
/// The coordinator has checked it.
pub const MARK_ACCEPTED: &str = "=";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub overdue: Style,
    pub no_result: Style,
    pub due_soon: Style,
    pub done: Style,
    pub selected: Style,
    pub border: Style,
    pub border_focused: Style,
    pub heading: Style,
    pub dim: Style,
    pub error: Style,
    pub bar: Style,
    /// The search's match in a title: underlined, which a monochrome terminal keeps.
    pub found: Style,
    /// A word the spelling dictionary does not know.
    pub misspelt: Style,
}

impl Theme {
    pub fn ansi16() -> Theme {
        Theme {
            overdue: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            no_result: Style::default().fg(Color::Yellow),
            due_soon: Style::default().fg(Color::Cyan),
            done: Style::default().fg(Color::Green),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            border: Style::default(),
            border_focused: Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: Style::default().add_modifier(Modifier::BOLD),
            dim: Style::default().add_modifier(Modifier::DIM),
            error: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            bar: Style::default().add_modifier(Modifier::REVERSED),
            found: Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            misspelt: Style::default().fg(Color::Red).add_modifier(Modifier::UNDERLINED),
        }
    }

    /// No colour at all (NO_COLOR): marks, bold and reverse video carry the meaning.
    pub fn monochrome() -> Theme {
        Theme {
            overdue: Style::default().add_modifier(Modifier::BOLD),
            no_result: Style::default(),
            due_soon: Style::default(),
            done: Style::default(),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            border: Style::default(),
            border_focused: Style::default().add_modifier(Modifier::BOLD),
            heading: Style::default().add_modifier(Modifier::BOLD),
            dim: Style::default(),
            error: Style::default().add_modifier(Modifier::BOLD),
            bar: Style::default().add_modifier(Modifier::REVERSED),
            found: Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            misspelt: Style::default().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The default palette with the config's `[colors]` applied, or monochrome for NO_COLOR.
    pub fn from_config(colors: &BTreeMap<String, String>, no_color: bool) -> Result<Theme, String> {
        if no_color {
            return Ok(Theme::monochrome());
        }
        let mut theme = Theme::ansi16();
        for (role, value) in colors {
            let color = parse_color(value).ok_or_else(|| tr!("theme-unknown-color", value = value))?;
            let style = match role.as_str() {
                "overdue" => &mut theme.overdue,
                "no_result" => &mut theme.no_result,
                "due_soon" => &mut theme.due_soon,
                "done" => &mut theme.done,
                "border_focused" => &mut theme.border_focused,
                "error" => &mut theme.error,
                _ => return Err(tr!("theme-unknown-role", role = role)),
            };
            *style = style.fg(color);
        }
        Ok(theme)
    }

    /// The mark and style of an item's most pressing state; `not_done`: its assessment says so.
    pub fn state_of(&self, f: Flags, not_done: bool) -> (&'static str, Style) {
        if f.overdue {
            (MARK_OVERDUE, self.overdue)
        } else if f.no_result {
            (MARK_NO_RESULT, self.no_result)
        } else if f.due_soon {
            (MARK_DUE_SOON, self.due_soon)
        } else if f.done {
            (MARK_DONE, self.done)
        } else if not_done {
            (MARK_NOT_DONE, self.no_result)
        } else {
            (" ", Style::default())
        }
    }
}

/// The 16 ANSI colour names (and "default").
fn parse_color(name: &str) -> Option<Color> {
    Some(match name.trim().to_ascii_lowercase().replace(['_', '-', ' '], "").as_str() {
        "default" | "reset" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" | "white" => Color::Gray,
        "darkgray" | "darkgrey" | "brightblack" => Color::DarkGray,
        "lightred" | "brightred" => Color::LightRed,
        "lightgreen" | "brightgreen" => Color::LightGreen,
        "lightyellow" | "brightyellow" => Color::LightYellow,
        "lightblue" | "brightblue" => Color::LightBlue,
        "lightmagenta" | "brightmagenta" => Color::LightMagenta,
        "lightcyan" | "brightcyan" => Color::LightCyan,
        "brightwhite" => Color::White,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_differ_in_shape_and_overdue_wins() {
        let marks = [MARK_OVERDUE, MARK_NO_RESULT, MARK_DUE_SOON, MARK_DONE];
        let unique: std::collections::HashSet<_> = marks.iter().collect();
        assert_eq!(unique.len(), marks.len());
        let t = Theme::ansi16();
        let both = Flags { overdue: true, no_result: true, due_soon: false, done: false };
        assert_eq!(t.state_of(both, true).0, MARK_OVERDUE);
        assert_eq!(t.state_of(Flags::default(), true).0, MARK_NOT_DONE, "«не выполнено» has a mark");
    }

    #[test]
    fn config_colours_and_no_color() {
        let colors = BTreeMap::from([("overdue".to_owned(), "magenta".to_owned())]);
        assert_eq!(Theme::from_config(&colors, false).unwrap().overdue.fg, Some(Color::Magenta));
        assert_eq!(Theme::from_config(&colors, true).unwrap(), Theme::monochrome());
        let bad = BTreeMap::from([("overdue".to_owned(), "rgb".to_owned())]);
        assert!(Theme::from_config(&bad, false).is_err());
    }
}
