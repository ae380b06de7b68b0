//! The file a period's rendered items are kept in: the server's own, without a name, in the
//! store's folder (`safe_fs::unnamed_file`), written only while the disk keeps room to
//! spare, so that it never takes what the store needs.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Arc;

/// Room the disk keeps after a write to the file: the store's commits, its backups and the
/// other users' files come first.
pub const KEEP_FREE_BYTES: u64 = 256 << 20;

/// The file, written at its end; readers keep the one they started on.
pub struct SegmentFile {
    file: Arc<File>,
    /// Where the next bytes go.
    end: u64,
    /// The bytes of segments still kept (the rest were rendered again since).
    live: u64,
    /// The room to keep free on its disk (lower in tests).
    keep_free: u64,
}

impl SegmentFile {
    /// A new empty file in `dir`, keeping `keep_free` bytes free on its disk; `None` when
    /// it cannot be made (a file system without unnamed files, a full disk): reports
    /// then render their items anew.
    pub fn keeping(dir: &Path, keep_free: u64) -> Option<SegmentFile> {
        let file = crate::safe_fs::unnamed_file(dir).ok()?;
        Some(SegmentFile { file: Arc::new(file), end: 0, live: 0, keep_free })
    }

    /// Appends `bytes` and gives where they start; `None` when the disk has no room for
    /// them and `keep_free` besides, or the write failed.
    pub fn append(&mut self, bytes: &[u8], dir: &Path) -> Option<u64> {
        let len = bytes.len() as u64;
        if !has_room(dir, len, self.keep_free) {
            return None;
        }
        self.file.write_all_at(bytes, self.end).ok()?;
        let at = self.end;
        self.end += len;
        self.live += len;
        Some(at)
    }

    /// `len` bytes of the file are no longer a segment's.
    pub fn dropped(&mut self, len: u64) {
        self.live = self.live.saturating_sub(len);
    }

    /// Whether the segments rendered again left more behind than is kept.
    pub fn mostly_dropped(&self) -> bool {
        self.end > 8 << 20 && self.end > 2 * self.live
    }

    /// Where the next bytes go: the bytes written so far.
    pub fn end(&self) -> u64 {
        self.end
    }

    pub fn shared(&self) -> Arc<File> {
        Arc::clone(&self.file)
    }

    /// Another empty file beside this one, keeping as much room free.
    pub fn another(&self, dir: &Path) -> Option<SegmentFile> {
        SegmentFile::keeping(dir, self.keep_free)
    }
}

/// Whether `dir`'s disk has room for `bytes` more and `keep_free` besides; a disk that
/// cannot be asked has none.
pub fn has_room(dir: &Path, bytes: u64, keep_free: u64) -> bool {
    crate::store::free_bytes_at(dir).is_some_and(|free| free >= bytes.saturating_add(keep_free))
}

/// Reads `len` bytes at `at` of `file` into `buffer`, which it replaces.
pub fn read(file: &File, (at, len): (u64, usize), buffer: &mut Vec<u8>) -> std::io::Result<()> {
    buffer.clear();
    buffer.resize(len, 0);
    file.read_exact_at(buffer, at)
}
