//! crossterm's events become our own `Action`s here, at the edge.

use crossterm::event::{
    Event, KeyCode as CtCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::super::action::Action;
use super::super::key::{Key, KeyCode, Mouse, MouseKind};

pub fn action(event: Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => key(k).map(Action::Key),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => mouse(m).map(Action::Mouse),
        _ => None,
    }
}

/// The wheel and a left click; drags, moves and other buttons mean nothing here.
fn mouse(m: MouseEvent) -> Option<Mouse> {
    let kind = match m.kind {
        MouseEventKind::ScrollUp => MouseKind::WheelUp,
        MouseEventKind::ScrollDown => MouseKind::WheelDown,
        MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
        _ => return None,
    };
    Some(Mouse { kind, column: m.column, row: m.row })
}

fn key(k: KeyEvent) -> Option<Key> {
    let code = match k.code {
        CtCode::Char(c) => KeyCode::Char(c),
        CtCode::Enter => KeyCode::Enter,
        CtCode::Esc => KeyCode::Esc,
        CtCode::Tab if k.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        CtCode::Tab => KeyCode::Tab,
        CtCode::BackTab => KeyCode::BackTab,
        CtCode::Backspace => KeyCode::Backspace,
        CtCode::Delete => KeyCode::Delete,
        CtCode::Insert => KeyCode::Insert,
        CtCode::Left => KeyCode::Left,
        CtCode::Right => KeyCode::Right,
        CtCode::Up => KeyCode::Up,
        CtCode::Down => KeyCode::Down,
        CtCode::Home => KeyCode::Home,
        CtCode::End => KeyCode::End,
        CtCode::PageUp => KeyCode::PageUp,
        CtCode::PageDown => KeyCode::PageDown,
        CtCode::F(n) => KeyCode::F(n),
        _ => return None,
    };
    // Shift is already in the character ('E'); for other keys only Shift-Tab matters.
    Some(Key { code, ctrl: k.modifiers.contains(KeyModifiers::CONTROL), alt: k.modifiers.contains(KeyModifiers::ALT) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_keys_at_the_edge() {
        let e = |code, mods| Event::Key(KeyEvent::new(code, mods));
        let k = |a: Option<Action>| match a {
            Some(Action::Key(k)) => Some(k),
            _ => None,
        };
        assert_eq!(k(action(e(CtCode::Char('E'), KeyModifiers::SHIFT))), Some(Key::char('E')));
        assert_eq!(k(action(e(CtCode::Char('s'), KeyModifiers::CONTROL))), Some(Key::ctrl('s')));
        assert_eq!(k(action(e(CtCode::Char('о'), KeyModifiers::NONE))), Some(Key::char('о')));
        assert_eq!(k(action(e(CtCode::BackTab, KeyModifiers::SHIFT))), Some(Key::plain(KeyCode::BackTab)));
        assert!(matches!(action(Event::Paste("a\nb".into())), Some(Action::Paste(_))));
    }
}
