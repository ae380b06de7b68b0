use super::*;
use crate::domain::{Entry, EntryEdit, ItemId, Role, Stamp};
use crate::model::SaveOutcome;
use crate::proto::{Event, Request, Response};
use crate::tui::action::{Action, Effect, Job, Purpose};
use crate::tui::key::{Key, KeyCode};
use crate::tui::state::{Filter, Focus, LineInput, Overlay};
use crate::tui::test_support::{sample_state, state_with};
use crate::tui::theme::Theme;

fn press(state: &mut State, key: Key) -> Effect {
    update(state, Action::Key(key))
}

fn keys(state: &mut State, text: &str) -> Vec<Effect> {
    text.chars().map(|c| press(state, Key::char(c))).collect()
}

fn selected_point(state: &State) -> String {
    state.main().and_then(|m| m.selected()).map(|r| r.item.point_label().to_owned()).unwrap_or_default()
}

fn go_to_point(state: &mut State, point: &str) {
    press(state, Key::plain(KeyCode::Home));
    for _ in 0..100 {
        if selected_point(state) == point {
            return;
        }
        press(state, Key::char('j'));
    }
    panic!("no item {point}");
}

/// The save a key asked for: what it is for and the edit sent.
fn save_of(effect: Effect) -> (Purpose, EntryEdit) {
    match effect {
        Effect::Call { purpose: purpose @ Purpose::Save { .. }, request: Request::Save { edit } } => (purpose, edit),
        other => panic!("not a save: {other:?}"),
    }
}

fn answered(purpose: Purpose, outcome: SaveOutcome) -> Action {
    Action::Answer { purpose, result: Ok(Response::Saved(outcome)) }
}

fn is_draft(e: &Effect) -> bool {
    matches!(e, Effect::Call { request: Request::PutDraft { .. }, .. })
}

fn is_presence(e: &Effect, editing: bool) -> bool {
    matches!(e, Effect::Call { request: Request::Editing { editing: on, .. }, .. } if *on == editing)
}

fn flatten(effect: Effect) -> Vec<Effect> {
    match effect {
        Effect::Batch(v) => v.into_iter().flat_map(flatten).collect(),
        Effect::None => vec![],
        e => vec![e],
    }
}

#[test]
fn moves_through_the_list() {
    let mut s = sample_state();
    assert_eq!(selected_point(&s), "1");
    press(&mut s, Key::char('j'));
    press(&mut s, Key::plain(KeyCode::Down));
    assert_eq!(selected_point(&s), "3");
    press(&mut s, Key::char('k'));
    assert_eq!(selected_point(&s), "2");
    press(&mut s, Key::plain(KeyCode::End));
    assert_eq!(selected_point(&s), "72");
    press(&mut s, Key::plain(KeyCode::PageUp));
    assert_eq!(selected_point(&s), "53", "a page at 80x24 is 19 rows");
    let m = s.main().unwrap();
    assert!(m.offset <= m.cursor && m.cursor < m.offset + 20, "the selection stays on screen");
    press(&mut s, Key::plain(KeyCode::Home));
    assert_eq!(selected_point(&s), "1");
    press(&mut s, Key::char('k'));
    assert_eq!(selected_point(&s), "1", "no wrap at the top");
}

#[test]
fn russian_layout_keys_work_too() {
    let mut s = sample_state();
    press(&mut s, Key::char('о'));
    press(&mut s, Key::char('о'));
    assert_eq!(selected_point(&s), "3");
    press(&mut s, Key::char('л'));
    assert_eq!(selected_point(&s), "2");
    press(&mut s, Key::char('а'));
    assert_eq!(s.main().unwrap().filter, Filter::Overdue);
    assert_eq!(press(&mut s, Key::char('й')), Effect::Quit);
}

#[test]
fn filters_cycle_and_flagged_items_are_found() {
    let mut s = sample_state();
    let shown = |s: &State| -> Vec<String> {
        let m = s.main().unwrap();
        m.visible.iter().map(|&i| m.rows[i].item.point_label().to_owned()).collect()
    };
    press(&mut s, Key::char('f'));
    assert_eq!(shown(&s), ["70", "72"]);
    press(&mut s, Key::char('f'));
    assert_eq!(shown(&s), ["44", "64", "65", "66", "67", "68", "69", "70", "71", "72"]);
    press(&mut s, Key::char('f'));
    assert!(shown(&s).is_empty(), "nothing is due soon on 13.04.2020");
    press(&mut s, Key::char('f'));
    assert_eq!(shown(&s).len(), 72 - 7);
    for empty in ["carried over", "ready", "drafts"] {
        press(&mut s, Key::char('f'));
        assert!(shown(&s).is_empty(), "nothing {empty} in the sample");
    }
    press(&mut s, Key::char('f'));
    assert_eq!(shown(&s).len(), 72);

    press(&mut s, Key::char(']'));
    assert_eq!(selected_point(&s), "44");
    press(&mut s, Key::char(']'));
    assert_eq!(selected_point(&s), "64");
    press(&mut s, Key::char('['));
    assert_eq!(selected_point(&s), "44");
}

#[test]
fn search_is_case_and_yo_insensitive_and_covers_texts() {
    let mut s = sample_state();
    press(&mut s, Key::char('/'));
    assert!(matches!(s.overlay, Some(Overlay::Prompt(_))));
    keys(&mut s, "ЗАСЕДАНИИ КОМИССИИ ПО КООРДИНАЦИИ");
    let m = s.main().unwrap();
    assert!(!m.visible.is_empty());
    assert!(m.visible.iter().any(|&i| m.rows[i].item.point_label() == "67"));
    press(&mut s, Key::plain(KeyCode::Enter));
    assert!(s.overlay.is_none());
    // ё = е: the sample writes "отчетный"; a search for "отчётн" finds it.
    press(&mut s, Key::char('/'));
    for _ in 0..40 {
        press(&mut s, Key::plain(KeyCode::Backspace));
    }
    keys(&mut s, "отчётн");
    press(&mut s, Key::plain(KeyCode::Enter));
    assert!(!s.main().unwrap().visible.is_empty());
    // Text of an execution entry (not the title) is searched too.
    press(&mut s, Key::char('/'));
    for _ in 0..40 {
        press(&mut s, Key::plain(KeyCode::Backspace));
    }
    keys(&mut s, "реестра парковок");
    press(&mut s, Key::plain(KeyCode::Enter));
    assert_eq!(s.main().unwrap().visible.len(), 1);
    assert_eq!(selected_point(&s), "1");
    press(&mut s, Key::plain(KeyCode::Esc));
    assert_eq!(s.main().unwrap().visible.len(), 72);
}

/// The rows a search over every row finds for what is typed into the search.
fn found_by_a_whole_search(s: &State) -> Vec<usize> {
    let m = s.main().unwrap();
    let needle = crate::domain::text::Needle::new(&m.search);
    (0..m.rows.len()).filter(|&i| m.rows[i].matches(&needle)).collect()
}

/// Each letter typed into a search narrows what the last found (`Main::refilter`); what
/// it finds is what a search over every row finds, at each letter and after a text came
/// for a row the last letter did not find.
#[test]
fn a_search_typed_further_finds_what_a_whole_search_finds() {
    let mut s = sample_state();
    press(&mut s, Key::char('/'));
    for c in "отчет о".chars() {
        press(&mut s, Key::char(c));
        assert_eq!(s.main().unwrap().visible, found_by_a_whole_search(&s), "at «{}»", s.main().unwrap().search);
    }
    // A text comes for an item «отчет о» did not find; the next letter finds it.
    let far = (0..72).find(|i| !s.main().unwrap().visible.contains(i)).unwrap();
    let (as_of, rules) = (s.as_of, s.rules.clone());
    let main = s.main_mut().unwrap();
    let entry = Entry { info: "Отчет органа: комиссия".into(), ..main.rows[far].entry_whole() };
    main.update_row(far, entry, as_of, &rules);
    press(&mut s, Key::char('р'));
    assert!(s.main().unwrap().visible.contains(&far));
    assert_eq!(s.main().unwrap().visible, found_by_a_whole_search(&s));
}

