//! The plan store on sled 0.34: a tree per record kind, ordered binary keys, every value
//! through `codec`, and a flush before any write returns.

mod cycle;
mod dump;
#[cfg(test)]
pub(crate) use dump::dumps_of_every_shape_for_tests;
mod entries;
mod error;
mod import;
mod import_rows;
mod journal;
pub use journal::JournalOf;
pub mod keys;
pub mod manifest;
mod opened;
mod parts;
pub use parts::{BetweenParts, DumpSink, PartSource};
mod plan_edits;
mod recent;
pub use recent::{Changed, ChangedSince};
mod records;
mod schema;
mod space;
pub use space::free_bytes_at;
mod writes;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

pub use error::StoreError;
pub use opened::{READ_GARBAGE_FLUSHES, collect_garbage, collect_garbage_of};
use opened::{Sled, open_sled_caught};
pub use records::{CommitCount, EntryHead, EntryText, SchemaVersion};
pub use schema::CURRENT as SCHEMA_VERSION;

use crate::codec::{self, Record};
use crate::domain::{Entry, Item, ItemId, Period, PeriodId, Plan, PlanId};
use crate::model::{Draft, Owner, Revision, Settings, UserRecord};
use crate::tr;

/// The default cache; sled's own default is 1 GiB, far too much for a shared server.
pub const DEFAULT_CACHE_BYTES: u64 = 8 << 20;
pub const MAX_CACHE_BYTES: u64 = 16 << 20;

#[derive(Clone, Debug)]
pub struct StoreOptions {
    pub cache_bytes: u64,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self { cache_bytes: DEFAULT_CACHE_BYTES }
    }
}

/// The trees, in the order a transaction over all of them lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TreeId {
    Meta,
    Plans,
    Items,
    Periods,
    Entries,
    History,
    Drafts,
    Settings,
    Users,
    /// Review changes of entries (layout 2).
    Reviews,
    /// Entries' execution texts, by the entry's key (entries of format 3).
    Texts,
    /// What an open journal's batches replaced (store/journal.rs).
    Undo,
}

impl TreeId {
    const ALL: [TreeId; 12] = [
        TreeId::Meta,
        TreeId::Plans,
        TreeId::Items,
        TreeId::Periods,
        TreeId::Entries,
        TreeId::History,
        TreeId::Drafts,
        TreeId::Settings,
        TreeId::Users,
        TreeId::Reviews,
        TreeId::Texts,
        TreeId::Undo,
    ];

    fn name(self) -> &'static str {
        match self {
            TreeId::Meta => "meta",
            TreeId::Plans => "plans",
            TreeId::Items => "items",
            TreeId::Periods => "periods",
            TreeId::Entries => "entries",
            TreeId::History => "history",
            TreeId::Drafts => "drafts",
            TreeId::Settings => "settings",
            TreeId::Users => "users",
            TreeId::Reviews => "reviews",
            TreeId::Texts => "texts",
            TreeId::Undo => "undo",
        }
    }

    /// What the tree holds, in the user's language, for a message (`name` is sled's).
    pub(super) fn said(self) -> String {
        match self {
            TreeId::Meta => tr!("store-tree-meta"),
            TreeId::Plans => tr!("store-tree-plans"),
            TreeId::Items => tr!("store-tree-items"),
            TreeId::Periods => tr!("store-tree-periods"),
            TreeId::Entries => tr!("store-tree-entries"),
            TreeId::History => tr!("store-tree-history"),
            TreeId::Drafts => tr!("store-tree-drafts"),
            TreeId::Settings => tr!("store-tree-settings"),
            TreeId::Users => tr!("store-tree-users"),
            TreeId::Reviews => tr!("store-tree-reviews"),
            TreeId::Texts => tr!("store-tree-texts"),
            TreeId::Undo => tr!("store-tree-undo"),
        }
    }
}

