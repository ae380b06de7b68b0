//! One client connection, on its own thread: the kernel says who the peer is, the
//! handshake compares protocol versions, then requests are answered in order until the
//! client leaves. A malformed frame ends this connection and nothing else.

use std::io::BufReader;
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::time::Duration;

use nix::sys::socket::{getsockopt, sockopt};

use super::hub::Hub;
use super::lifecycle::Lifecycle;
use super::log;
use super::sessions::SessionLink;
use crate::domain::Actor;
use crate::identity::actor_for_uid;
use crate::proto::frame::{self, Frame, FrameBody, FrameError, Handshake, PROTOCOL_VERSION, program_version};
use crate::proto::{ApiError, BadRequest, Request, Response};
use crate::tr;

/// A client that connects and says nothing is dropped after this long (ours greet at once:
/// a connection held silent only takes a place under the caps).
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(3);
/// A client that stops reading its socket is dropped after this long.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

pub fn run(hub: &Arc<Hub>, lifecycle: &Lifecycle, id: u64, stream: UnixStream) {
    let actor = match peer_actor(&stream) {
        Ok(actor) => actor,
        Err(e) => {
            log::line(&tr!("server-log-peer-unknown", detail = e.to_string()));
            return;
        }
    };
    if let Err(e) = converse(hub, lifecycle, id, &actor, stream) {
        match e {
            FrameError::Closed => {}
            e => log::line(&tr!("server-log-connection-dropped", name = &actor.name, detail = described(&e))),
        }
    }
}

/// A frame's fault in the log's language (the log is an administrator's to read).
fn described(e: &FrameError) -> String {
    match e {
        FrameError::Io(e) => crate::i18n::os_error(e),
        FrameError::Closed => tr!("frame-closed"),
        FrameError::TooLarge { len } => tr!("frame-too-large", bytes = len.to_string()),
        FrameError::Malformed(_) => tr!("frame-malformed"),
        FrameError::OutOfPlace => tr!("frame-out-of-place"),
        FrameError::Version { protocol, .. } => tr!("frame-version", protocol = *protocol, ours = PROTOCOL_VERSION),
    }
}

/// The uid comes from the kernel (SO_PEERCRED), never from anything the client sends.
fn peer_actor(stream: &UnixStream) -> nix::Result<Actor> {
    let credentials = getsockopt(stream, sockopt::PeerCredentials)?;
    Ok(actor_for_uid(credentials.uid()))
}

fn converse(
    hub: &Arc<Hub>,
    lifecycle: &Lifecycle,
    id: u64,
    actor: &Actor,
    stream: UnixStream,
) -> Result<(), FrameError> {
    stream.set_read_timeout(Some(HANDSHAKE_TIMEOUT))?;
    stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let welcome = Frame::new(FrameBody::Welcome { program: program_version() });
    match frame::read(&mut reader) {
        Ok(Frame { body: FrameBody::Hello { .. }, .. }) => {}
        Ok(Frame { body: FrameBody::Stop { .. }, .. })
        | Err(FrameError::Version { handshake: Some(Handshake::Stop { .. }), .. }) => {
            return stop(hub, lifecycle, actor, stream);
        }
        Err(FrameError::Version { protocol, handshake: Some(Handshake::Hello { .. }) }) => {
            // The client is told our version and words the refusal itself.
            let refusal =
                ApiError::Version { client: protocol, server: PROTOCOL_VERSION, server_program: program_version() };
            log::line(&tr!("server-log-refused", name = &actor.name, detail = refusal.to_string()));
            return frame::write(&mut &stream, &welcome);
        }
        Ok(_) => return Err(FrameError::OutOfPlace),
        Err(e) => return Err(e),
    }
    frame::write(&mut &stream, &welcome)?;
    stream.set_read_timeout(None)?;
    let link = Arc::new(SessionLink::new(id, actor.clone(), stream));
    hub.connect(Arc::clone(&link));
    let result = serve_requests(hub, &link, &mut reader);
    hub.disconnect(id);
    result
}

