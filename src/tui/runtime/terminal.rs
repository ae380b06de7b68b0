//! Entering and leaving the terminal's full-screen mode, on every way out: a normal quit,
//! a signal, a panic; with only what the terminal's terminfo entry says it has.

use std::io::{self, Write};
use std::sync::OnceLock;

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::capabilities::Capabilities;
use super::sgr::SgrFilter;

pub type Term = Terminal<CrosstermBackend<SgrFilter<io::Stdout>>>;

/// Found once, for entering and for every way out (the panic hook included).
static CAPABILITIES: OnceLock<Capabilities> = OnceLock::new();

pub fn capabilities() -> Capabilities {
    *CAPABILITIES.get_or_init(Capabilities::detect)
}

pub fn enter() -> io::Result<Term> {
    let caps = capabilities();
    enable_raw_mode()?;
    let mut out = io::stdout();
    if caps.alternate_screen {
        execute!(out, EnterAlternateScreen)?;
    }
    if caps.bracketed_paste {
        execute!(out, EnableBracketedPaste)?;
    }
    if caps.mouse {
        execute!(out, EnableMouseCapture)?;
    }
    let mut terminal = Terminal::new(CrosstermBackend::new(SgrFilter::new(io::stdout(), caps.colors)))?;
    terminal.hide_cursor()?;
    // Without an alternate screen the drawing starts on a clean one.
    if !caps.alternate_screen {
        terminal.clear()?;
    }
    Ok(terminal)
}

/// Best effort: the terminal may already be gone (SIGHUP).
pub fn leave() {
    let caps = capabilities();
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    if caps.mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    if caps.bracketed_paste {
        let _ = execute!(out, DisableBracketedPaste);
    }
    if caps.alternate_screen {
        let _ = execute!(out, LeaveAlternateScreen);
    } else {
        let _ = execute!(
            out,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            crossterm::cursor::MoveTo(0, 0)
        );
    }
    let _ = execute!(out, crossterm::style::ResetColor, crossterm::cursor::Show);
    let _ = out.flush();
}

/// A panic leaves the terminal usable before the message is printed.
pub fn restore_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}
