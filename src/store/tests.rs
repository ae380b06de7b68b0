use super::*;
use crate::domain::{Actor, EntryEdit, Report, ReportRow, Stamp};
use crate::model::{ImportOutcome, RevisionSource, SaveOutcome};

pub(crate) fn report(period: &str, rows: &[(&str, &str, &str)]) -> Report {
    Report {
        title_lines: vec!["ОТЧЕТ".into()],
        organisation: "Администрация".into(),
        approved_by: "Постановление №1".into(),
        period: PeriodId::parse(period),
        period_title: "I квартал 2020 года".into(),
        years: None,
        columns: crate::domain::form::standard_columns(),
        rows: rows
            .iter()
            .map(|(point, info, assessment)| ReportRow {
                seq: format!("{point}."),
                point: format!("{point}."),
                title: format!("Мероприятие {point}"),
                deadline_text: "Ежеквартально".into(),
                info: (*info).into(),
                assessment: (*assessment).into(),
                ..ReportRow::default()
            })
            .collect(),
        sections: vec![],
        signed_by: String::new(),
        executor: String::new(),
    }
}

fn actor() -> Actor {
    Actor { uid: 1000, name: "ivanova".into() }
}

/// Opens the store, waiting while a store of it just dropped still holds sled's lock (its
/// threads let go of it a moment later).
fn reopen(dir: &tempfile::TempDir) -> Result<Store, StoreError> {
    let started = std::time::Instant::now();
    loop {
        match Store::open(dir.path(), &StoreOptions::default()) {
            Err(StoreError::Locked { .. }) if started.elapsed() < std::time::Duration::from_secs(5) => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

pub(crate) fn open(dir: &tempfile::TempDir) -> Store {
    reopen(dir).unwrap()
}

#[test]
fn import_is_atomic_idempotent_and_adds_periods() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let q1 = report("2020-Q1", &[("1", "сделано", "выполнено"), ("2", "", "")]);
    let first = store.import(&q1, &actor(), Stamp(10)).unwrap();
    assert!(first.plan_created && first.period_created);
    assert_eq!((first.items_added, first.entries_changed), (2, 1));

    let again = store.import(&q1, &actor(), Stamp(20)).unwrap();
    assert_eq!(again, ImportOutcome { period: "2020-Q1".into(), years: "2020 год".into(), ..Default::default() });
    let entry = store.entry(q1.period.unwrap(), ItemId(1)).unwrap().unwrap();
    assert_eq!((entry.revision, entry.changed_at), (1, Stamp(10)));

    let q2 = report("2020-Q2", &[("1", "во втором", ""), ("3", "новый", "")]);
    let second = store.import(&q2, &actor(), Stamp(30)).unwrap();
    assert!(!second.plan_created && second.period_created);
    assert_eq!(second.items_added, 1);
    assert_eq!(store.items(crate::domain::PlanId(2020)).unwrap().len(), 3);
    // Counted by keys, as `Plans` answers.
    let infos = store.plan_infos().unwrap();
    assert_eq!(infos.iter().map(|i| (i.plan.id.0, i.items, i.periods.len())).collect::<Vec<_>>(), [(2020, 3, 2)]);
    assert_eq!(store.item_count(crate::domain::PlanId(2021)).unwrap(), 0);
    assert_eq!(store.periods().unwrap().len(), 2);
    // Q1's entry is untouched by Q2's import.
    assert_eq!(store.entry(q1.period.unwrap(), ItemId(1)).unwrap().unwrap().info, "сделано");
}

#[test]
fn a_different_plan_for_the_same_year_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    store.import(&report("2020-Q1", &[("1", "a", "")]), &actor(), Stamp(1)).unwrap();
    let mut other = report("2020-Q2", &[("1", "b", "")]);
    other.organisation = "Другая администрация".into();
    let err = store.import(&other, &actor(), Stamp(2)).unwrap_err();
    assert!(matches!(err, StoreError::PlanMismatch { .. }));
    assert!(err.is_user_error());
    assert_eq!(store.periods().unwrap().len(), 1);
}

#[test]
fn a_report_of_another_plan_with_the_same_points_is_refused_when_the_plan_names_no_act() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let titled = |mut r: Report, titles: &[&str]| {
        r.rows.iter_mut().zip(titles).for_each(|(row, t)| row.title = (*t).into());
        r
    };
    let mut plan = titled(
        report("2020-Q1", &[("1.1", "", ""), ("1.2", "", "")]),
        &["Разработка и принятие нормативных правовых актов", "Заседания комиссии по противодействию коррупции"],
    );
    (plan.organisation, plan.approved_by) = (String::new(), String::new());
    store.import(&plan, &actor(), Stamp(1)).unwrap();

    // Another administration's report: the same points, other items.
    let other = titled(
        report("2020-Q2", &[("1.1", "сделано", ""), ("1.2", "сделано", "")]),
        &["Проведение антикоррупционной экспертизы проектов", "Мониторинг обращений граждан о фактах коррупции"],
    );
    let err = store.import(&other, &actor(), Stamp(2)).unwrap_err();
    assert!(matches!(err, StoreError::PlanMismatch { .. }), "{err:?}");
    let titles: Vec<String> = store.items(PlanId(2020)).unwrap().into_iter().map(|i| i.title).collect();
    assert_eq!(
        titles,
        ["Разработка и принятие нормативных правовых актов", "Заседания комиссии по противодействию коррупции"]
    );
    assert_eq!(store.periods().unwrap().len(), 1);

    // The plan's own report, one title reworded: taken.
    let own = titled(
        report("2020-Q2", &[("1.1", "сделано", ""), ("1.2", "сделано", "")]),
        &[
            "Разработка и принятие муниципальных нормативных правовых актов",
            "Заседания комиссии по противодействию коррупции",
        ],
    );
    store.import(&own, &actor(), Stamp(3)).unwrap();
    assert_eq!(store.periods().unwrap().len(), 2);
}

