//! Asking a store's server to stop (`otchet serve --stop`), whatever protocol it speaks.

use std::io;
use std::os::unix::net::UnixStream;
use std::time::Duration;

use super::{ClientError, ServerPaths};
use crate::proto::Response;
use crate::proto::frame::{self, Frame, FrameBody, FrameError, Handshake, program_version};
use crate::tr;

/// A server finishes its requests in flight and flushes; this is how long we wait for that.
const STOP_WAIT: Duration = Duration::from_secs(30);

pub enum Stopped {
    /// The server stopped and closed the store.
    Done,
    NotRunning,
}

pub fn stop_server(paths: &ServerPaths) -> Result<Stopped, ClientError> {
    let trusted = super::trust::Trusted::of(paths);
    trusted.check_socket_dir()?;
    let stream = match UnixStream::connect(&paths.socket) {
        Ok(stream) => stream,
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused) => {
            return Ok(Stopped::NotRunning);
        }
        Err(e) => {
            return Err(connection(tr!(
                "client-socket-failed",
                socket = paths.socket.display().to_string(),
                detail = crate::i18n::os_error(&e)
            )));
        }
    };
    trusted.check_server(&stream)?;
    let fail = |e: &dyn std::fmt::Display| connection(e.to_string());
    stream.set_read_timeout(Some(STOP_WAIT)).map_err(|e| fail(&e))?;
    frame::write(&mut &stream, &Frame::new(FrameBody::Stop { program: program_version() })).map_err(|e| fail(&e))?;
    match frame::read(&mut &stream) {
        Ok(Frame { body: FrameBody::Welcome { .. }, .. })
        | Err(FrameError::Version { handshake: Some(Handshake::Welcome { .. }), .. }) => {}
        Ok(Frame { body: FrameBody::Response(Response::Error(refusal)), .. }) => return Err(ClientError::Api(refusal)),
        _ => return Err(connection(tr!("serve-stop-refused"))),
    }
    // The server keeps this connection until its store is closed.
    loop {
        match frame::read(&mut &stream) {
            Err(FrameError::Closed) => return Ok(Stopped::Done),
            Err(FrameError::Io(e)) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
                return Err(connection(tr!("serve-stop-slow", secs = STOP_WAIT.as_secs())));
            }
            Err(FrameError::Io(_)) => return Ok(Stopped::Done),
            _ => {}
        }
    }
}

fn connection(detail: String) -> ClientError {
    ClientError::Connection { detail }
}
