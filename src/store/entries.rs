//! Reading a period's entries: their heads alone (a list), or with their execution texts
//! from the texts tree, side by side.

use super::records::{EntryHead, EntryText};
use super::{Store, StoreError, TreeId, keys};
use crate::codec;
use crate::domain::{Entry, Item, ItemId, PeriodId, PlanId};
use crate::model::{Bytes, StoredRow};
use crate::tr;

impl Store {
    /// The entries of a period that anyone has written, in item order.
    pub fn entries(&self, period: PeriodId) -> Result<Vec<(ItemId, Entry)>, StoreError> {
        let mut out = Vec::new();
        self.for_each_entry(period, |id, entry| out.push((id, entry)))?;
        Ok(out)
    }

    /// Each entry of a period with its execution text, in item order, one at a time: the
    /// heads and the texts are read side by side (both trees are in the same key order).
    pub fn for_each_entry(&self, period: PeriodId, mut f: impl FnMut(ItemId, Entry)) -> Result<(), StoreError> {
        let prefix = keys::period(period);
        let mut texts = self.range_after(TreeId::Texts, &prefix, None)?.peekable();
        for kv in self.range_after(TreeId::Entries, &prefix, None)? {
            let (key, head) = kv?;
            let id = self.entry_item(TreeId::Entries, &key)?;
            // Texts of entries before this one have no head (never written so): passed by.
            f(id, self.entry_of(&head, || value_at(&mut texts, &key))?);
        }
        Ok(())
    }

    /// The period's entries after the item `after` (from the first without), each with its
    /// texts, about a part's worth by `weight`; `None` past the last. A long read in runs:
    /// between them the store holds no reader of sled, so it may be reopened.
    pub(super) fn entries_after(
        &self,
        period: PeriodId,
        after: Option<ItemId>,
        weight: impl Fn(&Entry) -> usize,
    ) -> Result<Option<Vec<(ItemId, Entry)>>, StoreError> {
        let start = after.map(|id| keys::entry(period, id));
        let mut run = Vec::new();
        let mut bytes = 0;
        for kv in self.range_after(TreeId::Entries, &keys::period(period), start.as_ref().map(|k| &k[..]))? {
            let (key, value) = kv?;
            let head: EntryHead = self.decoded(TreeId::Entries, &value)?;
            let text = match head.text_apart() {
                true => self.get::<EntryText>(TreeId::Texts, &key)?.map(|t| t.0),
                false => None,
            };
            let entry = head.into_entry(text);
            bytes += weight(&entry);
            run.push((self.entry_item(TreeId::Entries, &key)?, entry));
            if bytes >= crate::model::DUMP_PART_BYTES {
                break;
            }
        }
        Ok((!run.is_empty()).then_some(run))
    }

    /// As `row_run`, each row's text checked: an item with its entry and that entry's text.
    pub fn decoded_run(
        &self,
        of: (PlanId, PeriodId),
        after: Option<ItemId>,
    ) -> Result<(Vec<crate::model::PeriodRow>, bool), StoreError> {
        let (run, last) = self.row_run(of, (after, None))?;
        let decoded = run.into_iter().map(|row| self.decoded_row(row)).collect::<Result<_, _>>()?;
        Ok((decoded, last))
    }

    fn decoded_row(&self, row: StoredRow) -> Result<(Item, Option<Entry>), StoreError> {
        let entry = match (row.entry, row.info) {
            (Some(mut entry), Some(info)) => {
                entry.info = String::from_utf8(info).map_err(|_| self.not_utf8())?;
                Some(entry)
            }
            (entry, _) => entry,
        };
        Ok((row.item, entry))
    }

    /// A stored execution text that is not UTF-8: a damaged record.
    pub fn not_utf8(&self) -> StoreError {
        let detail = "not UTF-8".into();
        self.corrupt(TreeId::Texts, codec::CodecError::Malformed { kind: codec::Kind::EntryText, detail })
    }

    /// The items of `plan` after `after` and before `before` (from the first, to the last
    /// when `None`), each with its entry in `period` and that entry's text as stored, about
    /// half a megabyte of them, and whether they are the last of that range: a period's
    /// report read a run at a time, its texts checked by whoever writes them.
    pub fn row_run(
        &self,
        (plan, period): (PlanId, PeriodId),
        (after, before): (Option<ItemId>, Option<ItemId>),
    ) -> Result<(Vec<StoredRow>, bool), StoreError> {
        let (item_after, entry_after) = (after.map(|id| keys::item(plan, id)), after.map(|id| keys::entry(period, id)));
        let (plan_key, period_key) = (keys::plan(plan), keys::period(period));
        // A record whose key tells no id is taken, and refused as it is read.
        let within = |kv: &Result<(sled::IVec, sled::IVec), StoreError>| {
            kv.as_ref().map_or(true, |(k, _)| keys::item_id_from(k).is_none_or(|id| before.is_none_or(|end| id < end)))
        };
        let mut items = self.range_after(TreeId::Items, &plan_key, item_after.as_ref().map(|k| &k[..]))?.peekable();
        // Heads and texts are read beside the items, all three trees in item order.
        let entry_after = entry_after.as_ref().map(|k| &k[..]);
        let mut heads = self.range_after(TreeId::Entries, &period_key, entry_after)?.peekable();
        let mut texts = self.range_after(TreeId::Texts, &period_key, entry_after)?.peekable();
        let (mut run, mut bytes) = (Vec::new(), 0);
        while let Some(kv) = items.next_if(within) {
            let (key, value) = kv?;
            let id = keys::item_id_from(&key).ok_or_else(|| self.bad_key(TreeId::Items, &key))?;
            let item: Item = codec::decode(&value).map_err(|e| self.corrupt(TreeId::Items, e))?;
            let key = keys::entry(period, id);
            let (entry, info) = match value_at(&mut heads, &key)? {
                Some(head) => {
                    let (head, info) = self.head_and_text::<Bytes>(&head, || value_at(&mut texts, &key))?;
                    (Some(head.into_entry(None)), info.map(|t| t.0))
                }
                None => (None, None),
            };
            let row = StoredRow { item, entry, info };
            bytes += row.weight();
            run.push(row);
            if bytes >= crate::model::DUMP_PART_BYTES {
                break;
            }
        }
        let last = items.peek().is_none_or(|kv| !within(kv));
        Ok((run, last))
    }

