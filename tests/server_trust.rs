//! A client proves who its server is before it sends anything: the server's uid, from the
//! kernel (SO_PEERCRED), must be the store owner's (or root's, the client's own, the
//! configured service user's), and the socket's folder must be closed to everyone else. Only
//! the store's owner starts its server: root refuses to on another user's store and leaves
//! nothing there. Switching uid needs root; those tests are ignored unless built by root.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};

use common::{Sandbox, assert_ok, sample_path, stderr, stdout};

const NOBODY: u32 = 65534;

/// A store of root's shared with the group `nogroup` (2750), the sample loaded, no server.
fn shared_store_at_rest() -> Sandbox {
    common::require_root();
    let sb = Sandbox::new();
    sb.store_folder_for(None, Some(NOBODY), 0o2750);
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    assert_ok(&sb.run(&["serve", "--stop"]));
    sb
}

/// examples/impostor.rs run as `nobody` on `socket`, once it listens.
fn impostor_as_nobody(sb: &Sandbox, socket: &std::path::Path) -> Child {
    let program = common::example_copy("impostor", sb.path());
    let mut child =
        common::spawn_when_not_busy(Command::new(&program).arg(socket).uid(NOBODY).gid(NOBODY).stdout(Stdio::piped()));
    let mut first = String::new();
    BufReader::new(child.stdout.as_mut().unwrap()).read_line(&mut first).unwrap();
    assert_eq!(first.trim(), "listening");
    child
}

fn impostor_heard(mut child: Child) -> String {
    let mut said = String::new();
    child.stdout.take().unwrap().read_to_string(&mut said).unwrap();
    child.wait().unwrap();
    said
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: runs a fake server as another user")]
fn a_fake_server_of_a_group_member_is_refused_before_anything_is_sent() {
    let sb = shared_store_at_rest();
    // The store's folder is closed to writing by the members (2750); a socket folder the
    // group may write is where a member could bind a fake one.
    let run = sb.path().join("run");
    std::fs::create_dir(&run).unwrap();
    nix::unistd::chown(&run, None, Some(nix::unistd::Gid::from_raw(NOBODY))).unwrap();
    std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o770)).unwrap();
    let socket = run.join("otchet.sock");
    sb.write_config(&format!("[server]\nsocket = \"{}\"\n", socket.display()));
    let impostor = impostor_as_nobody(&sb, &socket);
    let out = sb.run(&["import", sample_path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("отвечает процесс пользователя nobody"), "{}", stderr(&out));
    assert!(stderr(&out).contains("ничего не отправлено"), "{}", stderr(&out));
    assert!(!out.stderr.contains(&0x1b) && !out.stdout.contains(&0x1b), "the fake's escape reached the terminal");
    assert_eq!(impostor_heard(impostor).trim(), "received 0 bytes");
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: a store of another user")]
fn root_does_not_start_a_server_on_a_store_it_does_not_own() {
    common::require_root();
    let sb = Sandbox::new();
    sb.store_folder_for(Some(NOBODY), None, 0o755);
    // Naming oneself the service user in one's own settings changes nothing.
    sb.write_config("[server]\nuser = \"root\"\n");
    let out = sb.run(&["import", sample_path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("может только владелец хранилища (nobody)"), "{}", stderr(&out));
    assert!(stderr(&out).contains("sudo -u nobody otchet serve --db"), "{}", stderr(&out));
    let out = sb.otchet().arg("serve").arg("--db").arg(sb.db()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("принадлежит пользователю nobody"), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(sb.db()).unwrap().count(), 0, "nothing of root's is left in the store");
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: a file of another user")]
fn a_file_of_another_user_in_the_store_folder_is_refused_naming_it() {
    let sb = shared_store_at_rest();
    let log = sb.db().join("otchet-server.log");
    let _ = std::fs::remove_file(&log);
    std::fs::write(&log, "planted\n").unwrap();
    nix::unistd::chown(&log, Some(nix::unistd::Uid::from_raw(NOBODY)), None).unwrap();
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("otchet-server.log"), "{}", stderr(&out));
    assert!(stderr(&out).contains("создан другим пользователем"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "planted\n");
}

#[test]
fn a_socket_in_a_folder_everyone_may_write_is_refused() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    assert_ok(&sb.run(&["serve", "--stop"]));
    let socket = format!("/tmp/otchet-trust-{}.sock", std::process::id());
    sb.write_config(&format!("[server]\nsocket = \"{socket}\"\n"));
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("каталог сокета /tmp "), "{}", stderr(&out));
    assert!(!std::path::Path::new(&socket).exists(), "no server was started on it");
    assert!(stdout(&out).is_empty());
}

#[test]
fn a_link_at_the_socket_to_another_stores_server_is_refused() {
    let (sb, other) = (Sandbox::new(), Sandbox::new());
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    assert_ok(&sb.run(&["serve", "--stop"]));
    let _other_server = other.start_server(&["--idle-timeout", "10"]);
    std::os::unix::fs::symlink(other.server_paths().socket, sb.server_paths().socket).unwrap();
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("символическая ссылка"), "{}", stderr(&out));
}

#[test]
fn a_store_folder_the_group_may_write_is_not_served() {
    let sb = Sandbox::new();
    std::fs::create_dir(sb.db()).unwrap();
    std::fs::set_permissions(sb.db(), std::fs::Permissions::from_mode(0o2770)).unwrap();
    let out = sb.otchet().arg("serve").arg("--db").arg(sb.db()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("могут писать участники группы"), "{}", stderr(&out));
    assert!(stderr(&out).contains("chmod g-w"), "{}", stderr(&out));
}
