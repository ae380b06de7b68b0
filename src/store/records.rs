//! What the store keeps besides the domain's own types, and the format version of each.

use serde::{Deserialize, Serialize};

use crate::codec::{Kind, Record};
use crate::domain::{Entry, Item, Period, Plan, Role, Stamp};

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RevisionSource {
    Edit,
    Import,
    /// An older text brought back from the history.
    Restore,
}

/// One saved state of an entry; the history of an entry is its revisions in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub revision: u64,
    pub by: String,
    pub at: Stamp,
    pub info: String,
    pub assessment: String,
    pub source: RevisionSource,
}

impl Record for Revision {
    const KIND: Kind = Kind::Revision;
    const VERSION: u8 = 1;
}

/// Unsaved text kept for one user, offered again when the item is reopened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub info: String,
    pub assessment: String,
    /// The entry's revision the edit started from.
    pub base_revision: u64,
    pub saved_at: Stamp,
}

impl Record for Draft {
    const KIND: Kind = Kind::Draft;
    const VERSION: u8 = 1;
}

/// Store-wide settings shared by every user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The standard assessments offered with one key each.
    pub assessments: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            assessments: vec![
                "выполнено в полном объеме в установленные сроки".into(),
                "выполняется в полном объеме в установленные сроки".into(),
                "выполнено частично".into(),
                "не выполнено".into(),
            ],
        }
    }
}

impl Record for Settings {
    const KIND: Kind = Kind::Settings;
    const VERSION: u8 = 1;
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRecord {
    pub name: String,
    pub role: Role,
}

impl Record for UserRecord {
    const KIND: Kind = Kind::User;
    const VERSION: u8 = 1;
}

/// Who created the store: its first admin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub uid: u32,
    pub name: String,
    pub created_at: Stamp,
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
