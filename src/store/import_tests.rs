//! A streamed import: the same store as a whole one, nothing written when it fails part
//! way or the server is killed part way, a plan known by its items checked at the end.

use super::journal::Journal;
use super::tests::{open, report};
use super::*;
use crate::domain::{Actor, Report, ReportRow, Stamp};

fn actor() -> Actor {
    Actor { uid: 1000, name: "ivanova".into() }
}

/// A report of `n` rows, every text written `word`: thousands of rows make many batches.
fn large(n: usize, word: &str) -> Report {
    let rows: Vec<(String, String, String)> =
        (1..=n).map(|i| (i.to_string(), format!("{word} {i}"), format!("оценка {i}"))).collect();
    let borrowed: Vec<(&str, &str, &str)> = rows.iter().map(|(p, i, a)| (p.as_str(), i.as_str(), a.as_str())).collect();
    report("2020-Q1", &borrowed)
}

/// The rows of `report` in parts of `size`, failing with `Write` after `fail_after` parts.
fn parts(
    report: &Report,
    size: usize,
    fail_after: Option<usize>,
) -> impl FnMut(&BetweenParts<'_>) -> Result<Option<Vec<ReportRow>>, StoreError> {
    let mut chunks = report.rows.chunks(size).map(<[ReportRow]>::to_vec).collect::<Vec<_>>().into_iter();
    let mut given = 0;
    move |between| {
        // A reopen between parts loses nothing.
        between.release_memory().unwrap();
        if fail_after == Some(given) {
            return Err(StoreError::Write { detail: "the connection dropped".into() });
        }
        given += 1;
        Ok(chunks.next())
    }
}

#[test]
fn a_streamed_import_stores_what_a_whole_one_does() {
    let (whole_dir, streamed_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (whole, streamed) = (open(&whole_dir), open(&streamed_dir));
    for (word, at) in [("сделано", 10), ("дополнено", 20)] {
        let document = large(1200, word);
        let a = whole.import_with(&document, (&actor(), Stamp(at)), false).unwrap();
        let mut rows = parts(&document, 7, None);
        let b = streamed.import_streamed(&document.without_rows(), (&actor(), Stamp(at)), false, &mut rows).unwrap();
        assert_eq!(a, b);
        assert_eq!(b.entries_changed, 1200);
    }
    assert_eq!(whole.dump().unwrap(), streamed.dump().unwrap());
    assert_eq!(streamed.history(PeriodId::parse("2020-Q1").unwrap(), ItemId(1)).unwrap().len(), 2);
}

#[test]
fn an_import_that_fails_part_way_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    store.import(&large(1500, "сделано"), &actor(), Stamp(10)).unwrap();
    let before = store.dump().unwrap();
    // Every text changed and 1,500 rows added: dozens of batches committed before the fault.
    let document = large(3000, "исправлено");
    let mut rows = parts(&document, 500, Some(5));
    let failed = store.import_streamed(&document.without_rows(), (&actor(), Stamp(20)), false, &mut rows);
    assert!(matches!(failed, Err(StoreError::Write { .. })), "{failed:?}");
    assert_eq!(store.dump().unwrap(), before);
    assert_eq!(store.journal_open().unwrap(), None);
    assert_eq!(store.tree(TreeId::Undo).unwrap().len(), 0);
    // The store takes the next import as if nothing had happened.
    let outcome = store.import(&document, &actor(), Stamp(30)).unwrap();
    assert_eq!((outcome.items_added, outcome.entries_changed), (1500, 3000));
}

#[test]
fn a_journal_left_open_by_a_killed_server_is_taken_back_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    let before = {
        let store = open(&dir);
        store.import(&large(10, "сделано"), &actor(), Stamp(10)).unwrap();
        let before = store.dump().unwrap();
        let mut journal = Journal::begin(&store, super::JournalOf::Import).unwrap();
        for i in 1..=3000u32 {
            let mut changes = Changes::default();
            let entry = Entry { info: format!("чужое {i}"), revision: 7, ..Entry::default() };
            changes.put_entry(q1, ItemId(i), &entry).unwrap();
            journal.add(changes).unwrap();
        }
        assert_eq!(store.entry(q1, ItemId(3)).unwrap().unwrap().info, "чужое 3", "batches were committed");
        before
        // Dropped here without `finish`: as a kill leaves it.
    };
    let store = open(&dir);
    assert_eq!(store.taken_back(), Some(super::JournalOf::Import));
    assert_eq!(store.dump().unwrap(), before);
    assert!(store.entry(q1, ItemId(2000)).unwrap().is_none());
    assert_eq!(store.journal_open().unwrap(), None);
}

#[test]
fn a_plan_known_by_its_items_is_refused_when_most_rows_are_not_its() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let unnamed = |mut r: Report| {
        r.organisation.clear();
        r.approved_by.clear();
        r
    };
    store.import(&unnamed(large(1200, "сделано")), &actor(), Stamp(10)).unwrap();
    let before = store.dump().unwrap();
    let mut other = unnamed(large(1200, "иное"));
    for row in &mut other.rows {
        row.point = format!("{}.", row.point.trim_end_matches('.').parse::<u32>().unwrap() + 5000);
        row.title = format!("Другое {}", row.point);
    }
    let refused = store.import(&other, &actor(), Stamp(20));
    assert!(matches!(refused, Err(StoreError::PlanMismatch { .. })), "{refused:?}");
    assert_eq!(store.dump().unwrap(), before, "the rows written before the check are taken back");
}

#[test]
fn a_period_opened_with_its_texts_carried_is_all_or_nothing_even_when_killed_half_way() {
    let dir = tempfile::tempdir().unwrap();
    let (q1, q2) = (PeriodId::parse("2020-Q1").unwrap(), PeriodId::parse("2020-Q2").unwrap());
    let long = "проведено совещание; ".repeat(100);
    let before = {
        let store = open(&dir);
        store.import(&large(1500, &long), &actor(), Stamp(10)).unwrap();
        let before = store.dump().unwrap();
        let mut runs = 0;
        let killed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            store.open_period_with(q2, Some(q1), (&actor(), Stamp(11)), &mut |between| {
                between.release_memory().unwrap();
                runs += 1;
                assert!(runs < 4, "killed after three runs");
            })
        }));
        assert!(killed.is_err());
        assert!(store.entry(q2, ItemId(1)).unwrap().is_some(), "batches were committed before the kill");
        before
    };
    let store = open(&dir);
    assert_eq!(store.taken_back(), Some(super::JournalOf::OpenPeriod));
    assert_eq!(store.dump().unwrap(), before, "no period, no carried text");
    let opened = store.open_period_with(q2, Some(q1), (&actor(), Stamp(12)), &mut |_| {}).unwrap();
    assert_eq!((opened.created, opened.carried), (true, 1500));
    assert_eq!(store.entry(q2, ItemId(1500)).unwrap().unwrap().carried_from, Some(q1));
    // Taken back again through a journal of its own, a run of keys at a time with the store
    // reopened between: as before it was opened.
    let mut runs = 0;
    store
        .close_period_with(q2, &mut |between| {
            between.release_memory().unwrap();
            runs += 1;
        })
        .unwrap();
    assert!(runs >= 6, "{runs} runs: two of each tree with 1,500 keys");
    assert_eq!(store.journal_open().unwrap(), None);
    assert_eq!(store.dump().unwrap(), before);
}
