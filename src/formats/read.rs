//! Reading a file to import: only a regular file, only up to a size, checked before a byte is
//! read (a FIFO would block forever, /dev/zero would fill the memory).

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use super::error::{ImportError, Problem};

/// The file's bytes, if it is a regular file of at most `limit` bytes.
pub fn file(path: &Path, limit: u64) -> Result<Vec<u8>, ImportError> {
    let fail = |problem| ImportError::new(path, problem);
    let unreadable = |e: std::io::Error| fail(Problem::Unreadable(crate::i18n::os_error(&e)));
    // Opened without blocking: opening a FIFO would otherwise wait for a writer.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(nix::libc::O_NONBLOCK | nix::libc::O_CLOEXEC)
        .open(path)
        .map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    let kind = meta.file_type();
    if !kind.is_file() {
        let what = if kind.is_dir() {
            "dir"
        } else if kind.is_fifo() {
            "fifo"
        } else if kind.is_char_device() || kind.is_block_device() {
            "device"
        } else {
            "other"
        };
        return Err(fail(Problem::NotAFile { kind: what }));
    }
    if meta.len() > limit {
        return Err(fail(Problem::TooLarge { bytes: meta.len(), limit }));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        // It grew while being read.
        return Err(fail(Problem::TooLarge { bytes: bytes.len() as u64, limit }));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_a_regular_file_or_too_large_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(file(dir.path(), 10).unwrap_err().problem, Problem::NotAFile { kind: "dir" }));
        assert!(matches!(file(Path::new("/dev/zero"), 10).unwrap_err().problem, Problem::NotAFile { kind: "device" }));
        let fifo = dir.path().join("fifo");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
        assert!(matches!(file(&fifo, 10).unwrap_err().problem, Problem::NotAFile { kind: "fifo" }));
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 11]).unwrap();
        assert!(matches!(file(&big, 10).unwrap_err().problem, Problem::TooLarge { bytes: 11, limit: 10 }));
        assert_eq!(file(&big, 11).unwrap().len(), 11);
        let missing = file(&dir.path().join("none"), 10).unwrap_err();
        assert!(matches!(missing.problem, Problem::Unreadable(_)));
    }
}
