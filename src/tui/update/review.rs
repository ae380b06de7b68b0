//! The review of entries from the list: marking one's item ready, accepting or sending
//! back (admins), keeping a carried-over text; the coordinator's summary; the user's drafts.

use super::super::action::{Effect, Purpose};
use super::super::state::{Filter, Overlay, State};
use super::{editing, navigation, welcome};
use crate::domain::{ItemId, PeriodId, Review};
use crate::proto::Request;
use crate::tr;

/// The selected item, when its text has no unsaved change (a review is of the saved text).
fn saved_selection(state: &mut State) -> Option<(PeriodId, ItemId, Review)> {
    let main = state.main()?;
    let row = main.selected()?;
    let target = (main.period.id, row.item.id, row.entry.review);
    if main.editor.as_ref().is_some_and(|e| e.item == row.item.id && e.is_modified()) {
        state.error(tr!("tui-review-save-first"));
        return None;
    }
    Some(target)
}

fn review_call(period: PeriodId, item: ItemId, review: Review) -> Effect {
    Effect::call(Purpose::Review { period, item }, Request::SetReview { period, item, review })
}

/// Ready, or open again when it was ready; an accepted item is the coordinator's.
pub(crate) fn toggle_ready(state: &mut State) -> Effect {
    if !state.role.can_edit() {
        state.error(tr!("tui-read-only"));
        return Effect::None;
    }
    let Some((period, item, review)) = saved_selection(state) else { return Effect::None };
    match review {
        Review::Open => review_call(period, item, Review::Ready),
        Review::Ready => review_call(period, item, Review::Open),
        Review::Accepted => {
            state.error(tr!("tui-review-accepted-is-admins"));
            Effect::None
        }
    }
}

/// Accepted (from open or ready), or with `back` returned to open.
pub(crate) fn accept(state: &mut State, back: bool) -> Effect {
    if !state.role.can_administer() {
        state.error(tr!("tui-admin-only"));
        return Effect::None;
    }
    let Some((period, item, review)) = saved_selection(state) else { return Effect::None };
    let to = if back { Review::Open } else { Review::Accepted };
    if review == to {
        return Effect::None;
    }
    review_call(period, item, to)
}

/// Keeps a carried-over text as it is: its mark goes.
pub(crate) fn confirm_carried(state: &mut State) -> Effect {
    if !state.role.can_edit() {
        state.error(tr!("tui-read-only"));
        return Effect::None;
    }
    let Some(main) = state.main() else { return Effect::None };
    let Some(row) = main.selected().filter(|r| r.entry.carried_from.is_some()) else {
        state.info(tr!("tui-not-carried"));
        return Effect::None;
    };
    let (period, item) = (main.period.id, row.item.id);
    Effect::call(Purpose::Review { period, item }, Request::ConfirmCarried { period, item })
}

pub(crate) fn open_summary(state: &mut State) -> Effect {
    state.overlay = Some(Overlay::Summary { scroll: 0 });
    Effect::None
}

/// To the user's drafts: in another period when they wait there (told at start), else the
/// drafts of this one.
pub(crate) fn go_to_drafts(state: &mut State) -> Effect {
    if let Some(period) = state.drafts_elsewhere.first().copied() {
        state.drafts_elsewhere.retain(|p| *p != period);
        state.next_filter = Some(Filter::Drafts);
        state.pending_period = Some(period);
        let left = editing::leave_everything(state);
        return left.and(welcome::load(state, Some(period)));
    }
    let Some(main) = state.main_mut() else { return Effect::None };
    main.filter = Filter::Drafts;
    navigation::after_refilter(state)
}

/// Where the user's drafts are: a notice naming the other periods that hold some.
pub(super) fn draft_places(state: &mut State, places: Vec<(PeriodId, ItemId)>) {
    let Some(main) = state.main() else { return };
    let current = main.period.id;
    let mut elsewhere: Vec<(PeriodId, usize)> = Vec::new();
    for (period, _) in places.into_iter().filter(|(p, _)| *p != current) {
        match elsewhere.iter_mut().find(|(p, _)| *p == period) {
            Some((_, n)) => *n += 1,
            None => elsewhere.push((period, 1)),
        }
    }
    if elsewhere.is_empty() {
        return;
    }
    let titles =
        |id: PeriodId| main.periods.iter().find(|p| p.id == id).map_or_else(|| id.to_string(), |p| p.title.clone());
    let listed: Vec<String> =
        elsewhere.iter().map(|(p, n)| tr!("tui-drafts-in", period = titles(*p), n = *n)).collect();
    let key = state.keymaps.key_name(super::super::keymap::Pane::List, super::super::command::Command::GoToDrafts);
    let text = tr!("tui-drafts-elsewhere", places = listed.join("; "), key = key);
    state.drafts_elsewhere = elsewhere.into_iter().map(|(p, _)| p).collect();
    state.info(text);
}