/// A Backspace in a search takes back what the shorter search showed on the way
/// (`Main::refilter`), without looking at every row: what it shows is still what a search
/// over every row finds, also when a row changed in between.
#[test]
fn a_backspace_in_a_search_shows_what_a_whole_search_finds() {
    let mut s = sample_state();
    press(&mut s, Key::char('/'));
    keys(&mut s, "отчет");
    assert_eq!(s.main().unwrap().searches_kept(), 4, "«о» to «отче»");
    for kept in [3, 2] {
        press(&mut s, Key::plain(KeyCode::Backspace));
        let m = s.main().unwrap();
        assert_eq!(m.searches_kept(), kept, "taken back at «{}»", m.search);
        assert_eq!(m.visible, found_by_a_whole_search(&s), "at «{}»", m.search);
    }
    // At «отч», a text comes for an item it does not find but «от» does: none is kept.
    let m = s.main().unwrap();
    let far = (0..72).find(|i| !m.visible.contains(i)).unwrap();
    let (as_of, rules) = (s.as_of, s.rules.clone());
    let main = s.main_mut().unwrap();
    let entry = Entry { info: "от всех".into(), ..main.rows[far].entry_whole() };
    main.update_row(far, entry, as_of, &rules);
    assert_eq!(s.main().unwrap().searches_kept(), 0);
    press(&mut s, Key::plain(KeyCode::Backspace));
    assert!(s.main().unwrap().visible.contains(&far));
    assert_eq!(s.main().unwrap().visible, found_by_a_whole_search(&s));
}

#[test]
fn editing_then_saving_sends_the_text_and_the_base_revision() {
    let mut s = sample_state();
    go_to_point(&mut s, "70");
    press(&mut s, Key::plain(KeyCode::Enter));
    assert_eq!(s.main().unwrap().focus, Focus::Editor);
    press(&mut s, Key::ctrl('a'));
    let typed: Vec<Effect> = keys(&mut s, "Отчёт ").into_iter().flat_map(flatten).collect();
    assert!(typed.contains(&Effect::ArmDraftTimer));
    assert!(typed.iter().any(|e| is_presence(e, true)), "the others are told");
    press(&mut s, Key::plain(KeyCode::Tab));
    assert_eq!(s.main().unwrap().focus, Focus::Assessment);
    press(&mut s, Key::plain(KeyCode::Esc));
    press(&mut s, Key::char('1'));
    let (purpose, edit) = save_of(press(&mut s, Key::ctrl('s')));
    assert_eq!(edit.base_revision, 1);
    assert!(edit.info.contains("Отчёт "), "{}", edit.info);
    assert_eq!(edit.assessment, "выполнено в полном объеме в установленные сроки");

    let saved = Entry {
        info: edit.info.clone(),
        assessment: edit.assessment.clone(),
        changed_by: "ivanova".into(),
        changed_at: Stamp(2),
        revision: 2,
        ..Entry::default()
    };
    update(&mut s, answered(purpose, SaveOutcome::Saved(saved)));
    let row = s.main().unwrap().selected().unwrap();
    assert!(!row.flags.overdue && !row.flags.no_result && row.flags.done);
    assert_eq!(s.main().unwrap().counts.overdue, 1);
    assert!(!s.main().unwrap().editor.as_ref().unwrap().is_modified());
    assert_eq!(press(&mut s, Key::ctrl('s')), Effect::None, "nothing left to save");
}

#[test]
fn leaving_an_item_with_unsaved_text_keeps_a_draft() {
    let mut s = sample_state();
    go_to_point(&mut s, "44");
    press(&mut s, Key::char('e'));
    keys(&mut s, "черновик");
    press(&mut s, Key::plain(KeyCode::Esc));
    let effects = flatten(press(&mut s, Key::char('j')));
    let draft = effects.iter().find_map(|e| match e {
        Effect::Call { request: Request::PutDraft { item, draft, .. }, .. } => Some((*item, draft.info.clone())),
        _ => None,
    });
    assert_eq!(draft.map(|(_, info)| info.ends_with("черновик")), Some(true), "typed at the end of the text");
    assert!(effects.iter().any(|e| is_presence(e, false)));
    // Coming back and starting to edit offers the draft.
    press(&mut s, Key::char('k'));
    press(&mut s, Key::plain(KeyCode::Enter));
    assert!(matches!(s.overlay, Some(Overlay::DraftOffer { .. })));
    press(&mut s, Key::plain(KeyCode::Enter));
    let editor = s.main().unwrap().editor.as_ref().unwrap();
    assert!(editor.info_text().ends_with("черновик"));
    assert_eq!(s.main().unwrap().focus, Focus::Editor);
}

#[test]
fn a_draft_is_kept_after_a_pause_but_not_again_without_typing() {
    let mut s = sample_state();
    press(&mut s, Key::plain(KeyCode::Enter));
    keys(&mut s, "абв");
    assert!(is_draft(&update(&mut s, Action::DraftTimer)));
    assert_eq!(update(&mut s, Action::DraftTimer), Effect::None, "nothing changed since");
    keys(&mut s, "г");
    assert!(is_draft(&update(&mut s, Action::DraftTimer)));
}

#[test]
fn quitting_with_unsaved_text_asks_first() {
    let mut s = sample_state();
    press(&mut s, Key::plain(KeyCode::Enter));
    keys(&mut s, "не сохранено");
    press(&mut s, Key::plain(KeyCode::Esc));
    assert_eq!(press(&mut s, Key::char('q')), Effect::None);
    assert!(matches!(s.overlay, Some(Overlay::ConfirmQuit)));
    press(&mut s, Key::plain(KeyCode::Esc));
    assert!(s.overlay.is_none(), "Esc stays");
    press(&mut s, Key::char('q'));
    let effects = flatten(press(&mut s, Key::char('d')));
    assert!(effects.first().is_some_and(is_draft));
    assert_eq!(effects.last(), Some(&Effect::Quit));

    let mut s = sample_state();
    press(&mut s, Key::plain(KeyCode::Enter));
    keys(&mut s, "сохранить");
    press(&mut s, Key::plain(KeyCode::Esc));
    press(&mut s, Key::char('q'));
    let (purpose, edit) = save_of(press(&mut s, Key::char('ы')));
    // Quits only when the save is acknowledged; a conflict is shown first.
    let theirs = Entry { revision: 2, changed_by: "petrova".into(), ..Entry::default() };
    assert_eq!(update(&mut s, answered(purpose, SaveOutcome::Conflict { theirs })), Effect::None);
    assert!(matches!(s.overlay, Some(Overlay::Conflict { .. })));
    let (purpose, _) = save_of(press(&mut s, Key::char('m')));
    let saved = Entry { info: edit.info, revision: 3, ..Entry::default() };
    assert_eq!(
        update(&mut s, answered(purpose, SaveOutcome::Saved(saved))),
        Effect::None,
        "no quit after the conflict"
    );

    let mut s = sample_state();
    press(&mut s, Key::plain(KeyCode::Enter));
    keys(&mut s, "сохранить");
    press(&mut s, Key::plain(KeyCode::Esc));
    press(&mut s, Key::char('q'));
    let (purpose, edit) = save_of(press(&mut s, Key::char('s')));
    let saved = Entry { info: edit.info, revision: 2, ..Entry::default() };
    let effects = flatten(update(&mut s, answered(purpose, SaveOutcome::Saved(saved))));
    assert_eq!(effects.last(), Some(&Effect::Quit));
}

#[test]
fn a_paste_of_several_lines_is_one_edit() {
    let mut s = sample_state();
    go_to_point(&mut s, "44");
    press(&mut s, Key::plain(KeyCode::Enter));
    let before = s.main().unwrap().editor.as_ref().unwrap().info_text();
    update(&mut s, Action::Paste("первая\r\nвторая\nтретья".into()));
    let after = s.main().unwrap().editor.as_ref().unwrap().info_text();
    assert!(after.ends_with("первая\nвторая\nтретья"), "{after}");
    press(&mut s, Key::ctrl('z'));
    assert_eq!(s.main().unwrap().editor.as_ref().unwrap().info_text(), before);
    press(&mut s, Key::ctrl('y'));
    assert_eq!(s.main().unwrap().editor.as_ref().unwrap().info_text(), after);
}

