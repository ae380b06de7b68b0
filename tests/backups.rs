//! Backups: `otchet backup FILE` while staff keep saving gives a consistent, checksummed
//! snapshot; `otchet restore FILE` loads it into an empty store and refuses a damaged one;
//! the server keeps a daily backup for `backup_days` days next to the store.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::server::{item_of, q1};
use common::{Sandbox, assert_ok, stderr, stdout};
use otchet::domain::EntryEdit;
use otchet::formats::backup::{self, Verified};
use otchet::model::{SaveOutcome, StoreDump};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Every entry in the dump is its history's last revision, and revisions count up from 1.
fn assert_consistent(dump: &StoreDump) {
    for plan in &dump.plans {
        for period in &plan.periods {
            for e in &period.entries {
                let numbers: Vec<u64> = e.history.iter().map(|r| r.revision).collect();
                assert_eq!(numbers, (1..=e.entry.revision).collect::<Vec<_>>(), "item {:?}", e.item);
                let last = e.history.last().expect("a saved entry has history");
                assert_eq!((&last.info, &last.assessment), (&e.entry.info, &e.entry.assessment));
            }
        }
    }
}

#[test]
fn a_backup_taken_while_five_users_save_is_consistent_and_restores() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "10"]);
    sb.import_sample();
    let points = ["1", "2", "3", "4", "5"];
    let items: Vec<_> = points.iter().map(|p| item_of(&mut sb.client(), p)).collect();
    let stop = Arc::new(AtomicBool::new(false));
    let savers: Vec<_> = items
        .into_iter()
        .map(|item| {
            let mut client = sb.client();
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut saves = 0u64;
                let mut base = client.entry(q1(), item).unwrap().map_or(0, |e| e.revision);
                while !stop.load(Ordering::Relaxed) {
                    let edit = EntryEdit {
                        period: q1(),
                        item,
                        base_revision: base,
                        info: format!("правка {saves}"),
                        assessment: String::new(),
                    };
                    match client.save(edit).unwrap() {
                        SaveOutcome::Saved(entry) => base = entry.revision,
                        other => panic!("{other:?}"),
                    }
                    saves += 1;
                }
                saves
            })
        })
        .collect();

    let mut files = Vec::new();
    for n in 0..3 {
        let file = sb.path().join(format!("backup-{n}.json"));
        let out = sb.run(&["backup", file.to_str().unwrap()]);
        assert_ok(&out);
        assert!(stdout(&out).contains("резервная копия записана"), "{}", stdout(&out));
        files.push(file);
    }
    stop.store(true, Ordering::Relaxed);
    let saves: u64 = savers.into_iter().map(|s| s.join().unwrap()).sum();
    assert!(saves > 0);

    for file in &files {
        assert_eq!(mode(file), 0o600, "a backup holds the whole store: its owner's only");
        let (dump, verified) = backup::read(file, &std::fs::read(file).unwrap()).unwrap();
        assert_eq!(verified, Verified::Checksum);
        assert_consistent(&dump);
    }

    // The last one loads into an empty store and exports the same JSON it holds.
    let last = &files[2];
    let restored = sb.path().join("restored");
    let out = sb.otchet().args(["restore", last.to_str().unwrap(), "--db"]).arg(&restored).output().unwrap();
    assert_ok(&out);
    assert!(stdout(&out).contains("контрольная сумма верна"), "{}", stdout(&out));
    let json = sb.path().join("again.json");
    let out = sb
        .otchet()
        .args(["export", "--format", "json", "--output", json.to_str().unwrap(), "--db"])
        .arg(&restored)
        .output()
        .unwrap();
    assert_ok(&out);
    let bytes = std::fs::read(last).unwrap();
    let body = &bytes[bytes.iter().position(|b| *b == b'\n').unwrap() + 1..];
    assert_eq!(std::fs::read(&json).unwrap(), body, "the restored store holds exactly the backup");
}

