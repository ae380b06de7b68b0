//! A transport to the store's server over its socket. Calls are synchronous; a reader
//! thread takes every frame off the socket and hands responses to the waiting call and
//! events to the sink.

use std::io::{BufReader, ErrorKind};
use std::net::Shutdown;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{ClientError, EventSink, ServerPaths, Transport, autostart};
use crate::proto::frame::{self, Frame, FrameBody, FrameError, Handshake, PROTOCOL_VERSION, program_version};
use crate::proto::{ApiError, Request, Response};
use crate::tr;

const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a call waits for the server's answer.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// Connecting again covers a server that was just exiting for idleness as we connected.
const CONNECT_ATTEMPTS: u32 = 3;

type SharedSink = Arc<Mutex<Option<EventSink>>>;

pub struct RemoteTransport {
    stream: UnixStream,
    responses: Receiver<Result<Response, ClientError>>,
    sink: SharedSink,
    server_program: String,
    /// Set by the reader when the connection is lost.
    lost: Arc<AtomicBool>,
    /// How to reach the server again (a transport made by `connect`): the next call after a
    /// lost connection reconnects, starting a new server if none answers.
    reconnect: Option<(ServerPaths, Option<PathBuf>)>,
}

impl RemoteTransport {
    /// Connects to the store's server; with `server_exe`, starts one when none answers.
    pub fn connect(paths: &ServerPaths, server_exe: Option<&Path>) -> Result<RemoteTransport, ClientError> {
        let sink: SharedSink = Arc::new(Mutex::new(None));
        let mut transport = RemoteTransport::connect_with(paths, server_exe, sink)?;
        transport.reconnect = Some((paths.clone(), server_exe.map(Path::to_path_buf)));
        Ok(transport)
    }

    fn connect_with(
        paths: &ServerPaths,
        server_exe: Option<&Path>,
        sink: SharedSink,
    ) -> Result<RemoteTransport, ClientError> {
        let mut attempt = 1;
        loop {
            let stream = autostart::connect(paths, server_exe)?;
            match RemoteTransport::greet(stream, PROTOCOL_VERSION, Arc::clone(&sink)) {
                Err(ClientError::Connection { .. }) if attempt < CONNECT_ATTEMPTS => {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(50));
                }
                result => return result,
            }
        }
    }

    /// Greets the server on a connected socket speaking `protocol` (tests speak others).
    pub fn over(stream: UnixStream, protocol: u16) -> Result<RemoteTransport, ClientError> {
        RemoteTransport::greet(stream, protocol, Arc::new(Mutex::new(None)))
    }

    fn greet(stream: UnixStream, protocol: u16, sink: SharedSink) -> Result<RemoteTransport, ClientError> {
        stream.set_read_timeout(Some(HANDSHAKE_TIMEOUT)).map_err(lost)?;
        let hello = Frame { protocol, body: FrameBody::Hello { program: program_version() } };
        frame::write(&mut &stream, &hello).map_err(lost)?;
        let server_program = match frame::read(&mut &stream) {
            Ok(Frame { protocol: theirs, body: FrameBody::Welcome { program } }) => {
                if theirs != protocol {
                    return Err(ClientError::Api(ApiError::Version {
                        client: protocol,
                        server: theirs,
                        server_program: program,
                    }));
                }
                program
            }
            Err(FrameError::Version { protocol: theirs, handshake: Some(Handshake::Welcome { program }) }) => {
                return Err(ClientError::Api(ApiError::Version {
                    client: protocol,
                    server: theirs,
                    server_program: program,
                }));
            }
            Ok(_) => return Err(ClientError::UnexpectedResponse),
            Err(e) => return Err(lost(e)),
        };
        stream.set_read_timeout(None).map_err(lost)?;
        // Bounded: a dump's frames wait in the socket, not here, while the file is written.
        let (responses_tx, responses) = sync_channel(2);
        let reader = BufReader::new(stream.try_clone().map_err(lost)?);
        let thread_sink = Arc::clone(&sink);
        let lost_flag = Arc::new(AtomicBool::new(false));
        let thread_lost = Arc::clone(&lost_flag);
        std::thread::Builder::new()
            .name("otchet-events".into())
            .stack_size(256 << 10)
            .spawn(move || read_frames(reader, &responses_tx, &thread_sink, &thread_lost))
            .map_err(lost)?;
        Ok(RemoteTransport { stream, responses, sink, server_program, lost: lost_flag, reconnect: None })
    }

    /// After a lost connection: a new one (to a new server if need be), the same sink.
    fn reconnect_if_lost(&mut self) -> Result<(), ClientError> {
        let Some((paths, exe)) = &self.reconnect else { return Ok(()) };
        if !self.lost.load(Ordering::Acquire) {
            return Ok(());
        }
        let mut fresh = RemoteTransport::connect_with(paths, exe.as_deref(), Arc::clone(&self.sink))?;
        fresh.reconnect = self.reconnect.take();
        *self = fresh;
        Ok(())
    }

    /// The server's program version, from the handshake.
    pub fn server_program(&self) -> &str {
        &self.server_program
    }
}

