use super::*;
use crate::dev::{GenOptions, generate};
use crate::domain::{Actor, EntryEdit, Stamp};
use crate::model::RevisionSource;
use crate::store::StoreOptions;

fn actor() -> Actor {
    Actor { uid: 1000, name: "ivanova".into() }
}

/// A store of a generated plan of `items`, with its one period.
fn store_of(dir: &tempfile::TempDir, items: usize) -> (Store, PeriodId, PlanId) {
    let store = Store::open(dir.path(), &StoreOptions::default()).unwrap();
    let generated = generate(&GenOptions { items, periods: 1, seed: 3 }).unwrap();
    store.import(&generated.report(0).unwrap(), &actor(), Stamp(1_586_000_000)).unwrap();
    let period = generated.periods[0].0.id;
    let plan = store.plan_of(period).unwrap().unwrap().id;
    (store, period, plan)
}

/// Searches of every kind: parts of words, words of several texts, a responsible, a
/// point, capitals and ё, several words, signs.
const QUERIES: [&str; 12] = [
    "заседан",
    "КОРРУПЦ",
    "противодействию коррупции",
    "отчёт",
    "1.2",
    "2.",
    "мониторинг хода",
    "а",
    "«",
    " ",
    "не найдётся нигде",
    "Выполнено",
];

fn scanned(store: &Store, (plan, period): (PlanId, PeriodId), query: &str) -> Vec<ItemId> {
    scan(store, (plan, period), &fold(query)).unwrap()
}

#[test]
fn a_search_finds_what_a_scan_of_every_text_finds() {
    let dir = tempfile::tempdir().unwrap();
    let (store, period, plan) = store_of(&dir, 300);
    let index = SearchIndex::default();
    let (mut found_some, runs) = (0, std::cell::Cell::new(0));
    let between_runs = || runs.set(runs.get() + 1);
    for query in QUERIES {
        let found = index.search(&store, (period, query), &between_runs).unwrap();
        assert_eq!(found, scanned(&store, (plan, period), query), "«{query}»");
        found_some += usize::from(!found.is_empty());
    }
    assert!(found_some >= 8, "the queries find items: {found_some}");
    assert_eq!(index.builds(), 1, "the period's words worked out once");
    assert!(runs.get() >= 1, "read in runs, memory given back between them");
}

#[test]
fn an_edit_is_followed_without_reading_the_period_again() {
    let dir = tempfile::tempdir().unwrap();
    let (store, period, plan) = store_of(&dir, 300);
    let index = SearchIndex::default();
    let item = ItemId(150);
    let before = store.entry(period, item).unwrap().unwrap_or_default();
    assert_eq!(index.search(&store, (period, "щавелевый"), &|| ()).unwrap(), []);
    let edit = EntryEdit {
        period,
        item,
        base_revision: before.revision,
        info: "Проведён ЩАВЕЛЕВЫЙ семинар".into(),
        assessment: "Выполнено".into(),
    };
    store.save_entry(&edit, &actor(), Stamp(1_586_000_100), RevisionSource::Edit).unwrap();
    assert_eq!(index.search(&store, (period, "щавелев"), &|| ()).unwrap(), [item]);
    assert_eq!(index.search(&store, (period, "проведен щавелевый"), &|| ()).unwrap(), [item]);
    for query in QUERIES {
        assert_eq!(
            index.search(&store, (period, query), &|| ()).unwrap(),
            scanned(&store, (plan, period), query),
            "«{query}»"
        );
    }
    assert_eq!(index.builds(), 1, "followed, not worked out again");
    // The text taken back: its words go with it.
    let edit = EntryEdit { base_revision: before.revision + 1, info: String::new(), ..edit };
    store.save_entry(&edit, &actor(), Stamp(1_586_000_200), RevisionSource::Edit).unwrap();
    assert_eq!(index.search(&store, (period, "щавелев"), &|| ()).unwrap(), []);
    assert_eq!(index.builds(), 1);
}

#[test]
fn after_an_import_the_period_is_worked_out_again() {
    let dir = tempfile::tempdir().unwrap();
    let (store, period, plan) = store_of(&dir, 120);
    let index = SearchIndex::default();
    index.search(&store, (period, "заседан"), &|| ()).unwrap();
    let generated = generate(&GenOptions { items: 200, periods: 1, seed: 9 }).unwrap();
    let mut report = generated.report(0).unwrap();
    report.rows[130].info = "Новый щавелевый текст".into();
    store.import(&report, &actor(), Stamp(1_586_000_300)).unwrap();
    let found = index.search(&store, (period, "щавелев"), &|| ()).unwrap();
    assert_eq!(found, scanned(&store, (plan, period), "щавелев"));
    assert_eq!(found.len(), 1);
    assert_eq!(index.builds(), 2);
}
