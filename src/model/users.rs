//! Who may use a store, and who created it.

use serde::{Deserialize, Serialize};

use crate::domain::{Role, Stamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRecord {
    pub name: String,
    pub role: Role,
}

/// Who created the store: its first admin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub uid: u32,
    pub name: String,
    pub created_at: Stamp,
}
