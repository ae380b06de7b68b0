//! Where a store's server listens: `otchet.sock` in the store's folder, or, when that path
//! is too long for a socket address, a short one named by a hash of the store's path.

use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use nix::unistd::{AccessFlags, Uid, access};

/// sun_path holds 108 bytes on Linux, the terminating NUL included.
const SOCKET_PATH_MAX: usize = 107;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerPaths {
    pub store: PathBuf,
    pub socket: PathBuf,
    /// `[server] user`: a service user trusted to run the server besides the store's owner.
    pub service_uid: Option<u32>,
}

impl ServerPaths {
    /// `configured` is `[server] socket` from the settings; the store's path is made
    /// absolute (and canonical when it exists) so that every client finds the same socket.
    pub fn new(store: &Path, configured: Option<&Path>) -> ServerPaths {
        let store = std::fs::canonicalize(store)
            .or_else(|_| std::path::absolute(store))
            .unwrap_or_else(|_| store.to_path_buf());
        let socket = match configured {
            Some(path) => path.to_path_buf(),
            None => default_socket(&store),
        };
        ServerPaths { store, socket, service_uid: None }
    }

    pub fn with_service_uid(mut self, uid: Option<u32>) -> ServerPaths {
        self.service_uid = uid;
        self
    }

    /// The lock a client holds while it starts the server, so that only one does.
    pub fn lock(&self) -> PathBuf {
        self.store.join("otchet.lock")
    }

    /// Where a server started by a client writes its log.
    pub fn log(&self) -> PathBuf {
        self.store.join("otchet-server.log")
    }

    /// Creates the socket's folder when it is this user's private fallback under /tmp, and
    /// refuses one that someone else owns or could write to.
    pub fn prepare_socket_dir(&self) -> std::io::Result<()> {
        let Some(dir) = self.socket.parent() else {
            return Ok(());
        };
        if dir != private_tmp_dir() {
            return Ok(());
        }
        match std::fs::DirBuilder::new().mode(0o700).create(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        let meta = std::fs::symlink_metadata(dir)?;
        if !meta.is_dir() || meta.uid() != Uid::effective().as_raw() || meta.permissions().mode() & 0o077 != 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!("{} is not a private folder of this user", dir.display()),
            ));
        }
        Ok(())
    }
}

fn default_socket(store: &Path) -> PathBuf {
    let beside = store.join("otchet.sock");
    if beside.as_os_str().len() <= SOCKET_PATH_MAX {
        return beside;
    }
    let name = format!("otchet-{:016x}.sock", fnv1a(store.as_os_str().as_bytes()));
    if let Some(dir) = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).filter(|p| p.is_absolute()) {
        return dir.join(name);
    }
    let run = Path::new("/run/otchet");
    if run.is_dir() && access(run, AccessFlags::W_OK).is_ok() {
        return run.join(name);
    }
    private_tmp_dir().join(name)
}

fn private_tmp_dir() -> PathBuf {
    PathBuf::from(format!("/tmp/otchet-{}", Uid::effective().as_raw()))
}

/// FNV-1a, 64 bits: stable across builds and Rust versions, unlike std's hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_store_path_keeps_the_socket_beside_the_store() {
        let paths = ServerPaths::new(Path::new("/srv/otchet/store"), None);
        assert_eq!(paths.socket, PathBuf::from("/srv/otchet/store/otchet.sock"));
        assert_eq!(paths.lock(), PathBuf::from("/srv/otchet/store/otchet.lock"));
        let configured = ServerPaths::new(Path::new("/srv/otchet/store"), Some(Path::new("/run/x.sock")));
        assert_eq!(configured.socket, PathBuf::from("/run/x.sock"));
    }

    #[test]
    fn a_long_store_path_gets_a_short_socket_named_by_its_hash() {
        let long = PathBuf::from(format!("/srv/{}/store", "очень-длинное-имя".repeat(8)));
        let socket = default_socket(&long);
        assert!(socket.as_os_str().len() <= SOCKET_PATH_MAX, "{}", socket.display());
        let name = socket.file_name().unwrap().to_str().unwrap().to_owned();
        assert!(name.starts_with("otchet-") && name.ends_with(".sock"), "{name}");
        assert_eq!(default_socket(&long), socket, "the same store, the same socket");
        assert_ne!(default_socket(&long.join("other")), socket);
    }

    #[test]
    fn the_hash_is_fnv1a() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
