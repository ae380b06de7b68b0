//! The store's layout version: written when a store is created, checked on every open.
//! A store of an older layout is migrated step by step; one of a newer layout is refused
//! and left untouched.
//!
//! To add layout N+1 (new trees or keys, records moved or split):
//! 1. before changing anything, freeze a store of layout N as `tests/fixtures/store-vN/`
//!    (tests/fixtures/README.md says how) and open it in `tests/store_upgrade.rs`;
//! 2. bump `CURRENT` to N+1 and append to `STEPS` a function that reads a store of layout
//!    N and returns the `Changes` that make it layout N+1. Each step is committed in one
//!    transaction together with the new version number, under the writer lock, so a crash
//!    leaves the store wholly at one layout or the next, and the next open goes on.
//!
//! A record whose own shape changes (a field added) needs no layout step: bump its
//! `Record::VERSION` and teach its `decode_old` the previous shape (codec.rs).

use super::{Changes, SchemaVersion, Store, StoreError, TreeId};

/// Bump when the trees or keys change, and add the step to `STEPS`.
pub const CURRENT: u32 = 2;

/// Reads a store of one layout; returns the changes that make it the next one.
type Step = fn(&Store) -> Result<Changes, StoreError>;

/// `STEPS[i]` brings a store from layout `i + 1` to `i + 2`.
const STEPS: &[Step] = &[to_layout_2];

/// Layout 2 adds the `reviews` tree, empty in a store of layout 1 (whose entries are all
/// open); nothing moves. The new number keeps an older otchet from writing to a store whose
/// review history it would not keep.
fn to_layout_2(_: &Store) -> Result<Changes, StoreError> {
    Ok(Changes::default())
}

/// `had_data`: sled's files were there and not empty before this open.
pub(super) fn check_and_migrate(store: &Store, had_data: bool) -> Result<(), StoreError> {
    check_and_migrate_with(store, had_data, CURRENT, STEPS)
}

fn check_and_migrate_with(store: &Store, had_data: bool, current: u32, steps: &[Step]) -> Result<(), StoreError> {
    // A schema record of a newer format version is refused as `NewerRecord`, untouched.
    let found: Option<SchemaVersion> = store.get(TreeId::Meta, b"schema")?;
    match found {
        // Files that held at least this record now read back as nothing: never show that
        // as a new, empty store.
        None if store_is_blank(store) && had_data => Err(StoreError::Damaged {
            path: store.path.clone(),
            detail: crate::tr!("store-no-records"),
            untouched: false,
        }),
        None if store_is_blank(store) => write_version(store, current),
        None => Err(StoreError::Corrupt {
            path: store.path.clone(),
            tree: TreeId::Meta.said(),
            detail: crate::tr!("store-no-schema"),
        }),
        Some(SchemaVersion(v)) if v == current => Ok(()),
        Some(SchemaVersion(v)) if v > current => {
            Err(StoreError::NewerSchema { path: store.path.clone(), found: v, supported: current })
        }
        Some(SchemaVersion(v)) => migrate(store, v, current, steps),
    }
}

fn store_is_blank(store: &Store) -> bool {
    TreeId::ALL.iter().all(|t| store.tree(*t).is_ok_and(|tree| tree.is_empty()))
}

fn write_version(store: &Store, version: u32) -> Result<(), StoreError> {
    let mut changes = Changes::default();
    changes.put(TreeId::Meta, b"schema", &SchemaVersion(version))?;
    store.commit(changes)
}

fn migrate(store: &Store, from: u32, current: u32, steps: &[Step]) -> Result<(), StoreError> {
    let _writer = store.lock_writer();
    for version in from..current {
        let step = version.checked_sub(1).and_then(|i| steps.get(i as usize)).ok_or_else(|| StoreError::Corrupt {
            path: store.path.clone(),
            tree: TreeId::Meta.said(),
            detail: crate::tr!("store-unknown-schema", version = version),
        })?;
        let mut changes = step(store)?;
        changes.put(TreeId::Meta, b"schema", &SchemaVersion(version + 1))?;
        store.commit(changes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Settings;
    use crate::store::StoreOptions;

    /// A made-up layout 2 (for this test only): the standard assessments gain one.
    fn add_an_assessment(store: &Store) -> Result<Changes, StoreError> {
        let mut settings = store.settings()?;
        settings.assessments.push("перенесено в следующий квартал".into());
        let mut changes = Changes::default();
        changes.put(TreeId::Settings, b"settings", &settings)?;
        Ok(changes)
    }

    fn failing(_: &Store) -> Result<Changes, StoreError> {
        Err(StoreError::Write { detail: "simulated".into() })
    }

    fn schema_of(store: &Store) -> u32 {
        store.get::<SchemaVersion>(TreeId::Meta, b"schema").unwrap().unwrap().0
    }

    #[test]
    fn an_older_layout_is_migrated_step_by_step_and_a_failed_step_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &StoreOptions::default()).unwrap();
        assert_eq!(schema_of(&store), CURRENT);
        // A made-up next layout: this program's steps, and one more.
        let with = |step: Step| -> Vec<Step> { STEPS.iter().copied().chain([step]).collect() };
        let next = CURRENT + 1;

        let err = check_and_migrate_with(&store, true, next, &with(failing)).unwrap_err();
        assert!(matches!(err, StoreError::Write { .. }));
        assert_eq!((schema_of(&store), store.settings().unwrap()), (CURRENT, Settings::default()));

        check_and_migrate_with(&store, true, next, &with(add_an_assessment)).unwrap();
        assert_eq!(schema_of(&store), next);
        assert_eq!(store.settings().unwrap().assessments.len(), Settings::default().assessments.len() + 1);
        // Opened again by the same program: nothing more to do.
        check_and_migrate_with(&store, true, next, &with(add_an_assessment)).unwrap();
        assert_eq!(store.settings().unwrap().assessments.len(), Settings::default().assessments.len() + 1);
        // The program of the layout before now refuses it.
        let err = check_and_migrate_with(&store, true, CURRENT, STEPS).unwrap_err();
        assert!(
            matches!(err, StoreError::NewerSchema { found, supported, .. } if found == next && supported == CURRENT),
            "{err:?}"
        );
        // A layout with no step to it is an error, not a guess.
        let err = check_and_migrate_with(&store, true, next + 1, &with(add_an_assessment)).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    }

    #[test]
    fn a_store_of_layout_1_becomes_layout_2_with_its_records_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &StoreOptions::default()).unwrap();
        let mut changes = Changes::default();
        changes.put(TreeId::Meta, b"schema", &SchemaVersion(1)).unwrap();
        store.commit(changes).unwrap();
        check_and_migrate_with(&store, true, 2, STEPS).unwrap();
        assert_eq!(schema_of(&store), 2);
        assert!(store.tree(TreeId::Reviews).unwrap().is_empty());
    }

    #[test]
    fn a_store_whose_files_lost_everything_is_damaged_not_new() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &StoreOptions::default()).unwrap();
        store.tree(TreeId::Meta).unwrap().clear().unwrap();
        let err = check_and_migrate_with(&store, true, CURRENT, STEPS).unwrap_err();
        assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}");
        check_and_migrate_with(&store, false, CURRENT, STEPS).unwrap();
    }
}
