//! Frames on the server's socket: `[u32 length, little-endian][codec record]`, the record a
//! `Frame`. Its first field, the protocol version, keeps its place in every version, and the
//! first three body variants (the handshake) never change shape, so any two versions of
//! otchet can still tell each other which they are.

use std::fmt;
use std::io::{self, Read, Write};

use serde::{Deserialize, Serialize};

use super::{Event, Request, Response};
use crate::codec::{self, CodecError, Kind, Record};

/// Bump whenever `Frame`, `Request`, `Response`, `Event` or anything they carry changes shape.
pub const PROTOCOL_VERSION: u16 = 1;

/// The largest frame either side accepts, checked before anything is allocated. An entry's
/// text can be a megabyte; the biggest frame is a whole-store dump (JSON export, backup) of
/// years of reports, still far below this, which is also the codec's own decode limit.
pub const MAX_FRAME_BYTES: u32 = 64 << 20;

/// Memory is reserved as a frame's bytes arrive, at most this much ahead of them.
const READ_CHUNK: usize = 1 << 20;

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
            FrameError::TooLarge { len } => write!(f, "frame of {len} bytes, over the limit of {MAX_FRAME_BYTES}"),
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

pub fn write(w: &mut impl Write, frame: &Frame) -> Result<(), FrameError> {
    w.write_all(&encode(frame)?)?;
    Ok(())
}

pub fn read(r: &mut impl Read) -> Result<Frame, FrameError> {
    let bytes = read_record(r)?;
    let protocol: u16 = codec::decode_prefix(Kind::Frame, &bytes).map_err(FrameError::Malformed)?;
    if protocol != PROTOCOL_VERSION {
        let handshake = codec::decode_prefix::<(u16, Handshake)>(Kind::Frame, &bytes).ok().map(|(_, h)| h);
        return Err(FrameError::Version { protocol, handshake });
    }
    codec::decode(&bytes).map_err(FrameError::Malformed)
}

fn read_record(r: &mut impl Read) -> Result<Vec<u8>, FrameError> {
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
    if len > MAX_FRAME_BYTES {
        return Err(FrameError::TooLarge { len: len.into() });
    }
    let len = len as usize;
    let mut buf = Vec::new();
    while buf.len() < len {
        let chunk = (len - buf.len()).min(READ_CHUNK);
        buf.try_reserve_exact(chunk).map_err(|_| FrameError::TooLarge { len: len as u64 })?;
        if r.by_ref().take(chunk as u64).read_to_end(&mut buf)? == 0 {
            return Err(FrameError::Io(io::ErrorKind::UnexpectedEof.into()));
        }
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EntryEdit, ItemId, PeriodId};

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
        later.protocol = 7;
        assert!(matches!(
            read(&mut encode(&later).unwrap().as_slice()),
            Err(FrameError::Version { protocol: 7, handshake: None })
        ));
    }
}
