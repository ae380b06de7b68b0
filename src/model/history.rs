//! The saved states of an entry, and the changes of its review state.

use serde::{Deserialize, Serialize};

use crate::domain::{PeriodId, Review, Stamp};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RevisionSource {
    Edit,
    Import,
    /// An older text brought back from the history.
    Restore,
    // Appended: records of format 1 decode unchanged.
    /// Copied from this period when the entry's period was opened.
    Carried {
        from: PeriodId,
    },
}

/// A change of an entry's review state (open, ready, accepted), or of a carried-over text
/// confirmed as it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewEvent {
    pub at: Stamp,
    pub by: String,
    /// The entry's revision when it happened: it comes after that revision in the history.
    pub revision: u64,
    pub change: ReviewChange,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewChange {
    Review {
        from: Review,
        to: Review,
    },
    /// The text carried over from an earlier period was looked at and kept.
    CarriedConfirmed,
}

/// One saved state of an entry; the history of an entry is its revisions in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub revision: u64,
    pub by: String,
    pub at: Stamp,
    pub info: String,
    pub assessment: String,
    pub source: RevisionSource,
}
