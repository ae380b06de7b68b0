//! What the terminal can do, from its terminfo entry (through `termini`, the reader helix
//! uses): how many colours, an alternate screen, bracketed paste, a mouse.

/// How colours may be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColorDepth {
    /// None at all (vt100, dumb): the marks, bold and reverse video carry the meaning.
    None,
    /// Plain SGR 30–37 / 40–47.
    Ansi8,
    /// Plain SGR 30–37, 90–97 and their backgrounds.
    Ansi16,
    /// `38;5;N` as crossterm writes it.
    Indexed256,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capabilities {
    pub colors: ColorDepth,
    pub alternate_screen: bool,
    pub bracketed_paste: bool,
    pub mouse: bool,
}

impl Capabilities {
    /// A terminal whose entry cannot be found: the ANSI subset every emulator has, without
    /// the extras an unknown terminal might print as garbage.
    pub const UNKNOWN: Capabilities =
        Capabilities { colors: ColorDepth::Ansi16, alternate_screen: true, bracketed_paste: false, mouse: false };

    /// From the entry's `colors`, `smcup`, `BE` (bracketed paste) and `kmous`; COLORTERM
    /// vouches for more colours than an entry admits.
    pub fn from_entry(max_colors: Option<i32>, smcup: bool, paste: bool, kmous: bool, colorterm: &str) -> Capabilities {
        let colors = match max_colors.unwrap_or(0) {
            n if n >= 256 => ColorDepth::Indexed256,
            n if n >= 16 => ColorDepth::Ansi16,
            n if n >= 8 => ColorDepth::Ansi8,
            _ => ColorDepth::None,
        };
        let vouched = matches!(colorterm, "truecolor" | "24bit") && colors >= ColorDepth::Ansi8;
        Capabilities {
            colors: if vouched { ColorDepth::Indexed256 } else { colors },
            alternate_screen: smcup,
            // Entries older than ncurses' `BE` omit it; an xterm-like mouse implies xterm's paste.
            bracketed_paste: paste || kmous,
            mouse: kmous,
        }
    }

    /// The terminal named by TERM (unset or empty: a dumb one).
    pub fn detect() -> Capabilities {
        let term = std::env::var("TERM").unwrap_or_default();
        if term.is_empty() || term == "dumb" {
            return Capabilities::from_entry(None, false, false, false, "");
        }
        let colorterm = std::env::var("COLORTERM").unwrap_or_default();
        match termini::TermInfo::from_name(&term) {
            Ok(info) => Capabilities::from_entry(
                info.number_cap(termini::NumberCapability::MaxColors),
                info.raw_string_cap(termini::StringCapability::EnterAlternativeMode).is_some(),
                info.extended_cap("BE").is_some(),
                info.raw_string_cap(termini::StringCapability::KeyMouse).is_some(),
                &colorterm,
            ),
            Err(_) => Capabilities::UNKNOWN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_as_terminfo_describes_them() {
        // vt100: no colours, no alternate screen, no mouse.
        let vt100 = Capabilities::from_entry(None, false, false, false, "");
        assert_eq!(vt100.colors, ColorDepth::None);
        assert!(!vt100.alternate_screen && !vt100.bracketed_paste && !vt100.mouse);
        let linux = Capabilities::from_entry(Some(8), false, false, false, "");
        assert_eq!(linux.colors, ColorDepth::Ansi8);
        let xterm16 = Capabilities::from_entry(Some(16), true, false, true, "");
        assert_eq!(xterm16.colors, ColorDepth::Ansi16);
        assert!(xterm16.alternate_screen && xterm16.bracketed_paste && xterm16.mouse);
        let tmux = Capabilities::from_entry(Some(256), true, true, true, "");
        assert_eq!(tmux.colors, ColorDepth::Indexed256);
        assert_eq!(Capabilities::from_entry(Some(8), true, false, true, "truecolor").colors, ColorDepth::Indexed256);
        assert_eq!(Capabilities::from_entry(None, false, false, false, "truecolor").colors, ColorDepth::None);
    }

    #[test]
    fn the_systems_own_entries_are_read() {
        // ncurses-base ships these on every Debian; a missing database is the unknown case.
        let Ok(vt100) = termini::TermInfo::from_name("vt100") else { return };
        assert!(vt100.number_cap(termini::NumberCapability::MaxColors).is_none());
        assert!(vt100.raw_string_cap(termini::StringCapability::EnterAlternativeMode).is_none());
    }
}
