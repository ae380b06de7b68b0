use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::*;
use crate::domain::Role;
use crate::tr;
use crate::tui::action::Action;
use crate::tui::key::{Key, KeyCode};
use crate::tui::state::{LineInput, Screen};
use crate::tui::test_support::{sample_state, state_with};
use crate::tui::theme::Theme;
use crate::tui::update;

fn draw(state: &mut State, width: u16, height: u16) -> Buffer {
    update(state, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|f| view(state, f)).expect("draw");
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn press(state: &mut State, key: Key) {
    update(state, Action::Key(key));
}

/// The (x, y) of the first cell of the first line that contains `needle`.
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let t = text(buffer);
    t.lines().enumerate().find_map(|(y, line)| {
        let byte = line.find(needle)?;
        Some((line[..byte].chars().count() as u16, y as u16))
    })
}

fn go_to(state: &mut State, point: &str) {
    press(state, Key::plain(KeyCode::Home));
    for _ in 0..80 {
        if state.main().and_then(|m| m.selected()).is_some_and(|r| r.item.point_label() == point) {
            return;
        }
        press(state, Key::char('j'));
    }
}

#[test]
fn main_screen_80x24() {
    let mut s = sample_state();
    go_to(&mut s, "70");
    insta::assert_snapshot!(text(&draw(&mut s, 80, 24)));
}

#[test]
fn main_screen_120x40() {
    let mut s = sample_state();
    go_to(&mut s, "63");
    insta::assert_snapshot!(text(&draw(&mut s, 120, 40)));
}

#[test]
fn editing_80x24() {
    let mut s = sample_state();
    go_to(&mut s, "44");
    press(&mut s, Key::plain(KeyCode::Enter));
    for c in "Дополнение.".chars() {
        press(&mut s, Key::char(c));
    }
    insta::assert_snapshot!(text(&draw(&mut s, 80, 24)));
}

#[test]
fn help_80x24_and_120x40() {
    let mut s = sample_state();
    press(&mut s, Key::char('?'));
    insta::assert_snapshot!("help_80x24", text(&draw(&mut s, 80, 24)));
    let mut s = sample_state();
    press(&mut s, Key::char('?'));
    insta::assert_snapshot!("help_120x40", text(&draw(&mut s, 120, 40)));
}

#[test]
fn welcome_80x24() {
    let mut s = sample_state();
    s.screen = Screen::Welcome { prompt: Some(LineInput::new("~/отчеты/2020-q1.txt")) };
    insta::assert_snapshot!(text(&draw(&mut s, 80, 24)));
}

#[test]
fn too_small() {
    let mut s = sample_state();
    let t = text(&draw(&mut s, 79, 24));
    assert!(t.contains("терминал слишком мал (нужно 80×24"), "{t}");
    insta::assert_snapshot!(t);
}

#[test]
fn overdue_and_result_less_items_stand_out_in_colour() {
    let mut s = sample_state();
    let buffer = draw(&mut s, 80, 24);
    // Item 1 is selected: reverse video across the row.
    let (x, y) = find(&buffer, "1 Анализ").unwrap();
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    press(&mut s, Key::plain(KeyCode::End));
    let buffer = draw(&mut s, 80, 24);
    // 70 is overdue: a red "!"; 71 has no result: a yellow "?".
    let (x, y) = find(&buffer, "70 Направление").unwrap();
    let mark = &buffer[(x - 2, y)];
    assert_eq!((mark.symbol(), mark.fg), ("!", Color::Red));
    assert!(mark.modifier.contains(Modifier::BOLD));
    let (x, y) = find(&buffer, "71 Мониторинг").unwrap();
    let mark = &buffer[(x - 2, y)];
    assert_eq!((mark.symbol(), mark.fg), ("?", Color::Yellow));
    // Item 14 is done: a green "+".
    go_to(&mut s, "14");
    let buffer = draw(&mut s, 80, 24);
    let (x, y) = find(&buffer, "14 Актуализация").unwrap();
    let mark = &buffer[(x - 2, y)];
    assert_eq!((mark.symbol(), mark.fg), ("+", Color::Green));
}

