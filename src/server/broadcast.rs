//! One thread hands out every pushed event, in the order the changes were made, to each
//! client's queue (`sessions`), so a client never sees an older text after a newer one; a
//! client whose queue is full (it stopped reading) is dropped, and no one waits for it.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::log;
use super::sessions::{EventBytes, Sessions, Undelivered};
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
        let bytes: EventBytes = match frame::encode(&Frame::new(FrameBody::Event(out.event))) {
            Ok(bytes) => bytes.into(),
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
            if let Err(why) = link.queue_event(Arc::clone(&bytes)) {
                if why == Undelivered::QueueFull {
                    log::line(&crate::tr!("server-log-slow-client", name = &link.actor.name));
                }
                link.close();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::net::UnixStream;
    use std::time::Duration;

    use super::*;
    use crate::domain::{Actor, ItemId, PeriodId};
    use crate::proto::frame::FrameBody;
    use crate::server::sessions::{EVENT_QUEUE, SessionLink};

    fn subscribed(sessions: &Sessions, id: u64) -> UnixStream {
        let (server_end, wire) = UnixStream::pair().unwrap();
        let link = Arc::new(SessionLink::new(id, Actor { uid: 1000 + id as u32, name: format!("u{id}") }, server_end));
        link.subscribe(0);
        sessions.add(link);
        wire
    }

    fn editing(n: usize) -> Event {
        let users = vec!["ж".repeat(2_000)];
        Event::Editing { period: PeriodId::parse("2020-Q1").unwrap(), item: ItemId(n as u32), users }
    }

    /// A client that reads every event, telling each one's number as it comes.
    fn reading(mut wire: UnixStream) -> std::sync::mpsc::Receiver<u32> {
        let (heard, hearing) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            while let Ok(frame) = frame::read(&mut wire) {
                if let FrameBody::Event(Event::Editing { item, .. }) = frame.body {
                    let _ = heard.send(item.0);
                }
            }
        });
        hearing
    }

    #[test]
    fn a_client_that_stops_reading_is_dropped_and_holds_no_one_up() {
        let sessions = Arc::new(Sessions::default());
        let (events, _thread) = spawn(Arc::clone(&sessions)).unwrap();
        let mut asleep = subscribed(&sessions, 1);
        let heard = reading(subscribed(&sessions, 2));
        // Enough to fill the sleeper's socket buffer and its queue many times over; sent as
        // fast as the reading client keeps up.
        let count = EVENT_QUEUE * 20;
        for number in 0..count {
            events.send(Outgoing { number: number as u64, to: Audience::Everyone, event: editing(number) }).unwrap();
            if number >= 16 {
                let got = heard.recv_timeout(Duration::from_secs(5)).expect("the reading client is not held up");
                assert_eq!(got as usize, number - 16);
            }
        }
        // The sleeper's socket was shut when its queue overflowed: what it holds ends.
        asleep.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut held = Vec::new();
        std::io::Read::read_to_end(&mut asleep, &mut held).expect("shut, not still open");
        assert!(held.len() < count * 4_000 / 2, "it got only what fitted before it was dropped");
    }
}
