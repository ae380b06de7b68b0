//! Files in a folder other users may write to (a group-shared store): opened never through
//! a symbolic link someone planted, only if they are regular files, created with their
//! mode (and only then given it); replaced through a temporary of a unique name, created
//! exclusively.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    options.custom_flags(nix::libc::O_NOFOLLOW | nix::libc::O_NONBLOCK)
}

fn regular(file: File, path: &Path) -> io::Result<File> {
    let meta = file.metadata()?;
    // A hard link would make the file another one too (another store's, say).
    if meta.is_file() && meta.nlink() <= 1 {
        Ok(file)
    } else {
        let said = crate::tr!("fs-not-regular", path = path.display().to_string());
        Err(io::Error::new(io::ErrorKind::InvalidInput, crate::i18n::Said(said)))
    }
}

/// An existing file this process is to write in must be its own: one another user put there
/// (a group member, before this user started the server) is refused.
fn own(file: File, path: &Path) -> io::Result<File> {
    let owner = file.metadata()?.uid();
    if owner == nix::unistd::Uid::effective().as_raw() {
        return Ok(file);
    }
    let said = crate::tr!("fs-foreign-owner", path = path.display().to_string(), uid = owner);
    Err(io::Error::new(io::ErrorKind::PermissionDenied, crate::i18n::Said(said)))
}

/// Opens `path` to write (or append to), creating it with `mode` when there is none.
pub fn open_for_writing(path: &Path, append: bool, mode: u32) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    if append {
        options.append(true);
    } else {
        options.write(true);
    }
    no_follow(&mut options);
    match options.clone().create_new(true).mode(mode).open(path) {
        Ok(file) => {
            // The umask may have taken bits the group needs: the mode, on our new file only.
            file.set_permissions(std::fs::Permissions::from_mode(mode))?;
            return regular(file, path);
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    own(regular(options.open(path)?, path)?, path)
}

/// Opens an existing `path` to read, never through a link.
pub fn open_for_reading(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    regular(no_follow(&mut options).open(path)?, path)
}

/// A file of this process's own without a name, in the folder `dir` (on its disk): nobody
/// can open it by a name, and it is gone once the process closes it or ends.
pub fn unnamed_file(dir: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).mode(0o600);
    options.custom_flags(nix::libc::O_TMPFILE | nix::libc::O_NOFOLLOW).open(dir)
}

/// Writes `bytes` to a new temporary beside `target` (a name no one can have planted) and
/// renames it over `target`.
pub fn replace(target: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let temp = temporary_beside(target);
    let result = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true).mode(mode);
        let mut file = no_follow(&mut options).open(&temp)?;
        file.write_all(bytes)?;
        drop(file);
        std::fs::rename(&temp, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

fn temporary_beside(target: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// Checks that `path` is a folder of this process's user, not a link to one elsewhere.
pub fn own_folder(path: &Path) -> io::Result<()> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.is_dir() {
        let said = crate::tr!("fs-not-regular", path = path.display().to_string());
        return Err(io::Error::new(io::ErrorKind::InvalidInput, crate::i18n::Said(said)));
    }
    if meta.uid() != nix::unistd::Uid::effective().as_raw() {
        let said = crate::tr!("fs-foreign-owner", path = path.display().to_string(), uid = meta.uid());
        return Err(io::Error::new(io::ErrorKind::PermissionDenied, crate::i18n::Said(said)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_planted_link_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "private").unwrap();
        let planted = dir.path().join("otchet-server.log");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        assert!(open_for_writing(&planted, true, 0o660).is_err());
        assert!(open_for_reading(&planted).is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "private");
        let fifo = dir.path().join("fifo");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
        assert!(open_for_writing(&fifo, true, 0o660).is_err(), "not a regular file");
    }

    #[test]
    fn a_new_file_gets_its_mode_an_old_one_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log");
        drop(open_for_writing(&log, true, 0o660).unwrap());
        assert_eq!(std::fs::metadata(&log).unwrap().permissions().mode() & 0o777, 0o660);
        std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o600)).unwrap();
        drop(open_for_writing(&log, true, 0o660).unwrap());
        assert_eq!(std::fs::metadata(&log).unwrap().permissions().mode() & 0o777, 0o600, "left as it was");
    }

    #[test]
    fn replace_goes_through_a_fresh_temporary_and_ignores_a_planted_one() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "private").unwrap();
        let target = dir.path().join("otchet.format");
        std::os::unix::fs::symlink(&victim, dir.path().join("otchet.format.tmp")).unwrap();
        replace(&target, b"layout 2\n", 0o660).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "layout 2\n");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "private");
    }
}