#[test]
fn restore_refuses_a_damaged_backup_and_a_store_that_is_not_empty() {
    let sb = Sandbox::new();
    sb.import_sample();
    let file = sb.path().join("b.json");
    assert_ok(&sb.run(&["backup", file.to_str().unwrap()]));
    let good = std::fs::read(&file).unwrap();

    // One changed letter in the middle, and a copy cut short: refused, nothing loaded.
    let mut changed = good.clone();
    let middle = changed.len() / 2;
    changed[middle] = if changed[middle] == b'a' { b'b' } else { b'a' };
    let cut = &good[..good.len() - 100];
    for (name, bytes) in [("changed.json", &changed[..]), ("cut.json", cut)] {
        let path = sb.write(name, bytes);
        let fresh = sb.path().join(format!("new-{name}"));
        let out = sb.otchet().args(["restore", path.to_str().unwrap(), "--db"]).arg(&fresh).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("резервная копия повреждена"), "{}", stderr(&out));
        assert!(!fresh.exists(), "the store is not even created");
    }

    let out = sb.run(&["restore", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("не пусто"), "{}", stderr(&out));

    // A plain JSON export restores too, and says it had no checksum to check.
    let plain = sb.path().join("plain.json");
    assert_ok(&sb.run(&["export", "--format", "json", "--output", plain.to_str().unwrap()]));
    let fresh = sb.path().join("from-plain");
    let out = sb.otchet().args(["restore", plain.to_str().unwrap(), "--db"]).arg(&fresh).output().unwrap();
    assert_ok(&out);
    assert!(stdout(&out).contains("без контрольной суммы"), "{}", stdout(&out));
    // And `otchet import` of a backup checks its checksum too.
    let other = sb.path().join("imported");
    let out = sb.otchet().args(["import", file.to_str().unwrap(), "--db"]).arg(&other).output().unwrap();
    assert_ok(&out);
}

#[test]
fn the_server_keeps_a_daily_backup_for_the_configured_days() {
    let sb = Sandbox::new();
    sb.import_sample();
    assert_ok(&sb.run(&["serve", "--stop"]));
    sb.write_config("[server]\nbackup_days = 2\n");
    let dir = sb.db().join("backups");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let today = chrono::Local::now().date_naive();
    let yesterday = today - chrono::TimeDelta::days(1);
    let old = today - chrono::TimeDelta::days(2);
    for day in [yesterday, old, old - chrono::TimeDelta::days(30)] {
        std::fs::write(dir.join(format!("otchet-{}.json", day.format("%Y-%m-%d"))), "old").unwrap();
    }
    std::fs::write(dir.join("notes.txt"), "an admin's file").unwrap();

    // Any command starts the server, which backs up on start.
    assert_ok(&sb.run(&["status"]));
    let todays = dir.join(format!("otchet-{}.json", today.format("%Y-%m-%d")));
    // The log line comes once the backup is written and the old ones removed.
    let log = sb.db().join("otchet-server.log");
    let started = Instant::now();
    while !std::fs::read_to_string(&log).unwrap_or_default().contains("ежедневная резервная копия записана")
    {
        assert!(started.elapsed() < Duration::from_secs(10), "no backup for today in {}", dir.display());
        std::thread::sleep(Duration::from_millis(20));
    }
    let (dump, verified) = backup::read(&todays, &std::fs::read(&todays).unwrap()).unwrap();
    assert_eq!((verified, dump.plans[0].items.len()), (Verified::Checksum, 72));
    assert_eq!(mode(&todays), 0o600);
    let mut left: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    left.sort();
    let expected = [
        "notes.txt".to_owned(),
        format!("otchet-{}.json", yesterday.format("%Y-%m-%d")),
        format!("otchet-{}.json", today.format("%Y-%m-%d")),
    ];
    assert_eq!(left, expected, "two days kept, older ones removed, other files left alone");
}

#[test]
fn backups_can_be_turned_off() {
    let sb = Sandbox::new();
    sb.write_config("[server]\nbackup_days = 0\n");
    sb.import_sample();
    assert_ok(&sb.run(&["serve", "--stop"]));
    assert_ok(&sb.run(&["status"]));
    assert_ok(&sb.run(&["serve", "--stop"]));
    assert!(!sb.db().join("backups").exists());
}
