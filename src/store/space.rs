//! Room on the store's disk, checked before a commit: sled applies a transaction in memory
//! before it writes it, so a write the disk refuses would leave the server holding what
//! the disk does not. A full or read-only disk is refused up front, with nothing applied.

use std::path::Path;

use nix::sys::statvfs::{FsFlags, statvfs};

use super::StoreError;

/// Room kept free beyond the change itself: a new log segment of sled and its snapshot.
const MARGIN: u64 = 1 << 20;

pub fn check(dir: &Path, change_bytes: u64) -> Result<(), StoreError> {
    // When the disk cannot be asked, the write itself will tell.
    let Ok(stat) = statvfs(dir) else { return Ok(()) };
    if stat.flags().contains(FsFlags::ST_RDONLY) {
        return Err(StoreError::ReadOnly { path: dir.to_path_buf() });
    }
    let free = free_bytes(&stat);
    let needed = change_bytes.saturating_mul(2).saturating_add(MARGIN);
    if free < needed {
        return Err(StoreError::DiskFull { path: dir.to_path_buf(), free_kib: free >> 10, needed_kib: needed >> 10 });
    }
    Ok(())
}

/// Room to close and open the store again without a doubt: a writable disk with 16 MiB
/// free (sled may start a log segment when it opens).
pub fn may_reopen(dir: &Path) -> bool {
    let Ok(stat) = statvfs(dir) else { return false };
    !stat.flags().contains(FsFlags::ST_RDONLY)
        && free_bytes(&stat) >= 16 << 20
        && nix::unistd::access(dir, nix::unistd::AccessFlags::W_OK).is_ok()
}

/// The bytes free on `dir`'s disk for this user, when the disk can be asked.
pub fn free_bytes_at(dir: &Path) -> Option<u64> {
    statvfs(dir).ok().map(|stat| free_bytes(&stat))
}

fn free_bytes(stat: &nix::sys::statvfs::Statvfs) -> u64 {
    // The field types differ between platforms; u64 on this one.
    #[allow(clippy::useless_conversion)]
    u64::from(stat.blocks_available()).saturating_mul(u64::from(stat.fragment_size()))
}