fn lost(e: impl Into<FrameError>) -> ClientError {
    let detail = match e.into() {
        FrameError::Closed => tr!("client-server-closed"),
        FrameError::TooLarge { len } => tr!("client-frame-too-large", bytes = len),
        FrameError::Malformed(e) => tr!("client-bad-frame", detail = e.said()),
        FrameError::OutOfPlace | FrameError::Version { .. } => tr!("client-unexpected-response"),
        FrameError::Io(e) => match e.kind() {
            ErrorKind::BrokenPipe
            | ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::UnexpectedEof => {
                tr!("client-server-closed")
            }
            _ => crate::i18n::os_error(&e),
        },
    };
    ClientError::Connection { detail }
}

fn read_frames(
    mut reader: BufReader<UnixStream>,
    responses: &SyncSender<Result<Response, ClientError>>,
    sink: &SharedSink,
    lost_flag: &AtomicBool,
) {
    loop {
        // The server is trusted with large frames (a whole-store dump).
        match frame::read_up_to(&mut reader, frame::MAX_TRUSTED_FRAME_BYTES) {
            Ok(Frame { body: FrameBody::Response(response), .. }) => {
                if responses.send(Ok(response)).is_err() {
                    return;
                }
            }
            Ok(Frame { body: FrameBody::Event(event), .. }) => {
                if let Some(sink) = sink.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).as_ref() {
                    sink(event);
                }
            }
            Ok(_) => {
                let _ = responses.send(Err(ClientError::UnexpectedResponse));
                return;
            }
            Err(e) => {
                lost_flag.store(true, Ordering::Release);
                let _ = responses.send(Err(lost(e)));
                // Whatever changed meanwhile is unknown: a listener reloads, and its next
                // call connects again.
                if let Some(sink) = sink.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).as_ref() {
                    sink(crate::proto::Event::Reload);
                }
                return;
            }
        }
    }
}

/// How long a call waits for its answer: a server that does not answer by then is taken
/// for lost (the next call connects again). Whole-store work gets longer.
fn answer_wait(request: &Request) -> Duration {
    match request {
        Request::Dump | Request::LoadDump { .. } | Request::Import { .. } => Duration::from_secs(600),
        _ => CALL_TIMEOUT,
    }
}

impl RemoteTransport {
    /// The answer to what was just sent, waited for up to `wait`.
    fn answer(&mut self, wait: Duration) -> Result<Response, ClientError> {
        match self.responses.recv_timeout(wait) {
            Ok(answer) => answer,
            Err(RecvTimeoutError::Timeout) => {
                // An answer that comes after this is not waited for: the connection goes.
                self.lost.store(true, Ordering::Release);
                let _ = self.stream.shutdown(Shutdown::Both);
                Err(ClientError::Timeout { secs: wait.as_secs() })
            }
            Err(RecvTimeoutError::Disconnected) => Err(lost(FrameError::Closed)),
        }
    }

    fn send(&self, request: Request) -> Result<(), ClientError> {
        // The server decides what it accepts: only an admin may send a whole-store restore.
        let request = Frame::new(FrameBody::Request(request));
        frame::write_up_to(&mut &self.stream, &request, frame::MAX_TRUSTED_FRAME_BYTES).map_err(lost)
    }
}

impl Transport for RemoteTransport {
    fn call(&mut self, request: Request) -> Result<Response, ClientError> {
        self.call_with_parts(request, Vec::new())
    }

    fn call_with_parts(&mut self, request: Request, parts: Vec<Request>) -> Result<Response, ClientError> {
        self.reconnect_if_lost()?;
        let wait = answer_wait(&request);
        self.send(request)?;
        for part in parts {
            self.send(part)?;
        }
        self.answer(wait)
    }

    fn streams(&self) -> bool {
        true
    }

    fn more(&mut self) -> Result<Response, ClientError> {
        self.answer(answer_wait(&Request::Dump))
    }

    fn abandon(&mut self) {
        // Answers still coming are not read: the connection goes, the next call connects.
        self.lost.store(true, Ordering::Release);
        let _ = self.stream.shutdown(Shutdown::Both);
    }

    fn set_event_sink(&mut self, sink: EventSink) {
        *self.sink.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(sink);
    }
}

impl Drop for RemoteTransport {
    fn drop(&mut self) {
        // The reader thread sees the end and exits.
        let _ = self.stream.shutdown(Shutdown::Both);
    }
}
