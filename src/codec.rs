//! The one place values become bytes and back: a two-byte header (record kind, format
//! version) followed by bincode 2 through its serde API. Decoding checks the kind and
//! version and that every byte was used, so a newer record is refused, never misread.

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A value with a stable kind tag and a format version. Bump `VERSION` whenever the
/// serialized shape changes, and teach `decode_old` to read the previous versions.
pub trait Record: Serialize + DeserializeOwned {
    const KIND: Kind;
    const VERSION: u8;

    /// Decodes the payload of an older format `version` (< `VERSION`).
    fn decode_old(version: u8, _payload: &[u8]) -> Result<Self, CodecError> {
        Err(CodecError::UnknownVersion { kind: Self::KIND, version })
    }
}

/// Declares the record kinds once: the enum with its byte, the list, and each one's name.
macro_rules! kinds {
    ($($(#[$doc:meta])* $kind:ident = $byte:literal $name:literal;)*) => {
        /// Every kind of record the program writes. Never renumber: the byte is on disk and
        /// on the wire.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Kind {
            $($(#[$doc])* $kind = $byte,)*
        }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$kind,)*];

            fn from_byte(b: u8) -> Option<Kind> {
                Kind::ALL.iter().copied().find(|k| *k as u8 == b)
            }

            /// The name `otchet.format` and messages use.
            pub fn name(self) -> &'static str {
                match self { $(Kind::$kind => $name,)* }
            }
        }
    };
}

kinds! {
    Schema = 1 "schema";
    Plan = 2 "plan";
    Item = 3 "item";
    Period = 4 "period";
    Entry = 5 "entry";
    Revision = 6 "revision";
    Draft = 7 "draft";
    Settings = 8 "settings";
    User = 9 "user";
    Owner = 10 "owner";
    Frame = 11 "frame";
    /// How many transactions a store has committed (store/manifest.rs).
    Commits = 12 "commits";
    Review = 13 "review";
    /// An entry's execution text, apart from the entry (store/records.rs).
    EntryText = 14 "entry-text";
    /// What a batch of a large write replaced (store/journal.rs).
    Undo = 15 "undo";
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodecError {
    Truncated,
    WrongKind {
        expected: Kind,
        found: u8,
    },
    /// Written by a newer program: refuse rather than guess.
    FutureVersion {
        kind: Kind,
        version: u8,
        supported: u8,
    },
    UnknownVersion {
        kind: Kind,
        version: u8,
    },
    Malformed {
        kind: Kind,
        detail: String,
    },
    TrailingBytes {
        kind: Kind,
        used: usize,
        len: usize,
    },
    Encode(String),
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Technical detail for logs and error chains; user-facing wording is in the catalogue.
        match self {
            CodecError::Truncated => write!(f, "record too short"),
            CodecError::WrongKind { expected, found } => {
                write!(f, "expected a {} record, found kind {found}", expected.name())
            }
            CodecError::FutureVersion { kind, version, supported } => {
                write!(f, "{} record of format version {version}, newer than this program's {supported}", kind.name())
            }
            CodecError::UnknownVersion { kind, version } => {
                write!(f, "{} record of unknown format version {version}", kind.name())
            }
            CodecError::Malformed { kind, detail } => write!(f, "malformed {} record: {detail}", kind.name()),
            CodecError::TrailingBytes { kind, used, len } => {
                write!(f, "{} record has {} unread bytes of {len}", kind.name(), len - used)
            }
            CodecError::Encode(detail) => write!(f, "cannot encode: {detail}"),
        }
    }
}

impl std::error::Error for CodecError {}

impl CodecError {
    /// What is wrong with the record, in the user's language (`Display` is English, for
    /// logs).
    pub fn said(&self) -> String {
        match self {
            CodecError::Truncated => crate::tr!("codec-truncated"),
            CodecError::WrongKind { .. } => crate::tr!("codec-wrong-kind"),
            CodecError::FutureVersion { version, supported, .. } => {
                crate::tr!("codec-future-version", version = u32::from(*version), supported = u32::from(*supported))
            }
            CodecError::UnknownVersion { version, .. } => {
                crate::tr!("codec-unknown-version", version = u32::from(*version))
            }
            CodecError::Malformed { .. } | CodecError::Encode(_) => crate::tr!("codec-malformed"),
            CodecError::TrailingBytes { used, len, .. } => {
                crate::tr!("codec-trailing-bytes", n = len.saturating_sub(*used))
            }
        }
    }
}

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

pub fn encode<R: Record>(value: &R) -> Result<Vec<u8>, CodecError> {
    let mut out = vec![R::KIND as u8, R::VERSION];
    bincode::serde::encode_into_std_write(value, &mut out, config()).map_err(|e| CodecError::Encode(e.to_string()))?;
    Ok(out)
}

