//! Frames on the server's socket: `[u32 length, little-endian][codec record]`, the record a
//! `Frame`. Its first field, the protocol version, keeps its place in every version, and the
//! first three body variants (the handshake) never change shape, so any two versions of
//! otchet can still tell each other which they are.

use std::fmt;
use std::io::{self, BufWriter, Read, Write};

use serde::{Deserialize, Serialize};

use super::{Event, Request, Response};
use crate::codec::{self, CodecError, Kind, Record};

/// Bump whenever `Frame`, `Request`, `Response`, `Event` or anything they carry changes shape.
pub const PROTOCOL_VERSION: u16 = 15;

/// The largest frame accepted from a peer that is not trusted with more, checked before
/// anything is allocated. An entry's text can be a megabyte; a period's snapshot of 10,000
/// items is about 25 MiB.
pub const MAX_FRAME_BYTES: u32 = 64 << 20;

/// The largest frame a client accepts from its server, and the server from an admin: a
/// whole-store dump (JSON export, backup, restore) of 10,000 items × 4 quarters is ~120 MiB.
pub const MAX_TRUSTED_FRAME_BYTES: u32 = 1 << 30;

/// Memory is reserved as a frame's bytes arrive, at most this much ahead of them.
const READ_CHUNK: usize = 1 << 20;

/// Frames are encoded into the socket through a buffer of this size.
const WRITE_BUFFER: usize = 64 << 10;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frame {
    pub protocol: u16,
    pub body: FrameBody,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FrameBody {
    // The handshake: never reorder or reshape these three (see `Handshake`).
    /// A client's first frame.
    Hello {
        program: String,
    },
    /// The server's answer to `Hello` or an accepted `Stop`, with its own protocol version.
    Welcome {
        program: String,
    },
    /// Asks the server to finish and exit (`otchet serve --stop`), across versions too.
    Stop {
        program: String,
    },
    Request(Request),
    Response(Response),
    Event(Event),
}

/// The handshake part of `FrameBody`, readable from a frame of any protocol version.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub enum Handshake {
    Hello { program: String },
    Welcome { program: String },
    Stop { program: String },
}

impl Record for Frame {
    const KIND: Kind = Kind::Frame;
    const VERSION: u8 = 1;
}

impl Frame {
    pub fn new(body: FrameBody) -> Frame {
        Frame { protocol: PROTOCOL_VERSION, body }
    }
}

/// This program's version, as handshakes carry it.
pub fn program_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[derive(Debug)]
pub enum FrameError {
    Io(io::Error),
    /// The peer closed the connection between frames.
    Closed,
    TooLarge {
        len: u64,
    },
    Malformed(CodecError),
    /// A well-formed frame where the conversation has no place for it.
    OutOfPlace,
    /// A frame of another protocol version; `handshake` when it was one.
    Version {
        protocol: u16,
        handshake: Option<Handshake>,
    },
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Technical detail for the server's log; clients word their errors from the catalogue.
        match self {
            FrameError::Io(e) => write!(f, "{e}"),
            FrameError::Closed => write!(f, "connection closed"),
            FrameError::TooLarge { len } => write!(f, "frame of {len} bytes, over this peer's limit"),
            FrameError::Malformed(e) => write!(f, "{e}"),
            FrameError::OutOfPlace => write!(f, "a frame out of place in the conversation"),
            FrameError::Version { protocol, .. } => {
                write!(f, "protocol version {protocol}, this program speaks {PROTOCOL_VERSION}")
            }
        }
    }
}

impl std::error::Error for FrameError {}

impl From<io::Error> for FrameError {
    fn from(e: io::Error) -> Self {
        FrameError::Io(e)
    }
}

/// The frame's bytes on the wire, length first: encoded once, written to any number of peers.
pub fn encode(frame: &Frame) -> Result<Vec<u8>, FrameError> {
    let record = codec::encode(frame).map_err(FrameError::Malformed)?;
    let len = u32::try_from(record.len()).ok().filter(|n| *n <= MAX_FRAME_BYTES);
    let Some(len) = len else {
        return Err(FrameError::TooLarge { len: record.len() as u64 });
    };
    let mut out = Vec::with_capacity(4 + record.len());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&record);
    Ok(out)
}

/// Writes a frame as it is encoded (a period's snapshot is tens of megabytes: it is never
/// held twice). Its length is counted first, so a frame that cannot be encoded or is too
/// large fails (`Malformed`, `TooLarge`) before anything is written.
pub fn write(w: &mut impl Write, frame: &Frame) -> Result<(), FrameError> {
    write_up_to(w, frame, MAX_FRAME_BYTES)
}

/// `write` to a peer that accepts frames of up to `max` bytes.
pub fn write_up_to(w: &mut impl Write, frame: &Frame, max: u32) -> Result<(), FrameError> {
    let len = codec::encoded_len(frame).map_err(FrameError::Malformed)?;
    let Some(len) = u32::try_from(len).ok().filter(|n| *n <= max) else {
        return Err(FrameError::TooLarge { len: len as u64 });
    };
    let mut out = Watched { inner: BufWriter::with_capacity(WRITE_BUFFER, w), failed: None };
    out.write_all(&len.to_le_bytes())?;
    if let Err(e) = codec::encode_into(frame, &mut out) {
        return Err(out.failed.map_or(FrameError::Malformed(e), FrameError::Io));
    }
    out.flush()?;
    Ok(())
}

