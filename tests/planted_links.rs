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

/// The sample's store, its server stopped (so that the next command starts one).
fn stopped_store() -> Sandbox {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    assert_ok(&sb.run(&["serve", "--stop"]));
    sb
}

/// A link at the store's `name` to `target`, in place of what was there.
fn plant(sb: &Sandbox, name: &str, target: &std::path::Path) {
    let planted = sb.db().join(name);
    let _ = std::fs::remove_file(&planted);
    std::os::unix::fs::symlink(target, planted).unwrap();
}

fn untouched(path: &std::path::Path) {
    assert_eq!(std::fs::read_to_string(path).unwrap(), "private", "{} was written", path.display());
    assert_eq!(std::fs::metadata(path).unwrap().permissions().mode() & 0o777, 0o600, "{} re-moded", path.display());
}

#[test]
fn the_manifests_temporary_is_never_followed() {
    let sb = stopped_store();
    let temp = victim(&sb, "victim-temp");
    plant(&sb, "otchet.format.tmp", &temp);
    // A server starts and commits: the manifest is replaced through a temporary of its own.
    assert_ok(&sb.run(&["assessments", "set", "выполнено", "не выполнено"]));
    assert_ok(&sb.run(&["serve", "--stop"]));
    untouched(&temp);
}

#[test]
fn a_planted_log_is_refused_naming_it() {
    let sb = stopped_store();
    let log = victim(&sb, "victim-log");
    plant(&sb, "otchet-server.log", &log);
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("otchet-server.log"), "{}", stderr(&out));
    untouched(&log);
}

#[test]
fn a_planted_backups_folder_is_refused_and_nothing_lands_in_its_target() {
    let sb = stopped_store();
    let elsewhere = sb.path().join("victim-folder");
    std::fs::create_dir(&elsewhere).unwrap();
    let old = elsewhere.join("otchet-2000-01-01.json");
    std::fs::write(&old, "private").unwrap();
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o600)).unwrap();
    let _ = std::fs::remove_dir_all(sb.db().join("backups"));
    plant(&sb, "backups", &elsewhere);
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
    let sb = stopped_store();
    let lock = victim(&sb, "victim-lock");
    plant(&sb, "otchet.lock", &lock);
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
