//! The socket and the accept loop. A thread per client: dozens of staff at most, each
//! thread blocked on its socket (no CPU while idle) with a small stack, and the store's
//! calls are synchronous anyway. The loop itself sleeps in poll(2) on the socket and a
//! wake-up line; its timers are the idle exit, armed only while nobody is connected, and,
//! when daily backups are on, the next midnight.

use std::io;
use std::os::fd::AsFd;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};

use super::backups::{self, Policy};
use super::hub::Hub;
use super::lifecycle::{self, Lifecycle};
use super::sessions::Sessions;
use super::{ServeError, Service, broadcast, log, session};
use crate::tr;

pub struct ServerOptions {
    /// How long to wait without clients before exiting; `None`: never.
    pub idle_timeout: Option<Duration>,
    /// The server exits when this folder disappears (a test's temporary store).
    pub store_dir: PathBuf,
    /// Daily backups next to the store; `None`: none.
    pub backups: Option<Policy>,
}

pub struct BoundSocket {
    listener: UnixListener,
    path: PathBuf,
    /// (device, inode) of the socket file we created: we remove only our own.
    file: (u64, u64),
}

impl BoundSocket {
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn remove_if_ours(&self) {
        if std::fs::symlink_metadata(&self.path).is_ok_and(|m| (m.dev(), m.ino()) == self.file) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Binds the socket, replacing a file left by a dead server only after a refused connect.
pub fn bind(path: &Path, mode: u32) -> Result<BoundSocket, ServeError> {
    let fail = |e: io::Error| ServeError::Socket { socket: path.to_path_buf(), detail: crate::i18n::os_error(&e) };
    match UnixStream::connect(path) {
        Ok(_) => return Err(ServeError::AlreadyRunning { socket: path.to_path_buf() }),
        Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => {
            if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_socket()) {
                std::fs::remove_file(path).map_err(fail)?;
            }
        }
        Err(_) => {}
    }
    if std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_socket()) {
        // Never removed: it is not ours (a file, a folder or a link someone put there).
        let said = crate::i18n::Said(tr!("serve-socket-not-socket"));
        return Err(fail(io::Error::new(io::ErrorKind::AlreadyExists, said)));
    }
    // Made with its mode (the umask, while the server has no other thread yet), never
    // re-moded by path afterwards: a path someone swapped would re-mode their target.
    let old = nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o777 & !mode));
    let bound = UnixListener::bind(path);
    nix::sys::stat::umask(old);
    let listener = bound.map_err(fail)?;
    let meta = std::fs::symlink_metadata(path).map_err(fail)?;
    Ok(BoundSocket { listener, path: path.to_path_buf(), file: (meta.dev(), meta.ino()) })
}

enum Exit {
    Stopped,
    Idle,
    StoreGone,
}

/// Serves until stopped (SIGTERM, SIGINT, `otchet serve --stop`), idle for the timeout, or
/// the store's folder is gone; then lets every request in flight finish, flushes, removes
/// the socket.
pub fn run(bound: BoundSocket, service: Service, options: &ServerOptions) -> Result<(), ServeError> {
    let (lifecycle, wake_rx) = Lifecycle::new()?;
    let lifecycle = Arc::new(lifecycle);
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, lifecycle.stop_flag())?;
        signal_hook::low_level::pipe::register(signal, lifecycle.wake_handle()?)?;
    }
    let sessions = Arc::new(Sessions::default());
    let (events, broadcaster) = broadcast::spawn(Arc::clone(&sessions))?;
    let hub = Arc::new(Hub::new(service, sessions, events));
    bound.listener.set_nonblocking(true)?;
    log::line(&tr!("server-log-started", socket = bound.path.display().to_string()));
    match hub.service().store().taken_back() {
        Some(crate::store::JournalOf::Import) => log::line(&tr!("server-log-import-taken-back")),
        Some(crate::store::JournalOf::OpenPeriod) => log::line(&tr!("server-log-open-period-taken-back")),
        Some(crate::store::JournalOf::ClosePeriod) => log::line(&tr!("server-log-close-period-taken-back")),
        None => {}
    }

    let mut server =
        Accepting { workers: Vec::new(), caps: Arc::default(), next_id: 0, backup: BackupState::default() };
    let exit = server.serve(&bound, &hub, &lifecycle, &wake_rx, options)?;
    log::line(&match exit {
        Exit::Stopped => tr!("server-log-exit-stopped"),
        Exit::Idle => tr!("server-log-exit-idle"),
        Exit::StoreGone => tr!("server-log-exit-store-gone"),
    });

    bound.remove_if_ours();
    drop(bound);
    lifecycle.end_reading_all();
    for worker in server.workers {
        let _ = worker.join();
    }
    server.backup.wait();
    let flushed = hub.service().store().flush();
    // The last handle on the store: dropping it closes sled and ends the broadcaster.
    drop(hub);
    let _ = broadcaster.join();
    lifecycle.release_stoppers();
    match (flushed, exit) {
        (Err(e), Exit::Stopped | Exit::Idle) => Err(ServeError::Store(e)),
        _ => Ok(()),
    }
}

/// The accept loop's own state: the connections' threads, and the daily backup.
struct Accepting {
    workers: Vec<JoinHandle<()>>,
    caps: Arc<super::caps::Caps>,
    next_id: u64,
    backup: BackupState,
}

