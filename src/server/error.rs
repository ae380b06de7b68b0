use std::fmt;
use std::path::PathBuf;

use crate::store::StoreError;
use crate::tr;

#[derive(Debug)]
pub enum ServeError {
    /// Anyone could replace the store's files: the server will not serve it.
    WorldWritable {
        path: PathBuf,
    },
    /// Another user owns the store: a server run as this user would leave files of this
    /// user there, and its clients would not trust it.
    NotOwner {
        path: PathBuf,
        owner: String,
    },
    /// The staff group may write the folder: any member could delete or replace its files.
    GroupWritable {
        path: PathBuf,
        mode: u32,
    },
    AlreadyRunning {
        socket: PathBuf,
    },
    Socket {
        socket: PathBuf,
        detail: String,
    },
    Store(StoreError),
    Io {
        detail: String,
    },
}

impl From<StoreError> for ServeError {
    fn from(e: StoreError) -> Self {
        ServeError::Store(e)
    }
}

impl From<std::io::Error> for ServeError {
    fn from(e: std::io::Error) -> Self {
        ServeError::Io { detail: crate::i18n::os_error(&e) }
    }
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ServeError::WorldWritable { path } => tr!("serve-world-writable", path = path.display().to_string()),
            ServeError::NotOwner { path, owner } => {
                tr!("serve-not-owner", path = path.display().to_string(), owner = owner.as_str())
            }
            ServeError::GroupWritable { path, mode } => {
                tr!("serve-group-writable", path = path.display().to_string(), mode = format!("{mode:04o}"))
            }
            ServeError::AlreadyRunning { socket } => {
                tr!("serve-already-running", socket = socket.display().to_string())
            }
            ServeError::Socket { socket, detail } => {
                tr!("serve-socket-failed", socket = socket.display().to_string(), detail = detail)
            }
            ServeError::Store(e) => e.to_string(),
            ServeError::Io { detail } => tr!("serve-failed", detail = detail),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ServeError {}
