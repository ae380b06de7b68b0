//! The connected clients and the write half of each socket: responses and pushed events go
//! through the same lock, so frames never interleave.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::net::Shutdown;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::domain::Actor;
use crate::proto::frame::{self, Frame, FrameError};

pub struct SessionLink {
    pub id: u64,
    pub actor: Actor,
    stream: Mutex<UnixStream>,
    /// The number of the first event for this client, set once its user has a role in the
    /// store (`NOT_SUBSCRIBED` until then): it hears of changes made after that, not before.
    first_event: AtomicU64,
}

const NOT_SUBSCRIBED: u64 = u64::MAX;

impl SessionLink {
    pub fn new(id: u64, actor: Actor, stream: UnixStream) -> Self {
        Self { id, actor, stream: Mutex::new(stream), first_event: AtomicU64::new(NOT_SUBSCRIBED) }
    }

    /// Writes one whole frame; a failed or timed-out write leaves the stream unusable, so the
    /// caller closes it.
    pub fn send(&self, frame_bytes: &[u8]) -> io::Result<()> {
        self.lock().write_all(frame_bytes)
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
        let _ = self.lock().shutdown(Shutdown::Both);
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
        self.stream.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
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
