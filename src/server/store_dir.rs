//! The store's folder as the server finds it: private to one user, or shared by a staff
//! group (setgid, mode 2750, see docs/server.md): the members reach the socket and nothing
//! else; never writable by everyone.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use nix::sys::stat::{Mode, umask};

use super::ServeError;
use crate::store::StoreError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sharing {
    Private,
    Group,
}

impl Sharing {
    pub fn socket_mode(self) -> u32 {
        match self {
            Sharing::Private => 0o600,
            Sharing::Group => 0o660,
        }
    }

    /// Files the server creates (sled's, the log, the backups) are its user's alone, in a
    /// group store too: the members reach the store through the socket only.
    pub fn apply_umask(self) {
        umask(Mode::from_bits_truncate(0o077));
    }
}

/// Creates a missing folder private to its user, and tells how an existing one is shared.
/// Only the folder's owner (or `service_uid`, the configured service user) may serve it.
pub fn check(dir: &Path, service_uid: Option<u32>) -> Result<Sharing, ServeError> {
    if !dir.exists() {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| StoreError::Open { path: dir.to_path_buf(), detail: crate::i18n::os_error(&e) })?;
    }
    let meta = std::fs::metadata(dir)
        .map_err(|e| StoreError::Open { path: dir.to_path_buf(), detail: crate::i18n::os_error(&e) })?;
    let me = nix::unistd::Uid::effective().as_raw();
    if meta.uid() != me && service_uid != Some(me) {
        let owner = crate::identity::actor_for_uid(meta.uid()).name;
        return Err(ServeError::NotOwner { path: dir.to_path_buf(), owner });
    }
    let mode = meta.permissions().mode();
    if mode & 0o020 != 0 && mode & 0o002 == 0 {
        // A member who may write the folder may delete, replace or link the store's files.
        return Err(ServeError::GroupWritable { path: dir.to_path_buf(), mode: mode & 0o7777 });
    }
    sharing_of(mode).ok_or_else(|| ServeError::WorldWritable { path: dir.to_path_buf() })
}

fn sharing_of(mode: u32) -> Option<Sharing> {
    if mode & 0o022 != 0 {
        None
    } else if mode & 0o070 != 0 {
        Some(Sharing::Group)
    } else {
        Some(Sharing::Private)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        assert_eq!(sharing_of(0o40700), Some(Sharing::Private));
        assert_eq!(sharing_of(0o42750), Some(Sharing::Group));
        assert_eq!(sharing_of(0o42770), None, "the group may not write");
        assert_eq!(sharing_of(0o40750), Some(Sharing::Group));
        assert_eq!(sharing_of(0o40777), None);
        assert_eq!(sharing_of(0o41733), None);
    }

    #[test]
    fn a_world_writable_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        assert!(matches!(check(dir.path(), None), Err(ServeError::WorldWritable { .. })));
        let fresh = dir.path().join("new/store");
        assert_eq!(check(&fresh, None).unwrap(), Sharing::Private);
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