#[test]
fn save_checks_the_revision_and_keeps_history() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    store.import(&report("2020-Q1", &[("1", "", "")]), &actor(), Stamp(1)).unwrap();
    let edit = |base, info: &str| EntryEdit {
        period: q1,
        item: ItemId(1),
        base_revision: base,
        info: info.into(),
        assessment: String::new(),
    };
    let saved = store.save_entry(&edit(0, "мой текст"), &actor(), Stamp(5), RevisionSource::Edit).unwrap();
    assert!(matches!(saved, SaveOutcome::Saved(ref e) if e.revision == 1));
    let other = Actor { uid: 1001, name: "petrova".into() };
    let conflict = store.save_entry(&edit(0, "их текст"), &other, Stamp(6), RevisionSource::Edit).unwrap();
    assert!(matches!(conflict, SaveOutcome::Conflict { ref theirs } if theirs.info == "мой текст"));
    store.save_entry(&edit(1, "их текст"), &other, Stamp(7), RevisionSource::Edit).unwrap();
    let history = store.history(q1, ItemId(1)).unwrap();
    assert_eq!(history.iter().map(|r| r.info.as_str()).collect::<Vec<_>>(), ["мой текст", "их текст"]);
}

#[test]
fn a_second_opener_gets_a_clear_locked_error() {
    let dir = tempfile::tempdir().unwrap();
    let _first = open(&dir);
    let second = Store::open(dir.path(), &StoreOptions::default());
    assert!(matches!(second, Err(StoreError::Locked { .. })));
}

#[test]
fn drafts_are_per_user() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    let draft =
        Draft { info: "черновик".into(), assessment: String::new(), base_revision: 0, saved_at: Stamp(3) };
    store.put_draft(1000, q1, ItemId(4), &draft).unwrap();
    assert_eq!(store.draft(1000, q1, ItemId(4)).unwrap(), Some(draft.clone()));
    assert_eq!(store.draft(1001, q1, ItemId(4)).unwrap(), None);
    assert_eq!(store.drafts(1000, q1).unwrap(), vec![(ItemId(4), draft)]);
    store.delete_draft(1000, q1, ItemId(4)).unwrap();
    assert_eq!(store.draft(1000, q1, ItemId(4)).unwrap(), None);
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = open(&dir);
        let mut changes = Changes::default();
        changes.put(TreeId::Meta, b"schema", &SchemaVersion(schema::CURRENT + 1)).unwrap();
        store.commit(changes).unwrap();
    }
    let err = reopen(&dir).err().unwrap();
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{err:?}");
}