pub fn decode<R: Record>(bytes: &[u8]) -> Result<R, CodecError> {
    let (version, payload) = split_header(R::KIND, bytes)?;
    match version.cmp(&R::VERSION) {
        std::cmp::Ordering::Equal => decode_payload(R::KIND, payload),
        std::cmp::Ordering::Less => R::decode_old(version, payload),
        std::cmp::Ordering::Greater => Err(CodecError::FutureVersion { kind: R::KIND, version, supported: R::VERSION }),
    }
}

/// A record's format version and payload, its kind checked to be `kind`.
fn split_header(kind: Kind, bytes: &[u8]) -> Result<(u8, &[u8]), CodecError> {
    let [found, version, payload @ ..] = bytes else {
        return Err(CodecError::Truncated);
    };
    if *found != kind as u8 {
        return Err(CodecError::WrongKind { expected: kind, found: *found });
    }
    Ok((*version, payload))
}

/// Decodes a bare payload (no header) that must be used to its last byte. Also for
/// `decode_old` implementations reading a previous shape.
pub fn decode_payload<T: DeserializeOwned>(kind: Kind, payload: &[u8]) -> Result<T, CodecError> {
    let (value, used) = bincode::serde::decode_from_slice(payload, config().with_limit::<{ 64 << 20 }>())
        .map_err(|e| CodecError::Malformed { kind, detail: e.to_string() })?;
    if used != payload.len() {
        return Err(CodecError::TrailingBytes { kind, used, len: payload.len() });
    }
    Ok(value)
}

/// Decodes a record of `R`'s kind, in its current format only, as a `T` of the same shape:
/// `Bytes` (model) for a `String` takes a text's UTF-8 as it is, unchecked.
pub fn decode_as<R: Record, T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    let (version, payload) = split_header(R::KIND, bytes)?;
    check_version::<R>(version)?;
    decode_payload(R::KIND, payload)
}

/// Decodes the value at the start of a record's payload, whatever the record's format
/// version, and leaves the rest unread: for fields whose place never changes (a protocol
/// frame's version comes first in every frame, so any two programs can compare versions).
pub fn decode_prefix<T: DeserializeOwned>(kind: Kind, bytes: &[u8]) -> Result<T, CodecError> {
    let (_version, payload) = split_header(kind, bytes)?;
    decode_prefix_payload(kind, payload)
}

// ---- streams: large records (a period's snapshot) never whole in memory twice --------

/// How many bytes `encode` makes of `value`, counted without keeping them.
pub fn encoded_len<R: Record>(value: &R) -> Result<usize, CodecError> {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(2);
    bincode::serde::encode_into_std_write(value, &mut count, config())
        .map_err(|e| CodecError::Encode(e.to_string()))?;
    Ok(count.0)
}

/// Writes what `encode` makes straight to `w`. An I/O error of `w` comes back as
/// `CodecError::Encode`: a caller that must tell them apart watches its writer.
pub fn encode_into<R: Record>(value: &R, w: &mut impl std::io::Write) -> Result<(), CodecError> {
    w.write_all(&[R::KIND as u8, R::VERSION]).map_err(|e| CodecError::Encode(e.to_string()))?;
    bincode::serde::encode_into_std_write(value, w, config()).map_err(|e| CodecError::Encode(e.to_string()))?;
    Ok(())
}

/// Reads a record's header from a stream and checks its kind; returns its format version.
pub fn read_header(kind: Kind, r: &mut impl std::io::Read) -> Result<u8, CodecError> {
    let mut header = [0u8; 2];
    r.read_exact(&mut header).map_err(|_| CodecError::Truncated)?;
    if header[0] != kind as u8 {
        return Err(CodecError::WrongKind { expected: kind, found: header[0] });
    }
    Ok(header[1])
}

/// A streamed record is read in its current format only (records on the wire are never
/// migrated): an older or newer version is refused as `decode` would refuse it.
pub fn check_version<R: Record>(version: u8) -> Result<(), CodecError> {
    match version.cmp(&R::VERSION) {
        std::cmp::Ordering::Equal => Ok(()),
        std::cmp::Ordering::Less => Err(CodecError::UnknownVersion { kind: R::KIND, version }),
        std::cmp::Ordering::Greater => Err(CodecError::FutureVersion { kind: R::KIND, version, supported: R::VERSION }),
    }
}

/// Decodes the next value of a record's payload from a stream, as its bytes arrive. The
/// caller bounds the stream to the record (`Read::take`) and checks that it was used up.
pub fn decode_next<T: DeserializeOwned>(kind: Kind, r: &mut impl std::io::Read) -> Result<T, CodecError> {
    bincode::serde::decode_from_std_read(r, config().with_limit::<{ 64 << 20 }>())
        .map_err(|e| CodecError::Malformed { kind, detail: e.to_string() })
}

