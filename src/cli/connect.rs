//! Opening the store a command works on.

use std::path::PathBuf;

use super::Failure;
use crate::client::{Client, LocalTransport};
use crate::config::Config;
use crate::identity::current_actor;
use crate::server::Service;
use crate::store::{Store, StoreOptions};
use crate::tr;

pub struct Context {
    pub config: Config,
    pub db: Option<PathBuf>,
}

impl Context {
    pub fn store_path(&self) -> Result<PathBuf, Failure> {
        self.config.store_path(self.db.as_deref()).ok_or_else(|| Failure::usage(tr!("cli-no-store-path")))
    }

    pub fn client(&self) -> Result<Client, Failure> {
        let path = self.store_path()?;
        let store = Store::open(&path, &StoreOptions { cache_bytes: self.config.cache_bytes })?;
        Ok(Client::new(Box::new(LocalTransport::new(Service::new(store), current_actor()))))
    }
}
