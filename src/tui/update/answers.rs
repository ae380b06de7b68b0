//! The server's answers to the calls `update` asked for, each applied to what it was for.

use super::super::action::{Effect, Purpose, Unsaved};
use super::super::state::{Focus, Overlay, Screen, State};
use super::{editing, navigation, results, review, welcome};
use crate::client::ClientError;
use crate::domain::{Entry, ItemId, PeriodId};
use crate::model::{Revision, SaveOutcome};
use crate::proto::{Request, Response};
use crate::tr;

pub(super) fn answer(state: &mut State, purpose: Purpose, result: Result<Response, ClientError>) -> Effect {
    let response = match result {
        Ok(Response::Error(e)) => Err(ClientError::Api(e)),
        Ok(r) => Ok(r),
        Err(e) => Err(e),
    };
    match purpose {
        Purpose::Spelling { words } => {
            super::spelling::answered(state, &words, response);
            Effect::None
        }
        Purpose::Suggest(place) => {
            super::spelling::suggestions(state, place, response);
            Effect::None
        }
        Purpose::AddWord => {
            super::spelling::word_added(state, response);
            Effect::None
        }
        Purpose::Text { period, item } => {
            super::texts::arrived(state, (period, item), response);
            Effect::None
        }
        Purpose::Search => {
            super::texts::found(state, response);
            Effect::None
        }
        Purpose::LoadPart { period: Some(period), after: Some(after), max } => {
            list_part(state, (period, after), max, response)
        }
        Purpose::Load | Purpose::LoadPart { .. } | Purpose::Plans | Purpose::DraftPlaces => {
            loading(state, purpose, response)
        }
        Purpose::Review { .. } | Purpose::OpenPeriod | Purpose::ClosePeriod => cycle(state, purpose, response),
        _ => texts(state, purpose, response),
    }
}

/// A period's data, the plans when there is none, where the user's drafts wait.
fn loading(state: &mut State, purpose: Purpose, response: Result<Response, ClientError>) -> Effect {
    let part = match purpose {
        Purpose::LoadPart { max, .. } => Some(max),
        _ => None,
    };
    match (purpose, response) {
        (Purpose::Load | Purpose::LoadPart { .. }, Ok(Response::Snapshot(Some(snapshot)))) => {
            let first = !matches!(state.screen, Screen::Main(_));
            let more = more_after(part, &snapshot);
            results::loaded(state, *snapshot);
            if let Some(main) = state.main_mut() {
                (main.loading, main.next_part) = (more.is_some(), more);
            }
            // At start, where the user's drafts wait.
            if first { Effect::call(Purpose::DraftPlaces, Request::MyDrafts) } else { Effect::None }
        }
        (Purpose::Load | Purpose::LoadPart { .. }, Ok(Response::Snapshot(None))) => {
            Effect::call(Purpose::Plans, Request::Plans)
        }
        (Purpose::Plans, Ok(Response::Plans(plans))) => {
            welcome::plans(state, plans);
            Effect::None
        }
        (Purpose::Load | Purpose::LoadPart { .. } | Purpose::Plans, Err(e)) => load_failed(state, &e),
        (Purpose::DraftPlaces, Ok(Response::DraftPlaces(places))) => {
            review::draft_places(state, places);
            Effect::None
        }
        // Only a notice was lost.
        (Purpose::DraftPlaces, Err(_)) => Effect::None,
        (_, response) => unexpected(state, response),
    }
}

/// The item a list's next part starts after, when a part of at most `max` items was asked
/// for and came full (a shorter part is the last).
fn more_after(max: Option<u32>, part: &crate::model::Snapshot) -> Option<ItemId> {
    let full = max.is_some_and(|max| part.items.len() >= max as usize);
    if full { part.items.last().map(|i| i.id) } else { None }
}

/// A next part of the list shown: added when it continues the rows here (a list loaded
/// again meanwhile came whole, or another period is shown now: then it is dropped), the
/// part after it to ask for. A part that failed is asked for again with the whole list.
fn list_part(
    state: &mut State,
    (period, after): (PeriodId, ItemId),
    max: u32,
    response: Result<Response, ClientError>,
) -> Effect {
    let (as_of, rules) = (state.as_of, state.rules.clone());
    let continues = |m: &&mut crate::tui::state::Main| {
        m.period.id == period && m.loading && m.rows.last().map(|r| r.item.id) == Some(after)
    };
    let Some(main) = state.main_mut().filter(continues) else { return Effect::None };
    match response {
        Ok(Response::Snapshot(Some(part))) if part.period.id == period => {
            let more = more_after(Some(max), &part);
            main.append((part.items, part.entries, part.texts), as_of, &rules);
            main.open_selected();
            (main.loading, main.next_part) = (more.is_some(), more);
            Effect::None
        }
        Err(e) => {
            state.error(e.to_string());
            Effect::call(Purpose::Load, Request::List { period: Some(period) })
        }
        Ok(other) => unexpected(state, Ok(other)),
    }
}

