//! The store's side of a streamed request: parts read or handed over one at a time, and
//! what may be done between them while the request holds the writer lock.

use super::{Store, StoreError};
use crate::model::DumpPart;

/// Gives a streamed write its parts, one at a time (`None` after the last).
pub type PartSource<'a, T, E> = dyn FnMut(&BetweenParts<'_>) -> Result<Option<T>, E> + 'a;

/// Takes a dump's parts as the store reads them.
pub type DumpSink<'a, E> = dyn FnMut(DumpPart, &BetweenParts<'_>) -> Result<(), E> + 'a;

/// What a streamed request's source or sink may do between parts, while the request holds
/// the writer lock and no reader of sled (only the store makes one).
pub struct BetweenParts<'a> {
    pub(super) store: &'a Store,
}

impl BetweenParts<'_> {
    /// As `Store::release_memory`: sled reopened, giving back what the parts so far read.
    pub fn release_memory(&self) -> Result<bool, StoreError> {
        self.store.reopen_unused()
    }
}
