//! Disk and store faults: a full disk (a small tmpfs) and a read-only store refuse a save
//! with a clear message and damage nothing stored; a store whose files were corrupted is
//! refused with a clear message naming the way out (`otchet restore`), never a panic or an
//! empty plan shown as if fine. The mounts need root: those tests are ignored unless the
//! tests were built by root (CI runs them as root).

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::server::{item_of, q1};
use common::{Sandbox, assert_ok, stderr, stdout};
use otchet::client::{Client, ClientError};
use otchet::domain::EntryEdit;
use otchet::model::SaveOutcome;
use otchet::proto::{ApiError, StoreFault};

/// A mount this test made, unmounted when dropped.
struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn mount(args: &[&str], at: &Path) -> Mount {
    common::require_root();
    match Command::new("mount").args(args).arg(at).status() {
        Ok(s) if s.success() => Mount(at.to_path_buf()),
        other => panic!("mount {args:?} failed (a container without CAP_SYS_ADMIN?): {other:?}"),
    }
}

fn save(client: &mut Client, point: &str, info: &str) -> Result<SaveOutcome, ClientError> {
    let item = item_of(client, point);
    let base = client.entry(q1(), item).unwrap().map_or(0, |e| e.revision);
    client.save(EntryEdit { period: q1(), item, base_revision: base, info: info.into(), assessment: String::new() })
}

fn info_of(client: &mut Client, point: &str) -> (u64, String) {
    let item = item_of(client, point);
    let e = client.entry(q1(), item).unwrap().unwrap();
    (e.revision, e.info)
}

/// Fills the file system of `dir` with a file there until it is full.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = vec![0u8; 64 << 10];
    while file.write_all(&chunk).is_ok() {}
    let _ = file.sync_all();
    path
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: mounts a file system")]
fn a_full_disk_refuses_the_save_clearly_and_damages_nothing() {
    let sb = Sandbox::new();
    std::fs::create_dir(sb.db()).unwrap();
    let _tmpfs = mount(&["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs"], &sb.db());
    let mut server = sb.start_server(&["--idle-timeout", "10"]);
    sb.import_sample();
    let mut client = sb.client();
    assert!(matches!(save(&mut client, "70", "до заполнения диска"), Ok(SaveOutcome::Saved(_))));
    let before = info_of(&mut client, "70");

    let filler = fill(&sb.db());
    // Big enough that a full disk cannot take it, small enough for the 4 MiB disk once freed.
    let big = "Текст, который не помещается на диск. ".repeat(1_500);
    match save(&mut client, "70", &big) {
        Err(ClientError::Api(ApiError::Store(e @ StoreFault::DiskFull { .. }))) => {
            let text = e.to_string();
            assert!(text.contains("нет места") && text.contains("Ничего не записано"), "{text}");
        }
        other => panic!("a full disk must refuse the save: {other:?}"),
    }
    assert_eq!(info_of(&mut client, "70"), before, "nothing changed, not even in memory");
    let item = item_of(&mut client, "70");
    assert_eq!(sb.client().entry(q1(), item).unwrap().unwrap().info, before.1);

    // Room again: the same save goes through, and a restarted server reads it all back.
    std::fs::remove_file(filler).unwrap();
    let again = save(&mut client, "70", &big);
    assert!(matches!(again, Ok(SaveOutcome::Saved(_))), "{again:?}");
    drop(client);
    assert_ok(&sb.run(&["serve", "--stop"]));
    server.wait_exit(std::time::Duration::from_secs(10));
    let _server = sb.start_server(&["--idle-timeout", "10"]);
    let mut client = sb.client();
    let (revision, info) = info_of(&mut client, "70");
    assert_eq!((revision, info == big), (before.0 + 1, true));
    let item = item_of(&mut client, "70");
    let history = client.history(q1(), item).unwrap();
    let texts: Vec<&str> = history.iter().map(|r| r.info.as_str()).collect();
    assert!(texts.contains(&"до заполнения диска"), "the history kept every acknowledged save");
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: mounts a file system")]
fn a_read_only_store_refuses_saves_and_a_start_clearly() {
    let sb = Sandbox::new();
    let mut server = sb.start_server(&["--idle-timeout", "10"]);
    sb.import_sample();
    let mut client = sb.client();
    let before = info_of(&mut client, "70");
    let db = sb.db();
    // The store's folder becomes read-only while the server runs (a remount, as root).
    let bind = mount(&["--bind", db.to_str().unwrap()], &db);
    // The same mount made read-only: unmounting `bind` undoes both.
    let ro = mount(&["-o", "remount,ro,bind"], &db);
    std::mem::forget(ro);
    match save(&mut client, "70", "на диск только для чтения") {
        Err(ClientError::Api(ApiError::Store(e @ StoreFault::ReadOnly))) => {
            assert!(e.to_string().contains("только для чтения"), "{e}");
        }
        other => panic!("a read-only store must refuse the save: {other:?}"),
    }
    assert_eq!(info_of(&mut client, "70"), before);
    drop(client);
    assert_ok(&sb.run(&["serve", "--stop"]));
    server.wait_exit(std::time::Duration::from_secs(10));

    // A server cannot start on it either: the message names the store and why.
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(db.to_str().unwrap()) && err.contains("только для чтения"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    drop(bind);
    let out = sb.run(&["status", "--as-of", "2020-04-13"]);
    assert_ok(&out);
    assert!(stdout(&out).contains("72 пункта"), "{}", stdout(&out));
}

/// A store written through the server and closed: the sample, some saves.
fn closed_store(sb: &Sandbox) -> String {
    let _server = sb.start_server(&["--idle-timeout", "10"]);
    sb.import_sample();
    let mut client = sb.client();
    for n in 0..5 {
        save(&mut client, "70", &format!("правка {n}")).unwrap();
    }
    drop(client);
    assert_ok(&sb.run(&["serve", "--stop"]));
    let out = sb.run(&["status", "--as-of", "2020-04-13", "--json"]);
    assert_ok(&out);
    assert_ok(&sb.run(&["serve", "--stop"]));
    stdout(&out)
}

fn copy_store(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o700)).unwrap();
}

