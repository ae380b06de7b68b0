//! Saves through the server: no lost updates, history, live events to other clients.

mod common;

use std::sync::mpsc::channel;
use std::time::Duration;

use common::server::{item_of, q1};
use common::{Sandbox, assert_ok, stdout};
use otchet::domain::EntryEdit;
use otchet::model::{RevisionSource, SaveOutcome};
use otchet::proto::Event;
use serde_json::Value;

fn edit(item: otchet::domain::ItemId, base_revision: u64, info: &str) -> EntryEdit {
    EntryEdit { period: q1(), item, base_revision, info: info.into(), assessment: "выполнено".into() }
}

#[test]
fn interleaved_saves_give_a_conflict_and_lose_no_text() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "5"]);
    sb.import_sample();
    let mut first = sb.client();
    let mut second = sb.client();
    let item = item_of(&mut first, "70");
    // Both start from the imported text.
    let base = first.entry(q1(), item).unwrap().expect("imported").revision;
    assert_eq!(second.entry(q1(), item).unwrap().unwrap().revision, base);

    let mine = match first.save(edit(item, base, "текст первого")).unwrap() {
        SaveOutcome::Saved(entry) => entry,
        other => panic!("{other:?}"),
    };
    let theirs = match second.save(edit(item, base, "текст второго")).unwrap() {
        SaveOutcome::Conflict { theirs } => theirs,
        other => panic!("the second save must conflict: {other:?}"),
    };
    assert_eq!(theirs, mine, "the conflict carries the text saved in between");
    // The second user merges and saves on top of the first.
    let merged = match second.save(edit(item, theirs.revision, "текст первого\nтекст второго")).unwrap()
    {
        SaveOutcome::Saved(entry) => entry,
        other => panic!("{other:?}"),
    };
    assert_eq!(merged.revision, mine.revision + 1);

    let history = first.history(q1(), item).unwrap();
    let infos: Vec<&str> = history.iter().map(|r| r.info.as_str()).collect();
    assert!(infos.contains(&"текст первого"), "{infos:?}");
    assert!(infos.contains(&"текст первого\nтекст второго"), "{infos:?}");
    assert_eq!(history.last().unwrap().source, RevisionSource::Edit);

    // `otchet history` prints the same revisions.
    let out = sb.run(&["history", "70", "--period", "2020-Q1", "--json"]);
    assert_ok(&out);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let printed: Vec<&str> = json.as_array().unwrap().iter().map(|r| r["info"].as_str().unwrap()).collect();
    assert_eq!(printed, infos);
    let text = stdout(&sb.run(&["history", "70."]));
    assert!(text.contains("Пункт 70") && text.contains("3 редакции") && text.contains("текст второго"), "{text}");
    let missing = sb.run(&["history", "700"]);
    assert_eq!(missing.status.code(), Some(2), "{}", common::stderr(&missing));
}

#[test]
fn a_save_is_pushed_to_the_other_clients_with_who_and_presence() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "5"]);
    sb.import_sample();
    let mut writer = sb.client();
    let mut watcher = sb.client();
    let (tx, rx) = channel();
    watcher.set_event_sink(Box::new(move |event| {
        let _ = tx.send(event);
    }));
    let item = item_of(&mut writer, "64");
    let within = Duration::from_secs(1);

    writer.set_editing(q1(), item, true).unwrap();
    match rx.recv_timeout(within).expect("presence arrives within a second") {
        Event::Editing { item: seen, users, .. } => {
            assert_eq!(seen, item);
            assert_eq!(users.len(), 1);
        }
        other => panic!("{other:?}"),
    }
    let base = writer.entry(q1(), item).unwrap().map_or(0, |e| e.revision);
    writer.save(edit(item, base, "сделано всё")).unwrap();
    match rx.recv_timeout(within).expect("the change arrives within a second") {
        Event::EntryChanged { item: seen, entry, .. } => {
            assert_eq!(seen, item);
            assert_eq!(entry.info, "сделано всё");
            assert_eq!(entry.changed_by, otchet::identity::current_actor().name);
        }
        other => panic!("{other:?}"),
    }
    match rx.recv_timeout(within).expect("saving releases the item") {
        Event::Editing { users, .. } => assert!(users.is_empty()),
        other => panic!("{other:?}"),
    }

    writer.set_editing(q1(), item, true).unwrap();
    assert!(matches!(rx.recv_timeout(within), Ok(Event::Editing { .. })));
    drop(writer);
    match rx.recv_timeout(within).expect("leaving releases the item") {
        Event::Editing { users, .. } => assert!(users.is_empty()),
        other => panic!("{other:?}"),
    }
    sb.import_sample();
    assert_eq!(rx.recv_timeout(within).expect("an import asks clients to reload"), Event::Reload);
}
