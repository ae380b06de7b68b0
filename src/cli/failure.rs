//! How a command fails: the message on stderr and the exit status cli.md fixes
//! (2 bad usage or bad input, 1 anything else).

use std::fmt::Display;
use std::process::ExitCode;

use crate::client::ClientError;
use crate::config::ConfigError;
use crate::formats::ImportError;
use crate::proto::ApiError;
use crate::store::StoreError;

#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
    /// The store failed on the server: the message is about the store this command named,
    /// whose path the server does not send.
    pub store_fault: bool,
}

impl Failure {
    pub fn usage(message: impl Display) -> Self {
        Self { code: 2, message: message.to_string(), store_fault: false }
    }

    pub fn other(message: impl Display) -> Self {
        Self { code: 1, message: message.to_string(), store_fault: false }
    }

    pub fn report(&self) -> ExitCode {
        eprintln!("otchet: {}", crate::text_width::sanitize(&self.message));
        ExitCode::from(self.code)
    }
}

impl From<ImportError> for Failure {
    fn from(e: ImportError) -> Self {
        Failure::usage(e)
    }
}

impl From<ConfigError> for Failure {
    fn from(e: ConfigError) -> Self {
        Failure::usage(e)
    }
}

impl From<crate::formats::ExportError> for Failure {
    fn from(e: crate::formats::ExportError) -> Self {
        Failure::other(e)
    }
}

impl From<ClientError> for Failure {
    fn from(e: ClientError) -> Self {
        let store_fault = matches!(&e, ClientError::Api(ApiError::Store(_)));
        let failure = if e.is_user_error() { Failure::usage(e) } else { Failure::other(e) };
        Failure { store_fault, ..failure }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        if e.is_user_error() { Failure::usage(e) } else { Failure::other(e) }
    }
}
