//! The store's layout version: written when a store is created, checked on every open.
//! A store of an older layout is migrated; one of a newer layout is refused untouched.

use super::{Changes, SchemaVersion, Store, StoreError, TreeId};

/// Bump when the trees or keys change, and add the step to `migrate`.
pub const CURRENT: u32 = 1;

pub(super) fn check_and_migrate(store: &Store) -> Result<(), StoreError> {
    let found: Option<SchemaVersion> = match store.get(TreeId::Meta, b"schema") {
        Err(StoreError::NewerRecord { .. }) => {
            return Err(StoreError::NewerSchema { path: store.path.clone(), found: u32::MAX, supported: CURRENT });
        }
        other => other?,
    };
    match found {
        None if store_is_blank(store) => write_version(store, CURRENT),
        None => Err(StoreError::Corrupt {
            path: store.path.clone(),
            tree: "meta".into(),
            detail: "no schema version in a store that holds data".into(),
        }),
        Some(SchemaVersion(v)) if v == CURRENT => Ok(()),
        Some(SchemaVersion(v)) if v > CURRENT => {
            Err(StoreError::NewerSchema { path: store.path.clone(), found: v, supported: CURRENT })
        }
        Some(SchemaVersion(v)) => migrate(store, v),
    }
}

fn store_is_blank(store: &Store) -> bool {
    TreeId::ALL.iter().all(|t| store.tree(*t).is_empty())
}

fn write_version(store: &Store, version: u32) -> Result<(), StoreError> {
    let mut changes = Changes::default();
    changes.put(TreeId::Meta, b"schema", &SchemaVersion(version))?;
    store.commit(changes)
}

fn migrate(store: &Store, from: u32) -> Result<(), StoreError> {
    // No older layouts exist yet: version 1 is the first.
    Err(StoreError::Corrupt {
        path: store.path.clone(),
        tree: "meta".into(),
        detail: format!("unknown schema version {from}"),
    })
}