#[test]
fn a_store_stopped_by_a_failed_write_serves_nothing_more() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    store.import(&report("2020-Q1", &[("1", "текст", "")]), &actor(), Stamp(1)).unwrap();
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    // What a write the disk refused after sled applied it does (see `commit`).
    let err = store.stop("No space left on device".into());
    assert!(err.to_string().contains("No space left on device"), "{err}");
    assert!(matches!(store.entries(q1), Err(StoreError::Stopped { .. })));
    let draft = Draft { info: "x".into(), assessment: String::new(), base_revision: 0, saved_at: Stamp(2) };
    assert!(matches!(store.put_draft(1000, q1, ItemId(1), &draft), Err(StoreError::Stopped { .. })));
}

#[test]
fn the_format_file_counts_commits_and_files_that_lost_some_are_damaged() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = open(&dir);
        store.import(&report("2020-Q1", &[("1", "текст", "")]), &actor(), Stamp(1)).unwrap();
    }
    let counted = manifest::read(dir.path()).unwrap().unwrap().commits;
    assert!(counted >= 2, "the schema and the import: {counted}");
    open(&dir);
    // The files as they were before the last commits (sled recovering part of a log).
    manifest::write(dir.path(), counted + 3).unwrap();
    let err = reopen(&dir).err().expect("damaged");
    assert!(matches!(err, StoreError::Damaged { untouched: false, .. }), "{err:?}");
}

#[test]
fn a_large_dump_loads_in_batches_and_whole() {
    let from = tempfile::tempdir().unwrap();
    let store = open(&from);
    let rows: Vec<(String, &str, &str)> = (1..=4500).map(|i| (i.to_string(), "текст", "выполнено")).collect();
    let rows: Vec<(&str, &str, &str)> = rows.iter().map(|(p, i, a)| (p.as_str(), *i, *a)).collect();
    store.import(&report("2020-Q1", &rows), &actor(), Stamp(1)).unwrap();
    let dump = store.dump().unwrap();

    let to = tempfile::tempdir().unwrap();
    let restored = open(&to);
    restored.load_dump(dump.clone()).unwrap();
    assert_eq!(restored.items(crate::domain::PlanId(2020)).unwrap().len(), 4500);
    let mut again = restored.dump().unwrap();
    again.owner = dump.owner.clone();
    again.users = dump.users.clone();
    assert_eq!(again, dump);
    assert!(matches!(restored.load_dump(dump.clone()), Err(StoreError::NotEmpty { .. })));
}

#[test]
fn added_words_are_kept_sorted_once_and_survive_a_change_of_assessments() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    store.add_word("ОМСУ").unwrap();
    store.add_word("НПА").unwrap();
    assert_eq!(store.add_word("НПА").unwrap().words, ["НПА", "ОМСУ"]);
    store.set_settings(&Settings { assessments: vec!["выполнено".into()], words: Vec::new() }).unwrap();
    let settings = store.settings().unwrap();
    assert_eq!((settings.assessments.len(), settings.words.len()), (1, 2), "assessments changed, words kept");
}

#[test]
fn settings_of_format_1_are_read_with_no_added_words() {
    let assessments = vec!["выполнено".to_owned(), "не выполнено".to_owned()];
    let mut v1 = vec![crate::codec::Kind::Settings as u8, 1];
    v1.extend(bincode::serde::encode_to_vec(&assessments, bincode::config::standard()).unwrap());
    let settings: Settings = crate::codec::decode(&v1).unwrap();
    assert_eq!(settings, Settings { assessments, words: Vec::new() });
}

