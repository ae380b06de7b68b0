//! What the store keeps besides the domain's own types, and the format version of each.

use serde::{Deserialize, Serialize};

use crate::codec::{Kind, Record};
use crate::domain::{Entry, Item, Period, Plan};
use crate::model::{Draft, Owner, Revision, Settings, UserRecord};

impl Record for Plan {
    const KIND: Kind = Kind::Plan;
    const VERSION: u8 = 1;
}

impl Record for Item {
    const KIND: Kind = Kind::Item;
    const VERSION: u8 = 1;
}

impl Record for Period {
    const KIND: Kind = Kind::Period;
    const VERSION: u8 = 1;
}

impl Record for Entry {
    const KIND: Kind = Kind::Entry;
    const VERSION: u8 = 1;
}

/// The layout version of the whole store, kept in the meta tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaVersion(pub u32);

impl Record for SchemaVersion {
    const KIND: Kind = Kind::Schema;
    const VERSION: u8 = 1;
}

impl Record for Revision {
    const KIND: Kind = Kind::Revision;
    const VERSION: u8 = 1;
}

impl Record for Draft {
    const KIND: Kind = Kind::Draft;
    const VERSION: u8 = 1;
}

impl Record for Settings {
    const KIND: Kind = Kind::Settings;
    const VERSION: u8 = 1;
}

impl Record for UserRecord {
    const KIND: Kind = Kind::User;
    const VERSION: u8 = 1;
}

impl Record for Owner {
    const KIND: Kind = Kind::Owner;
    const VERSION: u8 = 1;
}

/// How many transactions the store has committed: kept in the meta tree with every commit
/// and beside sled's files in `otchet.format`, so that files which lost commits are noticed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitCount(pub u64);

impl Record for CommitCount {
    const KIND: Kind = Kind::Commits;
    const VERSION: u8 = 1;
}
