//! The connected clients and the write half of each socket: responses and pushed events go
//! through the same lock, so frames never interleave. Pushed events wait in a short queue
//! per client, written by that client's own writer thread: a client that stops reading
//! fills only its own queue, and is dropped when it is full, never waited on.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::net::Shutdown;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex, MutexGuard};

/// Events a client may have unread before it is dropped.
pub const EVENT_QUEUE: usize = 64;

/// An encoded event frame, shared by every client it goes to.
pub type EventBytes = Arc<[u8]>;

/// Why an event could not be queued for a client: the connection is to be closed.
#[derive(Debug, PartialEq, Eq)]
pub enum Undelivered {
    /// The client has `EVENT_QUEUE` events unread.
    QueueFull,
    /// Its writer is gone (the socket failed) or could not be started.
    WriterGone,
}

use crate::domain::Actor;
use crate::proto::frame::{self, Frame, FrameError};

pub struct SessionLink {
    pub id: u64,
    pub actor: Actor,
    stream: Arc<Mutex<UnixStream>>,
    /// The same socket, to shut it without waiting for a write in progress (a writer
    /// blocked on a client that stopped reading holds the lock).
    shutter: Option<UnixStream>,
    /// The queue to this client's event writer, started with the first event.
    events: Mutex<Option<SyncSender<EventBytes>>>,
    /// The number of the first event for this client, set once its user has a role in the
    /// store (`NOT_SUBSCRIBED` until then): it hears of changes made after that, not before.
    first_event: AtomicU64,
}

const NOT_SUBSCRIBED: u64 = u64::MAX;

impl SessionLink {
    pub fn new(id: u64, actor: Actor, stream: UnixStream) -> Self {
        Self {
            id,
            actor,
            shutter: stream.try_clone().ok(),
            stream: Arc::new(Mutex::new(stream)),
            events: Mutex::new(None),
            first_event: AtomicU64::new(NOT_SUBSCRIBED),
        }
    }

    /// Queues a pushed event for this client's writer, without waiting.
    pub fn queue_event(&self, bytes: EventBytes) -> Result<(), Undelivered> {
        let mut events = self.events.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if events.is_none() {
            *events = Some(spawn_writer(self.id, Arc::clone(&self.stream)).ok_or(Undelivered::WriterGone)?);
        }
        let queue = events.as_ref().ok_or(Undelivered::WriterGone)?;
        queue.try_send(bytes).map_err(|e| match e {
            TrySendError::Full(_) => Undelivered::QueueFull,
            TrySendError::Disconnected(_) => Undelivered::WriterGone,
        })
    }

    /// Writes one frame as it is encoded (responses can be tens of megabytes). `Malformed`
    /// and `TooLarge` come before anything is written; after any other error the caller
    /// closes the stream.
    /// The client trusts its server with large frames (a whole-store dump).
    pub fn send_frame(&self, frame: &Frame) -> Result<(), FrameError> {
        frame::write_up_to(&mut &*self.lock(), frame, frame::MAX_TRUSTED_FRAME_BYTES)
    }

    /// Ends the connection: the session's reader sees the end and cleans up.
    pub fn close(&self) {
        match &self.shutter {
            Some(socket) => {
                let _ = socket.shutdown(Shutdown::Both);
            }
            None => {
                let _ = self.lock().shutdown(Shutdown::Both);
            }
        }
    }

    /// Events numbered `first_event` and on go to this client; false if it already had them.
    pub fn subscribe(&self, first_event: u64) -> bool {
        self.first_event.compare_exchange(NOT_SUBSCRIBED, first_event, Ordering::AcqRel, Ordering::Acquire).is_ok()
    }

    pub fn unsubscribe(&self) {
        self.first_event.store(NOT_SUBSCRIBED, Ordering::Release);
    }

    pub fn wants(&self, event: u64) -> bool {
        event >= self.first_event.load(Ordering::Acquire)
    }

    fn lock(&self) -> MutexGuard<'_, UnixStream> {
        lock_stream(&self.stream)
    }
}

fn lock_stream(stream: &Mutex<UnixStream>) -> MutexGuard<'_, UnixStream> {
    stream.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The thread that writes one client's events; it ends with the link (its queue's sender)
/// or at the first failed write (a timed-out write leaves the stream unusable: closed).
fn spawn_writer(id: u64, stream: Arc<Mutex<UnixStream>>) -> Option<SyncSender<EventBytes>> {
    let (queue, pending) = sync_channel(EVENT_QUEUE);
    std::thread::Builder::new()
        .name(format!("events-{id}"))
        .stack_size(super::THREAD_STACK)
        .spawn(move || write_events(&stream, &pending))
        .ok()?;
    Some(queue)
}

fn write_events(stream: &Mutex<UnixStream>, pending: &Receiver<EventBytes>) {
    for bytes in pending {
        if write_whole(stream, &bytes).is_err() {
            let _ = lock_stream(stream).shutdown(Shutdown::Both);
            return;
        }
    }
}

fn write_whole(stream: &Mutex<UnixStream>, bytes: &[u8]) -> io::Result<()> {
    lock_stream(stream).write_all(bytes)
}

#[derive(Default)]
pub struct Sessions {
    links: Mutex<BTreeMap<u64, Arc<SessionLink>>>,
}

impl Sessions {
    pub fn add(&self, link: Arc<SessionLink>) {
        self.lock().insert(link.id, link);
    }

    pub fn remove(&self, id: u64) {
        self.lock().remove(&id);
    }

    pub fn get(&self, id: u64) -> Option<Arc<SessionLink>> {
        self.lock().get(&id).cloned()
    }

    /// The clients an event is for: a copy, so that slow writes happen unlocked.
    pub fn wanting(&self, event: u64) -> Vec<Arc<SessionLink>> {
        self.lock().values().filter(|l| l.wants(event)).cloned().collect()
    }

    fn lock(&self) -> MutexGuard<'_, BTreeMap<u64, Arc<SessionLink>>> {
        self.links.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
