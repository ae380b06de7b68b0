//! A large write committed a batch at a time, each batch with what it replaced: a failure,
//! or a server killed half way, takes every batch back, so the write is all or nothing
//! while no more than one batch sits in memory. An import of 10,000 items as one sled
//! transaction held some 300 MiB.

use serde::{Deserialize, Serialize};

use super::{Changes, CommitCount, Store, StoreError, TreeId};
use crate::codec::{Kind, Record};

/// In the meta tree while a journal is open: its records are to be taken back if the
/// store is opened with it still there.
const JOURNAL_OPEN: &[u8] = b"journal-open";
/// Undo records cleared between two givings back of memory (each up to a batch's 2 MiB).
const UNDO_RECORDS_BETWEEN: usize = 8;

/// What one batch replaced: for each write in order, the tree, the key, and the value
/// before (`None`: there was none). One record a batch keeps the journal's own writes few.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct UndoRecord {
    replaced: Vec<(u8, Vec<u8>, Option<Vec<u8>>)>,
}

impl Record for UndoRecord {
    const KIND: Kind = Kind::Undo;
    const VERSION: u8 = 1;
}

/// What a journal was opened for: an import (0, the first kind), the opening of a period
/// with texts carried over, or the taking back of a period. Kept as the value of the journal's mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JournalOf {
    Import,
    OpenPeriod,
    ClosePeriod,
}

impl JournalOf {
    fn code(self) -> u64 {
        match self {
            JournalOf::Import => 0,
            JournalOf::OpenPeriod => 1,
            JournalOf::ClosePeriod => 2,
        }
    }

    fn of_code(code: u64) -> JournalOf {
        match code {
            1 => JournalOf::OpenPeriod,
            2 => JournalOf::ClosePeriod,
            _ => JournalOf::Import,
        }
    }
}

/// Writes gathered into batches, each committed with its undo records.
pub(crate) struct Journal<'a> {
    store: &'a Store,
    batch: Changes,
    undo: UndoRecord,
    next_batch: u64,
    /// Removals in the current batch, and the bytes of what its writes replace.
    removals: usize,
    undo_bytes: u64,
}

impl<'a> Journal<'a> {
    /// Operations per batch, and the bytes at which a batch is committed sooner.
    const BATCH_OPS: usize = 1000;
    const BATCH_BYTES: u64 = 2 << 20;
    /// A batch of removals is smaller: sled copies a leaf for each key it removes in a
    /// transaction and frees the copies only after it, so 1,000 removals of texts took
    /// some 50 MiB (measured with massif on a period's removal).
    const REMOVALS_PER_BATCH: usize = 200;

    /// Opens the journal; the caller holds the writer lock until `finish` or `take_back`.
    pub(crate) fn begin(store: &'a Store, of: JournalOf) -> Result<Self, StoreError> {
        store.clear_undo_records(&mut |_| {})?;
        let mut start = Changes::default();
        start.put(TreeId::Meta, JOURNAL_OPEN, &CommitCount(of.code()))?;
        store.commit(start)?;
        Ok(Journal {
            store,
            batch: Changes::default(),
            undo: UndoRecord::default(),
            next_batch: 0,
            removals: 0,
            undo_bytes: 0,
        })
    }

    /// Takes `changes` into the current batch, committing it when it is full.
    pub(crate) fn add(&mut self, changes: Changes) -> Result<(), StoreError> {
        for (tree, key, value) in changes.ops {
            let old = self.store.raw(tree, &key)?;
            self.undo_bytes += old.as_ref().map_or(0, Vec::len) as u64;
            self.undo.replaced.push((tree as u8, key.clone(), old));
            self.removals += usize::from(value.is_none());
            self.batch.ops.push((tree, key, value));
        }
        let bytes = self.batch.bytes() + self.undo_bytes;
        if self.batch.ops.len() >= Self::BATCH_OPS
            || bytes >= Self::BATCH_BYTES
            || self.removals >= Self::REMOVALS_PER_BATCH
        {
            (self.removals, self.undo_bytes) = (0, 0);
            let batch = self.sealed_batch()?;
            self.store.commit(batch)?;
            super::opened::collect_garbage();
        }
        Ok(())
    }

    /// The batch with its undo record, the journal emptied for the next one.
    fn sealed_batch(&mut self) -> Result<Changes, StoreError> {
        let mut batch = std::mem::take(&mut self.batch);
        if !self.undo.replaced.is_empty() {
            batch.put(TreeId::Undo, &self.next_batch.to_be_bytes(), &std::mem::take(&mut self.undo))?;
            self.next_batch += 1;
        }
        Ok(batch)
    }

