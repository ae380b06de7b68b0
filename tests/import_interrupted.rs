//! kill -9 of the server at several points of a 10,000-item import over a stored report
//! (once it has committed so many of its batches), every text changed: the store then
//! holds every old text or every new one, never some of each; the server that opens it
//! next says an import was taken back, and the import run again completes.

mod common;

use std::time::{Duration, Instant};

use common::Sandbox;
use common::server::q1;
use otchet::domain::Report;

/// The sample's rows repeated to 10,000 items, every execution text `marker` and a number.
fn big_report(marker: &str) -> Report {
    let mut report = common::sample_repeated(10_000);
    for (i, row) in report.rows.iter_mut().enumerate() {
        row.info = format!("{marker} {i}");
    }
    report
}

/// How many items' texts start with each marker.
fn texts_by_marker(sb: &Sandbox) -> (usize, usize) {
    let snapshot = sb.client_when_up().snapshot(Some(q1())).unwrap().expect("the period is stored");
    let old = snapshot.entries.iter().filter(|(_, e)| e.info.starts_with("старое ")).count();
    let new = snapshot.entries.iter().filter(|(_, e)| e.info.starts_with("новое ")).count();
    (old, new)
}

/// The commits the store has counted (its `otchet.format`, rewritten after each commit).
fn commits(sb: &Sandbox) -> u64 {
    let text = std::fs::read_to_string(sb.db().join("otchet.format")).unwrap_or_default();
    let count = text.lines().filter_map(|l| l.strip_prefix("commits ")).find(|v| v.len() == 20);
    count.and_then(|v| v.parse().ok()).unwrap_or(0)
}

#[test]
fn an_import_killed_half_way_leaves_every_old_text_or_every_new_one() {
    let mut outcomes = Vec::new();
    // Batches to wait for before the kill (0: at once); an import of 10,000 rows is ~50.
    for batches in [0u64, 2, 10, 30] {
        let sb = Sandbox::new();
        let mut server = sb.start_server(&["--idle-timeout", "30"]);
        sb.client().import(big_report("старое")).unwrap();
        let before = commits(&sb);
        let importer = {
            let mut client = sb.client();
            std::thread::spawn(move || client.import(big_report("новое")))
        };
        let started = Instant::now();
        while commits(&sb) < before + batches && !importer.is_finished() {
            assert!(started.elapsed() < Duration::from_secs(120), "the import does not go on");
            std::thread::sleep(Duration::from_millis(2));
        }
        let pid = nix::unistd::Pid::from_raw(i32::try_from(server.pid()).unwrap());
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
        let _ = server.child.wait();
        let finished = importer.join().unwrap().is_ok();
        // A new server (started by the command) opens what the killed one left.
        assert!(sb.run(&["status"]).status.success());
        let log = std::fs::read_to_string(sb.server_paths().log()).unwrap_or_default();
        let taken_back = log.contains("загрузка отчета была прервана");
        match texts_by_marker(&sb) {
            (10_000, 0) => outcomes.push((batches, if taken_back { "taken back" } else { "not begun" })),
            (0, 10_000) => outcomes.push((batches, "complete")),
            mixed => panic!("half an import is stored after a kill past {batches} batches: {mixed:?}"),
        }
        assert!(!(finished && taken_back), "an acknowledged import was taken back ({batches} batches)");
        if taken_back {
            let outcome = sb.client_when_up().import(big_report("новое")).unwrap();
            assert_eq!(outcome.entries_changed, 10_000, "the import run again completes");
            assert_eq!(texts_by_marker(&sb), (0, 10_000));
        }
        let started = Instant::now();
        while sb.run(&["serve", "--stop"]).status.success() && started.elapsed() < Duration::from_secs(5) {}
    }
    eprintln!("kills: {outcomes:?}");
    let inside = outcomes.iter().filter(|(b, o)| *b > 0 && *o == "taken back").count();
    assert!(inside >= 2, "the kills did not land inside the import: {outcomes:?}");
}
