//! Upgrades: the frozen stores of the first and second formats (tests/fixtures/store-v1,
//! layout 1 with records of format 1; store-v2, layout 2 with records of format 2) open and
//! read with this program; a store written by a newer otchet is refused with a clear
//! message and its files are left byte for byte as they were.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{Sandbox, assert_ok, stderr, stdout};
use otchet::domain::{Actor, Clause, PeriodId, PlanId, Role, Schedule};
use otchet::model::{RevisionSource, UserRecord};
use otchet::store::{SCHEMA_VERSION, SchemaVersion, Store, StoreError, StoreOptions};
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A copy to open: sled writes to the files it opens, and the fixture must stay frozen.
fn copy_fixture(to: &Path) {
    copy_named_fixture("store-v1", to);
}

fn copy_named_fixture(name: &str, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(fixture(name)).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o700)).unwrap();
}

/// Retries while a store just dropped still holds sled's lock (its threads let go of it a
/// moment later).
fn unlocked<T, E: std::fmt::Debug>(mut open: impl FnMut() -> Result<T, E>) -> Result<T, E> {
    let started = std::time::Instant::now();
    loop {
        match open() {
            Err(e)
                if format!("{e:?}").to_lowercase().contains("lock")
                    && started.elapsed() < std::time::Duration::from_secs(5) =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

fn reopen(path: &Path) -> Store {
    unlocked(|| Store::open(path, &StoreOptions::default())).unwrap()
}

fn q1() -> PeriodId {
    PeriodId::parse("2020-Q1").unwrap()
}

#[test]
fn the_first_format_store_opens_and_reads_as_it_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    copy_fixture(&path);
    let store = Store::open(&path, &StoreOptions::default()).expect("a store of the first format opens");

    let plan = store.plan(PlanId(2020)).unwrap().expect("the plan");
    assert_eq!(plan.organisation, "Администрация Серовского городского округа");
    let items = store.items(PlanId(2020)).unwrap();
    assert_eq!(items.len(), 72);
    let periods: Vec<String> = store.periods().unwrap().iter().map(|p| p.id.to_string()).collect();
    assert_eq!(periods, ["2020-Q1", "2020-Q2"]);
    assert!(store.entries(q1()).unwrap().len() > 60);
    assert!(store.entries(PeriodId::parse("2020-Q2").unwrap()).unwrap().is_empty());

    let seventy = items.iter().find(|i| i.point_label() == "70").unwrap().id;
    let entry = store.entry(q1(), seventy).unwrap().unwrap();
    assert_eq!((entry.revision, entry.changed_by.as_str()), (2, "petrova"));
    assert!(entry.info.starts_with("Направлено 03.04.2020 письмом"), "{}", entry.info);
    let history = store.history(q1(), seventy).unwrap();
    let sources: Vec<RevisionSource> = history.iter().map(|r| r.source).collect();
    assert_eq!(sources, [RevisionSource::Import, RevisionSource::Edit]);

    let draft = store.draft(1001, q1(), otchet::domain::ItemId(72)).unwrap().expect("petrova's draft");
    assert_eq!(draft.info, "Черновик: готовится ответ");
    let hand_set = store.item(PlanId(2020), otchet::domain::ItemId(72)).unwrap().unwrap().schedule_override;
    assert_eq!(hand_set, Some(Schedule { clauses: vec![Clause::Fixed { day: 15, month: 3, year: None }] }));
    assert_eq!(store.settings().unwrap().assessments.last().map(String::as_str), Some("выполняется"));
    let users: Vec<(u32, Role)> = store.users().unwrap().into_iter().map(|(uid, u)| (uid, u.role)).collect();
    assert_eq!(users, [(1000, Role::Admin), (1001, Role::Editor), (1002, Role::Viewer)]);
    assert_eq!(store.owner().unwrap().map(|o| o.uid), Some(1000));

    // It takes new writes in the current format and reads them back after a reopen.
    let me = Actor { uid: nix::unistd::getuid().as_raw(), name: "tester".into() };
    store.put_user(me.uid, &UserRecord { name: me.name.clone(), role: Role::Admin, responsible: Vec::new() }).unwrap();
    drop(store);
    let store = reopen(&path);
    assert_eq!(store.user(me.uid).unwrap().map(|u| u.role), Some(Role::Admin));
}

#[test]
fn the_first_format_store_serves_the_commands() {
    let sb = Sandbox::new();
    copy_fixture(&sb.db());
    {
        // The fixture's users are ivanova (1000) and others; let this test's user in.
        let store = reopen(&sb.db());
        let uid = nix::unistd::getuid().as_raw();
        store.put_user(uid, &UserRecord { name: "tester".into(), role: Role::Admin, responsible: Vec::new() }).unwrap();
    }
    let out = sb.run(&["status", "--period", "2020-Q1", "--as-of", "2020-04-13", "--json"]);
    assert_ok(&out);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    // The sample's counts, with item 70 done since (petrova's save).
    assert_eq!(json["counts"]["items"], 72);
    assert_eq!(json["counts"]["done"], 8);
    let overdue: Vec<&str> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["flags"].as_array().unwrap().iter().any(|f| f == "overdue"))
        .map(|i| i["point"].as_str().unwrap())
        .collect();
    assert_eq!(overdue, ["72"]);
    let history = sb.run(&["history", "70", "--period", "2020-Q1"]);
    assert_ok(&history);
    assert!(stdout(&history).contains("petrova"), "{}", stdout(&history));
}

/// Every field of `old` is in `new` with the same value; `new` may have more (fields added
/// since). Arrays must match element for element.
fn assert_contains(old: &Value, new: &Value, at: &str) {
    match (old, new) {
        (Value::Object(o), Value::Object(n)) => {
            for (key, value) in o {
                let field = n.get(key).unwrap_or_else(|| panic!("{at}.{key} is gone"));
                assert_contains(value, field, &format!("{at}.{key}"));
            }
        }
        (Value::Array(o), Value::Array(n)) => {
            assert_eq!(o.len(), n.len(), "{at}: length");
            for (i, (a, b)) in o.iter().zip(n).enumerate() {
                assert_contains(a, b, &format!("{at}[{i}]"));
            }
        }
        _ => assert_eq!(old, new, "{at}"),
    }
}

/// The store a 0.1 server wrote (with its format file, layout 1, records of format 1) reports
/// the same status as it did then: `store-v1-manifest.status.json` is that program's output.
#[test]
fn the_first_format_store_reports_what_the_first_program_reported() {
    let sb = Sandbox::new();
    copy_named_fixture("store-v1-manifest", &sb.db());
    {
        let store = reopen(&sb.db());
        let uid = nix::unistd::getuid().as_raw();
        store.put_user(uid, &UserRecord { name: "tester".into(), role: Role::Admin, responsible: Vec::new() }).unwrap();
    }
    let out = sb.run(&["status", "--period", "2020-Q1", "--as-of", "2020-04-13", "--json"]);
    assert_ok(&out);
    let now: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let then: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("store-v1-manifest.status.json")).unwrap()).unwrap();
    assert_contains(&then, &now, "status");
    assert_eq!(now["plan"]["years"], serde_json::json!({"first": 2020, "last": 2020}));
}