impl Accepting {
    /// Accepts clients until a reason to exit comes.
    fn serve(
        &mut self,
        bound: &BoundSocket,
        hub: &Arc<Hub>,
        lifecycle: &Arc<Lifecycle>,
        wake_rx: &UnixStream,
        options: &ServerOptions,
    ) -> Result<Exit, ServeError> {
        let mut idle_since = Some(Instant::now());
        loop {
            if lifecycle.stop_requested() {
                return Ok(Exit::Stopped);
            }
            if !options.store_dir.exists() {
                return Ok(Exit::StoreGone);
            }
            if let Some(policy) = &options.backups {
                self.backup.start_if_due(hub, policy);
            }
            idle_since = if lifecycle.count() > 0 { None } else { idle_since.or_else(|| Some(Instant::now())) };
            let Some(timeout) = next_timeout(idle_since, options) else { return Ok(Exit::Idle) };
            let mut fds = [
                PollFd::new(bound.listener.as_fd(), PollFlags::POLLIN),
                PollFd::new(wake_rx.as_fd(), PollFlags::POLLIN),
            ];
            match poll(&mut fds, timeout) {
                Ok(_) | Err(Errno::EINTR) => {}
                Err(e) => return Err(ServeError::Io { detail: crate::i18n::os_error(&std::io::Error::from(e)) }),
            }
            lifecycle::drain(wake_rx);
            accept_all(&bound.listener, (hub, lifecycle, &self.caps), &mut self.next_id, &mut self.workers);
            self.workers.retain(|w| !w.is_finished());
        }
    }
}

/// How long poll may sleep: until the idle timeout runs out (`None`: it has) or the next
/// midnight's backup, whichever comes first; forever when neither applies.
fn next_timeout(idle_since: Option<Instant>, options: &ServerOptions) -> Option<PollTimeout> {
    let idle_left = match (idle_since, options.idle_timeout) {
        (Some(since), Some(limit)) => {
            let left = limit.saturating_sub(since.elapsed());
            if left.is_zero() {
                return None;
            }
            Some(left)
        }
        _ => None,
    };
    let midnight = options.backups.as_ref().map(|_| crate::clock::until_next_day());
    Some(match idle_left.into_iter().chain(midnight).min() {
        Some(left) => PollTimeout::try_from(left.as_millis() + 1).unwrap_or(PollTimeout::MAX),
        None => PollTimeout::NONE,
    })
}

/// The daily backup: the day it was last started for, and its thread.
#[derive(Default)]
struct BackupState {
    day: Option<chrono::NaiveDate>,
    worker: Option<JoinHandle<()>>,
}

impl BackupState {
    /// Starts the day's backup on a thread of its own (a dump of a large store takes a
    /// moment; the accept loop goes on meanwhile).
    fn start_if_due(&mut self, hub: &Arc<Hub>, policy: &Policy) {
        let today = crate::clock::today();
        if self.day == Some(today) || self.worker.as_ref().is_some_and(|w| !w.is_finished()) {
            return;
        }
        self.day = Some(today);
        let (hub, policy) = (Arc::clone(hub), policy.clone());
        let spawned = std::thread::Builder::new().name("backup".into()).stack_size(1 << 20).spawn(move || {
            match backups::write_daily(hub.service().store(), &policy, today) {
                Ok(Some(path)) => log::line(&tr!("server-log-backup-written", path = path.display().to_string())),
                Ok(None) => {}
                Err(detail) => log::line(&tr!("server-log-backup-failed", detail = detail)),
            }
        });
        match spawned {
            Ok(worker) => self.worker = Some(worker),
            Err(e) => log::line(&tr!("server-log-backup-failed", detail = e.to_string())),
        }
    }

    fn wait(self) {
        if let Some(worker) = self.worker {
            let _ = worker.join();
        }
    }
}

/// Refusals over a cap are logged at the 1st, 2nd, 4th, 8th… so that a flood cannot fill
/// the disk with the log.
fn log_refusal(uid: u32) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static REFUSED: AtomicU64 = AtomicU64::new(0);
    let count = REFUSED.fetch_add(1, Ordering::Relaxed) + 1;
    if count.is_power_of_two() {
        let name = crate::identity::actor_for_uid(uid).name;
        let (per_user, total) = (super::caps::MAX_PER_USER, super::caps::MAX_TOTAL);
        log::line(&tr!("server-log-over-cap", name = name, per_user = per_user, total = total, count = count));
    }
}

fn accept_all(
    listener: &UnixListener,
    (hub, lifecycle, caps): (&Arc<Hub>, &Arc<Lifecycle>, &Arc<super::caps::Caps>),
    next_id: &mut u64,
    workers: &mut Vec<JoinHandle<()>>,
) {
    loop {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                log::line(&tr!("server-log-accept-failed", detail = crate::i18n::os_error(&e)));
                // Out of file descriptors, say: the socket stays readable, so do not spin.
                std::thread::sleep(Duration::from_millis(100));
                return;
            }
        };
        // Counted by the kernel's word for who connects; over a cap, closed at once.
        let uid = nix::sys::socket::getsockopt(&stream, nix::sys::socket::sockopt::PeerCredentials).map(|c| c.uid());
        let Some(admitted) = uid.as_ref().ok().and_then(|uid| caps.admit(*uid)) else {
            drop(stream);
            log_refusal(uid.unwrap_or(u32::MAX));
            continue;
        };
        *next_id += 1;
        let id = *next_id;
        let spawned = stream.set_nonblocking(false).and_then(|()| stream.try_clone()).and_then(|second| {
            lifecycle.opened(id, second);
            let (hub, lifecycle) = (Arc::clone(hub), Arc::clone(lifecycle));
            std::thread::Builder::new().name(format!("session-{id}")).stack_size(super::THREAD_STACK).spawn(move || {
                session::run(&hub, &lifecycle, id, stream);
                lifecycle.closed(id);
                drop(admitted);
            })
        });
        match spawned {
            Ok(worker) => workers.push(worker),
            Err(e) => {
                lifecycle.closed(id);
                log::line(&tr!("server-log-accept-failed", detail = crate::i18n::os_error(&e)));
            }
        }
    }
}
