//! The execution texts of a list that came without them (`Request::List`): after every
//! change, the items at and around the cursor that are not here whole with their texts,
//! nor asked for, are asked for (`Request::Shown`), and a search is sent to the server
//! for the texts the list lacks. The answers come back as `Purpose::Text` and `Purpose::Search`.

use super::super::action::{Effect, Purpose};
use super::super::state::State;
use super::results;
use crate::client::ClientError;
use crate::domain::{ItemId, PeriodId};
use crate::proto::{Request, Response};

pub(super) fn ask(state: &mut State) -> Effect {
    let Some(main) = state.main_mut() else { return Effect::None };
    if !main.texts.remote {
        return Effect::None;
    }
    let period = main.period.id;
    let mut effect = Effect::None;
    if main.texts.searched != main.search {
        main.texts.searched = main.search.clone();
        if !main.search.is_empty() {
            let request = Request::Search { period, query: main.search.clone() };
            effect = Effect::call(Purpose::Search, request);
        }
    }
    for item in main.texts_to_ask() {
        effect = effect.and(Effect::call(Purpose::Text { period, item }, Request::Shown { period, item }));
    }
    effect
}

/// An item came whole with its text: it is shown (the editor opens on it when it is
/// selected).
pub(super) fn arrived(state: &mut State, (period, item): (PeriodId, ItemId), response: Result<Response, ClientError>) {
    let Some(main) = state.main_mut().filter(|m| m.period.id == period) else { return };
    main.texts.asked.remove(&item);
    let loaded = main.row_of(item).is_none_or(|i| main.rows[i].text_loaded());
    match response {
        Ok(Response::Shown { item: whole, entry }) => {
            if let Some(whole) = whole.filter(|w| w.id == item) {
                main.take_whole_item(*whole);
            }
            // An event or a save brought the entry meanwhile: that one is as new or newer.
            if !loaded {
                results::take_entry(state, item, entry.unwrap_or_default(), false);
            }
            if let Some(main) = state.main_mut() {
                main.open_selected();
                main.let_texts_go();
            }
        }
        Ok(_) => {}
        Err(e) => state.error(e.to_string()),
    }
}

/// What the server's search found, if it is still the search typed.
pub(super) fn found(state: &mut State, response: Result<Response, ClientError>) {
    let Some(main) = state.main_mut() else { return };
    match response {
        Ok(Response::Found { query, items }) if query == main.search => {
            main.texts.found = Some((query, items.into_iter().collect()));
            main.refilter();
            main.open_selected();
        }
        Ok(_) => {}
        Err(e) => state.error(e.to_string()),
    }
}