/// `decode_next` for the few records that may exceed the usual 64 MiB: whole-store dumps
/// from the server, or to it from an admin (the frame layer decides who is trusted).
pub fn decode_next_large<T: DeserializeOwned>(kind: Kind, r: &mut impl std::io::Read) -> Result<T, CodecError> {
    bincode::serde::decode_from_std_read(r, config().with_limit::<{ 1 << 30 }>())
        .map_err(|e| CodecError::Malformed { kind, detail: e.to_string() })
}

/// `decode_prefix` for a payload without its header (read from a stream past it).
pub fn decode_prefix_payload<T: DeserializeOwned>(kind: Kind, payload: &[u8]) -> Result<T, CodecError> {
    bincode::serde::decode_from_slice(payload, config().with_limit::<{ 64 << 20 }>())
        .map(|(value, _)| value)
        .map_err(|e| CodecError::Malformed { kind, detail: e.to_string() })
}

/// The kind byte of an encoded record, if it is one we know.
pub fn kind_of(bytes: &[u8]) -> Option<Kind> {
    bytes.first().and_then(|b| Kind::from_byte(*b))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Thing {
        name: String,
        n: u32,
    }

    impl Record for Thing {
        const KIND: Kind = Kind::Settings;
        const VERSION: u8 = 2;

        fn decode_old(version: u8, payload: &[u8]) -> Result<Self, CodecError> {
            match version {
                1 => {
                    let name: String = decode_payload(Self::KIND, payload)?;
                    Ok(Thing { name, n: 0 })
                }
                _ => Err(CodecError::UnknownVersion { kind: Self::KIND, version }),
            }
        }
    }

    #[test]
    fn header_and_round_trip() {
        let t = Thing { name: "Серов".into(), n: 7 };
        let bytes = encode(&t).unwrap();
        assert_eq!(&bytes[..2], &[Kind::Settings as u8, 2]);
        assert_eq!(decode::<Thing>(&bytes).unwrap(), t);
    }

    #[test]
    fn old_versions_are_migrated_and_new_ones_refused() {
        let mut v1 = vec![Kind::Settings as u8, 1];
        bincode::serde::encode_into_std_write("старое", &mut v1, config()).unwrap();
        assert_eq!(decode::<Thing>(&v1).unwrap(), Thing { name: "старое".into(), n: 0 });

        let mut v3 = encode(&Thing { name: "x".into(), n: 1 }).unwrap();
        v3[1] = 3;
        assert!(matches!(decode::<Thing>(&v3), Err(CodecError::FutureVersion { version: 3, supported: 2, .. })));
    }

    #[test]
    fn refuses_wrong_kind_truncation_and_trailing_bytes() {
        let mut bytes = encode(&Thing { name: "x".into(), n: 1 }).unwrap();
        assert!(matches!(decode::<Thing>(&bytes[..1]), Err(CodecError::Truncated)));
        bytes.push(0);
        assert!(matches!(decode::<Thing>(&bytes), Err(CodecError::TrailingBytes { .. })));
        bytes[0] = Kind::Plan as u8;
        assert!(matches!(decode::<Thing>(&bytes), Err(CodecError::WrongKind { .. })));
    }

    #[test]
    fn streams_give_the_same_bytes_and_values() {
        let t = Thing { name: "Серов".repeat(100), n: 7 };
        let bytes = encode(&t).unwrap();
        assert_eq!(encoded_len(&t).unwrap(), bytes.len());
        let mut streamed = Vec::new();
        encode_into(&t, &mut streamed).unwrap();
        assert_eq!(streamed, bytes);
        let mut r = bytes.as_slice();
        assert_eq!(check_version::<Thing>(read_header(Kind::Settings, &mut r).unwrap()), Ok(()));
        assert_eq!(decode_next::<Thing>(Kind::Settings, &mut r).unwrap(), t);
        assert!(r.is_empty());
        assert!(matches!(read_header(Kind::Plan, &mut bytes.as_slice()), Err(CodecError::WrongKind { .. })));
        assert!(matches!(check_version::<Thing>(3), Err(CodecError::FutureVersion { .. })));
        assert!(matches!(decode_next::<Thing>(Kind::Settings, &mut &bytes[2..9]), Err(CodecError::Malformed { .. })));
    }

    #[test]
    fn a_prefix_is_read_whatever_follows_it() {
        let mut bytes = encode(&Thing { name: "первое".into(), n: 9 }).unwrap();
        bytes[1] = 200;
        bytes.extend_from_slice(&[0xff; 5]);
        assert_eq!(decode_prefix::<String>(Kind::Settings, &bytes).unwrap(), "первое");
        assert!(matches!(decode_prefix::<String>(Kind::Plan, &bytes), Err(CodecError::WrongKind { .. })));
    }
}