#[test]
fn no_color_keeps_the_marks_and_drops_the_colours() {
    let mut s = state_with(Role::Editor, Theme::monochrome());
    press(&mut s, Key::plain(KeyCode::End));
    let buffer = draw(&mut s, 80, 24);
    let (x, y) = find(&buffer, "70 Направление").unwrap();
    assert_eq!(buffer[(x - 2, y)].symbol(), "!");
    let (x, y) = find(&buffer, "71 Мониторинг").unwrap();
    assert_eq!(buffer[(x - 2, y)].symbol(), "?");
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "no colour under NO_COLOR");
        assert_eq!(cell.bg, Color::Reset);
    }
}

#[test]
fn control_characters_in_texts_are_shown_as_placeholders() {
    let mut s = sample_state();
    if let Some(main) = s.main_mut() {
        main.rows[0].item.title = "Злой\x1b[2J\x07 заголовок\u{202E}".into();
        main.rows[0].text.as_mut().expect("the sample's texts are here").info = "текст\x1b]0;взлом\x07".into();
        main.editor = None;
        main.open_selected();
    }
    let buffer = draw(&mut s, 100, 30);
    let t = text(&buffer);
    assert!(t.contains("Злой␛[2J␇ заголовок"), "{t}");
    assert!(t.contains("текст␛]0;взлом␇"), "{t}");
    for cell in buffer.content() {
        assert!(!cell.symbol().chars().any(|c| c.is_control()), "raw control in {:?}", cell.symbol());
    }
}

#[test]
fn control_characters_in_point_labels_and_authors_are_shown_as_placeholders() {
    let mut s = sample_state();
    if let Some(main) = s.main_mut() {
        main.rows[0].item.point = "1\x1b[31m".into();
        main.rows[0].entry.revision = 1;
        main.rows[0].text.as_mut().expect("the sample's texts are here").changed_by = "ivan\x07ова\u{202E}".into();
        main.editor = None;
        main.open_selected();
    }
    let buffer = draw(&mut s, 100, 30);
    let t = text(&buffer);
    assert!(t.contains("1␛[31m"), "the point's label, in the list and the detail: {t}");
    assert!(t.contains("ivan␇ова"), "the author: {t}");
    for cell in buffer.content() {
        assert!(!cell.symbol().chars().any(|c| c.is_control()), "raw control in {:?}", cell.symbol());
    }
}

#[test]
fn editing_and_welcome_120x40() {
    let mut s = sample_state();
    go_to(&mut s, "44");
    press(&mut s, Key::plain(KeyCode::Enter));
    for c in "Дополнение.".chars() {
        press(&mut s, Key::char(c));
    }
    insta::assert_snapshot!("editing_120x40", text(&draw(&mut s, 120, 40)));
    s.screen = Screen::Welcome { prompt: None };
    insta::assert_snapshot!("welcome_120x40", text(&draw(&mut s, 120, 40)));
}

#[test]
fn status_counts_agree_with_their_numbers() {
    crate::i18n::set_lang(crate::i18n::Lang::Ru);
    let mut s = sample_state();
    let t = text(&draw(&mut s, 80, 24));
    let last = t.lines().nth(23).unwrap_or_default().to_owned();
    assert_eq!(last, " 2 просрочены · 10 без результата · 0 скоро срок · 7 выполнено · всего 72 пункта");
    assert_eq!(tr!("count-overdue", n = 1), "1 просрочен");
    assert_eq!(tr!("count-overdue", n = 5), "5 просрочено");
    assert_eq!(tr!("count-done", n = 21), "21 выполнен");
    assert_eq!(tr!("count-total", n = 1), "всего 1 пункт");
    assert_eq!(tr!("count-total", n = 11), "всего 11 пунктов");
}

