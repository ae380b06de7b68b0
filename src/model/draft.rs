//! Unsaved text kept for one user.

use serde::{Deserialize, Serialize};

use crate::domain::Stamp;

/// Unsaved text kept for one user, offered again when the item is reopened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub info: String,
    pub assessment: String,
    /// The entry's revision the edit started from.
    pub base_revision: u64,
    pub saved_at: Stamp,
}
