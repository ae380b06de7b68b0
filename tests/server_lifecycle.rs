//! The server's life: started by the first client (once, under the lock), a dead server's
//! socket cleaned up, idle exit, `serve --stop`, SIGTERM, and the checks it starts with.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::time::Duration;

use common::{Sandbox, assert_ok, stderr, stdout};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

fn server_starts_logged(sb: &Sandbox) -> usize {
    let log = std::fs::read_to_string(sb.db().join("otchet-server.log")).unwrap_or_default();
    log.lines().filter(|l| l.contains("сервер запущен")).count()
}

#[test]
fn clients_at_once_start_one_server_and_share_it() {
    let sb = Sandbox::new();
    sb.import_sample();
    assert_ok(&sb.run(&["serve", "--stop"]));
    let before = server_starts_logged(&sb);
    let handles: Vec<_> = (0..6)
        .map(|_| {
            let mut cmd = sb.otchet();
            cmd.args(["status", "--json", "--db"]).arg(sb.db());
            std::thread::spawn(move || cmd.output().unwrap())
        })
        .collect();
    for h in handles {
        assert_ok(&h.join().unwrap());
    }
    assert_eq!(server_starts_logged(&sb), before + 1, "the clients started one server and shared it");
}

#[test]
fn a_dead_servers_socket_is_cleaned_up_by_the_next_client() {
    let sb = Sandbox::new();
    let mut server = sb.start_server(&["--idle-timeout", "5"]);
    sb.import_sample();
    let socket = sb.server_paths().socket;
    server.child.kill().unwrap();
    server.wait_exit(Duration::from_secs(5));
    assert!(socket.exists(), "kill -9 leaves the socket file");
    let refused = UnixStream::connect(&socket).unwrap_err();
    assert_eq!(refused.kind(), std::io::ErrorKind::ConnectionRefused);

    let out = sb.run(&["status", "--as-of", "2020-04-13"]);
    assert_ok(&out);
    assert!(stdout(&out).contains("72 пункта"), "{}", stdout(&out));
    UnixStream::connect(&socket).expect("a new server listens on the same path");
}

#[test]
fn a_live_servers_socket_is_never_taken_over() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "5"]);
    let second = sb.otchet().args(["serve", "--db"]).arg(sb.db()).output().unwrap();
    assert_eq!(second.status.code(), Some(1));
    assert!(stderr(&second).contains("уже работает"), "{}", stderr(&second));
    sb.client().whoami().expect("the first server still answers");
}

#[test]
fn serve_stop_waits_until_the_store_is_closed() {
    let sb = Sandbox::new();
    sb.import_sample();
    let out = sb.run(&["serve", "--stop"]);
    assert_ok(&out);
    assert!(stdout(&out).contains("сервер остановлен"), "{}", stdout(&out));
    assert!(!sb.server_paths().socket.exists(), "the socket is removed");
    // The store is free at once: a tool (or a backup) may open it.
    drop(otchet::store::Store::open(&sb.db(), &otchet::store::StoreOptions::default()).expect("the store is closed"));
    let again = sb.run(&["serve", "--stop"]);
    assert_ok(&again);
    assert!(stdout(&again).contains("не запущен"), "{}", stdout(&again));
}

#[test]
fn sigterm_lets_the_server_finish_and_exit_0() {
    let sb = Sandbox::new();
    let mut server = sb.start_server(&["--idle-timeout", "0"]);
    sb.import_sample();
    let mut client = sb.client();
    client.whoami().unwrap();
    kill(Pid::from_raw(server.pid() as i32), Signal::SIGTERM).unwrap();
    let status = server.wait_exit(Duration::from_secs(5));
    assert_eq!(status.code(), Some(0));
    assert!(!sb.server_paths().socket.exists(), "the socket is removed");
    // The next call tries to reconnect; no server answers (this client starts none).
    let lost = client.whoami().unwrap_err();
    assert!(lost.to_string().contains("нет связи с сервером otchet"), "{lost}");
    let log = std::fs::read_to_string(sb.path().join("server.log")).unwrap();
    assert!(log.contains("останавливается по запросу"), "{log}");
}

#[test]
fn an_idle_server_exits_on_its_own() {
    let sb = Sandbox::new();
    let mut server = sb.start_server(&["--idle-timeout", "1"]);
    let mut client = sb.client();
    client.whoami().unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(server.child.try_wait().unwrap().is_none(), "no idle exit while a client is connected");
    drop(client);
    let status = server.wait_exit(Duration::from_secs(5));
    assert_eq!(status.code(), Some(0));
    assert!(!sb.server_paths().socket.exists());
}

#[test]
fn a_store_folder_everyone_may_write_is_refused() {
    let sb = Sandbox::new();
    std::fs::create_dir(sb.db()).unwrap();
    std::fs::set_permissions(sb.db(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = sb.otchet().args(["serve", "--db"]).arg(sb.db()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("доступен на запись всем"), "{}", stderr(&out));
    // A command that would start the server says why it could not.
    let out = sb.run(&["import", common::sample_path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("доступен на запись всем"), "{}", stderr(&out));
}

#[test]
fn a_store_path_too_long_for_a_socket_gets_a_short_socket() {
    let sb = Sandbox::new();
    let deep = sb.path().join("очень-длинный-каталог-хранилища".repeat(3)).join("store");
    let file = common::sample_path();
    let mut import = sb.otchet();
    assert_ok(&import.args(["import", file.to_str().unwrap(), "--db"]).arg(&deep).output().unwrap());
    let status = sb.otchet().args(["status", "--json", "--db"]).arg(&deep).output().unwrap();
    assert_ok(&status);
    // XDG_RUNTIME_DIR is the sandbox (see common).
    let sockets: Vec<String> = std::fs::read_dir(sb.path())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("otchet-") && n.ends_with(".sock"))
        .collect();
    assert_eq!(sockets.len(), 1, "{sockets:?}");
    assert!(!deep.join("otchet.sock").exists());
    assert_ok(&sb.otchet().args(["serve", "--stop", "--db"]).arg(&deep).output().unwrap());
}

#[test]
fn one_user_flooding_the_socket_is_capped_and_the_server_stays_usable() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", common::sample_path().to_str().unwrap()]));
    let socket = sb.server_paths().socket;
    // 80 connections opened at once, then greeted: the first 64 are held, the rest were
    // closed before their handshake.
    let opened: Vec<std::os::unix::net::UnixStream> =
        (0..80).map(|_| std::os::unix::net::UnixStream::connect(&socket).unwrap()).collect();
    let protocol = otchet::proto::frame::PROTOCOL_VERSION;
    let greeted: Vec<_> = opened.into_iter().map(|s| otchet::client::RemoteTransport::over(s, protocol)).collect();
    let held: Vec<_> = greeted.into_iter().filter_map(Result::ok).collect();
    assert_eq!(held.len(), 64, "over the cap, closed before any handshake");
    drop(held);
    // Places come back when the connections go.
    let started = std::time::Instant::now();
    loop {
        let out = sb.run(&["status"]);
        if out.status.success() {
            break;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{}", stderr(&out));
    }
}