fn serve_requests(hub: &Hub, link: &SessionLink, reader: &mut BufReader<UnixStream>) -> Result<(), FrameError> {
    loop {
        // Asked each time: a role given or taken meanwhile counts from the next frame.
        let limit = hub.frame_limit(&link.actor);
        let request = match frame::read_up_to(reader, limit)? {
            Frame { body: FrameBody::Request(request), .. } => request,
            _ => return Err(FrameError::OutOfPlace),
        };
        use super::memory::{GiveBack, give_back, give_back_of};
        let when = give_back_of(&request);
        let response = handled(hub, link, request, (reader, limit))?;
        if let Some(w @ GiveBack::BeforeAnswer) = when {
            give_back(hub.service().store(), w);
        }
        let sent = link.send_frame(&Frame::new(FrameBody::Response(response)));
        if let Some(w @ (GiveBack::AfterAnswer | GiveBack::BetweenReads)) = when {
            give_back(hub.service().store(), w);
        }
        match sent {
            // Nothing was written: the client gets a refusal instead.
            Err(e @ (FrameError::Malformed(_) | FrameError::TooLarge { .. })) => {
                log::line(&tr!("server-log-unsendable", name = &link.actor.name, detail = described(&e)));
                let refusal = Response::Error(ApiError::BadRequest { reason: BadRequest::Unsendable });
                link.send_frame(&Frame::new(FrameBody::Response(refusal)))?;
            }
            other => other?,
        }
    }
}

/// The answer to `request`, with what goes around it on the connection: the parts that
/// follow a streamed import or restore, read every one even when the request is refused;
/// a dump's parts, sent ahead of the answer.
fn handled(
    hub: &Hub,
    link: &SessionLink,
    request: Request,
    (reader, limit): (&mut BufReader<UnixStream>, u32),
) -> Result<Response, FrameError> {
    let left = match &request {
        Request::Import { parts, .. } => *parts,
        Request::LoadDump { more, .. } => *more,
        Request::Dump | Request::StatusJson { .. } => 0,
        _ => return Ok(hub.handle(link, request)),
    };
    let mut around = ConnectionParts { link, reader, limit, left, lost: None };
    let response = hub.handle_with(link, request, &mut around);
    around.drain()?;
    Ok(response)
}

/// The connection of a streamed request: the parts that follow it, and answers sent ahead.
struct ConnectionParts<'a> {
    link: &'a SessionLink,
    reader: &'a mut BufReader<UnixStream>,
    limit: u32,
    /// The parts announced and not yet read.
    left: u32,
    /// Why the connection failed while parts were read or sent.
    lost: Option<FrameError>,
}

impl ConnectionParts<'_> {
    /// Reads the parts the request did not (it was refused): the next request comes after them.
    fn drain(mut self) -> Result<(), FrameError> {
        while self.left > 0 && self.lost.is_none() {
            let _ = super::parts::Parts::next_part(&mut self);
        }
        self.lost.map_or(Ok(()), Err)
    }
}

impl super::parts::Parts for ConnectionParts<'_> {
    fn next_part(&mut self) -> Option<Request> {
        if self.left == 0 || self.lost.is_some() {
            return None;
        }
        self.left -= 1;
        match frame::read_up_to(self.reader, self.limit) {
            Ok(Frame { body: FrameBody::Request(request), .. }) => Some(request),
            Ok(_) => {
                self.lost = Some(FrameError::OutOfPlace);
                None
            }
            Err(e) => {
                self.lost = Some(e);
                None
            }
        }
    }

    fn streams(&self) -> bool {
        true
    }

    fn send_ahead(&mut self, response: Response) -> Result<Response, super::fault::Refusal> {
        let unsendable = || ApiError::BadRequest { reason: BadRequest::Unsendable }.into();
        let frame = Frame::new(FrameBody::Response(response));
        if let Err(e) = self.link.send_frame(&frame) {
            self.lost = Some(e);
            return Err(unsendable());
        }
        match frame.body {
            FrameBody::Response(response) => Ok(response),
            _ => Err(unsendable()),
        }
    }
}

/// `otchet serve --stop`: the stopper's connection stays open until the store is closed,
/// so that when it sees the end, another process may open the store.
fn stop(hub: &Hub, lifecycle: &Lifecycle, actor: &Actor, stream: UnixStream) -> Result<(), FrameError> {
    if let Err(refusal) = hub.may_stop(actor) {
        log::line(&tr!("server-log-stop-refused", name = &actor.name));
        return frame::write(&mut &stream, &Frame::new(FrameBody::Response(Response::Error(refusal))));
    }
    log::line(&tr!("server-log-stop-asked", name = &actor.name));
    frame::write(&mut &stream, &Frame::new(FrameBody::Welcome { program: program_version() }))?;
    lifecycle.request_stop(stream);
    Ok(())
}