pub struct Store {
    path: PathBuf,
    options: StoreOptions,
    /// `None` only after a reopen failed: the next request opens it again.
    sled: Mutex<Option<Arc<Sled>>>,
    /// Writers compute their changes from a consistent read, then commit, one at a time.
    writer: Mutex<()>,
    /// Transactions committed so far (see `manifest`).
    commits: AtomicU64,
    /// Bumped by every commit that changes plans or items (see `items_generation`).
    items_generation: AtomicU64,
    entries_generation: AtomicU64,
    /// The records the latest commits changed (see `changed_since`).
    recent: Mutex<recent::Recent>,
    /// The folder's device and inode at open: a save is acknowledged only while the path
    /// still names that folder (not deleted, not replaced).
    folder: Option<(u64, u64)>,
    /// Why a write failed after sled took it in memory; then nothing more is served.
    stopped: OnceLock<String>,
    /// Set when the open took back a write a killed server left half written.
    taken_back: OnceLock<JournalOf>,
}

/// A set of writes committed atomically across trees.
#[derive(Default)]
pub(crate) struct Changes {
    ops: Vec<(TreeId, Vec<u8>, Option<Vec<u8>>)>,
}

impl Changes {
    pub(crate) fn put<R: Record>(&mut self, tree: TreeId, key: &[u8], value: &R) -> Result<(), StoreError> {
        let bytes = codec::encode(value).map_err(|e| StoreError::Write { detail: e.to_string() })?;
        self.ops.push((tree, key.to_vec(), Some(bytes)));
        Ok(())
    }

    /// An entry: its head, and its execution text apart (removed when it is empty).
    pub(crate) fn put_entry(&mut self, period: PeriodId, id: ItemId, entry: &Entry) -> Result<(), StoreError> {
        let key = keys::entry(period, id);
        let (head, text) = EntryHead::split(entry);
        self.put(TreeId::Entries, &key, &head)?;
        match text {
            Some(text) => self.put(TreeId::Texts, &key, &text),
            None => {
                self.remove(TreeId::Texts, &key);
                Ok(())
            }
        }
    }

    /// An entry's new state, and the revision record of it in the entry's history.
    pub(crate) fn put_revision(
        &mut self,
        period: PeriodId,
        id: ItemId,
        entry: &Entry,
        source: crate::model::RevisionSource,
    ) -> Result<(), StoreError> {
        let record = Revision {
            revision: entry.revision,
            by: entry.changed_by.clone(),
            at: entry.changed_at,
            info: entry.info.clone(),
            assessment: entry.assessment.clone(),
            source,
        };
        self.put_entry(period, id, entry)?;
        self.put(TreeId::History, &keys::revision(period, id, entry.revision), &record)
    }