#[test]
fn while_the_list_loads_the_counts_line_says_so_instead_of_counts() {
    crate::i18n::set_lang(crate::i18n::Lang::Ru);
    let mut s = sample_state();
    s.main_mut().unwrap().loading = true;
    let t = text(&draw(&mut s, 80, 24));
    let last = t.lines().nth(23).unwrap_or_default().to_owned();
    assert_eq!(last.trim_end(), " загружено пунктов: 72, список еще загружается…");
}

#[test]
fn a_viewer_sees_that_the_screen_is_read_only() {
    let mut s = state_with(Role::Viewer, Theme::ansi16());
    let t = text(&draw(&mut s, 80, 24));
    assert!(t.lines().nth(22).unwrap_or_default().contains("только просмотр"), "{t}");
}

#[test]
fn an_item_without_a_deadline_is_said_to_have_none_not_one_not_understood() {
    let mut s = sample_state();
    go_to(&mut s, "5");
    if let Some(main) = s.main_mut() {
        let row = main.visible[main.cursor];
        main.rows[row].whole.as_mut().expect("the sample's items are whole").deadline_text = " ".into();
        let none = crate::domain::ItemDeadline::new(crate::domain::Deadline::Unknown, main.period.id, main.plan.years);
        main.rows[row].deadline = std::sync::Arc::new(none);
    }
    let t = text(&draw(&mut s, 80, 24));
    let said: String = tr!("schedule-none").chars().take(22).collect();
    assert!(t.contains(&said), "{said} in {t}");
    assert!(!t.contains("не распознан"), "{t}");
}

#[test]
fn the_detail_shows_the_responsible_and_the_plans_other_columns() {
    let mut s = sample_state();
    go_to(&mut s, "5");
    if let Some(main) = s.main_mut() {
        let row = main.visible[main.cursor];
        main.rows[row].item.responsible = "Юридический отдел; заместитель главы администрации".into();
        let item = main.rows[row].whole.as_mut().expect("the sample's items are whole");
        item.extra = vec![
            crate::domain::Extra {
                caption: "Ожидаемый результат".into(), text: "Актуальная нормативная база".into()
            },
            crate::domain::Extra {
                caption: "Объем финансирования, тыс. руб.: 2022".into(), text: "15,0".into()
            },
        ];
    }
    let t = text(&draw(&mut s, 80, 24));
    assert!(t.contains("Ответственные: Юридический отдел; заместитель"), "{t}");
    assert!(t.contains("Объем финансирования, тыс. руб.: 2022: 15,0"), "{t}");
    insta::assert_snapshot!(t);
}

#[test]
fn a_plan_without_periods_80x24() {
    let mut s = sample_state();
    s.screen = Screen::NoPeriod(crate::tui::state::WaitingPlan {
        years: crate::domain::Years { first: 2021, last: 2024 },
        title: "ПЛАН мероприятий по противодействию коррупции в администрации Тихвинского района на 2021–2024 годы"
            .into(),
        items: 42,
        period: crate::domain::PeriodId::parse("2021-Q1").unwrap(),
    });
    insta::assert_snapshot!(text(&draw(&mut s, 80, 24)));
}

#[test]
fn the_open_period_question_and_the_summary_80x24() {
    let mut s = state_with(Role::Admin, Theme::ansi16());
    press(&mut s, Key::char('p'));
    press(&mut s, Key::char('n'));
    let question = text(&draw(&mut s, 80, 24));
    assert!(question.contains("[x] перенести тексты"), "{question}");
    insta::assert_snapshot!("open_period_80x24", question);
    press(&mut s, Key::plain(KeyCode::Esc));
    press(&mut s, Key::char('S'));
    insta::assert_snapshot!("summary_80x24", text(&draw(&mut s, 80, 24)));
}