    /// Commits what is left with `last` and closes the journal in one transaction: from
    /// then on the write stands.
    pub(crate) fn finish(&mut self, last: Changes) -> Result<(), StoreError> {
        self.finish_with(last, &mut |_| {})
    }

    /// As `finish`, `between` called between runs of the undo records' clearing (each
    /// holds a batch of what was replaced: a period's close reads 25 MiB of them).
    pub(crate) fn finish_with(
        &mut self,
        last: Changes,
        between: &mut dyn FnMut(&super::BetweenParts<'_>),
    ) -> Result<(), StoreError> {
        self.add(last)?;
        // The last batch needs no undo record: the mark goes in the same transaction.
        let mut end = std::mem::take(&mut self.batch);
        end.remove(TreeId::Meta, JOURNAL_OPEN);
        self.store.commit(end)?;
        // Without the mark the records are never applied: a failure here leaves them to
        // the next journal to clear.
        let _ = self.store.clear_undo_records(between);
        Ok(())
    }

    /// Everything the journal committed, put back as it was.
    pub(crate) fn take_back(&self) -> Result<(), StoreError> {
        self.store.take_back_journal()
    }
}

impl Store {
    /// A value as stored, undecoded.
    fn raw(&self, tree: TreeId, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        let value = self.tree(tree)?.get(key).map_err(|e| self.read_error(tree, e))?;
        Ok(value.map(|v| v.to_vec()))
    }

    /// What a journal left open was for (a server killed during an import), if one was.
    pub(crate) fn journal_open(&self) -> Result<Option<JournalOf>, StoreError> {
        Ok(self.get::<CommitCount>(TreeId::Meta, JOURNAL_OPEN)?.map(|c| JournalOf::of_code(c.0)))
    }

    /// At open: a journal left open is taken back, so the store is as before that write.
    /// What the write was, if there was one.
    pub(crate) fn recover_journal(&self) -> Result<Option<JournalOf>, StoreError> {
        let open = self.journal_open()?;
        if open.is_some() {
            self.take_back_journal()?;
        }
        Ok(open)
    }

    /// Puts back what each batch replaced, the newest batch first, each in one transaction
    /// with the removal of its record (a take-back cut short goes on where it stopped).
    fn take_back_journal(&self) -> Result<(), StoreError> {
        for record in self.tree(TreeId::Undo)?.iter().rev() {
            let (key, bytes) = record.map_err(|e| self.read_error(TreeId::Undo, e))?;
            let record: UndoRecord = crate::codec::decode(&bytes).map_err(|e| self.corrupt(TreeId::Undo, e))?;
            let mut batch = Changes::default();
            for (tree, old_key, old) in record.replaced.into_iter().rev() {
                let tree = TreeId::ALL.get(usize::from(tree)).copied().ok_or_else(|| StoreError::Corrupt {
                    path: self.path.clone(),
                    tree: TreeId::Undo.said(),
                    detail: format!("tree {tree}"),
                })?;
                batch.ops.push((tree, old_key, old));
            }
            batch.remove(TreeId::Undo, &key);
            self.commit(batch)?;
        }
        let mut end = Changes::default();
        end.remove(TreeId::Meta, JOURNAL_OPEN);
        self.commit(end)
    }

    /// Undo records of a journal that was closed: they stand for nothing.
    fn clear_undo_records(&self, between: &mut dyn FnMut(&super::BetweenParts<'_>)) -> Result<(), StoreError> {
        loop {
            // A few at a time, the reader gone before memory is given back: listing them
            // all read every record (a period's close peaked 25 MiB higher).
            let keys: Vec<sled::IVec> = (self.tree(TreeId::Undo)?.iter().keys().take(UNDO_RECORDS_BETWEEN))
                .collect::<Result<_, _>>()
                .map_err(|e| self.read_error(TreeId::Undo, e))?;
            if keys.is_empty() {
                return Ok(());
            }
            // One record a commit: sled reads what a transaction removes, and a record of a
            // period's removal holds a batch of its texts (one commit of all took 40 MiB more).
            for key in &keys {
                let mut batch = Changes::default();
                batch.remove(TreeId::Undo, key);
                self.commit(batch)?;
            }
            between(&super::BetweenParts { store: self });
        }
    }
}
