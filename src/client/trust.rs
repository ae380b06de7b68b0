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

/// The uids a server of `paths` may run as.
pub fn trusted_uids(paths: &ServerPaths) -> Vec<u32> {
    let mut uids = vec![Uid::effective().as_raw(), 0];
    if let Ok(meta) = std::fs::metadata(&paths.store) {
        uids.push(meta.uid());
    }
    uids.extend(paths.service_uid);
    uids.sort_unstable();
    uids.dedup();
    uids
}

/// The uid the store folder's owner has, when the folder exists.
pub fn store_owner(paths: &ServerPaths) -> Option<u32> {
    std::fs::metadata(&paths.store).ok().map(|m| m.uid())
}

/// Refuses a server whose process runs as a user this client does not trust.
pub fn check_server(stream: &UnixStream, paths: &ServerPaths) -> Result<(), ClientError> {
    let uid = getsockopt(stream, PeerCredentials)
        .map(|c| c.uid())
        .map_err(|e| ClientError::Connection { detail: crate::i18n::os_error(&std::io::Error::from(e)) })?;
    if trusted_uids(paths).contains(&uid) {
        return Ok(());
    }
    Err(ClientError::Connection {
        detail: tr!(
            "client-server-impostor",
            socket = paths.socket.display().to_string(),
            user = crate::identity::actor_for_uid(uid).name,
            owner = owner_name(paths)
        ),
    })
}

/// Refuses a socket folder that a user this client does not trust owns or anyone may write
/// to (a world-writable `/tmp`, a fallback folder someone else created first).
pub fn check_socket_dir(paths: &ServerPaths) -> Result<(), ClientError> {
    if std::fs::symlink_metadata(&paths.socket).is_ok_and(|m| m.file_type().is_symlink()) {
        // A link would lead to another server of a trusted user, serving another store.
        return Err(ClientError::Connection {
            detail: tr!("client-socket-link", socket = paths.socket.display().to_string()),
        });
    }
    let Some(dir) = paths.socket.parent() else { return Ok(()) };
    if dir == paths.store {
        // The store's own folder: its owner is trusted, and the server refuses one that
        // everyone may write to, with its own message.
        return Ok(());
    }
    let Ok(meta) = std::fs::metadata(dir) else { return Ok(()) };
    let open_to_all = meta.permissions().mode() & 0o002 != 0;
    if trusted_uids(paths).contains(&meta.uid()) && !open_to_all {
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

/// Refuses to start a server on a store someone else owns: it would run as this user, and
/// leave files of this user in their folder.
pub fn check_may_start(paths: &ServerPaths) -> Result<(), ClientError> {
    let me = Uid::effective().as_raw();
    match store_owner(paths) {
        Some(owner) if owner != me && paths.service_uid != Some(me) => Err(ClientError::Connection {
            detail: tr!(
                "client-not-owner-start",
                store = paths.store.display().to_string(),
                owner = crate::identity::actor_for_uid(owner).name
            ),
        }),
        _ => Ok(()),
    }
}

fn owner_name(paths: &ServerPaths) -> String {
    store_owner(paths).map_or_else(|| "?".to_owned(), |uid| crate::identity::actor_for_uid(uid).name)
}
