//! What the accept loop and the connection threads share: who is connected, the wake-up
//! line to the accept loop, and a stop once asked for.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::net::Shutdown;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

pub struct Lifecycle {
    stop: Arc<AtomicBool>,
    /// Write end of the accept loop's wake-up socket (non-blocking: a full buffer already
    /// means a wake-up is pending).
    wake: UnixStream,
    /// A second handle on every open connection, to end their reading on shutdown.
    connections: Mutex<BTreeMap<u64, UnixStream>>,
    /// The connections of `otchet serve --stop`, closed only once the store is.
    stoppers: Mutex<Vec<UnixStream>>,
}

impl Lifecycle {
    /// The lifecycle and the read end of its wake-up socket.
    pub fn new() -> io::Result<(Lifecycle, UnixStream)> {
        let (wake_rx, wake) = UnixStream::pair()?;
        wake_rx.set_nonblocking(true)?;
        wake.set_nonblocking(true)?;
        let lifecycle = Lifecycle {
            stop: Arc::new(AtomicBool::new(false)),
            wake,
            connections: Mutex::default(),
            stoppers: Mutex::default(),
        };
        Ok((lifecycle, wake_rx))
    }

    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    pub fn wake_handle(&self) -> io::Result<UnixStream> {
        self.wake.try_clone()
    }

    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Acquire)
    }

    pub fn request_stop(&self, stopper: UnixStream) {
        lock(&self.stoppers).push(stopper);
        self.stop.store(true, Ordering::Release);
        self.wake();
    }

    pub fn opened(&self, id: u64, stream: UnixStream) {
        lock(&self.connections).insert(id, stream);
    }

    pub fn closed(&self, id: u64) {
        lock(&self.connections).remove(&id);
        self.wake();
    }

    pub fn count(&self) -> usize {
        lock(&self.connections).len()
    }

    /// Each connection finishes the request it is on, then sees the end of its input.
    pub fn end_reading_all(&self) {
        for stream in lock(&self.connections).values() {
            let _ = stream.shutdown(Shutdown::Read);
        }
    }

    pub fn release_stoppers(&self) {
        lock(&self.stoppers).clear();
    }

    fn wake(&self) {
        let _ = (&self.wake).write(&[1]);
    }
}

/// Empties the wake-up socket after the accept loop woke.
pub fn drain(wake_rx: &UnixStream) {
    let mut buf = [0u8; 64];
    while matches!((&*wake_rx).read(&mut buf), Ok(n) if n > 0) {}
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
