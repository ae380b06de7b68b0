//! Bytes as they are: a period's row with its execution text as stored, and the parts of
//! `status --json` the server sends.

use serde::{Deserialize, Serialize};

use crate::domain::{Entry, Item};

/// Bytes that travel as one block (bincode: their length, then them), not as a sequence
/// of numbers; a `String` travels the same way, so the bytes of one can stand for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bytes(pub Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_byte_buf(BytesVisitor)
    }
}

struct BytesVisitor;

impl serde::de::Visitor<'_> for BytesVisitor {
    type Value = Bytes;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("bytes")
    }

    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
        Ok(Bytes(v.to_vec()))
    }

    fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
        Ok(Bytes(v))
    }
}

/// An item of a period with its entry there, as the store reads them for a report: the
/// execution text still in the bytes it is stored in, its UTF-8 checked by whoever writes
/// it (a quarter's 22 MB, checked by simdutf8 as `status --json` is rendered: std's check
/// took a fifth of the time).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRow {
    pub item: Item,
    /// The entry, when anyone wrote one; its execution text in `info` when kept apart.
    pub entry: Option<Entry>,
    /// The UTF-8 of the entry's execution text, not yet checked, when kept apart from the
    /// entry (a text longer than a line: most of them).
    pub info: Option<Vec<u8>>,
}

impl StoredRow {
    /// About what the row weighs: its texts.
    pub fn weight(&self) -> usize {
        let entry = self.entry.as_ref().map_or(0, super::text_weight);
        super::item_weight(&self.item) + self.info.as_ref().map_or(0, Vec::len) + entry
    }
}
