//! How a command fails: the message on stderr and the exit status cli.md fixes
//! (2 bad usage or bad input, 1 anything else).

use std::fmt::Display;
use std::process::ExitCode;

use crate::client::ClientError;
use crate::config::ConfigError;
use crate::formats::ImportError;
use crate::store::StoreError;

#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn usage(message: impl Display) -> Self {
        Self { code: 2, message: message.to_string() }
    }

    pub fn other(message: impl Display) -> Self {
        Self { code: 1, message: message.to_string() }
    }

    pub fn report(&self) -> ExitCode {
        eprintln!("otchet: {}", self.message);
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

impl From<ClientError> for Failure {
    fn from(e: ClientError) -> Self {
        if e.is_user_error() { Failure::usage(e) } else { Failure::other(e) }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        if e.is_user_error() { Failure::usage(e) } else { Failure::other(e) }
    }
}
