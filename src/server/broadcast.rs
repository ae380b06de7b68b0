//! One thread writes every pushed event, in the order the changes were made, so a client
//! never sees an older text after a newer one; a client that stops reading is dropped
//! after the write timeout instead of holding up the others' saves.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::log;
use super::sessions::Sessions;
use crate::proto::Event;
use crate::proto::frame::{self, Frame, FrameBody};

pub enum Audience {
    Everyone,
    Session(u64),
}

pub struct Outgoing {
    /// Events are numbered in the order they were queued.
    pub number: u64,
    pub to: Audience,
    pub event: Event,
}

pub fn spawn(sessions: Arc<Sessions>) -> std::io::Result<(Sender<Outgoing>, JoinHandle<()>)> {
    let (tx, rx) = channel();
    let handle = std::thread::Builder::new()
        .name("broadcast".into())
        .stack_size(super::THREAD_STACK)
        .spawn(move || run(&sessions, &rx))?;
    Ok((tx, handle))
}

fn run(sessions: &Sessions, rx: &Receiver<Outgoing>) {
    for out in rx {
        let bytes = match frame::encode(&Frame::new(FrameBody::Event(out.event))) {
            Ok(bytes) => bytes,
            Err(e) => {
                log::line(&crate::tr!("server-log-event-failed", detail = e.to_string()));
                continue;
            }
        };
        let links = match out.to {
            Audience::Everyone => sessions.wanting(out.number),
            Audience::Session(id) => sessions.get(id).into_iter().collect(),
        };
        for link in links {
            if link.send(&bytes).is_err() {
                link.close();
            }
        }
    }
}
