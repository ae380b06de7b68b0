//! Who a client lets be its store's server, checked before anything is sent (as tmux checks
//! its socket): the server's uid from the kernel (SO_PEERCRED) must be this user's, root's,
//! the store folder's owner's or the configured service user's; and the socket's folder
//! must belong to one of them and be closed to writing by everyone else.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::net::UnixStream;

use nix::sys::socket::{getsockopt, sockopt::PeerCredentials};
use nix::unistd::Uid;

use super::{ClientError, ServerPaths};
use crate::tr;

/// Whom a client of one store trusts, worked out once per connection (one look at the
/// store's folder).
pub struct Trusted<'a> {
    paths: &'a ServerPaths,
    /// The store folder's owner, when the folder exists.
    owner: Option<u32>,
    uids: Vec<u32>,
}

impl<'a> Trusted<'a> {
    pub fn of(paths: &'a ServerPaths) -> Trusted<'a> {
        let owner = std::fs::metadata(&paths.store).ok().map(|m| m.uid());
        let mut uids = vec![Uid::effective().as_raw(), 0];
        uids.extend(owner);
        uids.extend(paths.service_uid);
        uids.sort_unstable();
        uids.dedup();
        Trusted { paths, owner, uids }
    }

    /// Refuses a server whose process runs as a user this client does not trust.
    pub fn check_server(&self, stream: &UnixStream) -> Result<(), ClientError> {
        let uid = getsockopt(stream, PeerCredentials)
            .map(|c| c.uid())
            .map_err(|e| ClientError::Connection { detail: crate::i18n::os_error(&std::io::Error::from(e)) })?;
        if self.uids.contains(&uid) {
            return Ok(());
        }
        let owner = self.owner.map_or_else(|| "?".to_owned(), |uid| crate::identity::actor_for_uid(uid).name);
        Err(ClientError::Connection {
            detail: tr!(
                "client-server-impostor",
                socket = self.paths.socket.display().to_string(),
                user = crate::identity::actor_for_uid(uid).name,
                owner = owner
            ),
        })
    }

    /// Refuses a link at the socket's path, and a socket folder that a user this client does
    /// not trust owns or anyone may write to (`/tmp`, a fallback folder someone else made).
    pub fn check_socket_dir(&self) -> Result<(), ClientError> {
        let socket = &self.paths.socket;
        if std::fs::symlink_metadata(socket).is_ok_and(|m| m.file_type().is_symlink()) {
            // A link would lead to another server of a trusted user, serving another store.
            return Err(ClientError::Connection {
                detail: tr!("client-socket-link", socket = socket.display().to_string()),
            });
        }
        let Some(dir) = socket.parent() else { return Ok(()) };
        if dir == self.paths.store {
            // The store's own folder: its owner is trusted, and the server refuses one that
            // others may write to, with its own message.
            return Ok(());
        }
        let Ok(meta) = std::fs::metadata(dir) else { return Ok(()) };
        let open_to_all = meta.permissions().mode() & 0o002 != 0;
        if self.uids.contains(&meta.uid()) && !open_to_all {
            return Ok(());
        }
        Err(ClientError::Connection {
            detail: tr!(
                "client-socket-dir-unsafe",
                folder = dir.display().to_string(),
                user = crate::identity::actor_for_uid(meta.uid()).name,
                mode = format!("{:o}", meta.permissions().mode() & 0o7777)
            ),
        })
    }

    /// Refuses to start a server on a store someone else owns: it would run as this user,
    /// and leave files of this user in their folder.
    pub fn check_may_start(&self) -> Result<(), ClientError> {
        let me = Uid::effective().as_raw();
        match self.owner {
            Some(owner) if owner != me && self.paths.service_uid != Some(me) => Err(ClientError::Connection {
                detail: tr!(
                    "client-not-owner-start",
                    store = self.paths.store.display().to_string(),
                    owner = crate::identity::actor_for_uid(owner).name
                ),
            }),
            _ => Ok(()),
        }
    }
}
