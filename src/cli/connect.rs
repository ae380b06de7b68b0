//! Reaching the store a command works on: through its server, started on first use.

use std::path::PathBuf;

use super::Failure;
use crate::client::{Client, RemoteTransport, ServerPaths};
use crate::config::Config;
use crate::tr;

pub struct Context {
    pub config: Config,
    pub db: Option<PathBuf>,
}

impl Context {
    pub fn store_path(&self) -> Result<PathBuf, Failure> {
        self.config.store_path(self.db.as_deref()).ok_or_else(|| Failure::usage(tr!("cli-no-store-path")))
    }

    pub fn server_paths(&self) -> Result<ServerPaths, Failure> {
        let service_uid = match &self.config.server_user {
            Some(name) => Some(
                crate::identity::uid_for_name(name)
                    .ok_or_else(|| Failure::usage(tr!("cli-unknown-server-user", name = name.as_str())))?,
            ),
            None => None,
        };
        Ok(ServerPaths::new(&self.store_path()?, self.config.socket.as_deref()).with_service_uid(service_uid))
    }

    /// A client of an existing store's server; when none runs, this program starts one.
    pub fn client(&self) -> Result<Client, Failure> {
        let store = self.store_path()?;
        if !crate::store::exists(&store) {
            return Err(Failure::usage(tr!("cli-no-store", path = store.display().to_string())));
        }
        self.client_creating()
    }

    /// As [`Context::client`], creating the store when there is none (import, restore, the TUI).
    pub fn client_creating(&self) -> Result<Client, Failure> {
        let paths = self.server_paths()?;
        let exe = std::env::current_exe().map_err(|e| {
            Failure::other(tr!("client-start-failed", program = "otchet", detail = crate::i18n::os_error(&e)))
        })?;
        Ok(Client::new(Box::new(RemoteTransport::connect(&paths, Some(&exe))?)))
    }
}