/// Reads a frame, decoding it as its bytes arrive (never holding them and the value at once).
pub fn read(r: &mut impl Read) -> Result<Frame, FrameError> {
    read_up_to(r, MAX_FRAME_BYTES)
}

/// `read` from a peer trusted with frames of up to `max` bytes.
pub fn read_up_to(r: &mut impl Read, max: u32) -> Result<Frame, FrameError> {
    let len = read_len(r, max)?;
    let mut body = Watched { inner: r.take(len.into()), failed: None };
    // A stream that ends early is a lost connection, not a malformed frame.
    let fail = |body: &mut Watched<_>, e| body.failed.take().map_or(FrameError::Malformed(e), FrameError::Io);
    let version = codec::read_header(Kind::Frame, &mut body).map_err(|e| fail(&mut body, e))?;
    let protocol: u16 = codec::decode_next(Kind::Frame, &mut body).map_err(|e| fail(&mut body, e))?;
    if protocol != PROTOCOL_VERSION {
        let rest = read_rest(&mut body.inner)?;
        let handshake = codec::decode_prefix_payload::<Handshake>(Kind::Frame, &rest).ok();
        return Err(FrameError::Version { protocol, handshake });
    }
    codec::check_version::<Frame>(version).map_err(FrameError::Malformed)?;
    // bincode's limit counts what the values claim (a vector's items at their full size),
    // which can pass the frame's own length: a peer trusted with large frames gets the
    // large limit whatever this frame's length (a status listing 100,000 items is 60 MB).
    let frame_body: FrameBody = if max > MAX_FRAME_BYTES {
        codec::decode_next_large(Kind::Frame, &mut body)
    } else {
        codec::decode_next(Kind::Frame, &mut body)
    }
    .map_err(|e| fail(&mut body, e))?;
    let unread = body.inner.limit();
    if unread > 0 {
        let used = (u64::from(len) - unread) as usize;
        return Err(FrameError::Malformed(CodecError::TrailingBytes { kind: Kind::Frame, used, len: len as usize }));
    }
    Ok(Frame { protocol, body: frame_body })
}

/// A reader or writer that keeps its first I/O error, to tell a lost connection from a
/// malformed frame after the codec has reported either as its own error.
struct Watched<T> {
    inner: T,
    failed: Option<io::Error>,
}