/// No English reaches a Russian user: the Latin words left are the command's and sled's.
fn assert_no_english(said: &str, what: &str) {
    let known = ["otchet", "restore", "db", "sled", "conf", "backups"];
    let latin: Vec<&str> =
        said.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1 && !known.contains(w)).collect();
    assert!(latin.is_empty(), "{what}: English in {said:?}: {latin:?}");
}

/// Something done to a copy of the store's folder.
type Damage = Box<dyn Fn(&Path)>;

#[test]
fn a_corrupted_store_is_refused_with_the_way_out_never_shown_empty() {
    let sb = Sandbox::new();
    let good = closed_store(&sb);
    let len = std::fs::metadata(sb.db().join("db")).unwrap().len();
    let mut damaged_seen = 0;
    // Bytes flipped across the log, its whole tail cut, sled's config changed, the log gone.
    let mut cases: Vec<(String, Damage)> = Vec::new();
    for n in 0..8u64 {
        let at = len * n / 8 + 17;
        cases.push((
            format!("64 bytes flipped at {at}"),
            Box::new(move |dir: &Path| {
                let path = dir.join("db");
                let mut bytes = std::fs::read(&path).unwrap();
                let end = (at as usize + 64).min(bytes.len());
                bytes[at as usize..end].iter_mut().for_each(|b| *b ^= 0xff);
                std::fs::write(path, bytes).unwrap();
            }),
        ));
    }
    // sled drops a torn tail as after a crash: a cut that takes only superseded records
    // leaves the store whole, one into what it reads must be noticed.
    for (what, cut) in [("cut in half", len / 2), ("cut to its first 4 KiB", 4096), ("emptied", 0)] {
        cases.push((
            format!("the log {what}"),
            Box::new(move |dir: &Path| {
                let file = std::fs::OpenOptions::new().write(true).open(dir.join("db")).unwrap();
                file.set_len(cut).unwrap();
            }),
        ));
    }
    cases.push((
        "sled's config changed".into(),
        Box::new(|dir: &Path| {
            let path = dir.join("conf");
            let mut bytes = std::fs::read(&path).unwrap();
            bytes[10] ^= 0xff;
            std::fs::write(path, bytes).unwrap();
        }),
    ));
    cases.push(("the log removed".into(), Box::new(|dir: &Path| std::fs::remove_file(dir.join("db")).unwrap())));

    for (what, damage) in &cases {
        let copy = sb.path().join("copy");
        let _ = std::fs::remove_dir_all(&copy);
        copy_store(&sb.db(), &copy);
        damage(&copy);
        let out = sb.otchet().args(["status", "--as-of", "2020-04-13", "--json", "--db"]).arg(&copy).output().unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked") && !err.contains("backtrace"), "{what}: {err}");
        let must_notice = !what.contains("flipped") && !what.contains("half");
        if out.status.success() && !must_notice {
            // sled never read the changed bytes (free space in its log): all is there.
            assert_eq!(stdout(&out), good, "{what}: a store that opens must be whole");
        } else {
            damaged_seen += 1;
            assert_eq!(out.status.code(), Some(1), "{what}: {err}");
            assert!(err.contains("поврежден") && err.contains("otchet restore"), "{what}: {err}");
            assert!(err.contains(copy.to_str().unwrap()), "{what}: the message names the store: {err}");
            assert_no_english(&err.replace(copy.to_str().unwrap(), ""), what);
            assert!(stdout(&out).is_empty(), "{what}: nothing shown as if fine");
        }
        let _ = Command::new(env!("CARGO_BIN_EXE_otchet")).args(["serve", "--stop", "--db"]).arg(&copy).output();
    }
    // The deep cuts, the changed config and the missing log are always noticed; flipped
    // bytes or a cut tail where sled keeps nothing it reads are not damage at all.
    println!("damage noticed in {damaged_seen} of {} cases", cases.len());
    assert!(damaged_seen >= 4, "{damaged_seen}");
}
