//! Our own key type: crossterm events are converted at the edge (runtime), so keymaps and
//! `update` are tested without a terminal.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyCode {
    /// A character as typed: 'E' for Shift-e, 'й' on a Russian layout.
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A mouse event, in screen cells from the top left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MouseKind {
    WheelUp,
    WheelDown,
    /// The left button pressed.
    Click,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false, alt: false }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key { code: KeyCode::Char(c), ctrl: true, alt: false }
    }

    /// The key at the same place on a QWERTY keyboard, for a key typed with the Russian
    /// (ЙЦУКЕН) layout active: о is j, л is k, й is q, ы is s.
    pub fn latin_equivalent(self) -> Option<Key> {
        let KeyCode::Char(c) = self.code else { return None };
        let latin = russian_to_latin(c)?;
        Some(Key { code: KeyCode::Char(latin), ..self })
    }

    /// Parses a key as the config file writes it: "j", "E", "Down", "ctrl-s", "C-s",
    /// "shift-tab", "F1", "PageDown", "Space", "alt-x".
    pub fn parse(text: &str) -> Option<Key> {
        let mut key = Key { code: KeyCode::Esc, ctrl: false, alt: false };
        let mut rest = text.trim();
        let mut shift = false;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix_len = ["ctrl-", "c-", "alt-", "a-", "m-", "shift-", "s-"]
                .iter()
                .find(|p| lower.starts_with(**p) && rest.len() > p.len())
                .map(|p| p.len());
            let Some(n) = prefix_len else { break };
            match &lower[..n] {
                "ctrl-" | "c-" => key.ctrl = true,
                "alt-" | "a-" | "m-" => key.alt = true,
                _ => shift = true,
            }
            rest = &rest[n..];
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if shift { c.to_uppercase().next().unwrap_or(c) } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if shift => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "space" => KeyCode::Char(' '),
                f if f.starts_with('f') => KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?),
                _ => return None,
            },
        };
        Some(key)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            // Not printed on the key: named in the interface language.
            KeyCode::Char(' ') => f.write_str(&crate::tr!("key-space")),
            KeyCode::Char(c) if self.ctrl || self.alt => write!(f, "{}", c.to_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

/// ЙЦУКЕН → QWERTY, by physical key position, both cases, and the punctuation that moves:
/// the n-th character of a Russian row sits where the n-th of the Latin row does.
fn russian_to_latin(c: char) -> Option<char> {
    const ROWS: [(&str, &str); 3] = [
        ("йцукенгшщзхъфывапролджэячсмитьбюё", "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"),
        ("ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ", "QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~"),
        // On the Russian layout the "/" key types "." and Shift-"/" types ",".
        (".,\"", "/?@"),
    ];
    ROWS.iter().find_map(|(ru, latin)| ru.chars().position(|r| r == c).and_then(|at| latin.chars().nth(at)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_config_spellings() {
        assert_eq!(Key::parse("j"), Some(Key::char('j')));
        assert_eq!(Key::parse("E"), Some(Key::char('E')));
        assert_eq!(Key::parse("ctrl-s"), Some(Key::ctrl('s')));
        assert_eq!(Key::parse("C-s"), Some(Key::ctrl('s')));
        assert_eq!(Key::parse("shift-tab"), Some(Key::plain(KeyCode::BackTab)));
        assert_eq!(Key::parse("Down"), Some(Key::plain(KeyCode::Down)));
        assert_eq!(Key::parse("F1"), Some(Key::plain(KeyCode::F(1))));
        assert_eq!(Key::parse("Space"), Some(Key::char(' ')));
        assert_eq!(Key::parse("alt-x"), Some(Key { code: KeyCode::Char('x'), ctrl: false, alt: true }));
        assert_eq!(Key::parse("ы"), Some(Key::char('ы')));
        assert_eq!(Key::parse("Fourteen"), None);
        assert_eq!(Key::parse(""), None);
    }

    #[test]
    fn russian_layout_maps_to_the_same_physical_keys() {
        assert_eq!(Key::char('о').latin_equivalent(), Some(Key::char('j')));
        assert_eq!(Key::char('л').latin_equivalent(), Some(Key::char('k')));
        assert_eq!(Key::char('й').latin_equivalent(), Some(Key::char('q')));
        assert_eq!(Key::char('У').latin_equivalent(), Some(Key::char('E')));
        assert_eq!(Key::char('.').latin_equivalent(), Some(Key::char('/')));
        assert_eq!(Key::char(',').latin_equivalent(), Some(Key::char('?')));
        assert_eq!(Key::char('х').latin_equivalent(), Some(Key::char('[')));
        assert_eq!(Key::ctrl('ы').latin_equivalent(), Some(Key::ctrl('s')));
        assert_eq!(Key::char('j').latin_equivalent(), None);
    }

    #[test]
    fn displays_for_the_help_screen() {
        assert_eq!(Key::ctrl('s').to_string(), "Ctrl-S");
        assert_eq!(Key::plain(KeyCode::BackTab).to_string(), "Shift-Tab");
        assert_eq!(Key::char('?').to_string(), "?");
    }
}
