//! The whole store as JSON: the backup format, which `otchet import` loads into an empty
//! store.

use crate::store::StoreDump;

pub fn write(dump: &StoreDump) -> serde_json::Result<Vec<u8>> {
    // The owner is the store's, not its content's: a load never restores it (the restoring
    // user owns the new store), so leaving it out lets a restored store export the same bytes.
    let dump = StoreDump { owner: None, ..dump.clone() };
    let mut bytes = serde_json::to_vec_pretty(&dump)?;
    bytes.push(b'\n');
    Ok(bytes)
}
