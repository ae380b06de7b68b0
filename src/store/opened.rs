//! The open sled database: shared by the requests using it, closed and opened again when
//! none is (`release_memory`), since sled 0.34 gives back what it read only when closed.

use std::path::Path;
use std::sync::Arc;

use super::{MAX_CACHE_BYTES, Store, StoreError, StoreOptions, TreeId, error, space};

/// sled's database and its trees, shared by the requests using them. Reopened when no
/// request holds it (`release_memory`): sled keeps what it read until it is closed.
pub(super) struct Sled {
    pub(super) db: sled::Db,
    pub(super) trees: Vec<sled::Tree>,
}

/// One tree, holding the database it belongs to open while it is used.
pub(crate) struct TreeRef {
    sled: Arc<Sled>,
    id: TreeId,
}

impl std::ops::Deref for TreeRef {
    type Target = sled::Tree;

    fn deref(&self) -> &sled::Tree {
        &self.sled.trees[self.id as usize]
    }
}

impl Store {
    pub(crate) fn tree(&self, id: TreeId) -> Result<TreeRef, StoreError> {
        Ok(TreeRef { sled: self.sled()?, id })
    }

    /// The open database; opened again here if a reopen failed (a disk that was full then).
    pub(super) fn sled(&self) -> Result<Arc<Sled>, StoreError> {
        let mut current = self.sled.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(sled) = current.as_ref() {
            return Ok(Arc::clone(sled));
        }
        let sled = Arc::new(self.open_when_unlocked()?);
        *current = Some(Arc::clone(&sled));
        Ok(sled)
    }

    /// Closes and reopens sled when no request is using it, giving back the memory of all
    /// it read since it was opened (sled 0.34 keeps that whatever its cache's size; closing
    /// is the only way, 30 ms at 10,000 items). Returns whether it did. Never on a folder
    /// that could refuse the reopen (read-only, nearly full): reads go on there.
    pub fn release_memory(&self) -> Result<bool, StoreError> {
        let _writer = self.lock_writer();
        self.reopen_unused()
    }

    /// `release_memory` for a caller that holds the writer lock.
    pub(super) fn reopen_unused(&self) -> Result<bool, StoreError> {
        let mut current = self.sled.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if current.as_ref().is_none_or(|sled| Arc::strong_count(sled) > 1) || !space::may_reopen(&self.path) {
            return Ok(false);
        }
        if let Some(old) = current.take() {
            old.db.flush().map_err(|e| self.stop(error::sled_detail(&e)))?;
            // sled locks its file: the old one must be closed before the new one opens.
            drop(old);
        }
        // On failure `sled` stays empty and the next request opens it again.
        *current = Some(Arc::new(self.open_when_unlocked()?));
        Ok(true)
    }

    /// sled's threads let go of its file lock a moment after the database is dropped.
    fn open_when_unlocked(&self) -> Result<Sled, StoreError> {
        let started = std::time::Instant::now();
        loop {
            match open_sled_caught(&self.path, &self.options) {
                Err(StoreError::Locked { .. }) if started.elapsed() < std::time::Duration::from_secs(5) => {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                other => return other,
            }
        }
    }
}

/// Frees what sled retired on this thread: the old versions of the pages a request read or
/// wrote wait in the thread's epoch bag (crossbeam-epoch's default collector, which sled
/// 0.34 uses) until enough later pins collect them, and an import of 10,000 items leaves
/// 250 MiB there. Each flush hands the bag over and collects a few bags.
pub fn collect_garbage() {
    collect_garbage_of(GARBAGE_FLUSHES);
}

/// As `collect_garbage`, for the little a run of reads leaves (`READ_GARBAGE_FLUSHES`):
/// the flushes are then mostly empty, and 16,384 of them took a third of a server's time
/// between the runs of a long read.
pub fn collect_garbage_of(flushes: usize) {
    for _ in 0..flushes {
        crossbeam_epoch::pin().flush();
    }
}

/// Flushes between the runs of a long read: up to 512 × 8 bags of 64 pages.
pub const READ_GARBAGE_FLUSHES: usize = 512;

/// Each collects up to 8 bags of 64 pages: enough for the garbage of an import of 100,000
/// items (at 10,000: 280 MiB held after one without, 19 MiB with); 1 ms when there is none.
const GARBAGE_FLUSHES: usize = 16_384;

/// sled may panic on damaged files rather than return an error: that is a damaged store
/// too, never a crash.
pub(super) fn open_sled_caught(dir: &Path, options: &StoreOptions) -> Result<Sled, StoreError> {
    std::panic::catch_unwind(|| open_sled(dir, options)).unwrap_or_else(|_| {
        // Its panic's words are English and about its code, not the files.
        Err(StoreError::Damaged { path: dir.to_path_buf(), detail: crate::tr!("store-sled-failed"), untouched: false })
    })
}

fn open_sled(dir: &Path, options: &StoreOptions) -> Result<Sled, StoreError> {
    let db = sled::Config::new()
        .path(dir)
        .cache_capacity(options.cache_bytes.min(MAX_CACHE_BYTES))
        // We flush on every write ourselves; sled's periodic flusher would wake the
        // process twice a second forever.
        .flush_every_ms(None)
        .mode(sled::Mode::LowSpace)
        .open()
        .map_err(|e| StoreError::from_open(dir, e))?;
    let mut trees = Vec::with_capacity(TreeId::ALL.len());
    for id in TreeId::ALL {
        trees.push(db.open_tree(id.name()).map_err(|e| StoreError::from_open(dir, e))?);
    }
    Ok(Sled { db, trees })
}
