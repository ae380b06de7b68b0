//! kill -9 of the server at several points of a 10,000-item restore: the store is then
//! either complete or refused with «восстановление … прервано», never half; a restore run
//! again completes it.

mod common;

use std::time::{Duration, Instant};

use common::{Sandbox, assert_ok, stderr, stdout};

/// A backup of a store holding a 10,000-item plan with its texts.
fn big_backup(dir: &Sandbox) -> std::path::PathBuf {
    let report = common::sample_repeated(10_000);
    let _server = dir.start_server(&["--idle-timeout", "20"]);
    dir.client().import(report).unwrap();
    let backup = dir.path().join("big-backup.json");
    assert_ok(&dir.run(&["backup", backup.to_str().unwrap()]));
    backup
}

#[test]
fn a_restore_killed_half_way_leaves_a_store_that_says_so_and_a_second_restore_completes() {
    let source = Sandbox::new();
    let backup = big_backup(&source);
    let mut outcomes = Vec::new();
    for delay_ms in [100u64, 250, 400, 600, 900, 1300, 1800] {
        let sb = Sandbox::new();
        let mut server = sb.start_server(&["--idle-timeout", "20"]);
        let mut restore = sb.otchet().args(["restore", backup.to_str().unwrap(), "--db"]).arg(sb.db()).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(i32::try_from(server.pid()).unwrap()),
            nix::sys::signal::Signal::SIGKILL,
        );
        let _ = server.child.wait();
        let _ = restore.wait();
        // A new server (started by the command) opens what the killed one left.
        let out = sb.run(&["status", "--json", "--as-of", "2020-04-13"]);
        if out.status.success() {
            let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
            assert_eq!(json["counts"]["items"], 10_000, "complete when shown ({delay_ms} ms)");
            outcomes.push((delay_ms, "complete"));
        } else if stderr(&out).contains("пусто") {
            // Killed before the first record was written: nothing there, nothing half, so
            // a report imported now is all the store holds.
            assert_ok(&sb.run(&["import", common::sample_path().to_str().unwrap()]));
            let out = sb.run(&["status", "--json", "--as-of", "2020-04-13"]);
            let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
            assert_eq!(json["counts"]["items"], 72, "nothing of a half restore is left ({delay_ms} ms)");
            outcomes.push((delay_ms, "empty"));
        } else {
            assert!(stderr(&out).contains("восстановление из резервной копии было прервано"), "{}", stderr(&out));
            outcomes.push((delay_ms, "refused"));
            let out = sb.run(&["restore", backup.to_str().unwrap()]);
            assert_ok(&out);
            let out = sb.run(&["status", "--json", "--as-of", "2020-04-13"]);
            assert_ok(&out);
            let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
            assert_eq!(json["counts"]["items"], 10_000, "the second restore completes it");
        }
        let started = Instant::now();
        while sb.run(&["serve", "--stop"]).status.success() && started.elapsed() < Duration::from_secs(5) {}
    }
    assert!(outcomes.iter().any(|(_, o)| *o == "refused"), "no kill landed inside the restore: {outcomes:?}");
}
