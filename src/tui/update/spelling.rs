//! Spelling in the texts: after every change, the words of the lines on screen that have
//! no verdict yet are asked about (the server holds the dictionary); F7 asks for
//! suggestions for the word under the cursor, Enter puts one in its place, `+` adds the
//! word to the store's list for everyone.

use ratatui_textarea::{CursorMove, TextArea};

use super::super::action::{Effect, Purpose};
use super::super::key::{Key, KeyCode};
use super::super::state::{Focus, Main, Overlay, Screen, State, WordPlace};
use crate::proto::{ApiError, Request, Response};
use crate::spelling::{MAX_WORDS_PER_QUESTION, words};
use crate::tr;

/// The question about the words on screen not judged yet, if there are any.
pub(super) fn ask(state: &mut State) -> Effect {
    if !state.spelling.on {
        return Effect::None;
    }
    let Screen::Main(main) = &state.screen else { return Effect::None };
    let Some(editor) = &main.editor else { return Effect::None };
    // No pane is taller than the screen: its lines from the scroll position down that far
    // (a few more than drawn, and no layout worked out again on every key).
    let rows = state.size.1;
    let mut new: Vec<String> = Vec::new();
    for area in [&editor.info, &editor.assessment] {
        for line in visible_lines(area, rows) {
            for w in words(line) {
                let known = main.settings.words.binary_search_by(|a| a.as_str().cmp(w.word)).is_ok();
                if !known && state.spelling.is_new(w.word) && !new.iter().any(|n| n == w.word) {
                    new.push(w.word.to_owned());
                }
            }
        }
    }
    if new.is_empty() {
        return Effect::None;
    }
    new.truncate(MAX_WORDS_PER_QUESTION);
    state.spelling.asking(&new);
    Effect::call(Purpose::Spelling { words: new.clone() }, Request::Spelling { words: new })
}

/// The lines of a text shown in `rows` rows from its scroll position (whole lines, so a
/// wrapped line's words are all there).
fn visible_lines<'a>(area: &'a TextArea<'static>, rows: u16) -> &'a [String] {
    let lines = area.lines();
    let top = usize::from(area.scroll_offset().0);
    let first = area.screen_to_data(top, 0).0;
    let last = area.screen_to_data(top + usize::from(rows), 0).0;
    &lines[first.min(lines.len())..(last + 1).min(lines.len())]
}

/// The server's verdict on the words asked about.
pub(super) fn answered(state: &mut State, words: &[String], result: Result<Response, crate::client::ClientError>) {
    match result {
        Ok(Response::Misspelt(unknown)) => state.spelling.answered(words, &unknown),
        Ok(Response::Error(e @ ApiError::NoDictionary { .. })) => no_dictionary(state, &e),
        Err(crate::client::ClientError::Api(e @ ApiError::NoDictionary { .. })) => no_dictionary(state, &e),
        _ => state.spelling.unanswered(words),
    }
}

/// Said once (the answers to questions already on their way say nothing); the editor
/// works on without checking.
fn no_dictionary(state: &mut State, e: &ApiError) {
    if state.spelling.on {
        state.spelling.on = false;
        state.info(e.to_string());
    }
}

/// F7: the suggestions for the word under the cursor.
pub(crate) fn suggest(state: &mut State) -> Effect {
    let Some(place) = word_under_cursor(state) else {
        state.info(tr!("spelling-no-word"));
        return Effect::None;
    };
    if !state.spelling.on {
        state.info(tr!("spelling-off"));
        return Effect::None;
    }
    let word = place.word.clone();
    Effect::call(Purpose::Suggest(place), Request::Suggest { word })
}

fn word_under_cursor(state: &State) -> Option<WordPlace> {
    let main = state.main()?;
    let editor = main.editor.as_ref()?;
    let pane = if main.focus == Focus::Assessment { Focus::Assessment } else { Focus::Editor };
    let area = editor.pane(pane);
    let cursor = area.cursor();
    let (row, col) = (cursor.0, cursor.1);
    let line = area.lines().get(row)?;
    let w = words(line).into_iter().find(|w| w.start <= col && col <= w.end)?;
    Some(WordPlace { item: editor.item, pane, row, start: w.start, end: w.end, word: w.word.to_owned() })
}