#[test]
fn memory_is_released_by_a_reopen_only_when_no_tree_is_in_use_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    store.import(&report("2020-Q1", &[("1", "Сделано", "выполнено")]), &actor(), Stamp(1)).unwrap();
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    let in_use = store.tree(TreeId::Entries).unwrap();
    assert!(!store.release_memory().unwrap(), "reopened while a tree was in use");
    drop(in_use);
    assert!(store.release_memory().unwrap());
    assert_eq!(store.entries(q1).unwrap()[0].1.info, "Сделано");
    store.import(&report("2020-Q1", &[("1", "Сделано ещё", "выполнено")]), &actor(), Stamp(2)).unwrap();
    assert!(store.release_memory().unwrap());
    drop(store);
    let again = reopen(&dir).unwrap();
    assert_eq!(again.entries(q1).unwrap()[0].1.info, "Сделано ещё");
    assert_eq!(again.history(q1, again.entries(q1).unwrap()[0].0).unwrap().len(), 2);
}

#[test]
fn entries_are_read_with_their_texts_apart_and_a_text_without_its_entry_is_passed_by() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let rows = [("1", "Сделано", "выполнено"), ("2", "", "не выполнено"), ("3", "Третье", "")];
    store.import(&report("2020-Q1", &rows), &actor(), Stamp(1)).unwrap();
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    let before = store.entries(q1).unwrap();
    let (first, second) = (before[0].0, before[1].0);
    // A text without an entry of its key, sorting between the first two entries' keys.
    let mut between = keys::entry(q1, first).to_vec();
    between.push(0);
    let mut orphan = Changes::default();
    orphan.put(TreeId::Texts, &between, &EntryText("ничей".into())).unwrap();
    store.commit(orphan).unwrap();
    assert_eq!(store.entries(q1).unwrap(), before);
    let infos: Vec<&str> = before.iter().map(|(_, e)| e.info.as_str()).collect();
    assert_eq!(infos, ["Сделано", "", "Третье"]);
    assert!(store.entry_heads(q1).unwrap().iter().all(|(_, e)| e.info.is_empty()));
    assert_eq!(store.entry(q1, first).unwrap().unwrap().info, "Сделано");
    // An empty text leaves nothing in the texts tree.
    assert!(store.tree(TreeId::Texts).unwrap().get(keys::entry(q1, second)).unwrap().is_none());
}

#[test]
fn a_dump_streams_in_parts_holding_no_reader_of_sled_between_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let long = "текст исполнения ".repeat(200);
    let rows: Vec<(String, &str, &str)> = (1..=600).map(|i| (i.to_string(), long.as_str(), "выполнено")).collect();
    let rows: Vec<(&str, &str, &str)> = rows.iter().map(|(p, i, a)| (p.as_str(), *i, *a)).collect();
    store.import(&report("2020-Q1", &rows), &actor(), Stamp(1)).unwrap();
    let whole = store.dump().unwrap();
    let (mut parts, mut reopened) = (Vec::new(), 0);
    store
        .dump_to(&mut |part: crate::model::DumpPart, between: &BetweenParts<'_>| {
            parts.push(part);
            reopened += usize::from(between.release_memory()?);
            Ok::<(), StoreError>(())
        })
        .unwrap();
    let entries = parts.iter().filter(|p| matches!(p, crate::model::DumpPart::Entries { .. })).count();
    assert!(entries >= 3, "600 entries of 6 KB in parts of 512 KiB: {entries}");
    assert_eq!(reopened, parts.len(), "sled reopened between every two parts");
    let mut assembler = crate::model::DumpAssembler::default();
    parts.into_iter().for_each(|p| assembler.add(p));
    assert_eq!(assembler.finish(), whole);
}