#[test]
fn ctrl_z_after_a_long_paste_keeps_the_text_in_view() {
    let mut s = sample_state();
    go_to(&mut s, "44");
    press(&mut s, Key::plain(KeyCode::Enter));
    draw(&mut s, 80, 24);
    let long: String = (1..=60).map(|i| format!("вставленная строка {i}\n")).collect();
    update(&mut s, Action::Paste(long));
    let pasted = text(&draw(&mut s, 80, 24));
    assert!(pasted.contains("вставленная строка 60"), "{pasted}");
    press(&mut s, Key::ctrl('z'));
    let after = text(&draw(&mut s, 80, 24));
    assert!(!after.contains("вставленная строка"), "{after}");
    assert!(after.contains("│В течение 14 рабочих дней с даты окончания"), "the text from its top:\n{after}");
}

#[test]
fn a_conflict_scrolls_to_a_difference_beyond_the_first_screen_and_marks_it_80x24() {
    let mut s = sample_state();
    let common: String = (1..=30).map(|i| format!("Общий абзац номер {i}.\n")).collect();
    let theirs = crate::domain::Entry {
        info: format!("{common}Их последнее предложение."),
        changed_by: "petrova".into(),
        changed_at: crate::domain::Stamp(1_586_000_000),
        revision: 2,
        ..crate::domain::Entry::default()
    };
    s.overlay = Some(crate::tui::state::Overlay::Conflict {
        item: crate::domain::ItemId(1),
        mine_info: format!("{common}Мое последнее предложение."),
        mine_assessment: String::new(),
        theirs,
        scroll: 0,
    });
    let first = text(&draw(&mut s, 80, 24));
    assert!(!first.contains("последнее предложение"), "{first}");
    for _ in 0..3 {
        press(&mut s, Key::plain(KeyCode::PageDown));
    }
    let buffer = draw(&mut s, 80, 24);
    let shown = text(&buffer);
    assert!(shown.contains("Мое последнее") && shown.contains("Их последнее"), "{shown}");
    let (x, y) = find(&buffer, "Их последнее").unwrap();
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED), "the difference is marked");
    let (x, y) = find(&buffer, "Общий абзац номер 30").unwrap();
    assert!(!buffer[(x, y)].modifier.contains(Modifier::UNDERLINED), "what is the same is not");
    insta::assert_snapshot!(shown);
    assert!(shown.contains("Пункт изменил другой пользователь"), "{shown}");
    // The same login's other window is named as such, not as another user.
    s.user = "petrova".into();
    let own = text(&draw(&mut s, 80, 24));
    assert!(own.contains("Пункт изменен вами в другом окне"), "{own}");
}

#[test]
fn status_lines_with_five_digit_counts_and_a_co_editor_80x24() {
    let mut s = sample_state();
    go_to(&mut s, "70");
    if let Some(main) = s.main_mut() {
        main.counts = crate::domain::Counts {
            items: 12345,
            overdue: 10234,
            no_result: 11876,
            due_soon: 15,
            done: 407,
            ready: 0,
            accepted: 0,
        };
        let id = main.selected().unwrap().item.id;
        main.presence.insert(id, vec!["petrova".into()]);
    }
    let shown = text(&draw(&mut s, 80, 24));
    assert!(shown.contains("редактирует: petrova"), "{shown}");
    let last = shown.lines().last().unwrap();
    assert!(last.contains("10234") && last.contains("11876") && last.contains("407"), "{last}");
    assert!(!last.ends_with('…'), "no number cut: {last}");
    insta::assert_snapshot!(shown);
}

#[test]
fn the_help_says_how_to_close_and_scroll_it() {
    let mut s = sample_state();
    press(&mut s, Key::char('?'));
    let shown = text(&draw(&mut s, 80, 24));
    assert!(shown.contains("Esc — закрыть") && shown.contains("ниже еще"), "{shown}");
    press(&mut s, Key::plain(KeyCode::PageDown));
    let next = text(&draw(&mut s, 80, 24));
    assert!(next.contains("1–4") && !next.contains("  5 "), "as many assessments as there are: {next}");
    press(&mut s, Key::plain(KeyCode::End));
    let end = text(&draw(&mut s, 80, 24));
    assert!(!end.contains("ниже еще"), "{end}");
}

