//! Who may talk to the server and how: protocol versions, malformed frames, the peer's uid
//! from the kernel, users without a role and viewers (as real processes of another user
//! when the tests run as root).

mod common;

use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::server::{item_of, q1};
use common::{Sandbox, assert_ok, stderr, stdout};
use otchet::client::{ClientError, RemoteTransport};
use otchet::domain::Role;
use otchet::proto::ApiError;
use otchet::proto::frame::{self, Frame, FrameBody, PROTOCOL_VERSION};

#[test]
fn a_client_of_another_protocol_version_is_refused_with_the_message() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "5"]);
    let stream = UnixStream::connect(sb.server_paths().socket).unwrap();
    let refusal = RemoteTransport::over(stream, PROTOCOL_VERSION + 1).err().expect("refused");
    match &refusal {
        ClientError::Api(ApiError::Version { client, server, server_program }) => {
            assert_eq!((*client, *server), (PROTOCOL_VERSION + 1, PROTOCOL_VERSION));
            assert_eq!(server_program, env!("CARGO_PKG_VERSION"));
        }
        other => panic!("{other:?}"),
    }
    let text = refusal.to_string();
    let expected = format!("клиент версии {}, сервер версии {}", PROTOCOL_VERSION + 1, PROTOCOL_VERSION);
    assert!(text.contains(&expected) && text.contains("otchet serve --stop"), "{text}");
    // The server goes on serving everyone else.
    sb.client().whoami().unwrap();
}

#[test]
fn a_server_of_another_protocol_version_is_named_by_the_client() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("old.sock");
    let listener = UnixListener::bind(&socket).unwrap();
    let fake = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let _hello = frame::read(&mut stream);
        let welcome = Frame { protocol: 99, body: FrameBody::Welcome { program: "9.0.0".into() } };
        frame::write(&mut stream, &welcome).unwrap();
    });
    let refusal = RemoteTransport::over(UnixStream::connect(&socket).unwrap(), PROTOCOL_VERSION).err().unwrap();
    fake.join().unwrap();
    assert!(
        matches!(&refusal, ClientError::Api(ApiError::Version { server: 99, server_program, .. }) if server_program == "9.0.0"),
        "{refusal:?}"
    );
    assert!(refusal.to_string().contains("сервер версии 99 (9.0.0)"), "{refusal}");
}

/// Reads until the server closes the connection; fails if it does not within 5 s.
fn assert_closed_by_server(mut stream: UnixStream) {
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut sink = Vec::new();
    match stream.read_to_end(&mut sink) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        Err(e) => panic!("the server did not close the connection: {e}"),
    }
}

#[test]
fn a_malformed_or_oversized_frame_closes_that_connection_only() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "5"]);
    let mut bystander = sb.client();
    bystander.whoami().unwrap();
    let socket = sb.server_paths().socket;

    let mut garbage = UnixStream::connect(&socket).unwrap();
    garbage.write_all(&[9, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).unwrap();
    assert_closed_by_server(garbage);

    let mut huge = UnixStream::connect(&socket).unwrap();
    huge.write_all(&u32::MAX.to_le_bytes()).unwrap();
    assert_closed_by_server(huge);

    // Garbage after a good handshake ends that session too.
    let mut greeted = UnixStream::connect(&socket).unwrap();
    frame::write(&mut greeted, &Frame::new(FrameBody::Hello { program: "test".into() })).unwrap();
    assert!(matches!(frame::read(&mut greeted).unwrap().body, FrameBody::Welcome { .. }));
    greeted.write_all(&[3, 0, 0, 0, 0xff, 0xff, 0xff]).unwrap();
    assert_closed_by_server(greeted);

    bystander.whoami().expect("other clients are not affected");
    sb.client().whoami().expect("new clients are served");
}

#[test]
fn the_peer_uid_comes_from_the_kernel() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "5"]);
    let me = sb.client().whoami().unwrap();
    assert_eq!(me.actor.uid, nix::unistd::getuid().as_raw());
    assert_eq!(me.actor, otchet::identity::current_actor());
    assert_eq!(me.role, Role::Admin, "the store's first user owns it");
}

