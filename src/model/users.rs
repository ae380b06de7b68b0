//! Who may use a store, and who created it.

use serde::{Deserialize, Serialize};

use crate::domain::{Role, Stamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRecord {
    pub name: String,
    pub role: Role,
    /// The responsible names of the plan this user answers for («Отдел кадров»): their
    /// items are the user's own («мои пункты», `status --mine`).
    pub responsible: Vec<String>,
}

impl UserRecord {
    pub fn new(name: String, role: Role) -> UserRecord {
        UserRecord { name, role, responsible: Vec::new() }
    }
}

/// Who created the store: its first admin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub uid: u32,
    pub name: String,
    pub created_at: Stamp,
}

/// Who a client is to the store: the kernel's name for it, its role, and the responsible
/// names it answers for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub actor: crate::domain::Actor,
    pub role: Role,
    pub responsible: Vec<String>,
}
