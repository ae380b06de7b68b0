//! Hostile text on the screen: titles, deadlines, texts and the header holding escape
//! sequences, C0/C1 controls and bidi overrides, a 1 MB execution text, and a plan of
//! 10,000 items render without a panic, and no raw control or bidi character reaches any
//! cell of the terminal's buffer. Render times are printed (`--nocapture`), never asserted:
//! docs/reliability.md notes them.

use std::time::Instant;

use otchet::domain::{Entry, Item, ItemId, Role, Stamp};
use otchet::model::Snapshot;
use otchet::tui::key::{Key, KeyCode};
use otchet::tui::test_support::{as_of, sample_snapshot, state_of};
use otchet::tui::theme::Theme;
use otchet::tui::{Action, State, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const EVIL: &str = "злой\x1b[2J\x1b[31m текст\x07\x1b]0;окно\x07 \u{9b}6n \u{85}C1\u{9f} \u{202e}обратно\u{202c} \u{2066}изол\u{2069}\u{200f}\x7f\r конец";

fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn draw(state: &mut State, width: u16, height: u16) -> (Buffer, std::time::Duration) {
    update(state, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let started = Instant::now();
    terminal.draw(|f| view(state, f)).unwrap();
    (terminal.backend().buffer().clone(), started.elapsed())
}

fn assert_clean(buffer: &Buffer, what: &str) {
    for (i, cell) in buffer.content().iter().enumerate() {
        assert!(!cell.symbol().chars().any(is_forbidden), "{what}: raw {:?} in cell {i}", cell.symbol());
    }
}

fn screen_text(buffer: &Buffer) -> String {
    buffer.content().iter().map(|c| c.symbol()).collect()
}

fn press(state: &mut State, key: Key) {
    update(state, Action::Key(key));
}

fn big_text() -> String {
    let line = format!("Проведено заседание комиссии {EVIL}.\n");
    line.repeat((1 << 20) / line.len() + 1)
}

fn hostile_snapshot() -> Snapshot {
    let mut s = sample_snapshot();
    s.plan.organisation = format!("Администрация {EVIL}");
    s.period.title = format!("I квартал {EVIL}");
    s.items[0].title = format!("Заголовок {EVIL}");
    s.items[1].deadline_text = format!("Ежеквартально {EVIL}");
    let entry = |info: String| Entry {
        info,
        assessment: format!("выполнено {EVIL}"),
        changed_by: format!("кто\x1b[8m{EVIL}"),
        changed_at: Stamp(1_586_000_000),
        revision: 1,
        ..Entry::default()
    };
    s.entries.retain(|(id, _)| id.0 > 4);
    s.entries.push((s.items[2].id, entry(EVIL.repeat(20))));
    s.entries.push((s.items[3].id, entry(big_text())));
    s.settings.assessments.push(format!("оценка {EVIL}"));
    s
}

#[test]
fn hostile_texts_never_reach_the_terminal_raw() {
    let mut state = state_of(hostile_snapshot(), as_of(), Role::Editor, Theme::ansi16());
    for (w, h) in [(80, 24), (120, 40), (20, 6)] {
        press(&mut state, Key::plain(KeyCode::Home));
        for row in 0..5 {
            let (buffer, took) = draw(&mut state, w, h);
            assert_clean(&buffer, &format!("{w}x{h}, row {row}"));
            println!("{w}x{h} row {row}: drawn in {took:?}");
            press(&mut state, Key::char('j'));
        }
    }
    press(&mut state, Key::plain(KeyCode::Home));
    let (buffer, _) = draw(&mut state, 120, 40);
    let shown = screen_text(&buffer);
    assert!(shown.contains('\u{241B}'), "ESC shows as a visible mark: {shown}");

    // Editing the 1 MB text, typing and pasting more hostile text into it.
    press(&mut state, Key::plain(KeyCode::Home));
    for _ in 0..3 {
        press(&mut state, Key::char('j'));
    }
    press(&mut state, Key::plain(KeyCode::Enter));
    let started = Instant::now();
    update(&mut state, Action::Paste(EVIL.to_owned()));
    press(&mut state, Key::char('ж'));
    let typed = started.elapsed();
    let (buffer, took) = draw(&mut state, 120, 40);
    assert_clean(&buffer, "editing the 1 MB text");
    println!("1 MB text: paste and a keystroke in {typed:?}, drawn in {took:?}");
    for key in [Key::plain(KeyCode::PageDown), Key::plain(KeyCode::End), Key::ctrl('z')] {
        press(&mut state, key);
        let (buffer, took) = draw(&mut state, 80, 24);
        assert_clean(&buffer, "editing");
        println!("1 MB text after {key:?}: drawn in {took:?}");
    }
    // The help, a search for a hostile string.
    press(&mut state, Key::plain(KeyCode::Esc));
    press(&mut state, Key::char('/'));
    update(&mut state, Action::Paste(EVIL.to_owned()));
    let (buffer, _) = draw(&mut state, 80, 24);
    assert_clean(&buffer, "search");
    press(&mut state, Key::plain(KeyCode::Esc));
    press(&mut state, Key::plain(KeyCode::F(1)));
    let (buffer, _) = draw(&mut state, 80, 24);
    assert_clean(&buffer, "help");
}

/// The sample's 72 items again and again up to `n`, every tenth text hostile.
fn plan_of(n: usize) -> Snapshot {
    let sample = sample_snapshot();
    let mut s = sample.clone();
    s.items.clear();
    s.entries.clear();
    for i in 0..n {
        let source: &Item = &sample.items[i % sample.items.len()];
        let id = ItemId(i as u32 + 1);
        let mut item = source.clone();
        item.id = id;
        item.seq = format!("{}.", i + 1);
        item.point = format!("{}.", i + 1);
        if i % 10 == 0 {
            item.title = format!("{} {EVIL}", item.title);
        }
        s.items.push(item);
        let info = if i % 10 == 5 {
            format!("Выполнено {EVIL}")
        } else {
            format!("Выполнено, пункт {}", i + 1)
        };
        let entry = Entry { info, revision: 1, changed_by: "import".into(), ..Entry::default() };
        s.entries.push((id, entry));
    }
    s
}

#[test]
fn a_plan_of_ten_thousand_items_stays_intact_and_responsive() {
    let started = Instant::now();
    let mut state = state_of(plan_of(10_000), as_of(), Role::Editor, Theme::ansi16());
    println!("10,000 items: state built in {:?}", started.elapsed());
    let (buffer, took) = draw(&mut state, 120, 40);
    assert_clean(&buffer, "first screen");
    println!("10,000 items: first screen drawn in {took:?}");
    let keys = [
        Key::plain(KeyCode::End),
        Key::plain(KeyCode::PageUp),
        Key::char('f'),
        Key::char(']'),
        Key::plain(KeyCode::Home),
        Key::char('j'),
    ];
    for key in keys {
        let started = Instant::now();
        press(&mut state, key);
        let handled = started.elapsed();
        let (buffer, took) = draw(&mut state, 120, 40);
        assert_clean(&buffer, &format!("{key:?}"));
        println!("10,000 items: {key:?} handled in {handled:?}, drawn in {took:?}");
    }
    press(&mut state, Key::char('/'));
    for c in "9999".chars() {
        let started = Instant::now();
        press(&mut state, Key::char(c));
        println!("10,000 items: search keystroke {c:?} handled in {:?}", started.elapsed());
    }
    press(&mut state, Key::plain(KeyCode::Enter));
    let (buffer, took) = draw(&mut state, 120, 40);
    println!("10,000 items: search result drawn in {took:?}");
    assert_clean(&buffer, "search");
    assert!(screen_text(&buffer).contains("9999"), "the search finds the item");
}