#[test]
fn a_viewer_cannot_type_or_save() {
    let mut s = state_with(Role::Viewer, Theme::ansi16());
    assert_eq!(press(&mut s, Key::plain(KeyCode::Enter)), Effect::None);
    assert!(s.message.as_ref().is_some_and(|m| m.is_error));
    assert_eq!(press(&mut s, Key::ctrl('s')), Effect::None);
    assert_eq!(press(&mut s, Key::char('1')), Effect::None);
    assert!(!s.main().unwrap().editor.as_ref().unwrap().is_modified());
}

#[test]
fn a_conflict_shows_both_texts_and_can_keep_mine() {
    let mut s = sample_state();
    press(&mut s, Key::plain(KeyCode::Enter));
    keys(&mut s, "мой");
    let (purpose, _) = save_of(press(&mut s, Key::ctrl('s')));
    let theirs = Entry {
        info: "их".into(),
        assessment: String::new(),
        changed_by: "petrova".into(),
        changed_at: Stamp(5),
        revision: 2,
        ..Entry::default()
    };
    update(&mut s, answered(purpose, SaveOutcome::Conflict { theirs }));
    let Some(Overlay::Conflict { mine_info, .. }) = &s.overlay else { panic!("conflict dialog") };
    assert!(mine_info.ends_with("мой"));
    let (_, edit) = save_of(press(&mut s, Key::char('m')));
    assert_eq!(edit.base_revision, 2);
}

#[test]
fn a_merge_by_hand_says_what_to_do_on_one_status_line_at_80_columns() {
    let mut s = sample_state();
    press(&mut s, Key::plain(KeyCode::Enter));
    keys(&mut s, "мой");
    let (purpose, _) = save_of(press(&mut s, Key::ctrl('s')));
    let theirs = Entry { info: "их".into(), changed_by: "petrova".into(), revision: 2, ..Entry::default() };
    update(&mut s, answered(purpose, SaveOutcome::Conflict { theirs }));
    press(&mut s, Key::char('e'));
    let hint = s.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(hint.contains("«———»") && hint.ends_with("Ctrl-S"), "{hint}");
    // The status line is 80 columns with a space before the text, in either language.
    for lang in [crate::i18n::Lang::Ru, crate::i18n::Lang::En] {
        let said = crate::i18n::message_in(lang, "tui-merge-hint", &[("key", crate::i18n::Arg::Str("Ctrl-S".into()))]);
        assert!(crate::text_width::width(&said) <= 79, "{lang:?}: {said}");
    }
}

#[test]
fn changes_by_others_arrive_without_a_keypress() {
    let mut s = sample_state();
    let period = s.main().unwrap().period.id;
    let entry = Entry {
        info: "сделано".into(),
        assessment: "выполнено".into(),
        changed_by: "petrova".into(),
        changed_at: Stamp(9),
        revision: 1,
        ..Entry::default()
    };
    update(&mut s, Action::Remote(Event::EntryChanged { period, item: ItemId(70), entry }));
    let m = s.main().unwrap();
    let row = &m.rows[m.row_of(ItemId(70)).unwrap()];
    assert!(row.flags.done && !row.flags.overdue);
    assert_eq!(m.counts.overdue, 1);
    update(
        &mut s,
        Action::Remote(Event::Editing { period, item: ItemId(3), users: vec!["petrova".into(), "ivanova".into()] }),
    );
    assert_eq!(s.main().unwrap().presence.get(&ItemId(3)), Some(&vec!["petrova".to_owned()]));
    update(&mut s, Action::Remote(Event::Editing { period, item: ItemId(3), users: vec![] }));
    assert!(s.main().unwrap().presence.is_empty());
}

#[test]
fn the_as_of_date_changes_the_flags() {
    let mut s = sample_state();
    press(&mut s, Key::char('a'));
    for _ in 0..12 {
        press(&mut s, Key::plain(KeyCode::Backspace));
    }
    keys(&mut s, "01.03.2020");
    press(&mut s, Key::plain(KeyCode::Enter));
    assert_eq!(s.as_of.to_string(), "2020-03-01");
    assert_eq!(s.main().unwrap().counts.overdue, 0);
    press(&mut s, Key::char('a'));
    keys(&mut s, "x");
    press(&mut s, Key::plain(KeyCode::Enter));
    assert!(matches!(&s.overlay, Some(Overlay::Prompt(p)) if p.error.is_some()), "a bad date is named");
}

#[test]
fn the_export_dialog_proposes_a_file_name() {
    let mut s = sample_state();
    press(&mut s, Key::char('x'));
    for _ in 0..4 {
        press(&mut s, Key::plain(KeyCode::Backspace));
    }
    keys(&mut s, "pdf");
    press(&mut s, Key::plain(KeyCode::Enter));
    assert!(matches!(&s.overlay, Some(Overlay::Prompt(p)) if p.error.is_some()), "an unknown format is named");
    for _ in 0..3 {
        press(&mut s, Key::plain(KeyCode::Backspace));
    }
    keys(&mut s, "docx");
    press(&mut s, Key::plain(KeyCode::Enter));
    let Some(Overlay::Prompt(p)) = &s.overlay else { panic!("the file name is asked") };
    assert_eq!(p.input.text(), "otchet-2020-Q1.docx");
    let Effect::Job(Job::Export { format, path, period, .. }) = press(&mut s, Key::plain(KeyCode::Enter)) else {
        panic!("export")
    };
    assert_eq!(
        (format.extension(), path.to_str(), period.to_string().as_str()),
        ("docx", Some("otchet-2020-Q1.docx"), "2020-Q1")
    );
}

#[test]
fn a_late_answer_for_an_item_changes_nothing_in_the_item_shown_now() {
    let mut s = sample_state();
    go_to_point(&mut s, "70");
    press(&mut s, Key::plain(KeyCode::Enter));
    keys(&mut s, "текст для 70 ");
    let (purpose, edit) = save_of(press(&mut s, Key::ctrl('s')));
    assert!(!s.saving.is_empty(), "the save is pending");
    // The user moves on to 71 and types there before 70's answer arrives.
    press(&mut s, Key::plain(KeyCode::Esc));
    press(&mut s, Key::char('j'));
    assert_eq!(selected_point(&s), "71");
    press(&mut s, Key::plain(KeyCode::Enter));
    keys(&mut s, "мой текст для 71 ");
    let before_71 = s.main().unwrap().editor.as_ref().unwrap().info_text();
    let entry = Entry { info: edit.info.clone(), revision: 2, changed_by: "ivanova".into(), ..Entry::default() };
    update(&mut s, answered(purpose.clone(), SaveOutcome::Saved(entry)));
    let main = s.main().unwrap();
    let editor = main.editor.as_ref().unwrap();
    assert_eq!((editor.item, editor.info_text()), (ItemId(71), before_71), "71's text is untouched");
    assert!(editor.is_modified(), "and still unsaved");
    let row70 = &main.rows[main.row_of(ItemId(70)).unwrap()];
    assert_eq!((row70.entry.revision, row70.info()), (2, edit.info.as_str()), "70 got its answer");
    assert!(s.saving.is_empty());

    // A conflict answered late for 70 leaves the dialog closed and 70's text as a draft.
    let theirs = Entry { info: "их".into(), revision: 3, changed_by: "petrova".into(), ..Entry::default() };
    let effects = flatten(update(&mut s, answered(purpose, SaveOutcome::Conflict { theirs })));
    assert!(s.overlay.is_none(), "no dialog over item 71");
    assert!(effects.iter().any(is_draft), "70's text is kept as a draft");
    assert!(s.main().unwrap().drafts.contains_key(&ItemId(70)));
}