impl<R: Read> Read for Watched<io::Take<R>> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let want = buf.len().min(usize::try_from(self.inner.limit()).unwrap_or(usize::MAX));
        match self.inner.read(buf) {
            Ok(0) if want > 0 => {
                self.failed = Some(io::ErrorKind::UnexpectedEof.into());
                Ok(0)
            }
            Err(e) if e.kind() != io::ErrorKind::Interrupted => {
                self.failed = Some(io::Error::new(e.kind(), e.to_string()));
                Err(e)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for Watched<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).inspect_err(|e| {
            self.failed.get_or_insert_with(|| io::Error::new(e.kind(), e.to_string()));
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The rest of a frame, when it is of another protocol version (only its handshake matters).
fn read_rest(r: &mut io::Take<impl Read>) -> Result<Vec<u8>, FrameError> {
    let mut buf = Vec::new();
    while r.limit() > 0 {
        let chunk = usize::try_from(r.limit()).unwrap_or(READ_CHUNK).min(READ_CHUNK);
        buf.try_reserve_exact(chunk).map_err(|_| FrameError::TooLarge { len: r.limit() })?;
        if r.by_ref().take(chunk as u64).read_to_end(&mut buf)? == 0 {
            return Err(FrameError::Io(io::ErrorKind::UnexpectedEof.into()));
        }
    }
    Ok(buf)
}

fn read_len(r: &mut impl Read, max: u32) -> Result<u32, FrameError> {
    let mut prefix = [0u8; 4];
    let mut filled = 0;
    while filled < prefix.len() {
        match r.read(&mut prefix[filled..]) {
            Ok(0) if filled == 0 => return Err(FrameError::Closed),
            Ok(0) => return Err(FrameError::Io(io::ErrorKind::UnexpectedEof.into())),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(FrameError::Io(e)),
        }
    }
    let len = u32::from_le_bytes(prefix);
    if len > max {
        return Err(FrameError::TooLarge { len: len.into() });
    }
    Ok(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EntryEdit, ItemId, PeriodId};

    #[test]
    fn a_malformed_record_is_described_without_the_codecs_english() {
        use crate::codec::{CodecError, Kind};
        crate::i18n::set_lang(crate::i18n::Lang::Ru);
        let errors = [
            CodecError::Truncated,
            CodecError::WrongKind { expected: Kind::Frame, found: 9 },
            CodecError::FutureVersion { kind: Kind::Frame, version: 3, supported: 2 },
            CodecError::UnknownVersion { kind: Kind::Frame, version: 0 },
            CodecError::Malformed { kind: Kind::Frame, detail: "unexpected end of input".into() },
            CodecError::TrailingBytes { kind: Kind::Frame, used: 3, len: 5 },
            CodecError::Encode("too deep".into()),
        ];
        for e in &errors {
            let said = e.said();
            assert!(!said.is_empty() && !said.chars().any(|c| c.is_ascii_alphabetic()), "{e}: {said}");
        }
    }

    fn save_frame() -> Frame {
        let edit = EntryEdit {
            period: PeriodId::parse("2020-Q1").unwrap(),
            item: ItemId(69),
            base_revision: 3,
            info: "Проведено заседание комиссии.\n\nПротокол № 2".into(),
            assessment: "выполнено".into(),
        };
        Frame::new(FrameBody::Request(Request::Save { edit }))
    }

    #[test]
    fn a_trusted_peer_may_send_more_than_the_usual_limit() {
        let entry = crate::domain::Entry { info: "ы".repeat(33 << 20), ..Default::default() };
        let big = Frame::new(FrameBody::Response(Response::Entry(Some(entry))));
        let mut wire = Vec::new();
        assert!(matches!(write(&mut wire, &big), Err(FrameError::TooLarge { .. })), "not to an untrusted peer");
        write_up_to(&mut wire, &big, MAX_TRUSTED_FRAME_BYTES).unwrap();
        assert!(wire.len() > MAX_FRAME_BYTES as usize);
        assert!(matches!(read(&mut wire.as_slice()), Err(FrameError::TooLarge { .. })));
        assert_eq!(read_up_to(&mut wire.as_slice(), MAX_TRUSTED_FRAME_BYTES).unwrap(), big);
    }

    #[test]
    fn frames_round_trip_back_to_back() {
        let mut wire = Vec::new();
        write(&mut wire, &Frame::new(FrameBody::Hello { program: "0.1.0".into() })).unwrap();
        write(&mut wire, &save_frame()).unwrap();
        let mut r = wire.as_slice();
        assert_eq!(read(&mut r).unwrap().body, FrameBody::Hello { program: "0.1.0".into() });
        assert_eq!(read(&mut r).unwrap(), save_frame());
        assert!(matches!(read(&mut r), Err(FrameError::Closed)));
    }

    /// A reader that fails the test if more than the length prefix is read from it.
    struct OnlyPrefix(Vec<u8>);

    impl Read for OnlyPrefix {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            assert!(!self.0.is_empty(), "read past the length prefix");
            let n = buf.len().min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0.drain(..n);
            Ok(n)
        }
    }

    #[test]
    fn an_oversized_frame_is_refused_before_its_body_is_read() {
        let mut r = OnlyPrefix((MAX_FRAME_BYTES + 1).to_le_bytes().to_vec());
        assert!(matches!(read(&mut r), Err(FrameError::TooLarge { len }) if len == u64::from(MAX_FRAME_BYTES) + 1));
        let mut r = OnlyPrefix(u32::MAX.to_le_bytes().to_vec());
        assert!(matches!(read(&mut r), Err(FrameError::TooLarge { .. })));
    }

    #[test]
    fn garbage_and_truncation_are_refused() {
        let garbage = [5u8, 0, 0, 0, 1, 2, 3, 4, 5];
        assert!(matches!(read(&mut garbage.as_slice()), Err(FrameError::Malformed(_))));
        let mut wire = encode(&save_frame()).unwrap();
        let last = wire.len() - 1;
        wire[last] ^= 0xff;
        wire.push(0);
        let len = (wire.len() - 4) as u32;
        wire[..4].copy_from_slice(&len.to_le_bytes());
        assert!(matches!(read(&mut wire.as_slice()), Err(FrameError::Malformed(_))));
        let whole = encode(&save_frame()).unwrap();
        assert!(matches!(read(&mut &whole[..whole.len() - 3]), Err(FrameError::Io(_))));
        assert!(matches!(read(&mut &whole[..2]), Err(FrameError::Io(_))));
    }

    #[test]
    fn another_protocol_version_is_named_with_its_handshake() {
        let frame = Frame { protocol: PROTOCOL_VERSION + 1, body: FrameBody::Hello { program: "9.9.9".into() } };
        match read(&mut encode(&frame).unwrap().as_slice()) {
            Err(FrameError::Version { protocol, handshake }) => {
                assert_eq!(protocol, PROTOCOL_VERSION + 1);
                assert_eq!(handshake, Some(Handshake::Hello { program: "9.9.9".into() }));
            }
            other => panic!("{other:?}"),
        }
        let mut later = save_frame();
        later.protocol = PROTOCOL_VERSION + 1;
        assert!(matches!(
            read(&mut encode(&later).unwrap().as_slice()),
            Err(FrameError::Version { protocol, handshake: None }) if protocol == PROTOCOL_VERSION + 1
        ));
    }
}