/// Periods opened and taken back, review states.
fn cycle(state: &mut State, purpose: Purpose, response: Result<Response, ClientError>) -> Effect {
    match (purpose, response) {
        (Purpose::Review { period, item }, Ok(Response::Entry(Some(entry)))) => {
            if state.main().is_some_and(|m| m.period.id == period) {
                // Said aloud: a key typed into the list by mistake must not change it unseen.
                let point = point_of(state, item);
                let said = match entry.review {
                    crate::domain::Review::Open => tr!("tui-review-now-open", point = point),
                    crate::domain::Review::Ready => tr!("tui-review-now-ready", point = point),
                    crate::domain::Review::Accepted => tr!("tui-review-now-accepted", point = point),
                };
                results::take_entry(state, item, entry, false);
                state.info(said);
            }
            Effect::None
        }
        (Purpose::OpenPeriod, Ok(Response::Opened(opened))) => {
            let id = opened.period.id;
            let text = if opened.created {
                tr!("tui-period-opened", period = opened.period.title.clone(), n = opened.carried)
            } else {
                tr!("tui-period-was-open", period = opened.period.title.clone())
            };
            state.info(text);
            state.pending_period = Some(id);
            welcome::load(state, Some(id))
        }
        (Purpose::ClosePeriod, Ok(Response::Done)) => {
            state.info(tr!("tui-period-closed"));
            welcome::load(state, None)
        }
        (_, response) => unexpected(state, response),
    }
}

/// Saves, drafts, history, schedules: the texts of items.
fn texts(state: &mut State, purpose: Purpose, response: Result<Response, ClientError>) -> Effect {
    match (purpose, response) {
        (Purpose::Save { period, item, info, assessment }, response) => {
            state.saving.remove(&(period, item));
            saved(state, period, item, (info, assessment), response)
        }
        (Purpose::Restore { period, item }, Ok(Response::Saved(SaveOutcome::Saved(entry)))) => {
            restored(state, period, item, entry);
            Effect::None
        }
        (Purpose::Restore { .. }, Ok(Response::Saved(SaveOutcome::Conflict { .. }))) => {
            state.error(tr!("tui-restore-conflict"));
            Effect::None
        }
        (Purpose::History { period, item }, Ok(Response::History(revisions))) => {
            show_history(state, period, item, revisions);
            Effect::None
        }
        (Purpose::PreviousText { item, .. }, Ok(Response::Entry(entry))) => previous_text(state, item, entry),
        (Purpose::PutDraft { period, item, info, assessment }, Err(e)) => {
            let error = e.to_string();
            state.error(error.clone());
            Effect::Recover(Unsaved { period, item, info, assessment, error })
        }
        (Purpose::Presence, _) => Effect::None,
        (Purpose::SetSchedule | Purpose::SetResponsible, Ok(Response::Done)) => {
            welcome::load(state, state.main().map(|m| m.period.id))
        }
        (Purpose::PutDraft { .. } | Purpose::DeleteDraft, Ok(Response::Done)) => Effect::None,
        (_, response) => unexpected(state, response),
    }
}

/// A refusal or failure the purpose has no special answer for, or an answer of the wrong kind.
fn unexpected(state: &mut State, response: Result<Response, ClientError>) -> Effect {
    match response {
        Err(e) => state.error(e.to_string()),
        Ok(_) => state.error(ClientError::UnexpectedResponse.to_string()),
    }
    Effect::None
}

/// The first load failed: a screen saying so; later loads keep the screen and say it below.
fn load_failed(state: &mut State, e: &ClientError) -> Effect {
    state.quit_after_save = false;
    match state.screen {
        Screen::Loading | Screen::Failed { .. } => state.screen = Screen::Failed { error: e.to_string() },
        _ => state.error(e.to_string()),
    }
    Effect::None
}

/// A save of `text` for `item` was answered. It lands on that item only: the user may be
/// on another item, or another period, by now.
fn saved(
    state: &mut State,
    period: PeriodId,
    item: ItemId,
    text: (String, String),
    response: Result<Response, ClientError>,
) -> Effect {
    match response {
        Ok(Response::Saved(SaveOutcome::Saved(entry))) => saved_entry(state, period, item, entry),
        Ok(Response::Saved(SaveOutcome::Conflict { theirs })) => conflict(state, period, item, text, theirs),
        Ok(_) => save_failed(state, period, item, text, ClientError::UnexpectedResponse.to_string()),
        Err(e) => save_failed(state, period, item, text, e.to_string()),
    }
}