#[test]
fn a_failed_save_keeps_the_text_unsaved_as_a_draft_and_in_a_recovery_file() {
    let mut s = sample_state();
    go_to_point(&mut s, "70");
    press(&mut s, Key::plain(KeyCode::Enter));
    keys(&mut s, "не дошло ");
    let (purpose, _) = save_of(press(&mut s, Key::ctrl('s')));
    let lost =
        crate::client::ClientError::Connection { detail: "сервер закрыл соединение".into() };
    let effects = flatten(update(&mut s, Action::Answer { purpose, result: Err(lost) }));
    assert!(effects.iter().any(is_draft), "{effects:?}");
    assert!(effects.iter().any(|e| matches!(e, Effect::Recover(u) if u.info.ends_with("не дошло "))));
    let editor = s.main().unwrap().editor.as_ref().unwrap();
    assert!(editor.is_modified() && editor.info_text().ends_with("не дошло "));
    // The loop writes the recovery file and says where.
    let file = Ok("~/.local/state/otchet/recovery/2020-Q1-70.txt".to_owned());
    update(&mut s, Action::Recovered { error: "сервер закрыл соединение".into(), file });
    assert!(s.error_shown(), "the error stays until dismissed");
    press(&mut s, Key::char('j'));
    assert!(s.error_shown(), "another key does not hide it");
    press(&mut s, Key::plain(KeyCode::Esc));
    assert!(!s.error_shown() && s.log.iter().any(|m| m.is_error), "Esc hides it; the log keeps it");
}

#[test]
fn a_failed_first_load_shows_what_went_wrong_and_can_be_retried() {
    let mut s = sample_state();
    s.screen = crate::tui::state::Screen::Loading;
    let failure = crate::client::ClientError::Connection { detail: "нет сервера".into() };
    update(&mut s, Action::Answer { purpose: Purpose::Load, result: Err(failure) });
    assert!(matches!(&s.screen, crate::tui::state::Screen::Failed { error } if error.contains("нет сервера")));
    let retry = press(&mut s, Key::char('r'));
    assert!(matches!(retry, Effect::Call { purpose: Purpose::LoadPart { after: None, .. }, .. }), "{retry:?}");
    assert!(matches!(s.screen, crate::tui::state::Screen::Loading));
}

fn plan_info(years: crate::domain::Years, periods: Vec<crate::domain::PeriodId>) -> crate::model::PlanInfo {
    let mut plan = crate::domain::Plan::new(years);
    plan.title_lines = vec!["ПЛАН мероприятий на 2021–2024 годы".into()];
    crate::model::PlanInfo { plan, items: 8, periods }
}

/// A state still loading, as the runtime starts it, as of `as_of`.
fn loading(role: Role, as_of: chrono::NaiveDate) -> State {
    let mut s = state_with(role, Theme::ansi16());
    s.screen = crate::tui::state::Screen::Loading;
    s.as_of = as_of;
    s
}