/// The suggestions came: a list to choose from (or word that there are none).
pub(super) fn suggestions(state: &mut State, place: WordPlace, result: Result<Response, crate::client::ClientError>) {
    match result {
        Ok(Response::Suggestions(choices)) => {
            state.overlay = Some(Overlay::Suggestions { word: place, choices, cursor: 0 });
        }
        Ok(Response::Error(e)) | Err(crate::client::ClientError::Api(e)) => state.error(e.to_string()),
        Err(e) => state.error(e.to_string()),
        Ok(_) => state.error(crate::client::ClientError::UnexpectedResponse.to_string()),
    }
}

/// Keys in the suggestions: ↑↓ (j k) choose, Enter or a digit replaces, `+` adds the word.
pub(super) fn on_key(state: &mut State, word: WordPlace, choices: Vec<String>, cursor: usize, key: Key) -> Effect {
    let last = choices.len().saturating_sub(1);
    let keep = |state: &mut State, cursor: usize| {
        state.overlay = Some(Overlay::Suggestions { word: word.clone(), choices: choices.clone(), cursor });
        Effect::None
    };
    let plain = key.latin_equivalent().unwrap_or(key);
    match plain.code {
        KeyCode::Down | KeyCode::Char('j') => keep(state, (cursor + 1).min(last)),
        KeyCode::Up | KeyCode::Char('k') => keep(state, cursor.saturating_sub(1)),
        KeyCode::Enter => replace(state, &word, choices.get(cursor)),
        KeyCode::Char(d @ '1'..='9') => {
            let index = usize::from(d as u8 - b'1');
            replace(state, &word, choices.get(index))
        }
        KeyCode::Char('+') | KeyCode::Insert => {
            let request = Request::AddWord { word: word.word.clone() };
            Effect::call(Purpose::AddWord, request)
        }
        _ => keep(state, cursor),
    }
}

/// The chosen suggestion in the word's place, if the text still has the word there.
fn replace(state: &mut State, place: &WordPlace, choice: Option<&String>) -> Effect {
    let Some(choice) = choice else { return Effect::None };
    let Some(main) = state.main_mut() else { return Effect::None };
    if !put_word(main, place, choice) {
        state.info(tr!("spelling-text-changed"));
        return Effect::None;
    }
    super::editing::modified_now(state)
}

fn put_word(main: &mut Main, place: &WordPlace, choice: &str) -> bool {
    let Some(editor) = main.editor.as_mut().filter(|e| e.item == place.item) else { return false };
    let area = editor.pane_mut(place.pane);
    let still_there = area
        .lines()
        .get(place.row)
        .is_some_and(|line| line.chars().skip(place.start).take(place.end - place.start).eq(place.word.chars()));
    if !still_there {
        return false;
    }
    let (row, start, end) = (to_u16(place.row), to_u16(place.start), to_u16(place.end));
    area.cancel_selection();
    area.move_cursor(CursorMove::Jump(row, start));
    area.start_selection();
    area.move_cursor(CursorMove::Jump(row, end));
    area.insert_str(choice);
    editor.touched = true;
    true
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The word went into the store's list: right from now on, here and (by the event) for all.
pub(super) fn word_added(state: &mut State, result: Result<Response, crate::client::ClientError>) {
    match result {
        Ok(Response::Settings(settings)) => {
            state.spelling.known(&settings.words);
            if let Some(main) = state.main_mut() {
                main.settings = settings;
            }
            state.info(tr!("spelling-word-added"));
        }
        Ok(Response::Error(e)) | Err(crate::client::ClientError::Api(e)) => state.error(e.to_string()),
        Err(e) => state.error(e.to_string()),
        Ok(_) => state.error(crate::client::ClientError::UnexpectedResponse.to_string()),
    }
}