/// Where `word` is drawn: its row and first column.
fn find_word(buffer: &Buffer, word: &str) -> Option<(u16, u16)> {
    let area = buffer.area;
    for y in 0..area.height {
        let cells: Vec<(u16, String)> = (0..area.width).map(|x| (x, buffer[(x, y)].symbol().to_owned())).collect();
        let line: String = cells.iter().map(|(_, s)| s.as_str()).collect();
        if let Some(byte) = line.find(word) {
            let chars_before = line[..byte].chars().count();
            return Some((y, cells[chars_before].0));
        }
    }
    None
}

#[test]
fn a_misspelt_word_is_underlined_in_colour_and_in_monochrome_and_its_neighbours_are_not() {
    for theme in [Theme::ansi16(), Theme::monochrome()] {
        let mut s = state_with(Role::Editor, theme);
        s.spelling.on = true;
        press(&mut s, Key::plain(KeyCode::Enter));
        for c in " борьба с коррупцыи".chars() {
            press(&mut s, Key::char(c));
        }
        s.spelling.answered(&["коррупцыи".to_owned(), "борьба".to_owned()], &["коррупцыи".to_owned()]);
        let buffer = draw(&mut s, 80, 24);
        let (y, x) = find_word(&buffer, "коррупцыи").expect("the word is on screen");
        for dx in 0..9 {
            assert!(buffer[(x + dx, y)].modifier.contains(Modifier::UNDERLINED), "letter {dx} underlined");
        }
        assert!(!buffer[(x - 2, y)].modifier.contains(Modifier::UNDERLINED), "«с» is not");
        let (y, x) = find_word(&buffer, "борьба").unwrap();
        assert!(!buffer[(x, y)].modifier.contains(Modifier::UNDERLINED), "a known word is not");
    }
}

/// A question about the open item names its whole title cut to the box, not the list's
/// sketch of it cut again («…ионн…»).
#[test]
fn the_quit_question_cuts_the_whole_title_not_the_lists_sketch() {
    let mut s = sample_state();
    go_to(&mut s, "70");
    let whole = s.main().unwrap().selected().unwrap().title().to_owned();
    if let Some(main) = s.main_mut() {
        let row = main.visible[main.cursor];
        // As a list from a server keeps it at 80×24.
        main.rows[row].item.title = crate::text_width::title_sketch(&whole, 30);
    }
    s.overlay = Some(crate::tui::state::Overlay::ConfirmQuit);
    let t = text(&draw(&mut s, 80, 24)).lines().map(|l| l.trim_matches(|c| c == '│' || c == ' ')).collect::<String>();
    let question = t.split("Несохраненный текст пункта").nth(1).and_then(|q| q.split("Что с ним").next()).unwrap();
    let cut = crate::text_width::truncate(&crate::text_width::one_line(&whole), 40);
    // The box wraps the question over lines drawn over the list: its last word is checked.
    let last_word = cut.split_whitespace().last().unwrap();
    assert!(question.contains(last_word), "{cut:?} in {question}");
    assert_eq!(question.matches('…').count(), 1, "{question}");
}

#[test]
fn an_error_is_drawn_over_a_dialog_and_offers_the_log_only_where_its_key_opens_it() {
    let mut s = sample_state();
    press(&mut s, Key::char('?'));
    s.error("сервер недоступен".into());
    let t = text(&draw(&mut s, 80, 24));
    assert!(t.contains("сервер недоступен") && t.contains("Esc, Enter — скрыть"), "{t}");
    assert!(!t.contains("все сообщения"), "the log's key does not open it over a dialog: {t}");
    press(&mut s, Key::plain(KeyCode::Esc));
    press(&mut s, Key::plain(KeyCode::Esc));
    s.error("сервер недоступен".into());
    let t = text(&draw(&mut s, 80, 24));
    assert!(t.contains("m — все сообщения"), "{t}");
}