/// A backup written by 0.1 (`backup-v1.json`, of the store in `store-v1-manifest/`), and the
/// JSON export inside it, load into a store of today and report what 0.1 reported.
#[test]
fn a_backup_and_a_json_export_of_the_first_format_load_and_report_the_same() {
    let then: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("store-v1-manifest.status.json")).unwrap()).unwrap();
    let backup = fixture("backup-v1.json");
    let restored = Sandbox::new();
    assert_ok(&restored.run(&["restore", backup.to_str().unwrap()]));
    let plain = Sandbox::new();
    let bytes = std::fs::read(&backup).unwrap();
    let body = &bytes[bytes.iter().position(|b| *b == b'\n').unwrap() + 1..];
    let export = plain.write("export-v1.json", body);
    assert_ok(&plain.run(&["import", export.to_str().unwrap()]));
    for sb in [&restored, &plain] {
        let store = reopen_after_stop(sb);
        let uid = nix::unistd::getuid().as_raw();
        store.put_user(uid, &UserRecord { name: "tester".into(), role: Role::Admin, responsible: Vec::new() }).unwrap();
        drop(store);
        let out = sb.run(&["status", "--period", "2020-Q1", "--as-of", "2020-04-13", "--json"]);
        assert_ok(&out);
        assert_contains(&then, &serde_json::from_str(&stdout(&out)).unwrap(), "status");
    }
}

/// The store of a sandbox, its server stopped.
fn reopen_after_stop(sb: &Sandbox) -> Store {
    assert_ok(&sb.run(&["serve", "--stop"]));
    reopen(&sb.db())
}