fn saved_entry(state: &mut State, period: PeriodId, item: ItemId, entry: Entry) -> Effect {
    let (as_of, rules) = (state.as_of, state.rules.clone());
    let Some(main) = state.main_mut().filter(|m| m.period.id == period) else { return Effect::None };
    let Some(index) = main.row_of(item) else { return Effect::None };
    main.update_row(index, entry.clone(), as_of, &rules);
    main.drafts.remove(&item);
    if let Some(editor) = main.editor.as_mut().filter(|e| e.item == item) {
        editor.rebase(&entry);
        // The server forgets who edits an item when they save it.
        editor.announced = false;
    }
    let point = main.rows[index].item.point_label().to_owned();
    state.info(tr!("tui-saved", point = point));
    navigation::keep_cursor_visible(state);
    if std::mem::take(&mut state.quit_after_save) && state.saving.is_empty() {
        return editing::leave_everything(state).and(Effect::Quit);
    }
    Effect::None
}

/// Someone saved first. On the open item: the conflict dialog. On an item the user has
/// left: their text stays, mine is kept as a draft, and the user is told.
fn conflict(state: &mut State, period: PeriodId, item: ItemId, text: (String, String), theirs: Entry) -> Effect {
    state.quit_after_save = false;
    let on_it =
        state.main().is_some_and(|m| m.period.id == period && m.editor.as_ref().is_some_and(|e| e.item == item));
    if on_it {
        let (mine_info, mine_assessment) = text;
        state.overlay = Some(Overlay::Conflict { item, mine_info, mine_assessment, theirs, scroll: 0 });
        return Effect::None;
    }
    let point = point_of(state, item);
    state.error(tr!("tui-conflict-elsewhere", point = point));
    keep_as_draft(state, period, item, text, theirs.revision)
}

/// The store did not take the text: it stays on screen unsaved, becomes a draft, and goes to
/// a recovery file on this machine.
fn save_failed(state: &mut State, period: PeriodId, item: ItemId, text: (String, String), error: String) -> Effect {
    state.quit_after_save = false;
    let base = state
        .main()
        .and_then(|m| m.editor.as_ref().filter(|e| e.item == item).map(|e| e.base_revision))
        .or_else(|| state.main().and_then(|m| m.row_of(item).map(|i| m.rows[i].entry.revision)))
        .unwrap_or(0);
    let (info, assessment) = text.clone();
    let recover = Effect::Recover(Unsaved { period, item, info, assessment, error });
    keep_as_draft(state, period, item, text, base).and(recover)
}

fn keep_as_draft(state: &mut State, period: PeriodId, item: ItemId, text: (String, String), base: u64) -> Effect {
    let (info, assessment) = text;
    let draft = crate::model::Draft {
        info: info.clone(),
        assessment: assessment.clone(),
        base_revision: base,
        saved_at: crate::domain::Stamp(0),
    };
    if let Some(main) = state.main_mut().filter(|m| m.period.id == period) {
        main.drafts.insert(item, draft.clone());
        if let Some(editor) = main.editor.as_mut().filter(|e| e.item == item) {
            editor.drafted = true;
        }
    }
    Effect::call(Purpose::PutDraft { period, item, info, assessment }, Request::PutDraft { period, item, draft })
}

fn point_of(state: &State, item: ItemId) -> String {
    state.main().and_then(|m| m.row_of(item).map(|i| m.rows[i].item.point_label().to_owned())).unwrap_or_default()
}

/// An older text is the item's text now, for everyone: shown as saved.
fn restored(state: &mut State, period: PeriodId, item: ItemId, entry: Entry) {
    if state.main().is_none_or(|m| m.period.id != period) {
        return;
    }
    results::take_entry(state, item, entry, true);
    let point = point_of(state, item);
    state.info(tr!("tui-restored", point = point));
}

fn show_history(state: &mut State, period: PeriodId, item: ItemId, revisions: Vec<Revision>) {
    let still_there =
        state.main().is_some_and(|m| m.period.id == period && m.selected().is_some_and(|r| r.item.id == item));
    if still_there && state.overlay.is_none() {
        let cursor = revisions.len().saturating_sub(1);
        state.overlay = Some(Overlay::History { item, revisions, cursor });
    }
}

/// The text of the item in the period before, added to the open editor if it is still on it.
fn previous_text(state: &mut State, item: ItemId, entry: Option<Entry>) -> Effect {
    let text = entry.map(|e| e.info).unwrap_or_default();
    let Some(editor) = state.main_mut().and_then(|m| m.editor.as_mut()).filter(|e| e.item == item) else {
        return Effect::None;
    };
    if text.trim().is_empty() {
        state.info(tr!("tui-previous-empty"));
        return Effect::None;
    }
    let current = editor.info_text();
    let combined = if current.trim().is_empty() { text } else { format!("{current}\n\n{text}") };
    editor.replace_info(&combined);
    state.info(tr!("tui-copied-previous"));
    // The list keeps the keys: the next `j` moves, it is not typed into the copied text.
    editing::set_focus(state, Focus::List).and(editing::modified_now(state))
}