// ---- another user, as a real process (needs root to switch uid) -------------------------

const NOBODY: u32 = 65534;

/// A store shared with the `nogroup` group (2750, as docs/server.md sets up for staff), its
/// server run by root, and the sample loaded.
fn shared_store_as_root() -> (Sandbox, common::server::ServerProcess) {
    common::require_root();
    let sb = Sandbox::new();
    sb.store_folder_for(None, Some(NOBODY), 0o2750);
    let server = sb.start_server(&["--idle-timeout", "5"]);
    sb.import_sample();
    let socket = std::fs::metadata(sb.server_paths().socket).unwrap();
    assert_eq!(socket.permissions().mode() & 0o777, 0o660, "a group-shared store gets a group socket");
    (sb, server)
}

/// The peer example, copied where `nobody` can run it, run as `nobody`: who the server says
/// it is, and what came of its save of item 1.
fn as_nobody(sb: &Sandbox) -> String {
    let peer = sb.path().join("peer");
    let peer = if peer.exists() { peer } else { common::example_copy("peer", sb.path()) };
    let socket = sb.server_paths().socket;
    let run = || {
        Command::new(&peer)
            .arg(&socket)
            .args(["2020-Q1", "1", "чужая правка"])
            .env("LANG", "C.UTF-8")
            .current_dir(sb.path())
            .uid(NOBODY)
            .gid(NOBODY)
            .output()
    };
    stdout(&common::output_when_not_busy(run).expect("the peer runs as nobody"))
}

