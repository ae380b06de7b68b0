//! Who is editing which item, per connection: advisory, never stored, released when the
//! editor saves, leaves the item or disconnects.

use std::collections::{BTreeMap, HashMap};

use crate::domain::{ItemId, PeriodId};

pub type ItemKey = (PeriodId, ItemId);

#[derive(Default)]
pub struct Presence {
    editing: HashMap<ItemKey, BTreeMap<u64, String>>,
}

impl Presence {
    /// Marks a connection as editing an item or not; the item's editors when that changed
    /// the names shown (a second window of the same user changes nothing).
    pub fn set(&mut self, session: u64, name: &str, key: ItemKey, editing: bool) -> Option<Vec<String>> {
        let before = self.users(key);
        if editing {
            self.editing.entry(key).or_default().insert(session, name.to_owned());
        } else if let Some(editors) = self.editing.get_mut(&key) {
            editors.remove(&session);
            if editors.is_empty() {
                self.editing.remove(&key);
            }
        }
        let after = self.users(key);
        (after != before).then_some(after)
    }

    /// Releases every item a connection was editing; the items whose editors changed.
    pub fn release_all(&mut self, session: u64) -> Vec<(ItemKey, Vec<String>)> {
        let keys: Vec<ItemKey> =
            self.editing.iter().filter(|(_, editors)| editors.contains_key(&session)).map(|(k, _)| *k).collect();
        keys.into_iter().filter_map(|key| self.set(session, "", key, false).map(|users| (key, users))).collect()
    }

    /// Every item someone is editing, for a client that just connected.
    pub fn all(&self) -> Vec<(ItemKey, Vec<String>)> {
        self.editing.keys().map(|key| (*key, self.users(*key))).collect()
    }

    /// The editors' names, sorted, each once.
    pub fn users(&self, key: ItemKey) -> Vec<String> {
        let mut names: Vec<String> =
            self.editing.get(&key).map(|editors| editors.values().cloned().collect()).unwrap_or_default();
        names.sort();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(item: u32) -> ItemKey {
        (PeriodId::parse("2020-Q1").unwrap(), ItemId(item))
    }

    #[test]
    fn editors_come_and_go() {
        let mut p = Presence::default();
        assert_eq!(p.set(1, "ivanova", key(5), true), Some(vec!["ivanova".to_owned()]));
        assert_eq!(p.set(2, "petrova", key(5), true), Some(vec!["ivanova".to_owned(), "petrova".to_owned()]));
        // The same user in a second window: the names shown do not change.
        assert_eq!(p.set(3, "ivanova", key(5), true), None);
        assert_eq!(p.set(1, "ivanova", key(5), false), None);
        assert_eq!(p.set(3, "ivanova", key(5), false), Some(vec!["petrova".to_owned()]));
        assert_eq!(p.set(9, "nobody", key(5), false), None);
        assert_eq!(p.set(2, "petrova", key(6), true), Some(vec!["petrova".to_owned()]));
        let mut released = p.release_all(2);
        released.sort_by_key(|(k, _)| k.1);
        assert_eq!(released, vec![(key(5), vec![]), (key(6), vec![])]);
        assert!(p.all().is_empty());
    }
}