/// sled's files and the format file: what must stay byte for byte (not otchet's lock and log).
fn store_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                stack.push(path);
            } else if !name.starts_with("otchet.lock") && !name.starts_with("otchet-server.log") {
                out.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// A store written by this program, its server stopped.
fn closed_store(sb: &Sandbox) {
    sb.import_sample();
    assert_ok(&sb.run(&["serve", "--stop"]));
}

/// The version the format file gives a layout or a record kind.
fn format_of(sb: &Sandbox, name: &str) -> u32 {
    let text = std::fs::read_to_string(sb.db().join("otchet.format")).unwrap();
    let line = text.lines().find(|l| l.starts_with(&format!("{name} "))).unwrap();
    line[name.len() + 1..].trim().parse().unwrap()
}

fn set_format(sb: &Sandbox, name: &str, version: u32) {
    let path = sb.db().join("otchet.format");
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text.lines().find(|l| l.starts_with(&format!("{name} "))).unwrap().to_owned();
    std::fs::write(&path, text.replace(&line, &format!("{name} {version}"))).unwrap();
}

#[test]
fn a_store_of_a_newer_layout_is_refused_and_left_byte_for_byte() {
    let sb = Sandbox::new();
    closed_store(&sb);
    // What a newer otchet leaves behind: its format file names its newer layout.
    set_format(&sb, "layout", SCHEMA_VERSION + 1);
    let before = store_files(&sb.db());
    for args in [&["status"][..], &["export", "--format", "json", "--output", "x.json"], &["history", "70"]] {
        let out = sb.run(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("создано более новой версией otchet") && err.contains("хранилище не изменено"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    assert_eq!(store_files(&sb.db()), before, "not one byte of the store changed");
}

#[test]
fn a_store_with_a_record_of_a_newer_format_is_refused_and_left_byte_for_byte() {
    let sb = Sandbox::new();
    closed_store(&sb);
    let entry_format = format_of(&sb, "entry");
    set_format(&sb, "entry", entry_format + 1);
    let before = store_files(&sb.db());
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("запись более новой версии otchet"), "{}", stderr(&out));
    assert_eq!(store_files(&sb.db()), before);
}

#[test]
fn without_its_format_file_a_newer_schema_is_still_refused_and_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path(), &StoreOptions::default()).unwrap();
        drop(store);
        // A newer layout recorded in sled itself, the format file lost.
        let db = unlocked(|| sled::open(dir.path())).unwrap();
        let meta = db.open_tree("meta").unwrap();
        meta.insert("schema", otchet::codec::encode(&SchemaVersion(SCHEMA_VERSION + 1)).unwrap()).unwrap();
        db.flush().unwrap();
    }
    std::fs::remove_file(dir.path().join("otchet.format")).unwrap();
    let err = unlocked(|| Store::open(dir.path(), &StoreOptions::default())).err().expect("refused");
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{err:?}");
    let db = unlocked(|| sled::open(dir.path())).unwrap();
    let schema = db.open_tree("meta").unwrap().get("schema").unwrap().unwrap();
    assert_eq!(otchet::codec::decode::<SchemaVersion>(&schema).unwrap(), SchemaVersion(SCHEMA_VERSION + 1));
    assert!(!dir.path().join("otchet.format").exists(), "nothing was written for it");
}

/// The store of layout 2, records of format 2 (entries holding their execution text), that
/// the server of just before issue 15 wrote: it reports what that program reported, and its
/// texts, revisions and carried-over texts read as they were written.
#[test]
fn the_second_format_store_reads_and_reports_as_it_was_written() {
    let sb = Sandbox::new();
    copy_named_fixture("store-v2", &sb.db());
    let q2 = PeriodId::parse("2020-Q2").unwrap();
    {
        let store = reopen(&sb.db());
        let added = "Дополнено: сведения направлены 03.04.2020 письмом № 01-12/345.";
        let edited: Vec<_> = store.entries(q1()).unwrap().into_iter().filter(|(_, e)| e.info.contains(added)).collect();
        let [(item, entry)] = edited.as_slice() else { panic!("one entry holds the added line: {edited:?}") };
        assert!(entry.info.starts_with("Проведен мониторинг хода реализации"), "{}", entry.info);
        assert_eq!(entry.revision, 2);
        let history = store.history(q1(), *item).unwrap();
        assert_eq!(history.iter().map(|r| r.revision).collect::<Vec<_>>(), [1, 2]);
        assert!(!history[0].info.contains(added) && history[1].info == entry.info);
        let carried = store.entries(q2).unwrap();
        assert_eq!(carried.len(), 72);
        assert_eq!(store.entry(q2, *item).unwrap().unwrap().info, entry.info);
        let uid = nix::unistd::getuid().as_raw();
        store.put_user(uid, &UserRecord { name: "tester".into(), role: Role::Admin, responsible: Vec::new() }).unwrap();
    }
    for (period, as_of, file) in
        [("2020-Q1", "2020-04-13", "store-v2.status.json"), ("2020-Q2", "2020-07-13", "store-v2-q2.status.json")]
    {
        let out = sb.run(&["status", "--period", period, "--as-of", as_of, "--json"]);
        assert_ok(&out);
        let then: Value = serde_json::from_str(&std::fs::read_to_string(fixture(file)).unwrap()).unwrap();
        assert_contains(&then, &serde_json::from_str(&stdout(&out)).unwrap(), period);
    }
}
