//! Who is acting, and what they may do.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The kernel's user id of the person acting (from SO_PEERCRED on the server).
    pub uid: u32,
    /// Their login name, shown as "who changed it".
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Reads only.
    Viewer,
    /// Edits entries.
    Editor,
    /// Imports, opens periods, manages users, exports.
    Admin,
}

impl Role {
    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().as_str() {
            "viewer" => Some(Role::Viewer),
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn can_edit(self) -> bool {
        self >= Role::Editor
    }

    pub fn can_administer(self) -> bool {
        self == Role::Admin
    }
}
