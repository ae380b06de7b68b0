//! A row of a period's report as the server sends it (`Request::PeriodRows`): the item and
//! the execution text still in the bytes they are stored in, so that a quarter's 22 MB
//! pass through the server without being decoded, checked and encoded again (it spent a
//! fifth of its time checking their UTF-8 alone); the client decodes them.

use serde::{Deserialize, Serialize};

use crate::domain::{Entry, ItemId};

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

/// An item of a period with its entry there, the item and the execution text encoded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncodedRow {
    pub id: ItemId,
    /// The item's record in its current format, as `codec::encode` makes it.
    pub item: Bytes,
    /// The entry, when anyone wrote one; its execution text in `info` when kept apart.
    pub entry: Option<Entry>,
    /// The UTF-8 of the entry's execution text, not yet checked, when kept apart from the
    /// entry (a text longer than a line: most of them).
    pub info: Option<Bytes>,
}

impl EncodedRow {
    /// About what the row weighs: its bytes and its entry's other texts.
    pub fn weight(&self) -> usize {
        let entry = self.entry.as_ref().map_or(0, super::text_weight);
        self.item.0.len() + self.info.as_ref().map_or(0, |t| t.0.len()) + entry
    }
}