    pub(crate) fn remove(&mut self, tree: TreeId, key: &[u8]) {
        self.ops.push((tree, key.to_vec(), None));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Roughly what the changes take on disk.
    pub(crate) fn bytes(&self) -> u64 {
        self.ops.iter().map(|(_, k, v)| (k.len() + v.as_ref().map_or(0, Vec::len) + 16) as u64).sum()
    }
}

/// A folder's device and inode, if it exists.
fn folder_identity(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

/// Whether `dir` holds a store (or may: a folder we cannot look into is for the server to judge).
pub fn exists(dir: &Path) -> bool {
    let present = |name: &str| match std::fs::symlink_metadata(dir.join(name)) {
        Ok(_) => true,
        Err(e) => e.kind() == std::io::ErrorKind::PermissionDenied,
    };
    present("db") || present(manifest::FILE)
}

impl Store {
    pub fn open(dir: &Path, options: &StoreOptions) -> Result<Store, StoreError> {
        create_private_dir(dir)?;
        // sled opens its files by name and would follow a link a group member planted.
        refuse_planted_files(dir)?;
        // Before sled touches anything: a store of a newer otchet stays as it is.
        let manifest = manifest::read(dir)?;
        if let Some(m) = &manifest {
            manifest::check_formats(dir, m)?;
        }
        // sled's log holds at least the schema record of any store otchet ever opened.
        let had_data = std::fs::metadata(dir.join("db")).is_ok_and(|m| m.len() > 0);
        let opened = open_sled_caught(dir, options);
        let store = Store {
            path: dir.to_path_buf(),
            options: options.clone(),
            sled: Mutex::new(Some(Arc::new(opened?))),
            writer: Mutex::new(()),
            commits: AtomicU64::new(0),
            items_generation: AtomicU64::new(0),
            entries_generation: AtomicU64::new(0),
            recent: Mutex::default(),
            folder: folder_identity(dir),
            stopped: OnceLock::new(),
            taken_back: OnceLock::new(),
        };
        let commits = store.get::<CommitCount>(TreeId::Meta, b"commits")?.unwrap_or_default().0;
        if let Some(expected) = manifest.map(|m| m.commits).filter(|n| *n > commits) {
            return Err(StoreError::Damaged {
                path: dir.to_path_buf(),
                detail: tr!("store-lost-commits", held = commits, expected = expected),
                untouched: false,
            });
        }
        store.commits.store(commits, Ordering::Release);
        schema::check_and_migrate(&store, had_data)?;
        if let Some(of) = store.recover_journal()? {
            let _ = store.taken_back.set(of);
        }
        // Best effort: it is rewritten after every commit anyway.
        let _ = manifest::write(dir, store.commits.load(Ordering::Acquire));
        Ok(store)
    }

    /// Changes whenever a plan or an item changes: what was worked out from them (the
    /// server's flag index) is good while it stays the same.
    pub fn items_generation(&self) -> u64 {
        self.items_generation.load(Ordering::Acquire)
    }

    /// Changes whenever an entry changes (the server's flag index of a period's entries).
    pub fn entries_generation(&self) -> u64 {
        self.entries_generation.load(Ordering::Acquire)
    }

    /// The commits counted since the store opened: what is read after this call holds at
    /// least those (`changed_since` tells what the later ones changed).
    pub fn latest_change(&self) -> u64 {
        self.recent().latest()
    }

    /// The plans, periods, items and entries the commits after `seen` changed, if they
    /// are all still known (not after an import or a restore of more than a few thousand
    /// records).
    pub fn changed_since(&self, seen: u64) -> Option<ChangedSince> {
        self.recent().since(seen)
    }

    fn recent(&self) -> MutexGuard<'_, recent::Recent> {
        self.recent.lock().unwrap_or_else(|poisoned| {
            // A commit half recorded: nothing before it can be followed.
            let mut recent = poisoned.into_inner();
            recent.forget_all();
            self.recent.clear_poison();
            recent
        })
    }

    /// The write this store's open took back, left half written by a server killed
    /// during it (an import, a period's opening): the store is as it was before it.
    pub fn taken_back(&self) -> Option<JournalOf> {
        self.taken_back.get().copied()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn lock_writer(&self) -> MutexGuard<'_, ()> {
        // A panicked writer left nothing half-committed (commits are transactions).
        self.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Commits all changes in one transaction, then flushes to disk.
    pub(crate) fn commit(&self, mut changes: Changes) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        self.check_running()?;
        self.check_folder()?;
        space::check(&self.path, changes.bytes())?;
        let count = self.commits.load(Ordering::Acquire) + 1;
        changes.put(TreeId::Meta, b"commits", &CommitCount(count))?;
        let sled = self.sled()?;
        let trees: Vec<&sled::Tree> = sled.trees.iter().collect();
        trees[..]
            .transaction(|views| {
                for (tree, key, value) in &changes.ops {
                    let view = &views[*tree as usize];
                    match value {
                        Some(v) => view.insert(key.as_slice(), v.as_slice())?,
                        None => view.remove(key.as_slice())?,
                    };
                }
                Ok::<(), sled::transaction::ConflictableTransactionError<()>>(())
            })
            .map_err(|e| self.stop(format!("{e:?}")))?;
        sled.db.flush().map_err(|e| self.stop(error::sled_detail(&e)))?;
        // Written into a folder that was deleted or replaced, nobody would ever read it.
        self.check_folder()?;
        self.commits.store(count, Ordering::Release);
        if changes.ops.iter().any(|(tree, _, _)| matches!(tree, TreeId::Plans | TreeId::Items)) {
            self.items_generation.fetch_add(1, Ordering::AcqRel);
        }
        if changes.ops.iter().any(|(tree, _, _)| *tree == TreeId::Entries) {
            self.entries_generation.fetch_add(1, Ordering::AcqRel);
        }
        self.recent().record(&changes.ops);
        // Only after the flush: the file never counts a commit the files may not hold. A
        // failure (a full disk) leaves it behind, which is harmless.
        let _ = manifest::record_commits(&self.path, count);
        Ok(())
    }

    pub fn flush(&self) -> Result<(), StoreError> {
        self.sled()?.db.flush().map(|_| ()).map_err(|e| StoreError::Write { detail: error::sled_detail(&e) })
    }

    /// After a write failed half way, every request is refused (see `StoreError::Stopped`).
    fn check_running(&self) -> Result<(), StoreError> {
        match self.stopped.get() {
            Some(detail) => Err(StoreError::Stopped { path: self.path.clone(), detail: detail.clone() }),
            None => Ok(()),
        }
    }

    /// The path still names the folder opened: else no more writes are taken or acknowledged.
    fn check_folder(&self) -> Result<(), StoreError> {
        if folder_identity(&self.path) == self.folder {
            return Ok(());
        }
        let _ = self.stop(tr!("store-folder-gone"));
        Err(StoreError::FolderGone { path: self.path.clone() })
    }

    fn stop(&self, detail: String) -> StoreError {
        let detail = self.stopped.get_or_init(|| detail).clone();
        StoreError::Stopped { path: self.path.clone(), detail }
    }

    pub(crate) fn get<R: Record>(&self, tree: TreeId, key: &[u8]) -> Result<Option<R>, StoreError> {
        self.check_running()?;
        let Some(bytes) = self.tree(tree)?.get(key).map_err(|e| self.read_error(tree, e))? else {
            return Ok(None);
        };
        codec::decode(&bytes).map(Some).map_err(|e| self.corrupt(tree, e))
    }

    /// Decodes every record under `prefix`, in key order, with its key.
    pub(crate) fn scan<R: Record>(&self, tree: TreeId, prefix: &[u8]) -> Result<Vec<(sled::IVec, R)>, StoreError> {
        self.check_running()?;
        let mut out = Vec::new();
        for kv in self.tree(tree)?.scan_prefix(prefix) {
            let (k, v) = kv.map_err(|e| self.read_error(tree, e))?;
            let value = codec::decode(&v).map_err(|e| self.corrupt(tree, e))?;
            out.push((k, value));
        }
        Ok(out)
    }

    fn read_error(&self, tree: TreeId, e: sled::Error) -> StoreError {
        StoreError::Corrupt { path: self.path.clone(), tree: tree.said(), detail: error::sled_detail(&e) }
    }

    fn corrupt(&self, tree: TreeId, e: codec::CodecError) -> StoreError {
        match e {
            codec::CodecError::FutureVersion { .. } => {
                StoreError::NewerRecord { path: self.path.clone(), tree: tree.said(), detail: e.said() }
            }
            _ => StoreError::Corrupt { path: self.path.clone(), tree: tree.said(), detail: e.said() },
        }
    }

    // ---- reads ------------------------------------------------------------------------

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.tree(TreeId::Plans)?.is_empty())
    }

    /// Every plan, by id (the first year each had).
    pub fn plans(&self) -> Result<Vec<Plan>, StoreError> {
        Ok(self.scan(TreeId::Plans, &[])?.into_iter().map(|(_, p)| p).collect())
    }

    pub fn plan(&self, id: PlanId) -> Result<Option<Plan>, StoreError> {
        self.get(TreeId::Plans, &keys::plan(id))
    }

    /// The plan whose years hold the period's (plans never share a year).
    pub fn plan_of(&self, period: PeriodId) -> Result<Option<Plan>, StoreError> {
        Ok(self.plans()?.into_iter().find(|p| p.years.contains_period(period)))
    }

    /// The plan's items in plan order.
    pub fn items(&self, plan: PlanId) -> Result<Vec<Item>, StoreError> {
        Ok(self.scan(TreeId::Items, &keys::plan(plan))?.into_iter().map(|(_, i)| i).collect())
    }

    /// How many items the plan has, counted by their keys: nothing decoded or held.
    pub fn item_count(&self, plan: PlanId) -> Result<usize, StoreError> {
        self.check_running()?;
        let mut count = 0;
        for key in self.tree(TreeId::Items)?.scan_prefix(keys::plan(plan)).keys() {
            key.map_err(|e| self.read_error(TreeId::Items, e))?;
            count += 1;
        }
        Ok(count)
    }

    /// At most `max` of the plan's items after `after` (from the first when `None`), in
    /// plan order.
    pub fn items_after(&self, plan: PlanId, after: Option<ItemId>, max: usize) -> Result<Vec<Item>, StoreError> {
        let after = after.map(|id| keys::item(plan, id));
        let mut out = Vec::new();
        for kv in self.range_after(TreeId::Items, &keys::plan(plan), after.as_ref().map(|k| &k[..]))?.take(max) {
            let (_, value) = kv?;
            out.push(codec::decode(&value).map_err(|e| self.corrupt(TreeId::Items, e))?);
        }
        Ok(out)
    }

    /// The plan's items `keep` keeps, in plan order, decoded one at a time: the others are
    /// never held together.
    pub fn items_where(&self, plan: PlanId, mut keep: impl FnMut(&Item) -> bool) -> Result<Vec<Item>, StoreError> {
        let mut out = Vec::new();
        self.for_each_item(plan, |item| {
            if keep(&item) {
                out.push(item);
            }
        })?;
        Ok(out)
    }

    /// Each of the plan's items in plan order, one at a time.
    pub fn for_each_item(&self, plan: PlanId, mut f: impl FnMut(Item)) -> Result<(), StoreError> {
        self.check_running()?;
        let tree = self.tree(TreeId::Items)?;
        for kv in tree.scan_prefix(keys::plan(plan)) {
            let (_, v) = kv.map_err(|e| self.read_error(TreeId::Items, e))?;
            f(codec::decode(&v).map_err(|e| self.corrupt(TreeId::Items, e))?);
        }
        Ok(())
    }

    /// The plan's items whose ids `listed` holds, in plan order: one pass over the plan's
    /// items, only those decoded (2,700 of 10,000 read one by one pulled a page of sled's
    /// for each, 38% of a status's time).
    pub fn items_listed(
        &self,
        plan: PlanId,
        listed: &std::collections::HashSet<ItemId>,
    ) -> Result<Vec<Item>, StoreError> {
        self.check_running()?;
        let mut out = Vec::with_capacity(listed.len());
        for kv in self.tree(TreeId::Items)?.scan_prefix(keys::plan(plan)) {
            let (k, v) = kv.map_err(|e| self.read_error(TreeId::Items, e))?;
            if keys::item_id_from(&k).is_some_and(|id| listed.contains(&id)) {
                out.push(codec::decode(&v).map_err(|e| self.corrupt(TreeId::Items, e))?);
            }
        }
        Ok(out)
    }

    pub fn item(&self, plan: PlanId, id: ItemId) -> Result<Option<Item>, StoreError> {
        self.get(TreeId::Items, &keys::item(plan, id))
    }

    /// Every period of every plan, by year and then quarters before cumulative periods.
    pub fn periods(&self) -> Result<Vec<Period>, StoreError> {
        Ok(self.scan(TreeId::Periods, &[])?.into_iter().map(|(_, p)| p).collect())
    }

    pub fn period(&self, id: PeriodId) -> Result<Option<Period>, StoreError> {
        self.get(TreeId::Periods, &keys::period(id))
    }

    /// An entry's revisions, oldest first.
    pub fn history(&self, period: PeriodId, id: ItemId) -> Result<Vec<Revision>, StoreError> {
        Ok(self.scan(TreeId::History, &keys::entry(period, id))?.into_iter().map(|(_, r)| r).collect())
    }

    pub fn settings(&self) -> Result<Settings, StoreError> {
        Ok(self.get(TreeId::Settings, b"settings")?.unwrap_or_default())
    }

    pub fn draft(&self, uid: u32, period: PeriodId, id: ItemId) -> Result<Option<Draft>, StoreError> {
        self.get(TreeId::Drafts, &keys::draft(uid, period, id))
    }

    /// A user's drafts in one period.
    pub fn drafts(&self, uid: u32, period: PeriodId) -> Result<Vec<(ItemId, Draft)>, StoreError> {
        let mut prefix = keys::user(uid).to_vec();
        prefix.extend_from_slice(&keys::period(period));
        let mut out = Vec::new();
        for (k, d) in self.scan::<Draft>(TreeId::Drafts, &prefix)? {
            if let Some(id) = k.get(4..).and_then(keys::entry_item_from) {
                out.push((id, d));
            }
        }
        Ok(out)
    }

    pub fn owner(&self) -> Result<Option<Owner>, StoreError> {
        self.get(TreeId::Meta, b"owner")
    }

    pub fn users(&self) -> Result<Vec<(u32, UserRecord)>, StoreError> {
        let mut out = Vec::new();
        for (k, u) in self.scan::<UserRecord>(TreeId::Users, &[])? {
            let uid: [u8; 4] = k.as_ref().try_into().map_err(|_| StoreError::Corrupt {
                path: self.path.clone(),
                tree: TreeId::Users.said(),
                detail: tr!("store-bad-key", key = format!("{k:?}")),
            })?;
            out.push((u32::from_be_bytes(uid), u));
        }
        Ok(out)
    }

    pub fn user(&self, uid: u32) -> Result<Option<UserRecord>, StoreError> {
        self.get(TreeId::Users, &keys::user(uid))
    }

    /// Bytes the store's files take on disk.
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        self.sled()?.db.size_on_disk().map_err(|e| StoreError::Write { detail: error::sled_detail(&e) })
    }
}

/// sled opens its files by name and would follow a link someone planted, or write in a
/// file another user made: every file of the folder must be a plain one of ours.
fn refuse_planted_files(dir: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::MetadataExt;
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    let me = nix::unistd::Uid::effective().as_raw();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = ["db", "conf", "blobs", manifest::FILE].contains(&name.as_ref()) || name.starts_with("snap.");
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else { continue };
        let planted = meta.file_type().is_symlink() || meta.uid() != me || (meta.is_file() && meta.nlink() > 1);
        if ours && planted {
            return Err(StoreError::Open {
                path: dir.to_path_buf(),
                detail: tr!("store-planted-link", file = entry.path().display().to_string()),
            });
        }
    }
    Ok(())
}

/// Creates the store directory readable by its owner only (an admin widens it for a
/// staff group on purpose, see docs/server.md).
fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.exists() {
        return Ok(());
    }
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| StoreError::Open { path: dir.to_path_buf(), detail: crate::i18n::os_error(&e) })
}

use sled::Transactional;

#[cfg(test)]
mod import_tests;
#[cfg(test)]
mod tests;
