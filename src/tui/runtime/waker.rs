//! Other threads (signals, the server connection) hand actions to the UI thread through a
//! channel and wake it with one byte on a pipe, which the UI thread polls with the terminal.

use std::os::fd::{AsFd, OwnedFd};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::super::action::Action;

#[derive(Clone)]
pub struct Waker {
    tx: Sender<Action>,
    pipe: std::sync::Arc<OwnedFd>,
}

impl Waker {
    pub fn send(&self, action: Action) {
        if self.tx.send(action).is_ok() {
            // A full pipe already means "wake up".
            let _ = nix::unistd::write(self.pipe.as_fd(), &[1]);
        }
    }
}

pub struct Wakeups {
    pub rx: Receiver<Action>,
    pub pipe: OwnedFd,
}

impl Wakeups {
    /// Empties the pipe after a wake-up.
    pub fn drain_pipe(&self) {
        let mut buf = [0u8; 256];
        while let Ok(n) = nix::unistd::read(&self.pipe, &mut buf) {
            if n < buf.len() {
                break;
            }
        }
    }
}

pub fn pair() -> std::io::Result<(Waker, Wakeups)> {
    let (read, write) = nix::unistd::pipe2(nix::fcntl::OFlag::O_NONBLOCK | nix::fcntl::OFlag::O_CLOEXEC)?;
    let (tx, rx) = channel();
    Ok((Waker { tx, pipe: std::sync::Arc::new(write) }, Wakeups { rx, pipe: read }))
}
