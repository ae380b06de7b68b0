//! Connecting to a store's server, starting it when none answers, the tmux way: under a
//! lock file, connect again; remove the socket only after a refused connect (a server died
//! without removing it); start the server detached; wait until it answers.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::os::unix::fs::FileTypeExt;
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::fcntl::{Flock, FlockArg};

use super::trust::Trusted;
use super::{ClientError, ServerPaths};
use crate::tr;

/// How long a client waits for the server it started (opening a store another server is
/// still closing waits for that one first).
const START_WAIT: Duration = Duration::from_secs(10);

enum Attempt {
    /// A server this client trusts answered.
    Connected(UnixStream),
    /// Something answered that is not the store's server, or the socket's folder is unsafe.
    Untrusted(ClientError),
    /// Nothing listens on an existing socket file: its server died.
    Refused,
    Missing,
    Failed(io::Error),
}

fn attempt(paths: &ServerPaths) -> Attempt {
    let trusted = Trusted::of(paths);
    if let Err(e) = trusted.check_socket_dir() {
        return Attempt::Untrusted(e);
    }
    match UnixStream::connect(&paths.socket) {
        Ok(stream) => match trusted.check_server(&stream) {
            Ok(()) => Attempt::Connected(stream),
            Err(e) => Attempt::Untrusted(e),
        },
        Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => Attempt::Refused,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Attempt::Missing,
        Err(e) => Attempt::Failed(e),
    }
}

fn connection_error(detail: String) -> ClientError {
    ClientError::Connection { detail }
}

fn socket_error(paths: &ServerPaths, e: &io::Error) -> ClientError {
    connection_error(tr!(
        "client-socket-failed",
        socket = paths.socket.display().to_string(),
        detail = crate::i18n::os_error(e)
    ))
}

/// Connects to the store's server; with `server_exe`, starts `server_exe serve` when none runs.
pub fn connect(paths: &ServerPaths, server_exe: Option<&Path>) -> Result<UnixStream, ClientError> {
    match attempt(paths) {
        Attempt::Connected(stream) => Ok(stream),
        Attempt::Untrusted(e) => Err(e),
        Attempt::Failed(e) => Err(socket_error(paths, &e)),
        Attempt::Refused | Attempt::Missing => match server_exe {
            Some(exe) => start(paths, exe),
            None => Err(connection_error(tr!("client-no-server", socket = paths.socket.display().to_string()))),
        },
    }
}

fn start(paths: &ServerPaths, exe: &Path) -> Result<UnixStream, ClientError> {
    Trusted::of(paths).check_may_start()?;
    create_store_dir(&paths.store).map_err(|e| {
        connection_error(tr!(
            "client-store-dir-failed",
            path = paths.store.display().to_string(),
            detail = crate::i18n::os_error(&e)
        ))
    })?;
    let _lock = lock(paths)?;
    match attempt(paths) {
        Attempt::Connected(stream) => return Ok(stream),
        Attempt::Untrusted(e) => return Err(e),
        Attempt::Refused => remove_stale_socket(paths)?,
        Attempt::Missing => {}
        Attempt::Failed(e) => return Err(socket_error(paths, &e)),
    }
    let log = paths.log();
    let log_start = std::fs::metadata(&log).map(|m| m.len()).unwrap_or(0);
    let child = spawn_server(paths, exe)?;
    wait_until_answering(paths, child, log_start)
}

/// Only a socket file, and only after a refused connect: a live server's socket accepts.
fn remove_stale_socket(paths: &ServerPaths) -> Result<(), ClientError> {
    let is_socket = std::fs::symlink_metadata(&paths.socket).is_ok_and(|m| m.file_type().is_socket());
    if is_socket {
        std::fs::remove_file(&paths.socket).or_else(|e| match e.kind() {
            io::ErrorKind::NotFound => Ok(()),
            _ => Err(socket_error(paths, &e)),
        })?;
    }
    Ok(())
}

/// The start lock: held by a client while it starts the server, and by a foreground server
/// while it binds its socket.
pub fn lock(paths: &ServerPaths) -> Result<Flock<File>, ClientError> {
    let path = paths.lock();
    let fail = |e: &std::io::Error| {
        connection_error(tr!(
            "client-lock-failed",
            path = path.display().to_string(),
            detail = crate::i18n::os_error(e)
        ))
    };
    // Never a lock file another user planted (they could hold it forever).
    let file = crate::safe_fs::open_for_writing(&path, false, 0o600).map_err(|e| fail(&e))?;
    Flock::lock(file, FlockArg::LockExclusive).map_err(|(_, errno)| fail(&std::io::Error::from(errno)))
}

fn create_store_dir(dir: &Path) -> io::Result<()> {
    if dir.exists() {
        return Ok(());
    }
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

fn spawn_server(paths: &ServerPaths, exe: &Path) -> Result<Child, ClientError> {
    let log = crate::safe_fs::open_for_writing(&paths.log(), true, 0o600).map(Stdio::from).map_err(|e| {
        connection_error(tr!(
            "client-log-failed",
            path = paths.log().display().to_string(),
            detail = crate::i18n::os_error(&e)
        ))
    })?;
    Command::new(exe)
        .arg("serve")
        .arg("--db")
        .arg(&paths.store)
        .arg("--socket")
        .arg(&paths.socket)
        .arg("--lock-held")
        .current_dir("/")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        // Its own process group: the terminal's Ctrl-C and hang-up are not for the server.
        .process_group(0)
        .spawn()
        .map_err(|e| {
            connection_error(tr!(
                "client-start-failed",
                program = exe.display().to_string(),
                detail = crate::i18n::os_error(&e)
            ))
        })
}

fn wait_until_answering(paths: &ServerPaths, mut child: Child, log_start: u64) -> Result<UnixStream, ClientError> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(5);
    loop {
        match attempt(paths) {
            Attempt::Connected(stream) => {
                reap_later(child);
                return Ok(stream);
            }
            Attempt::Untrusted(e) => {
                reap_later(child);
                return Err(e);
            }
            _ => {}
        }
        if let Ok(Some(status)) = child.try_wait() {
            let said = log_since(&paths.log(), log_start).unwrap_or_else(|| status.to_string());
            return Err(connection_error(tr!("client-server-failed", detail = said)));
        }
        if started.elapsed() > START_WAIT {
            reap_later(child);
            return Err(connection_error(tr!(
                "client-server-silent",
                secs = START_WAIT.as_secs(),
                log = paths.log().display().to_string()
            )));
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(100));
    }
}

/// The server outlives this client; a thread waits for it so that it leaves no zombie.
fn reap_later(mut child: Child) {
    let _ = std::thread::Builder::new().name("reap-server".into()).stack_size(64 << 10).spawn(move || {
        let _ = child.wait();
    });
}

/// What the server wrote to its log since it was started, without the program-name prefix.
fn log_since(log: &Path, start: u64) -> Option<String> {
    let mut file = File::open(log).ok()?;
    file.seek(SeekFrom::Start(start)).ok()?;
    let mut text = String::new();
    file.take(64 << 10).read_to_string(&mut text).ok()?;
    let said: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| l.strip_prefix("otchet: ").unwrap_or(l))
        .collect();
    (!said.is_empty()).then(|| said.join("; "))
}