    /// The entry of a stored head, with its text from `text` when it is kept apart.
    fn entry_of(
        &self,
        head: &[u8],
        text: impl FnOnce() -> Result<Option<sled::IVec>, StoreError>,
    ) -> Result<Entry, StoreError> {
        let (head, text) = self.head_and_text::<String>(head, text)?;
        Ok(head.into_entry(text))
    }

    /// A stored head, and the text from `text` as a `T` (a `String`, or its bytes
    /// unchecked) when the head keeps it apart.
    fn head_and_text<T: serde::de::DeserializeOwned>(
        &self,
        head: &[u8],
        text: impl FnOnce() -> Result<Option<sled::IVec>, StoreError>,
    ) -> Result<(EntryHead, Option<T>), StoreError> {
        let head: EntryHead = codec::decode(head).map_err(|e| self.corrupt(TreeId::Entries, e))?;
        let text = match (head.text_apart(), text()?) {
            (true, Some(t)) => Some(codec::decode_as::<EntryText, T>(&t).map_err(|e| self.corrupt(TreeId::Texts, e))?),
            _ => None,
        };
        Ok((head, text))
    }

    /// As `entries`, without the execution texts (the list a screen or `status` shows):
    /// the texts tree is not read at all.
    pub fn entry_heads(&self, period: PeriodId) -> Result<Vec<(ItemId, Entry)>, StoreError> {
        let mut out = Vec::new();
        for (key, head) in self.scan::<EntryHead>(TreeId::Entries, &keys::period(period))? {
            out.push((self.entry_item(TreeId::Entries, &key)?, Entry { info: String::new(), ..head.into_entry(None) }));
        }
        Ok(out)
    }

    /// As `entry_heads`, of the items `first` to `last` only (a part of a list).
    pub fn entry_heads_between(
        &self,
        period: PeriodId,
        first: ItemId,
        last: ItemId,
    ) -> Result<Vec<(ItemId, Entry)>, StoreError> {
        let before = first.0.checked_sub(1).map(|id| keys::entry(period, ItemId(id)));
        let mut out = Vec::new();
        for kv in self.range_after(TreeId::Entries, &keys::period(period), before.as_ref().map(|k| &k[..]))? {
            let (key, value) = kv?;
            let id = self.entry_item(TreeId::Entries, &key)?;
            if id > last {
                break;
            }
            let head: EntryHead = codec::decode(&value).map_err(|e| self.corrupt(TreeId::Entries, e))?;
            out.push((id, Entry { info: String::new(), ..head.into_entry(None) }));
        }
        Ok(out)
    }

    pub fn entry(&self, period: PeriodId, id: ItemId) -> Result<Option<Entry>, StoreError> {
        let key = keys::entry(period, id);
        let Some(head) = self.get::<EntryHead>(TreeId::Entries, &key)? else { return Ok(None) };
        let text = match head.text_apart() {
            true => self.get::<EntryText>(TreeId::Texts, &key)?.map(|t| t.0),
            false => None,
        };
        Ok(Some(head.into_entry(text)))
    }

    /// The item of an entry-keyed record's key.
    pub(super) fn entry_item(&self, tree: TreeId, key: &[u8]) -> Result<ItemId, StoreError> {
        keys::entry_item_from(key).ok_or_else(|| self.bad_key(tree, key))
    }

    fn bad_key(&self, tree: TreeId, key: &[u8]) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
            tree: tree.said(),
            detail: tr!("store-bad-key", key = format!("{key:?}")),
        }
    }
}

/// The value under `key` in a tree read in key order, the keys before it passed by.
fn value_at<I>(tree: &mut std::iter::Peekable<I>, key: &[u8]) -> Result<Option<sled::IVec>, StoreError>
where
    I: Iterator<Item = Result<(sled::IVec, sled::IVec), StoreError>>,
{
    while let Some(kv) = tree.next_if(|kv| kv.as_ref().map_or(true, |(k, _)| k.as_ref() <= key)) {
        let (k, v) = kv?;
        if k == key {
            return Ok(Some(v));
        }
    }
    Ok(None)
}