#[test]
fn a_restore_refused_half_way_leaves_an_empty_store_that_takes_it_again() {
    let from = tempfile::tempdir().unwrap();
    let store = open(&from);
    let rows: Vec<(String, &str, &str)> = (1..=3000).map(|i| (i.to_string(), "текст", "выполнено")).collect();
    let rows: Vec<(&str, &str, &str)> = rows.iter().map(|(p, i, a)| (p.as_str(), *i, *a)).collect();
    store.import(&report("2020-Q1", &rows), &actor(), Stamp(1)).unwrap();
    let mut dump = store.dump().unwrap();
    dump.settings.words = vec!["НПА".into()];
    let to = tempfile::tempdir().unwrap();
    let restored = open(&to);
    let empty = restored.dump().unwrap();
    let mut parts = dump.clone().into_parts().into_iter();
    let total = parts.len();
    let mut given = 0;
    let refused = restored.load_dump_streamed(&mut |_: &BetweenParts<'_>| {
        given += 1;
        if given == total { Err(StoreError::Write { detail: "отказ".into() }) } else { Ok(parts.next()) }
    });
    assert!(matches!(refused, Err(StoreError::Write { .. })), "{refused:?}");
    assert!(total > 3 && restored.is_empty().unwrap());
    assert_eq!(restored.dump().unwrap(), empty, "nothing of it stays");
    restored.load_dump(dump.clone()).unwrap();
    assert_eq!(restored.items(crate::domain::PlanId(2020)).unwrap().len(), 3000);
    assert_eq!(restored.settings().unwrap().words, ["НПА"]);
}

#[test]
fn sled_is_not_reopened_while_a_run_of_records_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    store.import(&report("2020-Q1", &[("1", "а", ""), ("2", "б", "")]), &actor(), Stamp(1)).unwrap();
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    let mut records = store.range_after(TreeId::Entries, &keys::period(q1), None).unwrap();
    assert!(records.next().is_some());
    // An iterator alone keeps sled's files locked: a reopen now would fail to open them.
    assert!(!store.release_memory().unwrap(), "a reader holds sled");
    assert!(records.next().is_some());
    drop(records);
    assert!(store.release_memory().unwrap());
}

#[test]
fn a_report_run_reads_items_of_any_format_with_texts_as_stored_within_its_range() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let long = "Проведено заседание комиссии «по противодействию коррупции». ".repeat(5);
    let rows = [("1", long.as_str(), "выполнено"), ("2", "", ""), ("3", "Сделано.", "")];
    store.import(&report("2020-Q1", &rows), &actor(), Stamp(1)).unwrap();
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    let plan = store.plan_of(q1).unwrap().unwrap().id;
    let (items, entries) = (store.items(plan).unwrap(), store.entries(q1).unwrap());
    // Item 2 rewritten as format 1 wrote it (no extra columns).
    let old = &items[1];
    let fields =
        (old.id, &old.seq, &old.point, &old.title, &old.deadline_text, &old.schedule_override, &old.responsible);
    let mut v1 = vec![crate::codec::Kind::Item as u8, 1];
    v1.extend(bincode::serde::encode_to_vec(fields, bincode::config::standard()).unwrap());
    store.tree(TreeId::Items).unwrap().insert(keys::item(plan, old.id), v1).unwrap();

    let (run, last) = store.row_run((plan, q1), (None, None)).unwrap();
    assert!(last);
    assert_eq!(run.iter().map(|r| &r.item).collect::<Vec<_>>(), items.iter().collect::<Vec<_>>());
    assert_eq!(run[0].info.as_deref(), Some(long.as_bytes()), "the text's UTF-8, unchecked");
    assert_eq!(run[0].entry.as_ref().map(|e| (e.info.as_str(), e.assessment.as_str())), Some(("", "выполнено")));
    assert_eq!(run[1].info, None);
    let entries: std::collections::HashMap<_, _> = entries.into_iter().collect();
    let (decoded, _) = store.decoded_run((plan, q1), None).unwrap();
    let expected: Vec<_> = items.iter().map(|i| (i.clone(), entries.get(&i.id).cloned())).collect();
    assert_eq!(decoded, expected);
    // A range: after the first item, before the third.
    let (between, last) = store.row_run((plan, q1), (Some(items[0].id), Some(items[2].id))).unwrap();
    assert!(last, "nothing more before the third");
    assert_eq!(between.iter().map(|r| r.item.id).collect::<Vec<_>>(), [items[1].id]);
    let (from_second, _) = store.row_run((plan, q1), (Some(items[0].id), None)).unwrap();
    assert_eq!(from_second.len(), 2);
}
