//! No path to a store's content for a user without a role: the socket refuses them, and the
//! store's files, its daily backups, `otchet backup` files and the server's socket are
//! closed to everyone outside the store's user (private store) or staff group (shared
//! store). A client cannot claim another user's identity: nothing in the protocol carries
//! one, the server takes the peer's uid from the kernel (SO_PEERCRED), whatever the
//! client's environment says. Switching uid needs root: those tests are ignored unless the
//! tests were built by root (CI runs them as root).

mod common;

use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::server::{item_of, q1};
use common::{Sandbox, assert_ok, stderr, stdout};
use otchet::domain::EntryEdit;

const NOBODY: u32 = 65534;
/// A group `nobody` is not in: the staff group of the shared store here.
const DAEMON_GID: u32 = 1;

/// Every file and folder under `dir`, with its mode.
fn modes(dir: &Path) -> Vec<(PathBuf, u32)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        out.push((d.clone(), std::fs::metadata(&d).unwrap().mode()));
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            // A temporary file renamed away meanwhile is not there to check.
            let Ok(meta) = std::fs::symlink_metadata(&path) else { continue };
            if meta.is_dir() {
                stack.push(path);
            } else {
                out.push((path, meta.mode()));
            }
        }
    }
    out
}

/// A store with everything a store's folder can hold: the sample, saves, a daily backup,
/// the running server's socket, its lock and log.
fn busy_store(sb: &Sandbox) -> common::server::ServerProcess {
    sb.import_sample();
    assert_ok(&sb.run(&["serve", "--stop"]));
    let server = sb.start_server(&["--idle-timeout", "10"]);
    let backup = sb.db().join("backups").join(format!("otchet-{}.json", chrono::Local::now().format("%Y-%m-%d")));
    let started = std::time::Instant::now();
    while !backup.exists() {
        assert!(started.elapsed() < Duration::from_secs(10), "the daily backup");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut client = sb.client();
    let item = item_of(&mut client, "70");
    let base = client.entry(q1(), item).unwrap().unwrap().revision;
    let edit =
        EntryEdit { period: q1(), item, base_revision: base, info: "секрет".into(), assessment: String::new() };
    client.save(edit).unwrap();
    server
}

#[test]
fn a_private_store_is_closed_to_everyone_else() {
    let sb = Sandbox::new();
    let _server = busy_store(&sb);
    let out_file = sb.path().join("my-backup.json");
    assert_ok(&sb.run(&["backup", out_file.to_str().unwrap()]));
    let mut checked = modes(&sb.db());
    checked.push((out_file.clone(), std::fs::metadata(&out_file).unwrap().mode()));
    assert!(checked.iter().any(|(p, _)| p.ends_with("otchet.sock")));
    assert!(checked.iter().any(|(p, _)| p.to_string_lossy().contains("/backups/otchet-")));
    for (path, mode) in &checked {
        assert_eq!(mode & 0o077, 0, "{} is {:o}: group and others must have no access", path.display(), mode & 0o7777);
    }
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: runs commands as another user")]
fn another_user_gets_nothing_from_a_private_store() {
    common::require_root();
    let sb = Sandbox::new();
    let _server = busy_store(&sb);
    let out_file = sb.path().join("my-backup.json");
    assert_ok(&sb.run(&["backup", out_file.to_str().unwrap()]));
    let out = as_nobody(&["cat", out_file.to_str().unwrap()]);
    assert!(!out.status.success(), "nobody reads a backup file");
    // Without even the store's folder, nobody gets nothing from any command.
    for args in
        [&["status"][..], &["export", "--format", "json", "--output", "/tmp/x.json"], &["backup", "/tmp/y.json"]]
    {
        let out = otchet_as_nobody(&sb, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{args:?}");
        assert!(!stderr(&out).contains("секрет"));
    }
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: a group store and another uid")]
fn a_group_store_is_closed_to_those_outside_the_group_and_refuses_members_without_a_role() {
    common::require_root();
    let sb = Sandbox::new();
    sb.store_folder_for(None, Some(DAEMON_GID), 0o2750);
    let _server = busy_store(&sb);
    for (path, mode) in modes(&sb.db()) {
        assert_eq!(mode & 0o007, 0, "{} is {:o}: others must have no access", path.display(), mode & 0o7777);
    }
    let socket = sb.server_paths().socket;
    for file in ["db", "otchet.format", "otchet-server.log"] {
        let out = as_nobody(&["cat", sb.db().join(file).to_str().unwrap()]);
        assert!(!out.status.success(), "nobody (not in the group) reads {file}");
    }
    let out = otchet_as_nobody(&sb, &["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    // A member of the group without a role reaches the socket and is refused there.
    let out = otchet_as(&sb, &["status"], NOBODY, DAEMON_GID);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("не допущен к этому хранилищу"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(socket.exists());
}

// ---- identity: as a real process of another user ------------------------------------------

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: runs a client as another user")]
fn a_client_cannot_claim_another_identity() {
    common::require_root();
    let sb = Sandbox::new();
    sb.store_folder_for(None, Some(NOBODY), 0o2750);
    let _server = sb.start_server(&["--idle-timeout", "10"]);
    sb.import_sample();
    assert_ok(&sb.run(&["users", "add", "nobody", "--role", "editor"]));

    let peer = common::example_copy("peer", sb.path());
    let socket = sb.server_paths().socket;
    let run = || {
        Command::new(&peer)
            .arg(&socket)
            .args(["2020-Q1", "70", "кто я?"])
            .env_clear()
            // Everything a client could say about who it is says root.
            .env("USER", "root")
            .env("LOGNAME", "root")
            .env("HOME", "/root")
            .env("LANG", "C.UTF-8")
            .current_dir(sb.path())
            .uid(NOBODY)
            .gid(NOBODY)
            .output()
    };
    let out = common::output_when_not_busy(run).expect("the peer runs as nobody");
    let said = stdout(&out);
    assert!(said.contains(&format!("whoami: {NOBODY} nobody editor")), "{said}");
    assert!(said.contains("saved: Saved"), "{said}");
    let mut client = sb.client();
    let item = item_of(&mut client, "70");
    let last = client.history(q1(), item).unwrap().pop().unwrap();
    assert_eq!((last.by.as_str(), last.info.as_str()), ("nobody", "кто я?"), "the save is nobody's");
}

fn as_nobody(args: &[&str]) -> std::process::Output {
    common::require_root();
    Command::new(args[0]).args(&args[1..]).uid(NOBODY).gid(NOBODY).current_dir("/").output().expect("runs as nobody")
}

fn otchet_as_nobody(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    otchet_as(sb, args, NOBODY, NOBODY)
}

fn otchet_as(sb: &Sandbox, args: &[&str], uid: u32, gid: u32) -> std::process::Output {
    common::require_root();
    let out = sb
        .otchet()
        .args(args)
        .arg("--db")
        .arg(sb.db())
        .env("HOME", "/nonexistent")
        .env("XDG_RUNTIME_DIR", "/nonexistent")
        .current_dir("/")
        .uid(uid)
        .gid(gid)
        .output();
    match out {
        Ok(out) if out.status.code() != Some(126) => out,
        other => panic!("the otchet binary cannot run as uid {uid} (is its folder closed to them?): {other:?}"),
    }
}
