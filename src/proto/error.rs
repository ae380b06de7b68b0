use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::Role;
use crate::store::StoreError;
use crate::tr;

/// A refusal or failure, carried to the client as data and worded there, in its language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApiError {
    Store(StoreError),
    /// The user has no role in this store.
    NotAUser {
        name: String,
    },
    Forbidden {
        name: String,
        role: Role,
        needed: Role,
    },
    BadRequest {
        detail: String,
    },
    /// The client and server speak different protocol versions.
    Version {
        client: u16,
        server: u16,
        server_program: String,
    },
}

impl ApiError {
    pub fn is_user_error(&self) -> bool {
        match self {
            ApiError::Store(e) => e.is_user_error(),
            ApiError::BadRequest { .. } => true,
            _ => false,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::Store(e)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ApiError::Store(e) => e.to_string(),
            ApiError::NotAUser { name } => tr!("access-not-a-user", name = name),
            ApiError::Forbidden { name, role, needed } => match needed {
                Role::Editor => tr!("access-read-only", name = name, role = role.as_str()),
                _ => tr!("access-admin-only", name = name, role = role.as_str()),
            },
            ApiError::BadRequest { detail } => tr!("api-bad-request", detail = detail),
            ApiError::Version { client, server, server_program } => {
                tr!("proto-version-mismatch", client = *client, server = *server, program = server_program)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ApiError {}
