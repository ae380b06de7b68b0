//! The sample as a TUI state, for tests of `update` and `view`, and any snapshot (a
//! generated plan) as one, for the benches.

// Test and bench support, not product code: a broken sample may panic here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::NaiveDate;

use super::keymap::Keymaps;
use super::state::{Main, Screen, State};
use super::theme::Theme;
use crate::domain::{Entry, FlagRules, Item, ItemId, Period, Plan, Role, Stamp};
use crate::model::Settings;
use crate::model::Snapshot;

pub const SAMPLE: &[u8] = include_bytes!("../../samples/serov-2020-q1.txt");

pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 4, 13).unwrap_or_default()
}

/// The sample as the store would hand it out after an import.
pub fn sample_snapshot() -> Snapshot {
    let report = crate::formats::txt::parse_report(Path::new("sample"), SAMPLE).expect("the sample parses");
    let items: Vec<Item> = report
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| Item {
            id: ItemId(i as u32 + 1),
            seq: r.seq.clone(),
            point: r.point.clone(),
            title: r.title.clone(),
            deadline_text: r.deadline_text.clone(),
            schedule_override: None,
            responsible: r.responsible.clone(),
            extra: r.extra.clone(),
        })
        .collect();
    let entries = report
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.info.is_empty() || !r.assessment.is_empty())
        .map(|(i, r)| {
            let entry = Entry {
                info: r.info.clone(),
                assessment: r.assessment.clone(),
                changed_by: "import".into(),
                changed_at: Stamp(1_586_000_000),
                revision: 1,
                ..Entry::default()
            };
            (ItemId(i as u32 + 1), entry)
        })
        .collect();
    let id = report.period.expect("the sample is a report");
    let period = Period::new(id, report.period_title.clone());
    let years = report.plan_years().expect("the sample names its year");
    Snapshot {
        plan: Plan {
            organisation: report.organisation,
            approved_by: report.approved_by,
            title_lines: report.title_lines,
            columns: report.columns,
            ..Plan::new(years)
        },
        periods: vec![period.clone()],
        period,
        items,
        entries,
        texts: true,
        drafts: vec![],
        settings: Settings::default(),
    }
}

pub fn state_with(role: Role, theme: Theme) -> State {
    state_of(sample_snapshot(), as_of(), role, theme)
}

/// The main screen on `snapshot` as of `as_of`, in Russian, at 80×24.
pub fn state_of(snapshot: Snapshot, as_of: NaiveDate, role: Role, theme: Theme) -> State {
    crate::i18n::set_lang(crate::i18n::Lang::Ru);
    let mut state = State::new(Keymaps::defaults(), theme, "ivanova".into(), role, as_of, FlagRules::default());
    // Spelling questions would join every effect; the spelling tests turn it on.
    state.spelling.on = false;
    state.as_of_chosen = Some(as_of);
    state.screen = Screen::Main(Box::new(Main::from_snapshot(
        snapshot,
        (as_of, &state.rules),
        crate::tui::layout::sketch_room(state.size.0),
    )));
    state
}

pub fn sample_state() -> State {
    state_with(Role::Editor, Theme::ansi16())
}
