//! The saved states of an entry.

use serde::{Deserialize, Serialize};

use crate::domain::Stamp;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RevisionSource {
    Edit,
    Import,
    /// An older text brought back from the history.
    Restore,
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