fn otchet_as_nobody(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    let out =
        sb.otchet().args(args).arg("--db").arg(sb.db()).current_dir(Path::new("/")).uid(NOBODY).gid(NOBODY).output();
    match out {
        Ok(out) if out.status.code() != Some(126) => out,
        other => panic!("the otchet binary cannot run as nobody (is its folder closed to them?): {other:?}"),
    }
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: runs a client as another user")]
fn a_user_without_a_role_is_refused_with_what_to_do() {
    let (sb, _server) = shared_store_as_root();
    let out = otchet_as_nobody(&sb, &["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("не допущен к этому хранилищу"), "{}", stderr(&out));
    assert!(stderr(&out).contains("otchet users add nobody --role editor"), "{}", stderr(&out));
    let said = as_nobody(&sb);
    assert!(said.contains("refused: пользователь nobody не допущен"), "{said}");
    assert!(!said.contains("saved:"), "{said}");
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: runs a client as another user")]
fn a_viewer_reads_but_cannot_save() {
    let (sb, _server) = shared_store_as_root();
    assert_ok(&sb.run(&["users", "add", "nobody", "--role", "viewer"]));
    let said = as_nobody(&sb);
    assert!(said.contains(&format!("whoami: {NOBODY} nobody viewer")), "the server knows the peer by its uid: {said}");
    assert!(said.contains("save refused: у пользователя nobody роль «viewer»: только просмотр"), "{said}");
    assert_ok(&otchet_as_nobody(&sb, &["status", "--json"]));

    // Made an editor, the same user saves.
    assert_ok(&sb.run(&["users", "add", "nobody", "--role", "editor"]));
    let said = as_nobody(&sb);
    assert!(said.contains("saved: Saved"), "{said}");
    let users = stdout(&sb.run(&["users", "list"]));
    assert!(users.contains("nobody") && users.contains("editor"), "{users}");
    assert_ok(&sb.run(&["users", "remove", "nobody"]));
    let said = as_nobody(&sb);
    assert!(said.contains("refused:"), "{said}");
    let mut client = sb.client();
    let item = item_of(&mut client, "1");
    let last = client.history(q1(), item).unwrap().pop().unwrap();
    assert_eq!((last.by.as_str(), last.info.as_str()), ("nobody", "чужая правка"));
}

#[test]
fn the_admin_manages_users_by_login_or_uid() {
    let sb = Sandbox::new();
    sb.import_sample();
    let me = otchet::identity::current_actor();
    let list = stdout(&sb.run(&["users", "list"]));
    assert!(list.contains(&me.name) && list.contains("admin"), "the importer owns the store: {list}");

    let unknown = sb.run(&["users", "add", "no-such-login-here", "--role", "editor"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("нет пользователя «no-such-login-here»"), "{}", stderr(&unknown));
    let bad_role = sb.run(&["users", "add", "54321", "--role", "boss"]);
    assert_eq!(bad_role.status.code(), Some(2), "{}", stderr(&bad_role));

    assert_ok(&sb.run(&["users", "add", "54321", "--role", "viewer"]));
    let list = stdout(&sb.run(&["users", "list"]));
    assert!(list.lines().any(|l| l.contains("54321") && l.ends_with("viewer")), "{list}");
    let demote = sb.run(&["users", "add", &me.name, "--role", "viewer"]);
    assert_eq!(demote.status.code(), Some(2), "the owner stays an admin: {}", stderr(&demote));
    let remove_owner = sb.run(&["users", "remove", &me.name]);
    assert_eq!(remove_owner.status.code(), Some(2), "{}", stderr(&remove_owner));
    assert_ok(&sb.run(&["users", "remove", "54321"]));
    let again = sb.run(&["users", "remove", "54321"]);
    assert_ok(&again);
    assert!(stdout(&again).contains("и так не допущен"), "{}", stdout(&again));
    assert!(!stdout(&sb.run(&["users", "list"])).contains("54321"));
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: runs a client as another user")]
fn an_editor_marks_ready_but_only_an_admin_accepts_or_undoes_an_acceptance() {
    let (sb, _server) = shared_store_as_root();
    assert_ok(&sb.run(&["users", "add", "nobody", "--role", "editor"]));
    assert_ok(&otchet_as_nobody(&sb, &["review", "70", "ready"]));
    let refused = otchet_as_nobody(&sb, &["review", "70", "accepted"]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("nobody") && stderr(&refused).contains("editor"), "{}", stderr(&refused));
    assert_ok(&sb.run(&["review", "70", "accepted"]));
    let undo = otchet_as_nobody(&sb, &["review", "70", "open"]);
    assert_eq!(undo.status.code(), Some(1), "an editor cannot reopen an accepted item: {}", stderr(&undo));
    let status: serde_json::Value =
        serde_json::from_str(&stdout(&sb.run(&["status", "--json", "--as-of", "2020-04-13"]))).unwrap();
    let seventy = status["items"].as_array().unwrap().iter().find(|i| i["point"] == "70").unwrap();
    assert_eq!(seventy["review"], "accepted");
    let history = stdout(&sb.run(&["history", "70"]));
    assert!(history.contains("nobody: в работе → готово") && history.contains("root: готово → принято"), "{history}");
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root: floods the server as another user")]
fn a_member_flooding_the_server_with_connections_locks_no_one_out() {
    use std::io::{BufRead, BufReader};
    let (sb, _server) = shared_store_as_root();
    let flood = common::example_copy("flood", sb.path());
    let socket = sb.server_paths().socket;
    let mut child = common::spawn_when_not_busy(
        Command::new(&flood)
            .arg(&socket)
            .arg("1100")
            .uid(NOBODY)
            .gid(NOBODY)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped()),
    );
    let mut said = String::new();
    BufReader::new(child.stdout.as_mut().unwrap()).read_line(&mut said).unwrap();
    assert_eq!(said.trim(), "held 64 closed 1036", "the member's connections past the cap are closed at once");
    // While the member holds their 64 connections, another user is served at once.
    let started = std::time::Instant::now();
    assert_ok(&sb.run(&["status"]));
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(3), "status took {took:?} during the flood");
    let server_log = std::fs::read_to_string(sb.path().join("server.log")).unwrap();
    drop(child.stdin.take());
    child.wait().unwrap();
    assert!(server_log.contains("подключение пользователя nobody отклонено"), "{server_log}");
}
