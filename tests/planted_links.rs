//! Links planted in the store folder by another group member are never followed: the log,
//! the start lock, the manifest's temporary and sled's own files. Nothing outside the folder
//! changes, neither its content nor its mode.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::{Sandbox, assert_ok, sample_path, stderr};

fn victim(sb: &Sandbox, name: &str) -> std::path::PathBuf {
    let path = sb.path().join(name);
    std::fs::write(&path, "private").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path
}

fn untouched(path: &std::path::Path) {
    assert_eq!(std::fs::read_to_string(path).unwrap(), "private", "{} was written", path.display());
    assert_eq!(std::fs::metadata(path).unwrap().permissions().mode() & 0o777, 0o600, "{} re-moded", path.display());
}

#[test]
fn the_manifests_temporary_is_never_followed() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    assert_ok(&sb.run(&["serve", "--stop"]));
    let temp = victim(&sb, "victim-temp");
    std::os::unix::fs::symlink(&temp, sb.db().join("otchet.format.tmp")).unwrap();
    // A server starts and commits: the manifest is replaced through a temporary of its own.
    assert_ok(&sb.run(&["assessments", "set", "выполнено", "не выполнено"]));
    assert_ok(&sb.run(&["serve", "--stop"]));
    untouched(&temp);
}

#[test]
fn a_planted_log_is_refused_naming_it() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    assert_ok(&sb.run(&["serve", "--stop"]));
    let log = victim(&sb, "victim-log");
    let _ = std::fs::remove_file(sb.db().join("otchet-server.log"));
    std::os::unix::fs::symlink(&log, sb.db().join("otchet-server.log")).unwrap();
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("otchet-server.log"), "{}", stderr(&out));
    untouched(&log);
}

#[test]
fn a_planted_backups_folder_is_refused_and_nothing_lands_in_its_target() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    assert_ok(&sb.run(&["serve", "--stop"]));
    let elsewhere = sb.path().join("victim-folder");
    std::fs::create_dir(&elsewhere).unwrap();
    let old = elsewhere.join("otchet-2000-01-01.json");
    std::fs::write(&old, "private").unwrap();
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o600)).unwrap();
    let _ = std::fs::remove_dir_all(sb.db().join("backups"));
    std::os::unix::fs::symlink(&elsewhere, sb.db().join("backups")).unwrap();
    // The server starts, takes its daily backup (refused, logged) and serves on.
    assert_ok(&sb.run(&["status"]));
    let log = sb.db().join("otchet-server.log");
    common::wait_until("the refused backup is logged", || {
        std::fs::read_to_string(&log).is_ok_and(|l| l.contains("backups"))
    });
    assert_ok(&sb.run(&["serve", "--stop"]));
    untouched(&old);
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 1, "nothing written into the link's target");
}

#[test]
fn a_planted_lock_is_refused_naming_it() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    assert_ok(&sb.run(&["serve", "--stop"]));
    let lock = victim(&sb, "victim-lock");
    let planted = sb.db().join("otchet.lock");
    let _ = std::fs::remove_file(&planted);
    std::os::unix::fs::symlink(&lock, &planted).unwrap();
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("otchet.lock"), "{}", stderr(&out));
    untouched(&lock);
}

#[test]
fn a_planted_store_file_is_refused_before_sled_opens_it() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.db()).unwrap();
    std::fs::set_permissions(sb.db(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let target = victim(&sb, "victim-db");
    std::os::unix::fs::symlink(&target, sb.db().join("db")).unwrap();
    let out = sb.run(&["import", sample_path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("ссылка или файл другого пользователя"), "{}", stderr(&out));
    untouched(&target);
}