#[test]
fn a_plan_without_periods_offers_its_first_quarter_and_an_admin_opens_it() {
    use crate::domain::{PeriodId, Years};
    use crate::tui::state::Screen;
    let years = Years { first: 2021, last: 2024 };
    let mut s = loading(Role::Admin, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
    let asked = update(&mut s, Action::Answer { purpose: Purpose::Load, result: Ok(Response::Snapshot(None)) });
    assert!(matches!(asked, Effect::Call { purpose: Purpose::Plans, request: Request::Plans }), "{asked:?}");
    let plans = Response::Plans(vec![plan_info(years, vec![])]);
    update(&mut s, Action::Answer { purpose: Purpose::Plans, result: Ok(plans) });
    let Screen::NoPeriod(waiting) = &s.screen else { panic!("not the plan's screen") };
    assert_eq!(waiting.period, PeriodId::parse("2021-Q1").unwrap(), "today is after the plan: its first quarter");
    assert_eq!(waiting.items, 8);
    press(&mut s, Key::plain(KeyCode::Left));
    let Screen::NoPeriod(waiting) = &s.screen else { panic!() };
    assert_eq!(waiting.period.to_string(), "2021-Q1", "never before the plan's years");
    press(&mut s, Key::char('д')); // l in the Russian layout
    press(&mut s, Key::plain(KeyCode::Right));
    let opened = press(&mut s, Key::plain(KeyCode::Enter));
    let period = PeriodId::parse("2021-Q3").unwrap();
    assert_eq!(opened, Effect::call(Purpose::OpenPeriod, Request::OpenPeriod { period, copy_from: None }));
}

#[test]
fn a_plan_of_this_year_offers_this_quarter_and_an_editor_cannot_open_it() {
    use crate::domain::Years;
    use crate::tui::state::Screen;
    let mut s = loading(Role::Editor, chrono::NaiveDate::from_ymd_opt(2022, 5, 10).unwrap());
    let plans = Response::Plans(vec![plan_info(Years { first: 2021, last: 2024 }, vec![])]);
    update(&mut s, Action::Answer { purpose: Purpose::Plans, result: Ok(plans) });
    let Screen::NoPeriod(waiting) = &s.screen else { panic!("not the plan's screen") };
    assert_eq!(waiting.period.to_string(), "2022-Q2");
    assert_eq!(press(&mut s, Key::plain(KeyCode::Enter)), Effect::None);
    assert!(s.error_shown(), "an editor is told only an admin opens periods");
    let empty = Response::Plans(vec![]);
    update(&mut s, Action::Answer { purpose: Purpose::Plans, result: Ok(empty) });
    assert!(matches!(s.screen, Screen::Welcome { prompt: None }), "an empty store gets the welcome screen");
}

#[test]
fn an_admin_changes_who_answers_for_an_item_and_an_editor_may_not() {
    let mut s = state_with(Role::Admin, Theme::ansi16());
    go_to_point(&mut s, "5");
    if let Some(main) = s.main_mut() {
        let cursor = main.cursor;
        let id = main.rows[main.visible[cursor]].item.id;
        for row in &mut main.rows {
            if row.item.id == id {
                row.item.responsible = "Отдел кадров".into();
            }
        }
    }
    press(&mut s, Key::char('r'));
    let Some(Overlay::Prompt(prompt)) = &s.overlay else { panic!("no prompt") };
    assert_eq!(prompt.input.text(), "Отдел кадров", "the prompt starts from the current text");
    press(&mut s, Key::ctrl('u'));
    keys(&mut s, "Юридический отдел");
    let sent = press(&mut s, Key::plain(KeyCode::Enter));
    let Effect::Call { purpose: Purpose::SetResponsible, request: Request::SetResponsible { responsible, .. } } = sent
    else {
        panic!("{sent:?}")
    };
    assert_eq!(responsible, "Юридический отдел");

    let mut editor = sample_state();
    assert_eq!(press(&mut editor, Key::char('к')), Effect::None, "r in the Russian layout");
    assert!(editor.overlay.is_none() && editor.error_shown());
}

fn admin() -> State {
    state_with(Role::Admin, Theme::ansi16())
}

#[test]
fn opening_the_next_period_asks_first_and_carries_the_texts_unless_told_not_to() {
    use crate::domain::PeriodId;
    let (q1, q2) = (PeriodId::parse("2020-Q1").unwrap(), PeriodId::parse("2020-Q2").unwrap());
    let mut s = admin();
    press(&mut s, Key::char('p'));
    assert_eq!(press(&mut s, Key::char('n')), Effect::None, "n only asks");
    assert!(
        matches!(s.overlay, Some(Overlay::OpenPeriod { period, from: Some(from), carry: true }) if period == q2 && from == q1)
    );
    assert_eq!(press(&mut s, Key::plain(KeyCode::Esc)), Effect::None);
    assert!(s.overlay.is_none(), "Esc: nothing opened");
    press(&mut s, Key::char('p'));
    press(&mut s, Key::char('n'));
    assert_eq!(press(&mut s, Key::char('x')), Effect::None, "any other key is no");
    assert!(s.overlay.is_none());

    press(&mut s, Key::char('p'));
    press(&mut s, Key::char('n'));
    let opened = flatten(press(&mut s, Key::char('y')));
    assert!(
        opened.contains(&Effect::call(Purpose::OpenPeriod, Request::OpenPeriod { period: q2, copy_from: Some(q1) })),
        "{opened:?}"
    );
    press(&mut s, Key::char('p'));
    press(&mut s, Key::char('т')); // n in the Russian layout
    press(&mut s, Key::char(' '));
    let opened = flatten(press(&mut s, Key::plain(KeyCode::Enter)));
    assert!(
        opened.contains(&Effect::call(Purpose::OpenPeriod, Request::OpenPeriod { period: q2, copy_from: None })),
        "{opened:?}"
    );

    let mut editor = sample_state();
    press(&mut editor, Key::char('p'));
    press(&mut editor, Key::char('n'));
    assert!(editor.overlay.is_none() && editor.error_shown(), "an editor cannot open periods");
}

#[test]
fn drafts_in_another_period_are_announced_and_one_key_goes_there() {
    use crate::domain::PeriodId;
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    let mut snapshot = crate::tui::test_support::sample_snapshot();
    let q2 = crate::domain::Period::new(PeriodId::parse("2020-Q2").unwrap(), "II квартал 2020 года".into());
    snapshot.periods.push(q2.clone());
    snapshot.period = q2;
    let mut s = loading(Role::Editor, chrono::NaiveDate::from_ymd_opt(2020, 7, 10).unwrap());
    let asked = update(
        &mut s,
        Action::Answer { purpose: Purpose::Load, result: Ok(Response::Snapshot(Some(Box::new(snapshot)))) },
    );
    assert_eq!(asked, Effect::call(Purpose::DraftPlaces, Request::MyDrafts));
    let places = Response::DraftPlaces(vec![(q1, ItemId(5)), (q1, ItemId(7))]);
    update(&mut s, Action::Answer { purpose: Purpose::DraftPlaces, result: Ok(places) });
    let message = s.message.clone().expect("a notice").text;
    assert!(message.contains("Ваши черновики ждут") && message.contains("I квартал 2020 года: 2"), "{message}");
    let go = flatten(press(&mut s, Key::char('D')));
    let first_part = super::welcome::next_part(Some(q1), None, super::welcome::FIRST_PART);
    assert!(go.contains(&first_part), "{go:?}");
    assert_eq!(s.next_filter, Some(Filter::Drafts));
}

#[test]
fn ready_accepted_and_carried_marks_from_the_list() {
    use crate::domain::Review;
    let q1 = crate::domain::PeriodId::parse("2020-Q1").unwrap();
    let mut s = sample_state();
    go_to_point(&mut s, "70");
    let item = s.main().unwrap().selected().unwrap().item.id;
    let ready = press(&mut s, Key::char('d'));
    assert_eq!(
        ready,
        Effect::call(
            Purpose::Review { period: q1, item },
            Request::SetReview { period: q1, item, review: Review::Ready }
        )
    );
    assert_eq!(press(&mut s, Key::char('A')), Effect::None, "an editor does not accept");
    assert!(s.error_shown());
    press(&mut s, Key::plain(KeyCode::Esc));
    press(&mut s, Key::char('v'));
    assert!(s.message.as_ref().is_some_and(|m| m.text.contains("не перенесен")));

    let mut a = admin();
    go_to_point(&mut a, "70");
    let accept = press(&mut a, Key::char('A'));
    assert_eq!(
        accept,
        Effect::call(
            Purpose::Review { period: q1, item },
            Request::SetReview { period: q1, item, review: Review::Accepted }
        )
    );
    // Unsaved text first: no review of a text nobody saved.
    press(&mut a, Key::plain(KeyCode::Enter));
    press(&mut a, Key::char('ж'));
    press(&mut a, Key::plain(KeyCode::Esc));
    assert_eq!(press(&mut a, Key::char('d')), Effect::None);
    assert!(a.message.as_ref().is_some_and(|m| m.text.contains("сначала сохраните")));
}

#[test]
fn a_period_with_a_report_date_is_viewed_as_of_it_unless_the_user_chose_a_date() {
    let mut snapshot = crate::tui::test_support::sample_snapshot();
    snapshot.period.report_date = chrono::NaiveDate::from_ymd_opt(2020, 4, 13);
    let mut s = loading(Role::Editor, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
    s.as_of_chosen = None;
    s.today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    update(
        &mut s,
        Action::Answer { purpose: Purpose::Load, result: Ok(Response::Snapshot(Some(Box::new(snapshot.clone())))) },
    );
    assert_eq!(s.as_of, chrono::NaiveDate::from_ymd_opt(2020, 4, 13).unwrap());
    assert_eq!(s.main().unwrap().counts.overdue, 2, "the published figures");
    assert!(s.as_of_is_report_date());
    // A chosen date wins, and an empty one goes back to the report date.
    press(&mut s, Key::char('a'));
    press(&mut s, Key::ctrl('u'));
    keys(&mut s, "01.06.2020");
    press(&mut s, Key::plain(KeyCode::Enter));
    assert_eq!(s.as_of, chrono::NaiveDate::from_ymd_opt(2020, 6, 1).unwrap());
    press(&mut s, Key::char('a'));
    press(&mut s, Key::ctrl('u'));
    press(&mut s, Key::plain(KeyCode::Enter));
    assert_eq!(s.as_of, chrono::NaiveDate::from_ymd_opt(2020, 4, 13).unwrap());
    press(&mut s, Key::char('a'));
    press(&mut s, Key::ctrl('u'));
    keys(&mut s, "01.06.20");
    press(&mut s, Key::plain(KeyCode::Enter));
    assert!(matches!(&s.overlay, Some(Overlay::Prompt(p)) if p.error.is_some()), "a two-digit year is refused");
}

fn editor_text(s: &State) -> String {
    s.main().unwrap().editor.as_ref().unwrap().info_text()
}

#[test]
fn a_restore_asks_first_then_shows_the_restored_text_as_saved() {
    use crate::model::{Revision, RevisionSource};
    let q1 = crate::domain::PeriodId::parse("2020-Q1").unwrap();
    let mut s = sample_state();
    go_to_point(&mut s, "70");
    let item = s.main().unwrap().selected().unwrap().item.id;
    let old = Revision {
        revision: 1,
        by: "import".into(),
        at: Stamp(1),
        info: "старый текст".into(),
        assessment: String::new(),
        source: RevisionSource::Import,
    };
    let newer =
        Revision { revision: 2, info: "новый текст".into(), source: RevisionSource::Edit, ..old.clone() };
    press(&mut s, Key::char('h'));
    update(
        &mut s,
        Action::Answer {
            purpose: Purpose::History { period: q1, item },
            result: Ok(Response::History(vec![old.clone(), newer])),
        },
    );
    press(&mut s, Key::char('k'));
    assert_eq!(press(&mut s, Key::plain(KeyCode::Enter)), Effect::None, "Enter only asks");
    assert!(matches!(&s.overlay, Some(Overlay::Restore { revision, .. }) if revision.revision == 1));
    assert_eq!(press(&mut s, Key::char('x')), Effect::None, "anything else is no");
    assert!(s.overlay.is_none());

    press(&mut s, Key::char('h'));
    update(
        &mut s,
        Action::Answer {
            purpose: Purpose::History { period: q1, item },
            result: Ok(Response::History(vec![old.clone()])),
        },
    );
    press(&mut s, Key::plain(KeyCode::Enter));
    let call = press(&mut s, Key::char('д'));
    let Effect::Call { purpose, request: Request::Restore { revision: 1, .. } } = call else { panic!("{call:?}") };
    let restored =
        Entry { info: "старый текст".into(), revision: 3, changed_by: "ivanova".into(), ..Entry::default() };
    update(&mut s, answered(purpose, SaveOutcome::Saved(restored)));
    assert_eq!(editor_text(&s), "старый текст");
    assert!(!s.main().unwrap().editor.as_ref().unwrap().is_modified(), "saved, nothing to ask at quit");
    let quit = flatten(press(&mut s, Key::char('q')));
    assert_eq!(quit.last(), Some(&Effect::Quit), "q quits without a question: {quit:?}");
    assert!(s.overlay.is_none());
}

#[test]
fn a_save_gives_the_keys_back_to_the_list() {
    let mut s = sample_state();
    go_to_point(&mut s, "70");
    press(&mut s, Key::plain(KeyCode::Enter));
    keys(&mut s, " дополнение");
    assert_eq!(s.main().unwrap().focus, Focus::Editor);
    save_of(press(&mut s, Key::ctrl('s')));
    assert_eq!(s.main().unwrap().focus, Focus::List);
    press(&mut s, Key::char('j'));
    assert_eq!(selected_point(&s), "71", "j moves, it is not typed into the text");
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let mut s = sample_state();
    update(&mut s, Action::Resize(60, 20));
    assert_eq!(press(&mut s, Key::char('j')), Effect::None);
    assert_eq!(press(&mut s, Key::plain(KeyCode::Enter)), Effect::None);
    assert_eq!(selected_point(&s), "1");
    assert_eq!(s.main().unwrap().focus, Focus::List);
    assert_eq!(press(&mut s, Key::ctrl('c')), Effect::Quit, "Ctrl-C still quits");
}

#[test]
fn colon_and_a_number_goes_to_that_item_and_n_steps_through_matches() {
    let mut s = sample_state();
    press(&mut s, Key::char('f'));
    keys(&mut s, ":14");
    press(&mut s, Key::plain(KeyCode::Enter));
    assert_eq!(selected_point(&s), "14", "found though the filter hid it");
    assert_eq!(s.main().unwrap().filter, Filter::All);
    keys(&mut s, ":999");
    press(&mut s, Key::plain(KeyCode::Enter));
    assert!(matches!(&s.overlay, Some(Overlay::Prompt(p)) if p.error.is_some()));
    press(&mut s, Key::plain(KeyCode::Esc));

    press(&mut s, Key::char('/'));
    keys(&mut s, "памят");
    press(&mut s, Key::plain(KeyCode::Enter));
    let found: Vec<String> = {
        let m = s.main().unwrap();
        m.visible.iter().map(|&i| m.rows[i].item.point_label().to_owned()).collect()
    };
    assert!(found.len() >= 2, "{found:?}");
    let first = selected_point(&s);
    press(&mut s, Key::char('n'));
    assert_ne!(selected_point(&s), first);
    press(&mut s, Key::char('N'));
    assert_eq!(selected_point(&s), first);
    press(&mut s, Key::char('N'));
    assert_eq!(selected_point(&s), *found.last().unwrap(), "round the list");
}

#[test]
fn a_merge_marker_left_in_the_text_is_not_saved() {
    let mut s = sample_state();
    go_to_point(&mut s, "70");
    press(&mut s, Key::plain(KeyCode::Enter));
    update(&mut s, Action::Paste("\n——— текст пользователя petrova ———\nих текст".into()));
    assert_eq!(press(&mut s, Key::ctrl('s')), Effect::None);
    assert!(s.message.as_ref().is_some_and(|m| m.is_error && m.text.contains("строка-разделитель")));
}

#[test]
fn an_error_s_box_takes_the_keys_until_dismissed_so_nothing_is_typed_under_it() {
    let mut s = sample_state();
    go_to_point(&mut s, "70");
    press(&mut s, Key::plain(KeyCode::Enter));
    update(&mut s, Action::Paste("\n——— текст пользователя petrova ———\nих текст".into()));
    let text = |s: &State| s.main().unwrap().editor.as_ref().unwrap().info_text();
    let before = text(&s);
    press(&mut s, Key::ctrl('s'));
    assert!(s.error_shown());
    // «m» (and «ь», the same key on the Russian layout) is what the box offers: the log, not text.
    keys(&mut s, "ab");
    update(&mut s, Action::Paste("вставка".into()));
    assert_eq!(text(&s), before, "nothing typed or pasted under the box");
    press(&mut s, Key::char('ь'));
    assert!(matches!(s.overlay, Some(Overlay::Messages { .. })) && !s.error_shown());
    assert_eq!(text(&s), before);
    press(&mut s, Key::plain(KeyCode::Esc));
    press(&mut s, Key::ctrl('s'));
    press(&mut s, Key::plain(KeyCode::Enter));
    assert!(!s.error_shown() && s.overlay.is_none(), "Enter hides it too");
    keys(&mut s, "и");
    assert_eq!(text(&s), format!("{before}и"), "typing goes on after it");
}

#[test]
fn the_export_goes_to_the_documents_folder_shown_in_full_and_a_bare_name_lands_there() {
    let mut s = sample_state();
    s.home = Some("/home/ivanova".into());
    s.export_dir = Some("/home/ivanova/Документы".into());
    press(&mut s, Key::char('x'));
    press(&mut s, Key::plain(KeyCode::Enter));
    let Some(Overlay::Prompt(p)) = &s.overlay else { panic!("the file name is asked") };
    assert_eq!(p.input.text(), "~/Документы/otchet-2020-Q1.docx");
    let Effect::Job(Job::Export { path, .. }) = press(&mut s, Key::plain(KeyCode::Enter)) else { panic!("export") };
    assert_eq!(path, std::path::Path::new("/home/ivanova/Документы/otchet-2020-Q1.docx"));

    press(&mut s, Key::char('x'));
    press(&mut s, Key::plain(KeyCode::Enter));
    press(&mut s, Key::ctrl('u'));
    keys(&mut s, "квартал.docx");
    let Effect::Job(Job::Export { path, .. }) = press(&mut s, Key::plain(KeyCode::Enter)) else { panic!("export") };
    assert_eq!(path, std::path::Path::new("/home/ivanova/Документы/квартал.docx"));
}

#[test]
fn tab_in_the_export_path_lists_its_folder_and_completes_what_is_typed() {
    let mut s = sample_state();
    s.home = Some("/home/ivanova".into());
    s.export_dir = Some("/home/ivanova/Документы".into());
    press(&mut s, Key::char('x'));
    press(&mut s, Key::plain(KeyCode::Enter));
    press(&mut s, Key::ctrl('u'));
    keys(&mut s, "~/За");
    let effect = press(&mut s, Key::plain(KeyCode::Tab));
    assert_eq!(
        effect,
        Effect::Job(Job::ListFolder { typed: "~/За".into(), folder: "/home/ivanova/".into() }),
        "the folder of what is typed, with ~ expanded"
    );
    let names = vec!["Загрузки/".to_owned(), "Документы/".to_owned(), "Заметки/".to_owned()];
    update(&mut s, Action::FolderListed { typed: "~/За".into(), names: Ok(names.clone()) });
    let Some(Overlay::Prompt(p)) = &s.overlay else { panic!("the prompt stays") };
    assert_eq!(p.input.text(), "~/За", "two choices agree no further");
    assert!(s.message.as_ref().is_some_and(|m| m.text.contains("Загрузки/") && m.text.contains("Заметки/")));
    keys(&mut s, "г");
    update(&mut s, Action::FolderListed { typed: "~/За".into(), names: Ok(names.clone()) });
    let Some(Overlay::Prompt(p)) = &s.overlay else { panic!("the prompt stays") };
    assert_eq!(p.input.text(), "~/Заг", "a late listing for an older text changes nothing");
    press(&mut s, Key::plain(KeyCode::Tab));
    update(&mut s, Action::FolderListed { typed: "~/Заг".into(), names: Ok(names) });
    let Some(Overlay::Prompt(p)) = &s.overlay else { panic!("the prompt stays") };
    assert_eq!(p.input.text(), "~/Загрузки/");
    assert_eq!(p.input.cursor(), "~/Загрузки/".chars().count(), "the cursor at the end");
}

#[test]
fn tab_on_the_welcome_screen_completes_the_report_path() {
    let mut s = sample_state();
    s.screen = Screen::Welcome { prompt: Some(LineInput::new("отч")) };
    assert_eq!(
        press(&mut s, Key::plain(KeyCode::Tab)),
        Effect::Job(Job::ListFolder { typed: "отч".into(), folder: ".".into() })
    );
    update(&mut s, Action::FolderListed { typed: "отч".into(), names: Ok(vec!["отчет-2020-q1.txt".into()]) });
    let Screen::Welcome { prompt: Some(input) } = &s.screen else { panic!("the prompt stays") };
    assert_eq!(input.text(), "отчет-2020-q1.txt");
}

#[test]
fn the_list_stays_filled_to_its_last_row_wherever_the_selection_goes_among_the_headings() {
    use crate::tui::test_support::{as_of, sample_snapshot, state_of};
    use crate::tui::view::list::{ListLine, shown_lines};
    // Sections every `every` items: some spacing puts a heading at the top when the end comes.
    for every in 2..=9 {
        let mut snapshot = sample_snapshot();
        snapshot.plan.sections = (0..snapshot.items.len())
            .step_by(every)
            .map(|i| crate::domain::plan::Section { before: snapshot.items[i].id, title: format!("Раздел {i}") })
            .collect();
        let mut s = state_of(snapshot, as_of(), Role::Editor, Theme::ansi16());
        update(&mut s, Action::Resize(80, 24));
        let n = s.main().unwrap().visible.len();
        for step in 0..n {
            let main = s.main().unwrap();
            let lines = shown_lines(main, 20);
            assert!(lines.iter().any(|l| matches!(l, ListLine::Item(p) if *p == main.cursor)), "{every}, {step}");
            assert_eq!(lines.len(), 20, "sections every {every}, step {step}: a blank row under the list");
            press(&mut s, Key::char('j'));
        }
        press(&mut s, Key::plain(KeyCode::Home));
        press(&mut s, Key::plain(KeyCode::End));
        let lines = shown_lines(s.main().unwrap(), 20);
        assert!(matches!(lines.last(), Some(ListLine::Item(p)) if *p == n - 1) && lines.len() == 20, "{every}");
    }
}

fn mouse(state: &mut State, kind: crate::tui::key::MouseKind, column: u16, row: u16) -> Effect {
    update(state, Action::Mouse(crate::tui::key::Mouse { kind, column, row }))
}

#[test]
fn a_click_in_the_list_selects_the_item_drawn_there_and_the_wheel_moves_through_it() {
    use crate::tui::key::MouseKind;
    let mut s = sample_state();
    update(&mut s, Action::Resize(80, 24));
    // The sixth row inside the list's border, whatever headings come before it.
    let lines = crate::tui::view::list::shown_lines(s.main().unwrap(), 20);
    let crate::tui::view::list::ListLine::Item(expected) = lines[5] else { panic!("row 6 is an item in the sample") };
    mouse(&mut s, MouseKind::Click, 10, 6);
    assert_eq!(s.main().unwrap().cursor, expected);
    let before = s.main().unwrap().cursor;
    mouse(&mut s, MouseKind::WheelDown, 10, 10);
    assert_eq!(s.main().unwrap().cursor, before + 3);
    mouse(&mut s, MouseKind::WheelUp, 10, 10);
    assert_eq!(s.main().unwrap().cursor, before);
    mouse(&mut s, MouseKind::Click, 10, 23);
    assert_eq!(s.main().unwrap().cursor, before, "a click on the status lines selects nothing");
}

#[test]
fn a_click_in_the_text_starts_editing_with_the_cursor_where_it_fell() {
    use crate::tui::key::MouseKind;
    let mut s = sample_state();
    update(&mut s, Action::Resize(80, 24));
    let main = s.main().unwrap();
    let areas = crate::tui::view::main_areas(&s, main, ratatui::layout::Rect::new(0, 0, 80, 24));
    // The first text row, the third character.
    mouse(&mut s, MouseKind::Click, areas.editor.x + 3, areas.editor.y + 1);
    let main = s.main().unwrap();
    assert_eq!(main.focus, Focus::Editor);
    assert_eq!(main.editor.as_ref().unwrap().info.cursor(), (0, 2));
    let areas = crate::tui::view::main_areas(&s, s.main().unwrap(), ratatui::layout::Rect::new(0, 0, 80, 24));
    mouse(&mut s, MouseKind::Click, areas.assessment.x + 1, areas.assessment.y + 1);
    assert_eq!(s.main().unwrap().focus, Focus::Assessment, "a click moves the focus between the panes");
    mouse(&mut s, MouseKind::Click, 5, 3);
    assert_eq!(s.main().unwrap().focus, Focus::List, "a click in the list gives the keys back to it");
}

#[test]
fn the_wheel_scrolls_the_help_and_does_nothing_while_the_terminal_is_too_small() {
    use crate::tui::key::MouseKind;
    let mut s = sample_state();
    update(&mut s, Action::Resize(80, 24));
    press(&mut s, Key::char('?'));
    mouse(&mut s, MouseKind::WheelDown, 40, 10);
    assert!(matches!(s.overlay, Some(Overlay::Help { scroll: 3, .. })), "three lines down");
    press(&mut s, Key::plain(KeyCode::Esc));
    update(&mut s, Action::Resize(60, 20));
    assert_eq!(mouse(&mut s, MouseKind::Click, 10, 6), Effect::None);
    assert_eq!(s.main().unwrap().cursor, 0);
}

/// The spelling question among an effect's parts.
fn spelling_question(effect: Effect) -> Option<Vec<String>> {
    flatten(effect).into_iter().find_map(|e| match e {
        Effect::Call { purpose: Purpose::Spelling { words }, .. } => Some(words),
        _ => None,
    })
}

/// Item 70 opened for typing, with spelling on and the sample's words already judged right.
fn typing_with_spelling() -> State {
    let mut s = sample_state();
    s.spelling.on = true;
    update(&mut s, Action::Resize(80, 24));
    go_to_point(&mut s, "70");
    if let Some(words) = spelling_question(press(&mut s, Key::plain(KeyCode::Enter))) {
        update(&mut s, Action::Answer { purpose: Purpose::Spelling { words }, result: Ok(Response::Misspelt(vec![])) });
    }
    s
}

#[test]
fn the_words_on_screen_are_asked_about_once_and_an_unknown_one_is_marked() {
    let mut s = typing_with_spelling();
    let effects = keys(&mut s, "коррупцыи");
    let asked: Vec<String> = effects.into_iter().filter_map(spelling_question).flatten().collect();
    assert!(asked.contains(&"коррупцыи".to_owned()), "{asked:?}");
    assert_eq!(asked.iter().filter(|w| *w == "коррупцыи").count(), 1, "asked once while it waits");
    let words = vec!["коррупцыи".to_owned()];
    update(
        &mut s,
        Action::Answer { purpose: Purpose::Spelling { words: words.clone() }, result: Ok(Response::Misspelt(words)) },
    );
    assert!(s.spelling.is_misspelt("коррупцыи"));
    assert!(spelling_question(press(&mut s, Key::plain(KeyCode::Left))).is_none(), "judged words are not asked again");
}

#[test]
fn f7_offers_suggestions_and_enter_puts_one_in_the_words_place() {
    let mut s = typing_with_spelling();
    keys(&mut s, " коррупцыи");
    let Effect::Call { purpose: Purpose::Suggest(place), request } =
        flatten(press(&mut s, Key::plain(KeyCode::F(7)))).remove(0)
    else {
        panic!("suggestions asked for")
    };
    assert_eq!(request, Request::Suggest { word: "коррупцыи".into() });
    let choices = vec!["коррупции".to_owned(), "коррупция".to_owned()];
    update(&mut s, Action::Answer { purpose: Purpose::Suggest(place), result: Ok(Response::Suggestions(choices)) });
    assert!(matches!(s.overlay, Some(Overlay::Suggestions { .. })));
    press(&mut s, Key::plain(KeyCode::Enter));
    assert!(s.overlay.is_none());
    let editor = s.main().unwrap().editor.as_ref().unwrap();
    assert!(editor.info_text().ends_with(" коррупции"), "{}", editor.info_text());
    assert!(editor.is_modified());
}

#[test]
fn plus_adds_the_word_for_everyone_and_no_dictionary_is_said_once() {
    let mut s = typing_with_spelling();
    keys(&mut s, " ОМСУ");
    let Effect::Call { purpose: Purpose::Suggest(place), .. } =
        flatten(press(&mut s, Key::plain(KeyCode::F(7)))).remove(0)
    else {
        panic!("suggestions asked for")
    };
    update(&mut s, Action::Answer { purpose: Purpose::Suggest(place), result: Ok(Response::Suggestions(vec![])) });
    let Effect::Call { purpose: Purpose::AddWord, request } = press(&mut s, Key::char('+')) else { panic!("added") };
    assert_eq!(request, Request::AddWord { word: "ОМСУ".into() });
    let settings = crate::model::Settings { words: vec!["ОМСУ".into()], ..Default::default() };
    update(&mut s, Action::Answer { purpose: Purpose::AddWord, result: Ok(Response::Settings(settings)) });
    assert_eq!(s.main().unwrap().settings.words, ["ОМСУ"]);
    assert!(!s.spelling.is_misspelt("ОМСУ"));

    let words = vec!["слово".to_owned()];
    let no_dictionary =
        crate::proto::ApiError::NoDictionary { path: "/usr/share/hunspell/ru_RU".into(), missing: true };
    update(&mut s, Action::Answer { purpose: Purpose::Spelling { words }, result: Ok(Response::Error(no_dictionary)) });
    assert!(!s.spelling.on, "the editor works on without checking");
    assert!(s.message.as_ref().is_some_and(|m| m.text.contains("hunspell-ru")));
    let again = crate::proto::ApiError::NoDictionary { path: "/usr/share/hunspell/ru_RU".into(), missing: true };
    let words = vec!["другое".to_owned()];
    update(&mut s, Action::Answer { purpose: Purpose::Spelling { words }, result: Ok(Response::Error(again)) });
    let told = s.log.iter().filter(|m| m.text.contains("hunspell-ru")).count();
    assert_eq!(told, 1, "an answer already on its way says it no second time");
    assert!(spelling_question(keys(&mut s, " ещеслово").pop().unwrap()).is_none(), "and asks no more");
}

#[test]
fn an_export_says_when_the_users_unsaved_texts_are_not_in_it_and_a_ready_mark_is_said() {
    let mut s = sample_state();
    go_to_point(&mut s, "70");
    press(&mut s, Key::plain(KeyCode::Enter));
    keys(&mut s, "ещё не сохранено");
    update(&mut s, Action::Exported(Ok("/home/ivanova/Документы/otchet-2020-Q1.docx".into())));
    let said = &s.message.as_ref().unwrap().text;
    assert!(
        said.contains("/home/ivanova/Документы/otchet-2020-Q1.docx") && said.contains("1 ваш несохраненный текст"),
        "{said}"
    );

    let mut s = sample_state();
    go_to_point(&mut s, "14");
    let Effect::Call { purpose, .. } = press(&mut s, Key::char('d')) else { panic!("a review call") };
    let mut entry = s.main().unwrap().selected().unwrap().entry_whole();
    entry.review = crate::domain::Review::Ready;
    update(&mut s, Action::Answer { purpose, result: Ok(Response::Entry(Some(entry))) });
    assert!(s.message.as_ref().unwrap().text.contains("пункт 14 отмечен готовым"));
}

/// A snapshot's first `n` items and their entries, and the rest: a list in two parts.
fn split_list(whole: &crate::model::Snapshot, n: usize) -> (crate::model::Snapshot, crate::model::Snapshot) {
    let part = |items: &[crate::domain::Item]| {
        let mut s = whole.clone();
        s.items = items.to_vec();
        s.entries.retain(|(id, _)| items.iter().any(|i| i.id == *id));
        s
    };
    (part(&whole.items[..n]), part(&whole.items[n..]))
}

#[test]
fn a_list_in_parts_is_drawn_from_its_first_and_completed_by_the_rest() {
    let whole = crate::tui::test_support::sample_snapshot();
    let (first, rest) = split_list(&whole, 3);
    let last_of_first = first.items[2].id;
    let mut s = loading(Role::Editor, chrono::NaiveDate::from_ymd_opt(2020, 4, 13).unwrap());
    let period = Some(whole.period.id);
    let answer = |part: crate::model::Snapshot, after, max| Action::Answer {
        purpose: Purpose::LoadPart { period, after, max },
        result: Ok(Response::Snapshot(Some(Box::new(part)))),
    };
    let asked = flatten(update(&mut s, answer(first, None, 3)));
    let next = super::welcome::next_part(Some(whole.period.id), Some(last_of_first), super::welcome::NEXT_PART);
    assert!(asked.contains(&next), "the rest is asked for: {asked:?}");
    let main = s.main().unwrap();
    assert!(main.loading && main.rows.len() == 3 && main.counts.items == 3);
    press(&mut s, Key::char('j'));
    assert_eq!(s.main().unwrap().selected().unwrap().item.id, whole.items[1].id);
    // The rest: the selection stays, the counts are of the whole list, nothing more asked.
    let asked = flatten(update(&mut s, answer(rest.clone(), Some(last_of_first), super::welcome::NEXT_PART)));
    assert!(!asked.iter().any(|e| matches!(e, Effect::Call { purpose: Purpose::LoadPart { .. }, .. })), "{asked:?}");
    let main = s.main().unwrap();
    let at_once = crate::tui::state::Main::from_snapshot(whole.clone(), (s.as_of, &s.rules), 40);
    assert!(!main.loading);
    assert_eq!(main.rows.len(), whole.items.len());
    assert_eq!(main.counts, at_once.counts);
    assert_eq!(main.selected().unwrap().item.id, whole.items[1].id);
    // A part that does not continue the list (it came again whole meanwhile) is dropped.
    update(&mut s, answer(rest, Some(last_of_first), super::welcome::NEXT_PART));
    assert_eq!(s.main().unwrap().rows.len(), whole.items.len());
}

#[test]
fn a_late_part_of_another_period_leaves_the_list_shown_loading_its_own() {
    let whole = crate::tui::test_support::sample_snapshot();
    let (first, _) = split_list(&whole, 3);
    let mut s = loading(Role::Editor, chrono::NaiveDate::from_ymd_opt(2020, 4, 13).unwrap());
    let purpose = Purpose::LoadPart { period: None, after: None, max: 3 };
    update(&mut s, Action::Answer { purpose, result: Ok(Response::Snapshot(Some(Box::new(first.clone())))) });
    // A part of another period, after the same item: the periods of a plan share items.
    let other = crate::domain::PeriodId::parse("2020-Q2").unwrap();
    let late = Purpose::LoadPart { period: Some(other), after: Some(first.items[2].id), max: 3 };
    let asked = update(&mut s, Action::Answer { purpose: late, result: Ok(Response::Snapshot(Some(Box::new(first)))) });
    let main = s.main().unwrap();
    assert!(main.loading && main.rows.len() == 3 && !s.error_shown(), "{asked:?}");
}

#[test]
fn a_part_that_failed_is_asked_for_again_with_the_whole_list() {
    let whole = crate::tui::test_support::sample_snapshot();
    let (first, _) = split_list(&whole, 3);
    let period = whole.period.id;
    let mut s = loading(Role::Editor, chrono::NaiveDate::from_ymd_opt(2020, 4, 13).unwrap());
    let purpose = Purpose::LoadPart { period: None, after: None, max: 3 };
    update(&mut s, Action::Answer { purpose, result: Ok(Response::Snapshot(Some(Box::new(first.clone())))) });
    let next = Purpose::LoadPart { period: Some(period), after: Some(first.items[2].id), max: 3 };
    let failure = crate::client::ClientError::Connection { detail: "нет сервера".into() };
    let asked = flatten(update(&mut s, Action::Answer { purpose: next, result: Err(failure) }));
    assert!(asked.contains(&Effect::call(Purpose::Load, Request::List { period: Some(period) })), "{asked:?}");
    assert!(s.error_shown() && s.main().unwrap().loading, "said, and the counts line still says it loads");
}

#[test]
fn an_entry_changed_elsewhere_before_its_part_came_is_not_undone_by_the_part() {
    let whole = crate::tui::test_support::sample_snapshot();
    let (first, rest) = split_list(&whole, 3);
    let (period, after) = (whole.period.id, first.items[2].id);
    let mut s = loading(Role::Editor, chrono::NaiveDate::from_ymd_opt(2020, 4, 13).unwrap());
    let purpose = Purpose::LoadPart { period: None, after: None, max: 3 };
    update(&mut s, Action::Answer { purpose, result: Ok(Response::Snapshot(Some(Box::new(first)))) });
    let far = rest.items[4].id;
    let old = rest.entries.iter().find(|(id, _)| *id == far).map(|(_, e)| e.clone()).unwrap_or_default();
    let newer = Entry { info: "Сделано в другом окне".into(), revision: old.revision + 1, ..old };
    update(&mut s, Action::Remote(Event::EntryChanged { period, item: far, entry: newer.clone() }));
    let next = Purpose::LoadPart { period: Some(period), after: Some(after), max: 1_000 };
    update(&mut s, Action::Answer { purpose: next, result: Ok(Response::Snapshot(Some(Box::new(rest)))) });
    let main = s.main().unwrap();
    let row = &main.rows[main.row_of(far).unwrap()];
    assert_eq!((row.entry.revision, row.info()), (newer.revision, "Сделано в другом окне"));
    assert!(row.text_loaded() && main.arrived.is_empty());
}
